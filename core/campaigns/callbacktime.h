#pragma once
// When a caller asked to be called back: "call me at 6", "kal subah", "tomorrow afternoon",
// "call me later". Read from the caller's last lines with the NLU's date and time-slot
// extractors, in the caller's zone; a bare hour that has passed today means tomorrow.

#include "util/jsonqt.h"

#include <QDateTime>
#include <QTimeZone>

namespace ringside::nlu {
class Analyser;
}

namespace ringside::campaigns {

struct CallbackHours
{
    int morning = 10;
    int afternoon = 14;
    int evening = 18;
};

struct RequestedTime
{
    QDateTime at;       // invalid: nothing said about when
    QString heard;      // the words it came from
};

// `transcript` is a call record's event array; `endedAt` when the call ended.
RequestedTime requestedCallbackTime(const nlu::Analyser &analyser, const json &transcript, const QDateTime &endedAt,
                                    const QTimeZone &zone, const CallbackHours &hours);

} // namespace ringside::campaigns
