#pragma once

#include "engine/nlu/normalisedtext.h"
#include "engine/nlu/transliteration.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace ringside::nlu {

// Turns raw text (typed, or from speech-to-text) into tokens the extractors share:
// lower-cased, punctuation dropped (but remembered as clause breaks), Devanagari and other
// digits as ASCII, Devanagari letters kept with chandrabindu and nukta folded, spelling variants
// and common Devanagari words mapped onto one canonical form so "हाँ", "haan" and "han" meet.
// Cheap enough to run on every turn; input past kMaxAnalysedChars is ignored so hostile input
// costs bounded time.
class Normaliser
{
public:
    // Only the first 2,000 UTF-16 code units of an utterance are analysed.
    static constexpr int kMaxAnalysedChars = 2000;

    struct Config
    {
        QHash<QString, QString> spellings;  // surface form → canonical form
        QSet<QString> negatesForward;       // canonical forms
        QSet<QString> negatesBackward;
        QList<QStringList> clauseMarkers;   // stem sequences
        QList<QStringList> scopeBarriers;   // stem sequences
        QSet<QString> hindiWords;           // stems that mark romanised Hindi
        QSet<QString> englishWords;         // stems that mark English
        QSet<QString> functionWords;        // stems too common to carry meaning ("the", "ka", "hai")
        Vocabulary vocabulary;              // Latin words a Devanagari word may stand for
    };

    Normaliser() = default;
    explicit Normaliser(Config config);

    NormalisedText normalise(const QString &text) const;

    // The stems of a lexicon phrase, normalised exactly as utterances are.
    QStringList stems(const QString &phrase) const;

    // Folds a word's surface form (already lower-case) before the spelling map is applied;
    // exposed so lexicon compilers can key their maps the same way.
    QString canonical(const QString &word) const;
    // The spelling map: surface form → canonical form.
    const QHash<QString, QString> &spellings() const { return m_config.spellings; }

    // The Latin words of a whole lexicon, so Devanagari words in utterances (and in later cues)
    // meet them; set once while the lexicon compiles.
    void setVocabulary(Vocabulary vocabulary) { m_config.vocabulary = std::move(vocabulary); }
    const Vocabulary &vocabulary() const { return m_config.vocabulary; }

    bool isFunctionWord(const QString &stem) const { return m_config.functionWords.contains(stem); }
    const QSet<QString> &functionWords() const { return m_config.functionWords; }
    // Every negator, either direction (canonical forms, which are also their stems).
    QSet<QString> negators() const { return m_config.negatesForward + m_config.negatesBackward; }

private:
    static void readPayBeforeKar(NormalisedText &t);
    void markClauses(NormalisedText &t) const;
    void detectLanguage(NormalisedText &t) const;

    Config m_config;
    QHash<QString, QList<int>> m_markerByFirst;  // first stem → indices into clauseMarkers
    QHash<QString, QList<int>> m_barrierByFirst; // first stem → indices into scopeBarriers
};

// The canonical form and stem of a Devanagari word no spelling lists: spelled out in Latin,
// folded by the spelling map, then matched against `vocabulary` (when given). Sets
// `transliterated` when no known word fitted.
void spellOutDevanagari(Token &token, const Normaliser &normaliser, const Vocabulary *extra = nullptr);

// Removes simple English inflections so "cancelled", "cancelling" and "cancel" share a stem.
// Applied to every Latin word, Hinglish included: both sides of a match go through it, so it
// only has to be consistent, not linguistically right.
QString stemWord(const QString &word);

} // namespace ringside::nlu
