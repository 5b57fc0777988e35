#pragma once

#include "engine/nlu/analysis.h"
#include "engine/nlu/lexicon.h"
#include "util/result.h"

#include <memory>

namespace ringside::nlu {

// The front door of the NLU: owns a compiled lexicon and runs the extractors over utterances.
// Build one per engine (Analyser::builtin(), ~10 ms) and hand it to whoever needs it; it is
// immutable, cheap to copy (the lexicon is shared) and safe to use from many threads.
//
// Every method analyses at most Normaliser::kMaxAnalysedChars of its input, so hostile input
// (100 KB, control characters, emoji) costs bounded time and never fails.
class Analyser
{
public:
    // The lexicons compiled into the library (resources/nlu/*.json).
    static Result<Analyser> builtin();
    // A complete lexicon document (every section optional).
    static Result<Analyser> fromDocument(const json &document);
    // This analyser plus a designer's additions (same shape as the lexicon files, any subset
    // of sections: more cues, spellings, intents). On a bad addition returns the error, naming
    // the field, and this analyser is unchanged.
    Result<Analyser> extended(const json &extra) const;

    const Lexicon &lexicon() const { return *m_lexicon; }

    NormalisedText normalise(const QString &text) const;
    // Everything at once for one utterance; the parts are described in analysis.h.
    Analysis analyse(const QString &text, const AnalysisContext &context) const;

    YesNo yesNo(const QString &text) const;
    OrderIdMatch orderId(const QString &text, const OrderIdPattern &pattern = {}) const;
    PhoneMatch phone(const QString &text, const QString &defaultCountry = QStringLiteral("IN")) const;
    DateMatch date(const QString &text, const DateOptions &options) const;
    TimeSlotMatch timeSlot(const QString &text) const;
    QuantityMatch quantity(const QString &text) const;
    ReasonMatch reason(const QString &text, ReasonSet set) const;
    RefundMethodMatch refundMethod(const QString &text) const;
    AddressCapture address(const QString &text) const;
    ItemMatch item(const QString &text, const QStringList &items) const;
    // The built-in universal intents (repeat, wait, goodbye, human, complaint, …).
    IntentResult universalIntent(const QString &text) const;

    // Compiles a playbook's intents with this analyser's spellings and stems, so its phrases
    // match utterances exactly as the built-in ones do. `path` prefixes error pointers.
    Result<IntentMatcher> compileIntents(const json &intents, const QString &path = QString()) const;

private:
    explicit Analyser(std::shared_ptr<const Lexicon> lexicon) : m_lexicon(std::move(lexicon)) {}

    std::shared_ptr<const Lexicon> m_lexicon;
};

} // namespace ringside::nlu
