#include "campaigns/statusupdate.h"

#include "campaigns/providerclient.h"

#include "telephony/twilioweb.h"
#include "util/jsonqt.h"

#include <QUrlQuery>

namespace ringside::campaigns {

namespace {

bool sameText(const QString &a, const QString &b)
{
    const QByteArray x = a.toLatin1();
    const QByteArray y = b.toLatin1();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    return diff == 0;
}

int intOr(const QString &text, int fallback)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

bool isFinalStatus(const QString &status)
{
    static const QStringList finals = { QStringLiteral("completed"), QStringLiteral("busy"), QStringLiteral("failed"),
                                        QStringLiteral("no-answer"), QStringLiteral("canceled") };
    return finals.contains(status);
}

bool StatusUpdate::isFinal() const
{
    return isFinalStatus(status);
}

Result<StatusUpdate> twilioStatusUpdate(const QByteArray &authToken, const QString &fullUrl, const QByteArray &body, const QByteArray &signature)
{
    using R = Result<StatusUpdate>;
    const telephony::FormFields form = telephony::parseForm(body);
    if (authToken.isEmpty() || !telephony::verifyTwilioSignature(authToken, fullUrl, form, signature))
        return R::failure(QStringLiteral("signature: X-Twilio-Signature is missing or does not match %1").arg(fullUrl));
    StatusUpdate u;
    u.provider = QStringLiteral("twilio");
    u.callId = telephony::formValue(form, QStringLiteral("CallSid"));
    u.status = normaliseProviderStatus(telephony::formValue(form, QStringLiteral("CallStatus")));
    if (u.callId.isEmpty())
        return R::failure(QStringLiteral("CallSid: required field is missing"));
    if (u.status.isEmpty())
        return R::failure(QStringLiteral("CallStatus: required field is missing"));
    u.sequence = intOr(telephony::formValue(form, QStringLiteral("SequenceNumber")), -1);
    u.durationS = intOr(telephony::formValue(form, QStringLiteral("CallDuration")), -1);
    u.answeredBy = telephony::formValue(form, QStringLiteral("AnsweredBy"));
    u.timestamp = QDateTime::fromString(telephony::formValue(form, QStringLiteral("Timestamp")), Qt::RFC2822Date).toUTC();
    u.scheduledId = QUrlQuery(QUrl(fullUrl)).queryItemValue(QStringLiteral("sc")).toLongLong();
    return u;
}

Result<StatusUpdate> exotelStatusUpdate(const QByteArray &secret, const QUrl &url, const QByteArray &body)
{
    using R = Result<StatusUpdate>;
    const QUrlQuery query(url);
    const qint64 sc = query.queryItemValue(QStringLiteral("sc")).toLongLong();
    if (secret.isEmpty() || sc <= 0 || !sameText(query.queryItemValue(QStringLiteral("sig")), exotelCallbackSignature(secret, sc)))
        return R::failure(QStringLiteral("signature: the callback URL's sc/sig do not match"));
    StatusUpdate u;
    u.provider = QStringLiteral("exotel");
    u.scheduledId = sc;
    const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_object()) {
        u.callId = stringAt(doc, "CallSid");
        u.status = normaliseProviderStatus(stringAt(doc, "Status"));
        u.durationS = intOr(stringAt(doc, "ConversationDuration"), intOr(stringAt(doc, "Duration"), -1));
    } else {
        const telephony::FormFields form = telephony::parseForm(body);
        u.callId = telephony::formValue(form, QStringLiteral("CallSid"));
        u.status = normaliseProviderStatus(telephony::formValue(form, QStringLiteral("Status")));
        u.durationS = intOr(telephony::formValue(form, QStringLiteral("ConversationDuration")),
                            intOr(telephony::formValue(form, QStringLiteral("Duration")), -1));
    }
    if (u.callId.isEmpty())
        return R::failure(QStringLiteral("CallSid: required field is missing"));
    if (u.status.isEmpty())
        return R::failure(QStringLiteral("Status: required field is missing"));
    return u;
}

} // namespace ringside::campaigns
