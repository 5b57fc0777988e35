#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ringside::telephony {

// One operator who may sign in to /monitor: the name the gateway knows them by and their token,
// kept as its SHA-256 so a configuration file does not hold the token itself.
struct OperatorCredential
{
    QString name;
    QByteArray tokenSha256; // 32 raw bytes

    static OperatorCredential fromToken(const QString &name, const QString &token);
};

// The operators file (`serve --operators FILE`, docs/security.md):
//   {"operators": [{"name": "asha", "token_sha256": "<64 hex>"}, {"name": "ravi", "token": "<plain>"}]}
// Names are 1–64 letters, digits, '.', '_' or '-' and unique; tokens at least 16 characters.
// Fails naming the entry and the field.
Result<QList<OperatorCredential>> readOperatorCredentials(const QString &path);
Result<QList<OperatorCredential>> parseOperatorCredentials(const QByteArray &jsonText);

// Who may use /monitor and /metrics, decided from the handshake alone:
//  - with credentials, a console must present a token (Authorization: Bearer T, or ?token=T) and
//    it is the operator that token belongs to — whatever name it asks for;
//  - with none (development on loopback only), anyone connecting is whoever they say.
// Browser pages are told apart by their Origin header: only listed origins may open /monitor.
class MonitorAccess
{
public:
    MonitorAccess() = default;
    MonitorAccess(QList<OperatorCredential> operators, QString metricsToken, QStringList allowedOrigins);

    bool isOpen() const { return m_operators.isEmpty(); }
    // The operator a presented token belongs to (compared in constant time against each), or empty.
    QString operatorFor(const QByteArray &token) const;
    bool metricsAllowed(const QByteArray &token) const;
    // No Origin (not a browser) is fine; a browser's must be listed.
    bool originAllowed(const QByteArray &origin) const;

    // Adds a random token for an operator named `name`; returns it (hex). For a gateway bound
    // beyond loopback with no credentials configured.
    QString generateToken(const QString &name);

private:
    QList<OperatorCredential> m_operators;
    QByteArray m_metricsTokenSha256;
    QStringList m_allowedOrigins;
};

// The token a request presents: "Authorization: Bearer T" or the `token` query item.
QByteArray presentedToken(const QByteArray &authorizationHeader, const QString &queryToken);

} // namespace ringside::telephony
