#pragma once

#include "engine/nlu/dates.h"
#include "engine/nlu/intentmatcher.h"
#include "engine/nlu/itemmatch.h"
#include "engine/nlu/orderid.h"
#include "engine/nlu/phoneextract.h"
#include "engine/nlu/quantity.h"
#include "engine/nlu/reasons.h"
#include "engine/nlu/refundaddress.h"
#include "engine/nlu/timeslot.h"
#include "engine/nlu/yesno.h"

#include <QHash>

namespace ringside::nlu {

// What the brain knows when it hands over an utterance.
struct AnalysisContext
{
    QDate today;                                   // the session clock's date; invalid: no dates
    TimeDirection direction = TimeDirection::Future;
    bool dayFirst = true;
    OrderIdPattern orderId;
    QString defaultCountry = QStringLiteral("IN"); // for phone numbers said without a country code
    QStringList items;                             // item names to choose from, if any
    const IntentMatcher *intents = nullptr;        // the playbook's own intents, if any
    // What the current step listens for (filled by the playbook brain): the intents its own rules
    // name, and where each intent's first rule stands in the order rules are tried there. The
    // playbook's best intent wins over a built-in one heard through the same words when the step's
    // own rules name it, or when its rule is surely tried before any rule for the built-in one.
    QStringList stepIntents;
    QHash<QString, int> firstRuleSure;     // intent → position of the first rule that fires on it alone
    QHash<QString, int> firstRulePossible; // intent → position of the first rule that may fire on it
};

// Everything understood from one utterance. Each part is independent: the brain reads the
// parts that matter at its current step (a date when it asked for one, a reason after
// "why?"), so nothing here is decided for it.
struct Analysis
{
    NormalisedText text;
    YesNo yesNo;
    IntentResult universal;  // built-in intents: repeat, wait, goodbye, human, complaint, …
    IntentResult playbook;   // AnalysisContext::intents, when given
    OrderIdMatch orderId;
    PhoneMatch phone;
    DateMatch date;
    TimeSlotMatch timeSlot;
    QuantityMatch quantity;
    ReasonMatch cancellation;
    ReasonMatch abandonment;
    ReasonMatch returnReason;
    RefundMethodMatch refundMethod;
    AddressCapture address;
    ItemMatch item;

    Language language() const { return text.language; }
    const ReasonMatch &reason(ReasonSet set) const;
    // A compact record for logs, the CLI and the console: entities that were not found are left out.
    json toJson() const;
};

} // namespace ringside::nlu
