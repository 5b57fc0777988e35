#pragma once

#include "engine/nlu/cueset.h"
#include "engine/nlu/intentmatcher.h"
#include "engine/nlu/normaliser.h"
#include "engine/nlu/numbers.h"
#include "engine/nlu/reasons.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QSet>

namespace ringside::nlu {

// Words for dates and times (lexicon section "calendar").
struct CalendarWords
{
    CueSet relativeDays;  // value = days from today ("tomorrow" 1, "yesterday" -1)
    CueSet eitherWayDays; // value = days either way, by the reading asked for ("kal" 1, "parson" 2)
    CueSet weekdays;      // value = Qt day of week, 1 = Monday
    CueSet months;        // value = 1–12
    CueSet modifiers;     // label next / this / last
    CueSet units;         // value = days per unit ("week" 7)
    CueSet unitLeads;     // "in", "after"
    CueSet unitTails;     // "later", "baad", "mein"
    CueSet unitAgo;       // "ago", "pehle": the span counts back
    CueSet dayOfMonth;    // "tarikh" in "28 tarikh"
    CueSet of;            // "of" in "28th of December"
    CueSet timeSlots;         // label morning / afternoon / evening
    CueSet meridiem;      // label am / pm
    CueSet clockWords;    // "o'clock", "baje"
    CueSet timeLeads;     // "at", "after", "before"
    CueSet timeTails;     // "ke baad", "se pehle", "tak"
    CueSet unavailable;   // "ghar pe nahi rahunga", "not available": the day said with it is refused
};

// Words for the smaller extractors (lexicon section "entities").
struct EntityWords
{
    CueSet refundMethods; // label original_payment / store_credit / bank_transfer
    CueSet addressLeads;  // "new address is", "naya pata"
    QSet<QString> addressTails; // stems dropped from the end of an address ("hai")
    CueSet addressAfter;  // a lead said after the address, in Hindi word order ("… pe bhej do")
    QSet<QString> addressNouns; // stems that start an address before its number ("flat", "house")
    CueSet quantity;      // label all / both
    CueSet quantityUnits; // "pieces", "of them"
    QSet<QString> verbsBeforeDo;   // "kar" in "kar do": that "do" is a verb, not two
    QSet<QString> englishAroundDo; // "you" in "do you": English "do"
    CueSet itemLast;      // "the last one"
    CueSet orderLeads;    // "order number", "order id"
};

// The Latin words of a lexicon document (or a playbook's intents), for spellOutDevanagari().
Vocabulary vocabularyOf(const json &document, const Normaliser &normaliser);

// Everything the NLU knows about words, compiled from JSON (resources/nlu/*.json, plus any
// designer additions). Immutable once built; share it freely between threads.
class Lexicon
{
public:
    // The built-in lexicon files, merged into one document of sections.
    static Result<json> builtinDocument();
    // Adds `extra` (any subset of the sections, same shape as the files) to `document`:
    // objects merge key by key, lists are appended to, single values are replaced.
    static json merged(const json &document, const json &extra);
    // Validates and compiles a whole document; errors name the field by JSON pointer.
    static Result<Lexicon> compile(const json &document);

    const json &document() const { return m_document; }
    const Normaliser &normaliser() const { return m_normaliser; }
    const Numbers &numbers() const { return m_numbers; }
    const CalendarWords &calendar() const { return m_calendar; }
    const CueSet &yesNo() const { return m_yesNo; }
    const CueSet &reasons(ReasonSet set) const { return m_reasons[int(set)]; }
    const EntityWords &entities() const { return m_entities; }
    const IntentMatcher &intents() const { return m_intents; }

private:
    bool compileLanguage(const json &section, QString *error);
    bool compileNumbers(const json &section, QString *error);
    bool compileCalendar(const json &section, QString *error);
    bool compileEntities(const json &section, QString *error);
    bool compileReasons(const json &section, QString *error);

    json m_document;
    Normaliser m_normaliser;
    Numbers m_numbers;
    CalendarWords m_calendar;
    CueSet m_yesNo;
    CueSet m_reasons[3];
    EntityWords m_entities;
    IntentMatcher m_intents;
};

} // namespace ringside::nlu
