#include "telephony/operatorcredentials.h"

#include "telephony/streamsigner.h"
#include "util/remotejson.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace ringside::telephony {

namespace {

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

bool validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return re.match(name).hasMatch();
}

QString normalisedOrigin(const QString &origin)
{
    const QUrl url(origin.trimmed());
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return origin.trimmed().toLower();
    QString text = url.scheme().toLower() + QStringLiteral("://") + url.host().toLower();
    if (url.port() != -1)
        text += QLatin1Char(':') + QString::number(url.port());
    return text;
}

} // namespace

OperatorCredential OperatorCredential::fromToken(const QString &name, const QString &token)
{
    return { name, sha256(token.toUtf8()) };
}

Result<QList<OperatorCredential>> parseOperatorCredentials(const QByteArray &jsonText)
{
    using R = Result<QList<OperatorCredential>>;
    const json doc = parseRemoteJson(jsonText);
    if (doc.is_discarded())
        return R::failure(QStringLiteral("not JSON"));
    const json &list = arrayAt(doc, "operators");
    if (!doc.is_object() || !doc.contains("operators") || !doc["operators"].is_array())
        return R::failure(QStringLiteral("operators: required array is missing"));
    QList<OperatorCredential> out;
    QSet<QString> names;
    int i = 0;
    for (const json &entry : list) {
        const QString where = QStringLiteral("operators[%1]").arg(i++);
        if (!entry.is_object())
            return R::failure(QStringLiteral("%1: must be an object with name and token_sha256 (or token)").arg(where));
        const QString name = stringAt(entry, "name");
        if (!validName(name))
            return R::failure(QStringLiteral("%1.name: must be 1–64 letters, digits, '.', '_' or '-'").arg(where));
        if (names.contains(name))
            return R::failure(QStringLiteral("%1.name: \"%2\" is listed twice").arg(where, name));
        names.insert(name);
        const QString hash = stringAt(entry, "token_sha256").trimmed().toLower();
        const QString token = stringAt(entry, "token");
        if (!hash.isEmpty()) {
            static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
            if (!hex.match(hash).hasMatch())
                return R::failure(QStringLiteral("%1.token_sha256: must be 64 hex digits (sha256sum of the token)").arg(where));
            out.append({ name, QByteArray::fromHex(hash.toLatin1()) });
        } else if (!token.isEmpty()) {
            if (token.size() < 16)
                return R::failure(QStringLiteral("%1.token: shorter than 16 characters").arg(where));
            out.append(OperatorCredential::fromToken(name, token));
        } else {
            return R::failure(QStringLiteral("%1: token_sha256 (or token) is missing").arg(where));
        }
    }
    if (out.isEmpty())
        return R::failure(QStringLiteral("operators: the list is empty"));
    return out;
}

Result<QList<OperatorCredential>> readOperatorCredentials(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QList<OperatorCredential>>::failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    auto parsed = parseOperatorCredentials(file.read(1024 * 1024));
    if (!parsed.ok())
        return Result<QList<OperatorCredential>>::failure(QStringLiteral("%1: %2").arg(path, parsed.error()));
    return parsed;
}

MonitorAccess::MonitorAccess(QList<OperatorCredential> operators, QString metricsToken, QStringList allowedOrigins)
    : m_operators(std::move(operators))
    , m_metricsTokenSha256(metricsToken.isEmpty() ? QByteArray() : sha256(metricsToken.toUtf8()))
{
    for (const QString &o : allowedOrigins)
        m_allowedOrigins << normalisedOrigin(o);
}

QString MonitorAccess::operatorFor(const QByteArray &token) const
{
    if (token.isEmpty())
        return QString();
    const QByteArray presented = sha256(token);
    QString found;
    // Every entry is compared, so the time taken does not say which one matched.
    for (const OperatorCredential &c : m_operators) {
        if (sameSecret(presented, c.tokenSha256) && found.isEmpty())
            found = c.name;
    }
    return found;
}

bool MonitorAccess::metricsAllowed(const QByteArray &token) const
{
    if (isOpen() && m_metricsTokenSha256.isEmpty())
        return true;
    if (!m_metricsTokenSha256.isEmpty() && !token.isEmpty() && sameSecret(sha256(token), m_metricsTokenSha256))
        return true;
    return !operatorFor(token).isEmpty();
}

bool MonitorAccess::originAllowed(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return true;
    return m_allowedOrigins.contains(normalisedOrigin(QString::fromUtf8(origin)));
}

QString MonitorAccess::generateToken(const QString &name)
{
    QByteArray secret(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    const QString token = QString::fromLatin1(secret.toHex());
    m_operators.append(OperatorCredential::fromToken(name, token));
    return token;
}

QByteArray presentedToken(const QByteArray &authorizationHeader, const QString &queryToken)
{
    const QByteArray header = authorizationHeader.trimmed();
    if (header.size() > 7 && header.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return header.mid(7).trimmed();
    return queryToken.toUtf8();
}

} // namespace ringside::telephony
