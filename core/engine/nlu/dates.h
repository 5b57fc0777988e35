#pragma once

#include "engine/nlu/found.h"
#include "engine/nlu/lexicon.h"

#include <QDate>

namespace ringside::nlu {

// Which way words that can point either way are read. Hindi "kal" is both yesterday and
// tomorrow, "parson" both two days ago and two days ahead; bare weekdays and dates without a
// year also need a direction. Scheduling a delivery or pickup reads Future; asking when an
// order was placed or delivered reads Past.
enum class TimeDirection { Future, Past };

struct DateOptions
{
    QDate today;                                   // the session clock's date, in the caller's zone
    TimeDirection direction = TimeDirection::Future;
    bool dayFirst = true;                          // "05/06" is 5 June (India); false for 6 May (US)
};

struct DateMatch
{
    Found status = Found::None; // Complete, Invalid ("31 June") or None
    QDate date;
    QString heard;              // the caller's words for the date
    QString problem;            // why an invalid date cannot be right
    QList<QDate> rejected;      // dates said under negation: "kal nahi" rejects tomorrow

    QString iso() const { return date.isValid() ? date.toString(Qt::ISODate) : QString(); }
};

// Finds the date an utterance settles on: today/aaj, tomorrow/kal, day after tomorrow/parson,
// weekday names in English and Hindi (next occurrence; "this" allows today, "next" and bare
// mean after today, "last" before), "28th December", "December 28", "28 dec", "28/12",
// "2026-12-28", "28 tarikh", "the 28th", "in 3 days", "teen din baad", "2 weeks later",
// "3 days ago". When several dates are said, the last one not negated wins: "kal nahi, parson"
// gives parson and lists kal as rejected; so is a day the caller will not be there for
// ("thursday ko ghar pe nahi rahunga", calendar "unavailable"). Read forward, a yearless date
// that passed within the last 31 days is Invalid ("5 December has passed"), not next year's.
DateMatch extractDate(const NormalisedText &text, const Lexicon &lexicon, const DateOptions &options);

} // namespace ringside::nlu
