#include "engine/nlu/transliteration.h"

#include "util/editdistance.h"

#include <QList>

#include <algorithm>
#include <limits>

namespace ringside::nlu {

namespace {

const char *consonant(char16_t u)
{
    switch (u) {
    case 0x0915: return "k";   case 0x0916: return "kh";  case 0x0917: return "g";   case 0x0918: return "gh";
    case 0x0919: return "n";   case 0x091A: return "ch";  case 0x091B: return "chh"; case 0x091C: return "j";
    case 0x091D: return "jh";  case 0x091E: return "n";   case 0x091F: return "t";   case 0x0920: return "th";
    case 0x0921: return "d";   case 0x0922: return "dh";  case 0x0923: return "n";   case 0x0924: return "t";
    case 0x0925: return "th";  case 0x0926: return "d";   case 0x0927: return "dh";  case 0x0928: return "n";
    case 0x0929: return "n";   case 0x092A: return "p";   case 0x092B: return "ph";  case 0x092C: return "b";
    case 0x092D: return "bh";  case 0x092E: return "m";   case 0x092F: return "y";   case 0x0930: return "r";
    case 0x0931: return "r";   case 0x0932: return "l";   case 0x0933: return "l";   case 0x0935: return "v";
    case 0x0936: return "sh";  case 0x0937: return "sh";  case 0x0938: return "s";   case 0x0939: return "h";
    default: return nullptr;
    }
}

const char *independentVowel(char16_t u)
{
    switch (u) {
    case 0x0905: return "a";  case 0x0906: return "aa"; case 0x0907: return "i";  case 0x0908: return "ee";
    case 0x0909: return "u";  case 0x090A: return "oo"; case 0x090B: return "ri"; case 0x090D: return "e";
    case 0x090F: return "e";  case 0x0910: return "ai"; case 0x0911: return "o";  case 0x0913: return "o";
    case 0x0914: return "au";
    default: return nullptr;
    }
}

const char *vowelSign(char16_t u)
{
    switch (u) {
    case 0x093E: return "aa"; case 0x093F: return "i";  case 0x0940: return "ee"; case 0x0941: return "u";
    case 0x0942: return "oo"; case 0x0943: return "ri"; case 0x0945: return "e";  case 0x0947: return "e";
    case 0x0948: return "ai"; case 0x0949: return "o";  case 0x094B: return "o";  case 0x094C: return "au";
    default: return nullptr;
    }
}

// One written syllable: a consonant (or none, for a vowel letter) and what follows it.
struct Unit
{
    QString consonant;
    QString vowel;       // a vowel sign or letter; empty with `schwa` for the inherent vowel
    bool schwa = false;  // the consonant carries the inherent "a" (may be dropped in speech)
    bool nasal = false;  // anusvara or chandrabindu
    bool visarga = false;

    bool endsInVowel() const { return schwa || !vowel.isEmpty(); }
};

bool isVowelLetter(QChar c)
{
    return QStringView(u"aeiou").contains(c);
}

// Whether the consonant at `i` is a y, r or v closing a conjunct ("व्य" in "व्यस्त", "क्र"):
// Hindi keeps its vowel ("vyast", not "vyst"). Other conjuncts ("क्स" in "एक्सचेंज") do not.
bool closesConjunct(const QList<Unit> &units, int i)
{
    if (i == 0)
        return false;
    const QString &c = units.at(i).consonant;
    if (c != QLatin1String("y") && c != QLatin1String("r") && c != QLatin1String("v"))
        return false;
    const Unit &before = units.at(i - 1);
    return !before.consonant.isEmpty() && !before.schwa && before.vowel.isEmpty();
}

} // namespace

QString devanagariToLatin(const QString &word)
{
    QList<Unit> units;
    QString passThrough;
    for (const QChar ch : word) {
        const char16_t u = ch.unicode();
        if (const char *c = consonant(u)) {
            Unit unit;
            unit.consonant = QLatin1String(c);
            unit.schwa = true;
            units.append(unit);
        } else if (const char *v = vowelSign(u)) {
            if (!units.isEmpty()) {
                units.last().vowel = QLatin1String(v);
                units.last().schwa = false;
            }
        } else if (u == 0x094D) { // virama: no vowel after this consonant
            if (!units.isEmpty())
                units.last().schwa = false;
        } else if (const char *v = independentVowel(u)) {
            Unit unit;
            unit.vowel = QLatin1String(v);
            // "चाहिए" is typed "chahiye", "आएगा" "aayega": a vowel after a vowel glides in with y.
            if (!units.isEmpty() && units.last().endsInVowel() && (u == 0x090F || u == 0x0910))
                unit.vowel.prepend(QLatin1Char('y'));
            units.append(unit);
        } else if (u == 0x0902 || u == 0x0901) {
            if (!units.isEmpty())
                units.last().nasal = true;
        } else if (u == 0x0903) {
            if (!units.isEmpty())
                units.last().visarga = true;
        } else if (u >= 0x0900 && u <= 0x097F) {
            continue; // other signs carry no sound of their own
        } else {
            passThrough.append(ch);
        }
    }
    if (units.isEmpty())
        return passThrough;

    // Hindi drops the inherent vowel at the end of a word ("कल" kal) and between a vowel and a
    // consonant that has its own vowel ("करना" karna, "अपना" apna).
    const int n = int(units.size());
    QList<bool> drop(n, false);
    for (int i = 0; i < n; ++i) {
        if (!units.at(i).schwa || units.at(i).nasal)
            continue;
        if (i == n - 1 && n > 1) {
            drop[i] = true;
        } else if (i > 0 && i < n - 1 && !drop.at(i - 1) && !units.at(i + 1).consonant.isEmpty() && !units.at(i + 1).schwa
                   && !closesConjunct(units, i)) {
            drop[i] = true; // "करना" karna, "एक्सचेंज" ekschenj
        }
    }
    QString out;
    for (int i = 0; i < n; ++i) {
        const Unit &unit = units.at(i);
        out += unit.consonant;
        if (unit.schwa && !drop.at(i)) {
            out += QLatin1Char('a');
        } else if (i == n - 1 && n > 1 && unit.vowel.size() == 2 && unit.vowel.at(0) == unit.vowel.at(1)) {
            // Hinglish writes a final long vowel short: "कितना" kitna, "अभी" abhi, "कभी" kabhi
            // (ee is long i and oo long u: their short forms are i and u, not e and o).
            const QChar v = unit.vowel.at(0);
            out += v == QLatin1Char('e') ? QLatin1Char('i') : v == QLatin1Char('o') ? QLatin1Char('u') : v;
        } else {
            out += unit.vowel;
        }
        if (unit.nasal) {
            const QString next = i + 1 < n ? units.at(i + 1).consonant : QString();
            out += next.startsWith(QLatin1Char('p')) || next.startsWith(QLatin1Char('b')) || next.startsWith(QLatin1Char('m'))
                       ? QLatin1Char('m') : QLatin1Char('n');
        }
        if (unit.visarga)
            out += QLatin1Char('h');
    }
    return out + passThrough;
}

QString phoneticKey(const QString &latin)
{
    QString s = latin.toLower();
    s.replace(QLatin1String("ph"), QLatin1String("f"));
    s.replace(QLatin1String("ck"), QLatin1String("k"));
    s.replace(QLatin1Char('w'), QLatin1Char('v'));
    s.replace(QLatin1Char('z'), QLatin1Char('j'));
    s.replace(QLatin1Char('q'), QLatin1Char('k'));
    s.replace(QLatin1String("x"), QLatin1String("ks"));
    s.replace(QLatin1String("ee"), QLatin1String("i"));
    s.replace(QLatin1String("oo"), QLatin1String("u"));
    // Hinglish writes the "a" before an h and a consonant as "e" ("rehte", "pehla", "kehna");
    // the transliteration keeps it ("रहते" rahte).
    for (qsizetype i = 0; i + 2 < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('e') && s.at(i + 1) == QLatin1Char('h') && !isVowelLetter(s.at(i + 2)))
            s[i] = QLatin1Char('a');
    }
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (!out.isEmpty() && out.back() == c)
            continue; // "aa" → "a", "tt" → "t"
        out.append(c);
    }
    return out;
}

QString consonantSkeleton(const QString &key)
{
    QString out;
    for (qsizetype i = 0; i < key.size(); ++i) {
        QChar c = key.at(i);
        const QChar next = i + 1 < key.size() ? key.at(i + 1) : QChar();
        const QChar prev = i > 0 ? key.at(i - 1) : QChar();
        if (isVowelLetter(c) || c == QLatin1Char('y'))
            continue;
        if (c == QLatin1Char('h') && i > 0 && !isVowelLetter(prev))
            continue; // "bh", "th", "sh": one sound
        if (c == QLatin1Char('c')) {
            if (next == QLatin1Char('h'))
                c = QLatin1Char('c'); // "ch" stays its own sound
            else
                c = (next == QLatin1Char('e') || next == QLatin1Char('i') || next == QLatin1Char('y')) ? QLatin1Char('s') : QLatin1Char('k');
        }
        // English "-ge" at a word's end is a j ("damage", "exchange", "manager", "charges"), as
        // the Devanagari spelling writes it ("डेमेज", "मेनेजर").
        if (c == QLatin1Char('g') && next == QLatin1Char('e')
            && (i + 2 == key.size() || (i + 3 == key.size() && QStringView(u"rsd").contains(key.at(i + 2)))))
            c = QLatin1Char('j');
        if (!out.isEmpty() && out.back() == c)
            continue;
        out.append(c);
    }
    return out;
}

namespace {

// Known words that share a key are usually one word typed two ways ("sawal", "sawaal"), but
// may be two words ("man", "maan"): the one spelled closest to the transliteration wins, and
// on a tie none is guessed.
QString closestSpelling(const QStringList &known, const QString &transliterated)
{
    if (known.size() == 1)
        return known.first();
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    bool tied = false;
    for (const QString &word : known) {
        const int d = editDistance(word, transliterated);
        if (d < bestDistance) {
            best = word;
            bestDistance = d;
            tied = false;
        } else if (d == bestDistance) {
            tied = true;
        }
    }
    return tied ? QString() : best;
}

} // namespace

void Vocabulary::add(const QString &canonical)
{
    if (canonical.size() < 2 || m_words.contains(canonical))
        return;
    for (const QChar c : canonical) {
        if (c.unicode() < u'a' || c.unicode() > u'z')
            return;
    }
    m_words.insert(canonical);
    const QString key = phoneticKey(canonical);
    m_byKey[key].append(canonical);
    const QString skeleton = consonantSkeleton(key);
    if (canonical.size() >= 4 && skeleton.size() >= 3) {
        const auto s = m_bySkeleton.constFind(skeleton);
        if (s == m_bySkeleton.constEnd())
            m_bySkeleton.insert(skeleton, canonical);
        else if (*s != canonical)
            m_bySkeleton[skeleton] = QString();
    }
}

void Vocabulary::addSpelling(const QString &variant, const QString &canonical)
{
    if (variant.size() < 3 || !m_words.contains(canonical))
        return;
    for (const QChar c : variant) {
        if (c.unicode() < u'a' || c.unicode() > u'z')
            return;
    }
    QStringList &canonicals = m_bySpelling[phoneticKey(variant)];
    if (!canonicals.contains(canonical))
        canonicals.append(canonical);
}

QString Vocabulary::findExact(const QString &transliterated, bool nasalSign) const
{
    return findBySound(transliterated, false, nasalSign);
}

QString Vocabulary::findClosest(const QString &transliterated, bool nasalSign) const
{
    return findBySound(transliterated, true, nasalSign);
}

QString Vocabulary::findBySound(const QString &transliterated, bool chooseClosest, bool nasalSign) const
{
    if (transliterated.isEmpty())
        return {};
    const auto pick = [&](const QStringList &known) {
        return known.size() == 1 ? known.first() : chooseClosest ? closestSpelling(known, transliterated) : QString();
    };
    const QString key = phoneticKey(transliterated);
    if (const auto k = m_byKey.constFind(key); k != m_byKey.constEnd())
        return pick(*k);
    if (const auto k = m_bySpelling.constFind(key); k != m_bySpelling.constEnd())
        return pick(*k);
    // Hindi nasal endings are often not typed: "हैं" hain / hai, "नहीं" nahin / nahi.
    if (nasalSign && key.size() > 2 && key.endsWith(QLatin1Char('n')) && isVowelLetter(key.at(key.size() - 2))) {
        if (const auto k = m_byKey.constFind(key.chopped(1)); k != m_byKey.constEnd())
            return pick(*k);
    }
    return {};
}

namespace {

// The first vowel sound of a key: "a", "e", "i", "o", "u", or "ai" for ai / ay / ei / ey.
QString firstVowel(const QString &key)
{
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (!isVowelLetter(c))
            continue;
        const QChar next = i + 1 < key.size() ? key.at(i + 1) : QChar();
        if ((c == QLatin1Char('a') || c == QLatin1Char('e')) && (next == QLatin1Char('i') || next == QLatin1Char('y')))
            return QStringLiteral("ai");
        return QString(c);
    }
    return {};
}

// Vowels an Indian speaker's loan word and its English spelling may disagree on: "kanfarm" /
// "confirm" (a, o), "riphand" / "refund" (i, e), "pement" / "payment" (e, ai).
bool vowelsMatch(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    static const QSet<QString> pairs = { QStringLiteral("a|e"), QStringLiteral("a|ai"), QStringLiteral("e|i"), QStringLiteral("ai|e"),
                                         QStringLiteral("a|o"), QStringLiteral("a|u"), QStringLiteral("o|u"), QStringLiteral("ai|i") };
    return pairs.contains(a < b ? a + QLatin1Char('|') + b : b + QLatin1Char('|') + a);
}

} // namespace

QString Vocabulary::findSimilar(const QString &transliterated) const
{
    if (transliterated.size() < 4)
        return {};
    const QString key = phoneticKey(transliterated);
    const QString skeleton = consonantSkeleton(key);
    if (skeleton.size() < 3)
        return {};
    const auto s = m_bySkeleton.constFind(skeleton);
    if (s == m_bySkeleton.constEnd() || s->isEmpty())
        return {};
    // Same consonants is not enough for Hindi's own words ("सकता" sakta is not "shikayat",
    // "दिमाग" dimaag is not "damage"): a loan word keeps its length and its first vowel too.
    const QString known = phoneticKey(*s);
    if (qAbs(known.size() - key.size()) > 2 || !vowelsMatch(firstVowel(known), firstVowel(key)))
        return {};
    // Nor does a word that starts with a vowel sound like one that does not ("घंटे" ghante is
    // not "agent", "उतरेगा" utrega is not "through").
    if (isVowelLetter(known.front()) != isVowelLetter(key.front()))
        return {};
    // A Hindi verb's future, polite or infinitive ending marks a Hindi word, which may meet
    // another form of a Hindi verb ("चलेगी" chalegi, "chalega") but not a loan word ("पाऊंगा"
    // paunga is not "paying", "लगाने" lagane not "login"); and an English -ing form keeps its
    // -ing ("रनिंग" is not "rang").
    static const QStringList hindiEndings = { QStringLiteral("unga"), QStringLiteral("ungi"), QStringLiteral("enge"),
                                              QStringLiteral("ega"), QStringLiteral("egi"), QStringLiteral("oge"),
                                              QStringLiteral("iye"), QStringLiteral("iyega"), QStringLiteral("ane"),
                                              QStringLiteral("ana"), QStringLiteral("ani") };
    const auto hindiVerb = [](const QString &k) {
        return std::any_of(hindiEndings.cbegin(), hindiEndings.cend(), [&](const QString &e) { return k.endsWith(e); });
    };
    if (hindiVerb(key) && !hindiVerb(known))
        return {};
    if (key.endsWith(QLatin1String("ing")) != known.endsWith(QLatin1String("ing")))
        return {};
    return *s;
}

} // namespace ringside::nlu
