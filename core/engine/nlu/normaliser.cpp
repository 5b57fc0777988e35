#include "engine/nlu/normaliser.h"

namespace ringside::nlu {

namespace {

enum class CharKind { Letter, Mark, Digit, Apostrophe, DigitSeparator, Plus, Break, Space };

struct Char
{
    CharKind kind = CharKind::Space;
    QChar ch;
    Script script = Script::Latin;
};

bool isDevanagari(char16_t u) { return u >= 0x0900 && u <= 0x097F; }

// Nukta letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) fold onto their base letters: speech-to-text and typists
// use both spellings for the same word.
char16_t foldNukta(char16_t u)
{
    static constexpr char16_t base[] = {0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F};
    return (u >= 0x0958 && u <= 0x095F) ? base[u - 0x0958] : u;
}

Char classify(QChar c)
{
    const char16_t u = c.unicode();
    if (isDevanagari(u)) {
        if (u >= 0x0966 && u <= 0x096F)
            return {CharKind::Digit, QChar(char16_t(u'0' + (u - 0x0966))), Script::Digits};
        if (u == 0x0964 || u == 0x0965) // danda, double danda
            return {CharKind::Break, c};
        if (u == 0x093C) // nukta
            return {CharKind::Mark, QChar(), Script::Devanagari};
        if (u == 0x0901) // chandrabindu reads like anusvara: हाँ = हां
            return {CharKind::Letter, QChar(char16_t(0x0902)), Script::Devanagari};
        return {CharKind::Letter, QChar(foldNukta(u)), Script::Devanagari};
    }
    if (u == 0x200C || u == 0x200D) // zero-width (non-)joiners inside Indic words
        return {CharKind::Mark, QChar(), Script::Devanagari};
    if (c.isDigit())
        return {CharKind::Digit, QChar(char16_t(u'0' + c.digitValue())), Script::Digits};
    if (c.isLetter()) {
        const Script s = c.script() == QChar::Script_Latin ? Script::Latin : Script::Other;
        return {CharKind::Letter, c.toLower(), s};
    }
    if (c.isMark())
        return {CharKind::Mark, QChar(), Script::Other};
    switch (u) {
    case u'\'': case 0x2019: case 0x2018: case 0x02BC: case u'`':
        return {CharKind::Apostrophe, c};
    case u'/': case u'-': case u':': case u'.':
        return {CharKind::DigitSeparator, c};
    case u'+':
        return {CharKind::Plus, c};
    case u',': case u';': case u'!': case u'?': case 0x2026: case 0x061F:
        return {CharKind::Break, c};
    default:
        return {CharKind::Space, c};
    }
}

bool asciiLetters(const QString &w)
{
    for (const QChar c : w) {
        if (c.unicode() < u'a' || c.unicode() > u'z')
            return false;
    }
    return true;
}

bool isVowel(QChar c) { return QStringView(u"aeiouy").contains(c); }

// Index of phrases (stem sequences) by their first stem.
QHash<QString, QList<int>> indexByFirst(const QList<QStringList> &phrases)
{
    QHash<QString, QList<int>> index;
    for (int i = 0; i < phrases.size(); ++i) {
        if (!phrases.at(i).isEmpty())
            index[phrases.at(i).first()].append(i);
    }
    return index;
}

// Length of the phrase from `phrases` that starts at token i, or 0.
int phraseAt(const NormalisedText &t, int i, const QList<QStringList> &phrases,
             const QHash<QString, QList<int>> &byFirst)
{
    const auto it = byFirst.constFind(t.at(i).stem);
    if (it == byFirst.constEnd())
        return 0;
    int best = 0;
    for (const int p : *it) {
        const QStringList &ph = phrases.at(p);
        if (ph.size() <= best || i + ph.size() > t.size())
            continue;
        bool ok = true;
        for (int k = 1; k < ph.size() && ok; ++k)
            ok = t.at(i + k).stem == ph.at(k);
        if (ok)
            best = int(ph.size());
    }
    return best;
}

} // namespace

QString languageTag(Language language)
{
    switch (language) {
    case Language::English: return QStringLiteral("en");
    case Language::HindiLatin: return QStringLiteral("hi-Latn");
    case Language::HindiDevanagari: return QStringLiteral("hi-Deva");
    case Language::Unknown: break;
    }
    return QStringLiteral("und");
}

QString stemWord(const QString &word)
{
    if (word.size() < 4 || !asciiLetters(word))
        return word;
    QString w = word;
    auto ends = [&w](const char *s) { return w.endsWith(QLatin1String(s)); };
    if (ends("ies") && w.size() > 4) {
        w.chop(3);
        w.append(QLatin1Char('y'));
    } else if (ends("ing") && w.size() > 5) {
        w.chop(3);
    } else if (ends("ed") && w.size() > 4) {
        w.chop(2);
    } else if (ends("es") && w.size() > 4
               && (ends("ses") || ends("xes") || ends("zes") || ends("ches") || ends("shes"))) {
        w.chop(2);
    } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is") && w.size() > 3) {
        w.chop(1);
    }
    if (w.size() > 4 && w.endsWith(QLatin1Char('e')))
        w.chop(1);
    // "cancelled"/"cancel", "shipped"/"ship", "call"/"called": undouble a final consonant on
    // both the plain and the inflected form so they meet.
    const qsizetype n = w.size();
    if (n > 3 && w.at(n - 1) == w.at(n - 2) && w.at(n - 1) != QLatin1Char('s') && !isVowel(w.at(n - 1)))
        w.chop(1);
    return w;
}

Normaliser::Normaliser(Config config)
    : m_config(std::move(config))
    , m_markerByFirst(indexByFirst(m_config.clauseMarkers))
    , m_barrierByFirst(indexByFirst(m_config.scopeBarriers))
{
}

QString Normaliser::canonical(const QString &word) const
{
    return m_config.spellings.value(word, word);
}

NormalisedText Normaliser::normalise(const QString &text) const
{
    NormalisedText t;
    qsizetype n = qMin<qsizetype>(text.size(), kMaxAnalysedChars);
    if (n < text.size()) {
        t.truncated = true;
        if (n > 0 && text.at(n - 1).isHighSurrogate())
            --n;
    }
    t.source = text.left(n);
    const QChar *s = t.source.constData();

    QList<bool> breakBefore;
    QString cur;
    Script curScript = Script::Latin;
    int curFrom = 0;
    bool pendingBreak = false;
    auto flush = [&](int end) {
        if (cur.isEmpty() || cur == QLatin1String("+")) {
            cur.clear();
            return;
        }
        Token tok;
        tok.text = cur;
        tok.from = curFrom;
        tok.to = end;
        tok.script = curScript;
        t.tokens.append(tok);
        breakBefore.append(pendingBreak);
        pendingBreak = false;
        cur.clear();
    };
    auto nextKind = [&](qsizetype i) { return i + 1 < n ? classify(s[i + 1]).kind : CharKind::Space; };

    for (qsizetype i = 0; i < n; ++i) {
        if (s[i].isSurrogate()) { // emoji and other astral symbols separate words
            flush(int(i));
            continue;
        }
        const Char c = classify(s[i]);
        switch (c.kind) {
        case CharKind::Letter:
        case CharKind::Digit:
            if (!cur.isEmpty() && curScript != c.script)
                flush(int(i));
            if (cur.isEmpty()) {
                curFrom = int(i);
                curScript = c.script;
            }
            cur.append(c.ch);
            break;
        case CharKind::Mark:
            if (!c.ch.isNull() && !cur.isEmpty())
                cur.append(c.ch);
            break; // dropped marks join the letters around them
        case CharKind::Apostrophe:
            if (!cur.isEmpty() && curScript == Script::Latin && nextKind(i) == CharKind::Letter)
                break; // "don't" → "dont"
            flush(int(i));
            break;
        case CharKind::DigitSeparator:
            if (!cur.isEmpty() && curScript == Script::Digits && cur.back().isDigit() && nextKind(i) == CharKind::Digit) {
                cur.append(c.ch); // "28/12", "2026-12-28", "98123-45678", "5:30"
                break;
            }
            flush(int(i));
            if (c.ch != QLatin1Char('-') && c.ch != QLatin1Char('/'))
                pendingBreak = true; // a full stop or colon ends a clause
            break;
        case CharKind::Plus:
            flush(int(i));
            if (nextKind(i) == CharKind::Digit) {
                curFrom = int(i);
                curScript = Script::Digits;
                cur.append(c.ch);
            }
            break;
        case CharKind::Break:
            flush(int(i));
            pendingBreak = true;
            break;
        case CharKind::Space:
            flush(int(i));
            break;
        }
    }
    flush(int(n));

    for (int i = 0; i < t.size(); ++i) {
        Token &tok = t.tokens[i];
        tok.canon = canonical(tok.text);
        // Only once a lexicon's words are known: while the spelling map itself is read, its
        // Devanagari variants must stay as they are written.
        if (tok.script == Script::Devanagari && tok.canon == tok.text && !m_config.vocabulary.isEmpty())
            spellOutDevanagari(tok, *this);
        tok.stem = asciiLetters(tok.canon) ? stemWord(tok.canon) : tok.canon;
        tok.negatesForward = m_config.negatesForward.contains(tok.canon);
        tok.negatesBackward = m_config.negatesBackward.contains(tok.canon);
        if (breakBefore.at(i) && i > 0)
            tok.clause = -1; // placeholder: markClauses turns it into a new clause
    }
    readPayBeforeKar(t);
    markClauses(t);
    detectLanguage(t);
    return t;
}

// "पे" is the postposition "on" ("घर पे"), and the loan word "pay" before a form of करना ("पे कर
// दिया", "ऑनलाइन पे करूंगा"), as Hinglish types it.
void Normaliser::readPayBeforeKar(NormalisedText &t)
{
    for (int i = 0; i + 1 < t.size(); ++i) {
        Token &tok = t.tokens[i];
        const Token &next = t.at(i + 1);
        if (tok.script != Script::Devanagari || tok.text != QStringLiteral("पे") || next.script != Script::Devanagari)
            continue;
        if (next.canon.startsWith(QLatin1String("kar")) || next.canon.startsWith(QLatin1String("kiy"))
            || next.canon.startsWith(QLatin1String("kij")) || next.canon == QLatin1String("kr")) {
            tok.canon = QStringLiteral("pay");
            tok.stem = tok.canon;
        }
    }
}

void Normaliser::markClauses(NormalisedText &t) const
{
    int clause = 0;
    int scope = 0;
    for (int i = 0; i < t.size();) {
        if (t.at(i).clause == -1) {
            ++clause;
            ++scope;
        }
        if (const int len = phraseAt(t, i, m_config.clauseMarkers, m_markerByFirst)) {
            if (i > 0 && t.at(i).clause != -1) {
                ++clause;
                ++scope;
            }
            for (int k = i; k < i + len; ++k) {
                t.tokens[k].marker = true;
                t.tokens[k].clause = clause;
                t.tokens[k].scope = scope;
            }
            i += len;
            continue;
        }
        if (i > 0 && phraseAt(t, i, m_config.scopeBarriers, m_barrierByFirst))
            ++scope;
        t.tokens[i].clause = clause;
        t.tokens[i].scope = scope;
        ++i;
    }
}

void Normaliser::detectLanguage(NormalisedText &t) const
{
    int deva = 0, latin = 0, hindi = 0, english = 0;
    for (const Token &tok : std::as_const(t.tokens)) {
        if (tok.script == Script::Devanagari) {
            ++deva;
        } else if (tok.script == Script::Latin) {
            ++latin;
            if (m_config.hindiWords.contains(tok.stem))
                ++hindi;
            else if (m_config.englishWords.contains(tok.stem))
                ++english;
        }
    }
    if (deva > 0 && deva >= hindi + english) {
        t.language = Language::HindiDevanagari;
        t.mixed = latin > 0;
    } else if (hindi > 0 && hindi >= english) {
        t.language = Language::HindiLatin;
        t.mixed = english > 0 || deva > 0;
    } else if (latin > 0) {
        t.language = Language::English;
        t.mixed = hindi > 0 || deva > 0;
    } else {
        t.language = Language::Unknown;
    }
}

QStringList Normaliser::stems(const QString &phrase) const
{
    const NormalisedText t = normalise(phrase);
    QStringList out;
    out.reserve(t.size());
    for (const Token &tok : t.tokens)
        out.append(tok.stem);
    return out;
}

void spellOutDevanagari(Token &token, const Normaliser &normaliser, const Vocabulary *extra)
{
    const QString latin = normaliser.canonical(devanagariToLatin(token.text));
    if (latin.isEmpty() || !asciiLetters(latin))
        return; // signs only, or letters outside the table: keep the Devanagari form
    // A word spelled alike wins over one that only sounds alike; the playbook's own words are
    // the likelier meaning of a loan word than the lexicon's.
    const bool nasalSign = token.text.endsWith(QChar(0x0902)) || token.text.endsWith(QChar(0x0901));
    QString known = normaliser.vocabulary().findExact(latin, nasalSign);
    if (known.isEmpty() && extra)
        known = extra->findExact(latin, nasalSign);
    const bool exact = !known.isEmpty();
    // Several known words spelled alike ("sawal", "sawaal"): the closest spelling, once no
    // vocabulary knows just one (not final: the playbook's words are tried again).
    if (known.isEmpty() && extra)
        known = extra->findClosest(latin, nasalSign);
    if (known.isEmpty())
        known = normaliser.vocabulary().findClosest(latin, nasalSign);
    if (known.isEmpty() && extra)
        known = extra->findSimilar(latin);
    if (known.isEmpty())
        known = normaliser.vocabulary().findSimilar(latin);
    // A shorter form of the word (`chop` signs off its end) read instead, when that form reaches a
    // known word: taken only if it does.
    const auto readAsShorter = [&](qsizetype chop) {
        Token shorter = token;
        shorter.text = token.text.chopped(chop);
        spellOutDevanagari(shorter, normaliser, extra);
        if (shorter.canon == normaliser.canonical(devanagariToLatin(shorter.text)) && shorter.transliterated)
            return false;
        token.canon = shorter.canon;
        token.transliterated = shorter.transliterated;
        token.stem = shorter.stem;
        return true;
    };
    // An English plural written in Devanagari ("ऑर्डर्स", "अपडेट्स") is its singular's loan word.
    if (known.isEmpty() && token.text.size() > 4 && token.text.endsWith(QStringLiteral("\u094D\u0938")) && readAsShorter(2))
        return;
    // The deferential future of a polite verb ("भेजिएगा", "करवाइएगा") asks what its polite form
    // asks ("भेजिए"): when no known word has it, the polite form is read ("…इएगा" → "…इए").
    if (known.isEmpty() && latin.size() > 6 && latin.endsWith(QLatin1String("iyega")) && readAsShorter(2))
        return;
    token.canon = known.isEmpty() ? latin : known;
    token.transliterated = !exact; // a playbook's words may still fit better (Analyser::analyse)
    token.stem = stemWord(token.canon);
}

QString NormalisedText::joined() const
{
    QString out;
    for (const Token &tok : tokens) {
        if (!out.isEmpty())
            out.append(QLatin1Char(' '));
        out.append(tok.canon);
    }
    return out;
}

QString NormalisedText::quote(int first, int last) const
{
    if (first < 0 || last >= size() || first > last)
        return {};
    return source.mid(at(first).from, at(last).to - at(first).from);
}

bool NormalisedText::isNegated(int first, int last) const
{
    if (first < 0 || last >= size() || first > last)
        return false;
    const int scopeBefore = at(first).scope;
    for (int j = first - 1, seen = 0; j >= 0 && seen < 4 && at(j).scope == scopeBefore; --j, ++seen) {
        if (at(j).negatesForward)
            return true;
    }
    const int scopeAfter = at(last).scope;
    for (int j = last + 1, seen = 0; j < size() && seen < 3 && at(j).scope == scopeAfter; ++j, ++seen) {
        if (at(j).negatesBackward)
            return true;
    }
    return false;
}

} // namespace ringside::nlu
