#pragma once

#include "engine/nlu/cueset.h"
#include "engine/nlu/normaliser.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace ringside::nlu {

// One intent the matcher can recognise, as a designer writes it (see docs/nlu.md):
//   {"name": "cancel", "phrases": ["cancel my order", "cancel kar do"], "keywords": ["cancel"],
//    "whole": ["bas"], "exclude": ["changed my mind"], "details": {"address": ["pata"]}}
struct IntentCandidate
{
    QString intent;
    double score = 0.0;  // 0–1
    QString matched;     // the lexicon phrase behind the score
    bool negated = false; // only ever mentioned under negation ("don't cancel")
    int first = -1;       // tokens of the best hit (for a partial match, its first and last word heard)
    int last = -1;
    bool partial = false; // the best hit is a phrase's content words heard out of order, not found whole
};

struct IntentResult
{
    QString intent;            // the best affirmed intent; empty when nothing matched
    double confidence = 0.0;
    QString matched;           // the phrase that matched
    int first = -1;            // tokens of that match (see IntentCandidate)
    int last = -1;
    bool partial = false;      // heard only through a phrase's content words, not the phrase itself
    QString detail;            // a detail label of the intent ("address" for modify), if heard
    QString runnerUp;
    double runnerUpConfidence = 0.0;
    QStringList negated;       // intents heard only under negation: "don't cancel" → ["cancel"]
    bool sure = false;         // confident and clear of the runner-up; otherwise ask again
    QList<IntentCandidate> ranking; // every intent that scored, best first

    bool matchedAny() const { return !intent.isEmpty(); }
    // Heard the way a playbook rule's `intent` condition hears it: sure, or scoring 0.9 or more.
    bool heardByRules() const { return matchedAny() && (sure || confidence >= 0.9); }
    // Reports `c` as the match (its intent, phrase and words), leaving the confidence, the runner-up
    // and the detail to the caller.
    void takeMatchOf(const IntentCandidate &c)
    {
        intent = c.intent;
        matched = c.matched;
        first = c.first;
        last = c.last;
        partial = c.partial;
    }
};

// Scores an utterance against intents supplied as data (the built-in universal intents or a
// playbook's own). Whole phrases found in order score highest (1.0 for three words or more,
// 0.9 for two, 0.8 for one; keywords 0.75; fewer points for words skipped in between);
// phrases whose content words are heard out of order score 0.6–0.9, more for more words. Negated
// hits are set aside, so "don't cancel" never reads as cancel. Of intents tied at the top, the
// better reading of the words goes first (see betterTie in the .cpp).
class IntentMatcher
{
public:
    struct Options
    {
        double threshold = 0.6; // below this the brain should ask again
        double margin = 0.1;    // best must beat the runner-up by this much to be sure
    };

    IntentMatcher() = default;

    // `intents` is an array of intent objects (or {"intents": [...]}). Intents with the same
    // name are merged. `path` prefixes the JSON pointers in error messages.
    static Result<IntentMatcher> fromJson(const json &intents, const Normaliser &normaliser,
                                          const QString &path = QStringLiteral("/intents"));

    IntentResult match(const NormalisedText &text) const;

    QStringList intents() const { return m_names; }
    // The Latin words of these intents, for Devanagari words the lexicon does not know.
    const Vocabulary &vocabulary() const { return m_vocabulary; }
    bool isEmpty() const { return m_names.isEmpty(); }
    void setOptions(Options options) { m_options = options; }
    Options options() const { return m_options; }

private:
    struct Phrase
    {
        int intent = 0;
        QStringList content; // content stems (function words dropped)
        double contentWeight = 0.0;
        bool selfNegating = false; // "didnt get it": its own negator does not negate it
        QStringList negators;      // that negator's stems, which must be heard for a partial match
        QString text;
    };

    void finish(const QSet<QString> &functionWords, const QSet<QString> &negators);
    QString detailFor(int intent, const NormalisedText &text) const;

    QStringList m_names;
    CueSet m_exact;      // label = intent name; value 0 = phrase, 1 = keyword
    CueSet m_exclude;    // label = intent name
    QHash<QString, int> m_whole; // joined stems → intent
    QList<CueSet> m_details;     // per intent; label = detail name
    QList<Phrase> m_phrases;     // for partial matching
    QHash<QString, QList<int>> m_byContent; // content stem → phrase indices
    QHash<QString, double> m_weight;        // content stem → 1 / number of intents using it
    Options m_options;
    Vocabulary m_vocabulary;
};

} // namespace ringside::nlu
