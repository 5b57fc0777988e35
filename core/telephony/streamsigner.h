#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace ringside::telephony {

// What a media stream may say about its call (agent, customer, order, cart, var.*, from, to,
// direction, the provider's callSid) is trusted only when the gateway itself signed it: the
// TwiML answer to a verified webhook, `ringside-engine call`, or a tool holding the same secret
// (loadgen, the stand-in caller, the console's embedded engine). The signature is one more
// parameter, `ringside_auth`:
//
//     v1.<expiry, Unix seconds>.<nonce, 24 hex>.<hex HMAC-SHA256>
//
// over every other parameter (name and value, length-prefixed, sorted by name), the expiry and
// the nonce, keyed with a key derived from the configured secret. A `call_sid` parameter binds
// the signature to one provider call. The nonce makes each signature single use: the gateway
// remembers the nonces it has accepted until they expire and refuses them again (a replay).
class StreamSigner
{
public:
    // The signing key from the configured secret (RINGSIDE_STREAM_SECRET, else TWILIO_AUTH_TOKEN):
    // HMAC-SHA256(secret, label), so the Twilio token itself is never the key. Empty when both
    // are empty: nothing can be signed and every stream is refused.
    static QByteArray keyFrom(const QByteArray &streamSecret, const QByteArray &twilioAuthToken);

    explicit StreamSigner(QByteArray key = {});
    bool canSign() const { return !m_key.isEmpty(); }

    // The `ringside_auth` value for these parameters (any `ringside_auth` in them is ignored),
    // valid until `expiresAt` (Unix seconds). `nonce`: 12 bytes; random when empty.
    QString sign(const QHash<QString, QString> &parameters, qint64 expiresAt, QByteArray nonce = {}) const;
    // Adds `ringside_auth` (and `call_sid` when given) to `parameters`, valid for `ttlSeconds`.
    void signInto(QHash<QString, QString> *parameters, const QString &callSid, int ttlSeconds) const;

    enum class Verdict { Ok, Missing, Malformed, Expired, BadSignature, WrongCall, Replayed, Unsigned };
    // Checks `parameters` (with their `ringside_auth`) at `now` (Unix seconds) for a stream whose
    // provider call is `callSid`, and spends the nonce. `why` names the problem for the log.
    Verdict verify(const QHash<QString, QString> &parameters, const QString &callSid, qint64 now, QString *why);

    // Nonces remembered now (accepted and not yet expired).
    int rememberedNonces() const { return int(m_spent.size()); }

    static constexpr const char *kParameter = "ringside_auth";
    static constexpr const char *kCallSidParameter = "call_sid";
    static constexpr int kMaxRemembered = 200000; // beyond this (unexpired), streams are refused
    static constexpr qint64 kMaxLifetimeSeconds = 24 * 3600;

private:
    QByteArray mac(const QHash<QString, QString> &parameters, qint64 expiresAt, const QByteArray &nonceHex) const;
    void forgetExpired(qint64 now);

    QByteArray m_key;
    QHash<QByteArray, qint64> m_spent; // nonce (hex) → its expiry
    qint64 m_lastSweep = 0;
};

QString verdictText(StreamSigner::Verdict verdict);

// Constant-time comparison of two secrets or MACs (only the lengths leak).
bool sameSecret(const QByteArray &a, const QByteArray &b);

} // namespace ringside::telephony
