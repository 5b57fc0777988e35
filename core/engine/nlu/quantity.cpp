#include "engine/nlu/quantity.h"

namespace ringside::nlu {

namespace {

// Whether a number ending at `last` is followed by words that make it something else.
bool followedByOtherUse(const NormalisedText &t, const Lexicon &lex, int last)
{
    const CalendarWords &cal = lex.calendar();
    CueHit h;
    const int j = last + 1;
    if (cal.of.matchAt(t, j, &h) && cal.months.matchAt(t, h.last + 1, &h))
        return true; // "28 of December"; "two of them" stays a quantity
    return cal.units.matchAt(t, j, &h) || cal.months.matchAt(t, j, &h) || cal.dayOfMonth.matchAt(t, j, &h)
        || cal.meridiem.matchAt(t, j, &h) || cal.clockWords.matchAt(t, j, &h)
        || lex.numbers().words().ordinalSuffixes.contains(j < t.size() ? t.at(j).stem : QString());
}

// "do" as a number, not the Hindi verb ending ("kar do") or the English verb ("do you").
bool ambiguousIsNumber(const NormalisedText &t, const Lexicon &lex, int i)
{
    const EntityWords &e = lex.entities();
    CueHit h;
    if (e.quantityUnits.matchAt(t, i + 1, &h))
        return true;
    const QString prev = i > 0 && t.at(i - 1).clause == t.at(i).clause ? t.at(i - 1).stem : QString();
    const QString next = i + 1 < t.size() && t.at(i + 1).clause == t.at(i).clause ? t.at(i + 1).stem : QString();
    return !e.verbsBeforeDo.contains(prev) && !e.englishAroundDo.contains(prev) && !e.englishAroundDo.contains(next);
}

} // namespace

QuantityMatch extractQuantity(const NormalisedText &text, const Lexicon &lexicon)
{
    struct Candidate
    {
        int first, last, value;
        bool all;
    };
    QList<Candidate> found;
    const CueSet &words = lexicon.entities().quantity;
    for (const CueHit &h : words.find(text, 0)) {
        // "both" / "dono" is two, and all of them: a caller says it of a pair.
        const bool all = words.cue(h.cue).label == QLatin1String("all");
        found.append({h.first, h.last, all ? 0 : 2, true});
    }
    const Numbers &numbers = lexicon.numbers();
    QList<bool> inDigitString(text.size(), false); // IDs and phone numbers said digit by digit
    for (const DigitRun &r : numbers.digitRuns(text)) {
        const bool long_ = r.last - r.first >= 2 || r.digits.size() >= 5;
        for (int k = r.first; long_ && k <= r.last; ++k)
            inDigitString[k] = true;
    }
    for (int i = 0; i < text.size(); ++i) {
        Cardinal c;
        const Token &tok = text.at(i);
        if (inDigitString.at(i) || !numbers.cardinalAt(text, i, &c) || c.ordinal || c.value < 1 || c.value > 999)
            continue;
        const bool digitString = tok.isDigits() && tok.text.size() > 3;
        if (!digitString && !followedByOtherUse(text, lexicon, c.last)
            && (c.last > i || !numbers.words().ambiguous.contains(tok.stem) || ambiguousIsNumber(text, lexicon, i))) {
            bool inside = false;
            for (const Candidate &f : std::as_const(found))
                inside = inside || (i >= f.first && i <= f.last);
            if (!inside)
                found.append({i, c.last, int(c.value), false});
        }
        i = c.last;
    }
    std::sort(found.begin(), found.end(), [](const Candidate &a, const Candidate &b) { return a.first < b.first; });
    QuantityMatch out;
    for (const Candidate &c : std::as_const(found)) {
        if (text.isNegated(c.first, c.last))
            continue;
        out.status = Found::Complete;
        out.value = c.value;
        out.all = c.all;
        out.heard = text.quote(c.first, c.last);
    }
    return out;
}

} // namespace ringside::nlu
