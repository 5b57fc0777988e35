#pragma once
// Devanagari words meet the romanised cues of the lexicons: a word a speech recogniser writes in
// Devanagari ("भेज", "कैंसल", "डिलीवरी") is spelled out in Latin letters the way Hinglish is
// typed, then matched against the Latin words the lexicon (or a playbook) already knows, by a
// spelling-insensitive key, or — for longer English loan words — by their consonants.

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ringside::nlu {

// "भेज दो" word by word: "भेज" → "bhej", "चाहिए" → "chaahiye", "करना" → "karna" (the inherent
// vowel is dropped where Hindi drops it). Non-Devanagari characters pass through.
QString devanagariToLatin(const QString &word);

// A spelling-insensitive key for a Latin word: long vowels shortened, "eh" before a consonant read
// as "ah" ("rehte", "rahte"), w/v, z/j, ph/f and doubled letters folded ("wapas", "vaapas" → "vapas").
QString phoneticKey(const QString &latin);

// The consonants of a key, with English c read as k or s (s before e, i, y: "policy", "polisi") and
// h after a consonant dropped: "cancel", "kainsal" → "knsl". Loan words keep their consonants across scripts.
QString consonantSkeleton(const QString &key);

// Latin words known to a lexicon, found again from a transliterated Devanagari word.
class Vocabulary
{
public:
    // `canonical` is the word as the lexicon spells it (already spelling-folded).
    void add(const QString &canonical);
    // A spelling the spelling map folds into `canonical`, in Latin letters ("kijiyega" →
    // "kijiye", or a Devanagari variant spelled out: "रॉन्ग" rong → "wrong"), so that a Devanagari
    // word spelled like it give or take vowel length or a nasal sign ("कीजिएगा" keejiyega,
    // "रॉंग") is found too. Only where no known word is spelled that way.
    void addSpelling(const QString &variant, const QString &canonical);
    // The known word spelled the same way, give or take vowel length and the like ("vaapas" →
    // "wapas"), or empty when none (or several) fit.
    // `nasalSign`: the word ends in a nasal sign, so its final n may go untyped ("हैं" hain, "hai");
    // not so a consonant n ("बटन" batan is not "bata").
    QString findExact(const QString &transliterated, bool nasalSign = true) const;
    // As findExact, but when several known words fit, the one spelled closest to the
    // transliteration ("savaal" → "sawaal" rather than "sawal"); empty on a tie.
    QString findClosest(const QString &transliterated, bool nasalSign = true) const;
    // A known word with the same consonants, about the same length and a first vowel a speaker
    // could hear for it ("kainsal" → "cancel", "pement" → "payment"; "dimaag" is not "damage").
    QString findSimilar(const QString &transliterated) const;
    bool isEmpty() const { return m_byKey.isEmpty(); }
    int size() const { return int(m_words.size()); }

private:
    QString findBySound(const QString &transliterated, bool chooseClosest, bool nasalSign) const;

    QSet<QString> m_words;
    QHash<QString, QStringList> m_byKey;   // key → the words spelled that way give or take vowel length
    QHash<QString, QStringList> m_bySpelling; // key → the words a spelling-map variant spelled that way stands for
    QHash<QString, QString> m_bySkeleton;  // skeleton (3+ consonants) → word ("" when shared)
};

} // namespace ringside::nlu
