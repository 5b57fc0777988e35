#pragma once
// A provider's word on a call's progress: Twilio's signed status callback (form fields CallSid,
// CallStatus, SequenceNumber, CallDuration, AnsweredBy, Timestamp), Exotel's status callback
// (CallSid, Status, …; proven by the signed `sc`/`sig` in its URL), or the answer to a lookup.

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace ringside::campaigns {

struct StatusUpdate
{
    QString provider;         // twilio | exotel
    QString callId;
    QString status;           // Twilio's names (normaliseProviderStatus)
    int sequence = -1;        // Twilio SequenceNumber; -1 when absent
    int durationS = -1;
    QString answeredBy;
    qint64 scheduledId = 0;   // from the callback URL's sc=, 0 when absent
    QDateTime timestamp;      // the provider's own time of the event, if it said

    bool isFinal() const;
};

bool isFinalStatus(const QString &status); // completed busy failed no-answer canceled

// Verifies X-Twilio-Signature against `fullUrl` (the public URL Twilio called, query included)
// and reads the form. Fails with "signature" for a wrong or missing signature, or names the
// missing field.
Result<StatusUpdate> twilioStatusUpdate(const QByteArray &authToken, const QString &fullUrl, const QByteArray &body,
                                        const QByteArray &signature);

// Checks the URL's sig against `secret` and reads the form (or JSON) body.
Result<StatusUpdate> exotelStatusUpdate(const QByteArray &secret, const QUrl &url, const QByteArray &body);

} // namespace ringside::campaigns
