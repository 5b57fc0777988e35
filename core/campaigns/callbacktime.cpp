#include "campaigns/callbacktime.h"

#include "conversation/eventtype.h"
#include "engine/nlu/analyser.h"

namespace ringside::campaigns {

RequestedTime requestedCallbackTime(const nlu::Analyser &analyser, const json &transcript, const QDateTime &endedAt,
                                    const QTimeZone &zone, const CallbackHours &hours)
{
    RequestedTime out;
    if (!transcript.is_array())
        return out;
    const QDateTime localEnd = endedAt.toTimeZone(zone);
    nlu::AnalysisContext ctx;
    ctx.today = localEnd.date();
    ctx.direction = nlu::TimeDirection::Future;
    // The last thing the caller said about time wins: read backwards, at most five lines.
    int read = 0;
    for (auto it = transcript.rbegin(); it != transcript.rend() && read < 5; ++it) {
        if (eventTypeOf(stringAt(*it, "type")) != EventType::User)
            continue;
        ++read;
        const QString text = stringAt(*it, "text");
        const nlu::Analysis a = analyser.analyse(text, ctx);
        const bool hasDate = a.date.status == nlu::Found::Complete && a.date.date.isValid();
        const bool hasSlot = !a.timeSlot.slot.isEmpty();
        if (!hasDate && !hasSlot)
            continue;
        int hour = a.timeSlot.hour;
        if (hour < 0 && hasSlot) {
            if (a.timeSlot.slot == QLatin1String("morning"))
                hour = hours.morning;
            else if (a.timeSlot.slot == QLatin1String("afternoon"))
                hour = hours.afternoon;
            else
                hour = hours.evening;
        }
        QDate day = hasDate ? a.date.date : localEnd.date();
        if (hour < 0)
            hour = hours.morning;
        QDateTime at(day, QTime(hour, 0), zone);
        // "at 6" said at 19:00 means tomorrow at 6 pm, not an hour ago.
        if (!hasDate && at <= endedAt.addSecs(15 * 60))
            at = QDateTime(day.addDays(1), QTime(hour, 0), zone);
        out.at = at.toUTC();
        out.heard = text;
        return out;
    }
    return out;
}

} // namespace ringside::campaigns
