#include "telephony/streamsigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>

namespace ringside::telephony {

namespace {

constexpr char kVersion[] = "v1";

void appendField(QByteArray *data, const QByteArray &field)
{
    *data += QByteArray::number(field.size());
    *data += ':';
    *data += field;
    *data += '\n';
}

bool isHex(const QByteArray &s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray StreamSigner::keyFrom(const QByteArray &streamSecret, const QByteArray &twilioAuthToken)
{
    const QByteArray secret = !streamSecret.isEmpty() ? streamSecret : twilioAuthToken;
    if (secret.isEmpty())
        return {};
    return QMessageAuthenticationCode::hash(QByteArrayLiteral("ringside stream parameters v1"), secret, QCryptographicHash::Sha256);
}

StreamSigner::StreamSigner(QByteArray key) : m_key(std::move(key)) {}

QByteArray StreamSigner::mac(const QHash<QString, QString> &parameters, qint64 expiresAt, const QByteArray &nonceHex) const
{
    QStringList names = parameters.keys();
    names.removeAll(QLatin1String(kParameter));
    std::sort(names.begin(), names.end());
    QByteArray data = kVersion;
    data += '\n';
    appendField(&data, QByteArray::number(expiresAt));
    appendField(&data, nonceHex);
    for (const QString &name : std::as_const(names)) {
        appendField(&data, name.toUtf8());
        appendField(&data, parameters.value(name).toUtf8());
    }
    return QMessageAuthenticationCode::hash(data, m_key, QCryptographicHash::Sha256).toHex();
}

QString StreamSigner::sign(const QHash<QString, QString> &parameters, qint64 expiresAt, QByteArray nonce) const
{
    if (m_key.isEmpty())
        return QString();
    if (nonce.isEmpty()) {
        nonce.resize(12);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 3);
    }
    const QByteArray nonceHex = nonce.toHex();
    return QStringLiteral("%1.%2.%3.%4")
            .arg(QLatin1String(kVersion))
            .arg(expiresAt)
            .arg(QString::fromLatin1(nonceHex), QString::fromLatin1(mac(parameters, expiresAt, nonceHex)));
}

void StreamSigner::signInto(QHash<QString, QString> *parameters, const QString &callSid, int ttlSeconds) const
{
    parameters->remove(QLatin1String(kParameter));
    if (!callSid.isEmpty())
        parameters->insert(QLatin1String(kCallSidParameter), callSid);
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + ttlSeconds;
    parameters->insert(QLatin1String(kParameter), sign(*parameters, expiry));
}

void StreamSigner::forgetExpired(qint64 now)
{
    // Swept at most once a second, or when the ledger is full.
    if (now == m_lastSweep && m_spent.size() < kMaxRemembered)
        return;
    m_lastSweep = now;
    for (auto it = m_spent.begin(); it != m_spent.end();) {
        if (it.value() < now)
            it = m_spent.erase(it);
        else
            ++it;
    }
}

StreamSigner::Verdict StreamSigner::verify(const QHash<QString, QString> &parameters, const QString &callSid, qint64 now, QString *why)
{
    auto refuse = [why](Verdict v, const QString &text) {
        *why = text;
        return v;
    };
    if (m_key.isEmpty())
        return refuse(Verdict::Unsigned, QStringLiteral("no stream secret is configured (RINGSIDE_STREAM_SECRET or TWILIO_AUTH_TOKEN)"));
    const auto it = parameters.find(QLatin1String(kParameter));
    if (it == parameters.end() || it->isEmpty())
        return refuse(Verdict::Missing, QStringLiteral("%1: the signature parameter is missing").arg(QLatin1String(kParameter)));
    const QList<QByteArray> parts = it->toLatin1().split('.');
    bool expiryOk = false;
    const qint64 expiry = parts.size() == 4 ? parts[1].toLongLong(&expiryOk) : 0;
    if (parts.size() != 4 || parts[0] != kVersion || !expiryOk || parts[2].size() != 24 || !isHex(parts[2]) || parts[3].size() != 64
        || !isHex(parts[3]))
        return refuse(Verdict::Malformed, QStringLiteral("%1: not a v1 signature").arg(QLatin1String(kParameter)));
    if (!sameSecret(mac(parameters, expiry, parts[2]), parts[3]))
        return refuse(Verdict::BadSignature, QStringLiteral("%1: the parameters do not match their signature").arg(QLatin1String(kParameter)));
    if (expiry < now)
        return refuse(Verdict::Expired, QStringLiteral("%1: expired %2 s ago").arg(QLatin1String(kParameter)).arg(now - expiry));
    if (expiry > now + kMaxLifetimeSeconds)
        return refuse(Verdict::Malformed, QStringLiteral("%1: valid for more than a day").arg(QLatin1String(kParameter)));
    const auto bound = parameters.find(QLatin1String(kCallSidParameter));
    if (bound != parameters.end() && *bound != callSid)
        return refuse(Verdict::WrongCall, QStringLiteral("%1: signed for another call").arg(QLatin1String(kParameter)));
    forgetExpired(now);
    if (m_spent.contains(parts[2]))
        return refuse(Verdict::Replayed, QStringLiteral("%1: already used by another stream").arg(QLatin1String(kParameter)));
    if (m_spent.size() >= kMaxRemembered)
        return refuse(Verdict::Replayed, QStringLiteral("%1: too many live signatures; try again shortly").arg(QLatin1String(kParameter)));
    m_spent.insert(parts[2], expiry);
    return Verdict::Ok;
}

QString verdictText(StreamSigner::Verdict verdict)
{
    switch (verdict) {
    case StreamSigner::Verdict::Ok: return QStringLiteral("ok");
    case StreamSigner::Verdict::Missing: return QStringLiteral("missing");
    case StreamSigner::Verdict::Malformed: return QStringLiteral("malformed");
    case StreamSigner::Verdict::Expired: return QStringLiteral("expired");
    case StreamSigner::Verdict::BadSignature: return QStringLiteral("bad signature");
    case StreamSigner::Verdict::WrongCall: return QStringLiteral("wrong call");
    case StreamSigner::Verdict::Replayed: return QStringLiteral("replayed");
    case StreamSigner::Verdict::Unsigned: return QStringLiteral("unsigned");
    }
    return QString();
}

} // namespace ringside::telephony
