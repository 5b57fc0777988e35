#include "platforms/webhooksignature.h"

#include <QMessageAuthenticationCode>

namespace ringside::platforms {

QByteArray webhookSignature(const QByteArray &secret, const QByteArray &rawBody)
{
    return QMessageAuthenticationCode::hash(rawBody, secret, QCryptographicHash::Sha256).toBase64();
}

bool verifyWebhookSignature(const QByteArray &secret, const QByteArray &rawBody, const QByteArray &header)
{
    if (secret.isEmpty())
        return false;
    const QByteArray expected = webhookSignature(secret, rawBody);
    const QByteArray given = header.trimmed();
    // Length is not secret (it is fixed by SHA-256); the bytes are compared without an early exit.
    unsigned char diff = given.size() == expected.size() ? 0 : 1;
    const qsizetype n = qMin(given.size(), expected.size());
    for (qsizetype i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return diff == 0;
}

} // namespace ringside::platforms
