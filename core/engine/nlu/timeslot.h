#pragma once

#include "engine/nlu/found.h"
#include "engine/nlu/lexicon.h"

namespace ringside::nlu {

struct TimeSlotMatch
{
    Found status = Found::None; // Complete or None
    QString slot;               // "morning", "afternoon" or "evening" (the seed's time_slot enum)
    int hour = -1;              // 0–23 when a clock time was said ("after 5 pm" → 17)
    QString heard;
    QStringList rejected;       // slots said under negation: "subah nahi" rejects morning
};

// Finds the delivery or pickup slot: morning/afternoon/evening, subah/dopahar/shaam,
// raat/night → evening, Devanagari, or a clock time ("after 5 pm", "10 baje", "at 3",
// "5 baje ke baad"). A clock time sorts into morning before 12:00, afternoon before 17:00 and
// evening from 17:00 (also before 06:00). Without am/pm, 1–7 o'clock means pm (nobody books
// a 5 am delivery) unless a slot word beside it says otherwise ("subah 7 baje").
// The last slot not negated wins; one the caller will not be there for ("shaam ko ghar pe nahi
// rahunga", calendar `unavailable`) is rejected.
TimeSlotMatch extractTimeSlot(const NormalisedText &text, const Lexicon &lexicon);

// The slot a 24-hour clock hour falls in.
QString slotForHour(int hour);

} // namespace ringside::nlu
