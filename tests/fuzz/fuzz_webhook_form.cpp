// Twilio's form-encoded voice webhook (/twilio/voice) and its signature: the body and the
// X-Twilio-Signature header come from whoever reaches the port.
#include "fuzzinput.h"

#include "telephony/twilioweb.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::Steered in = fuzz::steer(data, size);
    const qsizetype cut = in.rest.indexOf('\n');
    const QByteArray header = cut < 0 ? QByteArray() : in.rest.left(cut);
    const QByteArray body = cut < 0 ? in.rest : in.rest.mid(cut + 1);
    const telephony::FormFields fields = telephony::parseForm(body);
    (void)telephony::formValue(fields, QStringLiteral("CallSid"));
    const QByteArray token = QByteArrayLiteral("fuzz-auth-token");
    const QString url = QStringLiteral("https://voice.example.com/twilio/voice?agent=x");
    if (telephony::verifyTwilioSignature(token, url, fields, header) && header != telephony::twilioSignature(token, url, fields))
        fuzz::contradiction("a signature that is not the signature was accepted");
    // What the gateway writes back into TwiML attributes cannot break out of them.
    for (const auto &f : fields) {
        for (const QString &text : { f.first, f.second }) {
            const QString escaped = telephony::xmlEscape(text);
            if (escaped.contains(QLatin1Char('"')) || escaped.contains(QLatin1Char('<')) || escaped.contains(QLatin1Char('>')))
                fuzz::contradiction("an attribute value was not escaped");
        }
    }
    (void)telephony::connectStreamTwiml(QStringLiteral("wss://voice.example.com/twilio/media"), fields);
    // Encoding what was decoded gives back the same fields.
    if (telephony::parseForm(telephony::encodeForm(fields)) != fields)
        fuzz::contradiction("form fields do not survive a round trip");
    return 0;
}
