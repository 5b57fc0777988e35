#pragma once
// Twilio's HTTP side of an inbound call: the form-encoded voice webhook, its X-Twilio-Signature,
// and the TwiML answer that connects the call to the media WebSocket.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ringside::telephony {

using FormFields = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded: '+' is a space, %XX decoded as UTF-8; order kept.
FormFields parseForm(const QByteArray &body);
QString formValue(const FormFields &fields, const QString &name);
QByteArray encodeForm(const FormFields &fields);

// X-Twilio-Signature: base64(HMAC-SHA1(authToken, fullUrl + each POST field's name and value,
// fields sorted by name)). `fullUrl` is the URL Twilio requested, query string included.
QByteArray twilioSignature(const QByteArray &authToken, const QString &fullUrl, const FormFields &fields);
// Constant-time comparison of the header against the expected signature.
bool verifyTwilioSignature(const QByteArray &authToken, const QString &fullUrl, const FormFields &fields,
                           const QByteArray &header);

// <Response><Connect><Stream url="…"><Parameter name=".." value=".."/>…</Stream></Connect></Response>
QByteArray connectStreamTwiml(const QString &streamUrl, const FormFields &parameters);
// A TwiML answer that only speaks and hangs up (used when the gateway cannot take the call).
QByteArray sayAndHangUpTwiml(const QString &text);
QString xmlEscape(const QString &text);

} // namespace ringside::telephony
