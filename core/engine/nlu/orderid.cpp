#include "engine/nlu/orderid.h"

#include "engine/nlu/transliteration.h"

#include <QHash>

namespace ringside::nlu {

namespace {

// Words allowed between "ORD"/"order" and the digits besides function words.
const QSet<QString> kLinkWords = {QStringLiteral("number"), QStringLiteral("no"), QStringLiteral("id"),
                                  QStringLiteral("num"), QStringLiteral("hash"),
                                  // "RET dash zero zero zero one": the separator said aloud.
                                  QStringLiteral("dash"), QStringLiteral("hyphen"), QStringLiteral("minus")};

struct OrderIdCandidate
{
    Found status = Found::None;
    QString digits;
    bool prefixed = false;
    bool led = false;
    int first = 0;
    int last = 0;
    bool negated = false;
};

// The letter a token names: a single letter ("r"), or a letter's name as speech-to-text writes it
// in English or Devanagari ("are", "tee", "आर" → "aar", "टी" → "tee"). Only ever asked inside a
// spelled prefix, so everyday words ("are", "ji") cannot become letters anywhere else. "diya" is
// डी: the spelling map folds "di" into the verb form "diya".
QChar letterOf(const Token &token)
{
    if (token.text.size() == 1 && token.text.at(0).unicode() < 0x80 && token.text.at(0).isLetter())
        return token.text.at(0);
    static const QHash<QString, QChar> names = [] {
        QHash<QString, QChar> h;
        const auto add = [&h](char letter, std::initializer_list<const char *> spoken) {
            for (const char *s : spoken)
                h.insert(phoneticKey(QLatin1String(s)), QLatin1Char(letter));
        };
        add('a', { "e", "ay", "ei" });   add('b', { "bee", "bi" });  add('c', { "see", "si" });
        add('d', { "dee", "di", "diya" });       add('e', { "ee", "i" });    add('f', { "ef", "eff" });
        add('g', { "jee", "ji" });       add('h', { "ech", "aitch" }); add('i', { "ai", "eye" });
        add('j', { "je", "jay" });       add('k', { "ke", "kay" });  add('l', { "el", "ell" });
        add('m', { "em" });              add('n', { "en" });         add('o', { "o", "oh" });
        add('p', { "pee", "pi" });       add('q', { "kyu", "queue" }); add('r', { "aar", "are", "ar" });
        add('s', { "es", "ess" });       add('t', { "tee", "ti" });  add('u', { "yu", "you" });
        add('v', { "vee", "vi" });       add('x', { "eks", "ex" });  add('y', { "vai", "why" });
        add('z', { "zed", "jed", "zee" });
        return h;
    }();
    return names.value(phoneticKey(token.canon));
}

// Tokens spelling `letters` one letter at a time from `start` ("o r d", "आर ई टी"); returns how many.
int spelledAt(const NormalisedText &t, int start, const QString &letters)
{
    if (letters.size() < 2 || start + letters.size() > t.size())
        return 0;
    for (int k = 0; k < letters.size(); ++k) {
        if (letterOf(t.at(start + k)) != letters.at(k))
            return 0;
    }
    return int(letters.size());
}

int rank(Found s)
{
    switch (s) {
    case Found::Complete: return 3;
    case Found::Invalid: return 2;
    case Found::Partial: return 1;
    case Found::None: break;
    }
    return 0;
}

} // namespace

Result<OrderIdPattern> OrderIdPattern::fromExample(const QString &example)
{
    const QString e = example.trimmed();
    auto bad = [&]() {
        return Result<OrderIdPattern>::failure(
            QStringLiteral("order ID format '%1': expected letters, an optional separator and at least three digits, "
                           "like ORD-123456 or ORD-XXXXXX").arg(example));
    };
    qsizetype end = e.size();
    while (end > 0 && e.at(end - 1).isDigit())
        --end;
    if (end == e.size()) { // a template: "ORD-XXXXXX", "ORD-######", with a separator before it
        while (end > 0 && QStringView(u"Xx#").contains(e.at(end - 1)))
            --end;
        if (end == e.size() || end == 0 || e.at(end - 1).isLetterOrNumber())
            return bad();
    }
    OrderIdPattern p;
    p.digits = int(e.size() - end);
    qsizetype letters = 0;
    while (letters < end && (e.at(letters).isLetter() || e.at(letters) == QLatin1Char('#')))
        ++letters;
    p.prefix = e.left(letters).toUpper();
    p.separator = e.mid(letters, end - letters);
    for (const QChar c : std::as_const(p.separator)) {
        if (c.isLetterOrNumber() || c.isSpace())
            return bad();
    }
    if (p.digits < 3 || p.digits > 20)
        return bad();
    return p;
}

QString OrderIdPattern::format(const QString &digitString) const
{
    return prefix + separator + digitString;
}

OrderIdMatch extractOrderId(const NormalisedText &text, const Lexicon &lexicon, const OrderIdPattern &pattern)
{
    const Numbers &numbers = lexicon.numbers();
    QString letters;
    for (const QChar c : pattern.prefix) {
        if (c.isLetter())
            letters.append(c.toLower());
    }
    QList<OrderIdCandidate> found;
    QList<bool> used(text.size(), false);
    const auto classify = [&](OrderIdCandidate &c) {
        const int n = int(c.digits.size());
        const bool named = c.prefixed || c.led;
        if (!named && !pattern.acceptBareDigits)
            c.status = Found::None;
        else if (n == pattern.digits)
            c.status = Found::Complete;
        else if (n < pattern.digits)
            c.status = (named || n >= 3) ? Found::Partial : Found::None;
        else
            c.status = named ? Found::Invalid : Found::None;
        c.negated = text.isNegated(c.first, c.last);
    };

    for (int i = 0; i < text.size(); ++i) {
        OrderIdCandidate c;
        c.first = i;
        int after = -1;
        if (!letters.isEmpty() && text.at(i).text == letters) {
            c.prefixed = true;
            after = i + 1;
        } else if (const int len = spelledAt(text, i, letters)) {
            c.prefixed = true;
            after = i + len;
        } else if (CueHit h; lexicon.entities().orderLeads.matchAt(text, i, &h)) {
            c.led = true;
            after = h.last + 1;
        }
        if (after < 0)
            continue;
        c.last = after - 1;
        DigitRun run;
        // "order number is 482913": only small words may stand between the lead and the digits.
        for (int j = after; j < text.size() && j <= after + 2; ++j) {
            if (numbers.digitRunAt(text, j, &run))
                break;
            run = DigitRun();
            const QString &stem = text.at(j).stem;
            if (!lexicon.normaliser().isFunctionWord(stem) && !kLinkWords.contains(stem))
                break;
        }
        if (!run.digits.isEmpty()) {
            c.digits = run.digits;
            c.last = run.last;
        } else if (!c.prefixed) {
            continue; // "order" alone says nothing about the ID
        }
        for (int k = c.first; k <= c.last; ++k)
            used[k] = true;
        classify(c);
        found.append(c);
        i = c.last;
    }
    for (const DigitRun &run : numbers.digitRuns(text)) {
        if (used.at(run.first) || run.plus)
            continue;
        OrderIdCandidate c;
        c.digits = run.digits;
        c.first = run.first;
        c.last = run.last;
        classify(c);
        found.append(c);
    }

    const OrderIdCandidate *best = nullptr;
    for (const OrderIdCandidate &c : std::as_const(found)) {
        if (c.status == Found::None || c.negated)
            continue;
        const bool better = !best || rank(c.status) > rank(best->status)
            || (rank(c.status) == rank(best->status) && c.first > best->first);
        if (better)
            best = &c;
    }
    OrderIdMatch out;
    if (!best)
        return out;
    out.status = best->status;
    out.digits = best->digits;
    out.prefixHeard = best->prefixed;
    out.heard = text.quote(best->first, best->last);
    if (best->status == Found::Complete)
        out.id = pattern.format(best->digits);
    else if (best->status == Found::Invalid)
        out.problem = QStringLiteral("heard %1 digits; order IDs have %2").arg(best->digits.size()).arg(pattern.digits);
    return out;
}

} // namespace ringside::nlu
