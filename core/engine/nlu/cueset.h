#pragma once

#include "engine/nlu/normalisedtext.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace ringside::nlu {

// A lexicon phrase compiled for matching: its stems, what it means and how much it counts.
struct Cue
{
    QStringList stems;  // from Normaliser::stems(); never empty
    QString label;      // what the phrase means: a reason code, "yes", an intent name, …
    int value = 0;      // a number the phrase stands for (day offset, weekday, month, …)
    double weight = 1.0;
    QString phrase;     // as written in the lexicon, for reports
};

// One place a cue was found in an utterance.
struct CueHit
{
    int cue = -1;   // index into CueSet
    int first = 0;  // first and last token of the match
    int last = 0;
    int gaps = 0;   // words skipped inside the match ("size bahut chhota" for "size chhota")
    bool negated = false; // NormalisedText::isNegated over the match
};

// A set of phrases matched against utterances. A phrase matches when its words appear in
// order within one clause, with at most `maxGap` other words between consecutive ones; the
// skipped words may not be negators or clause markers, so "theek nahi hai" never matches
// "theek hai". Overlapping matches are resolved longest-first.
class CueSet
{
public:
    void add(Cue cue);
    int size() const { return int(m_cues.size()); }
    bool isEmpty() const { return m_cues.isEmpty(); }
    const Cue &cue(int index) const { return m_cues.at(index); }

    // Non-overlapping hits in text order.
    QList<CueHit> find(const NormalisedText &text, int maxGap = 1) const;
    // Every hit, overlapping ones included, in no particular order (exclusions: one intent's
    // "tracking number" must not be lost to another's longer "number bhej do").
    QList<CueHit> findAll(const NormalisedText &text, int maxGap = 1) const;

    // The hit starting at token `start` that covers the most words, if any (used by extractors
    // that walk the tokens themselves).
    bool matchAt(const NormalisedText &text, int start, CueHit *hit, int maxGap = 0) const;

private:
    bool matchFrom(const NormalisedText &text, int start, int cueIndex, int maxGap, CueHit *hit) const;

    QList<Cue> m_cues;
    QHash<QString, QList<int>> m_byFirst; // first stem → cue indices, longest first
};

} // namespace ringside::nlu
