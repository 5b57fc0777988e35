#include "engine/nlu/timeslot.h"

#include "engine/nlu/unavailability.h"

namespace ringside::nlu {

namespace {

struct SlotCandidate
{
    int first = 0;
    int last = 0;
    QString slot;
    int hour = -1;
};

// The hour of a clock token ("5", "5:30", "17:00"), or -1.
int hourOf(const Token &tok, const Numbers &numbers, const NormalisedText &t, int index, int *last)
{
    if (tok.isDigits() && tok.text.contains(QLatin1Char(':'))) {
        const QStringList parts = tok.text.split(QLatin1Char(':'));
        bool ok = false;
        const int h = parts.at(0).toInt(&ok);
        *last = index;
        return (ok && parts.size() == 2 && parts.at(1).size() == 2 && parts.at(1).toInt() < 60 && h <= 23) ? h : -1;
    }
    Cardinal c;
    if (!numbers.cardinalAt(t, index, &c) || c.ordinal || c.value > 23)
        return -1;
    *last = c.last;
    return int(c.value);
}

// A clock time starting at token i: [lead] hour [am|pm] [o'clock|baje] [tail].
bool clockAt(const NormalisedText &t, const Lexicon &lex, int i, SlotCandidate *c, QString *meridiem)
{
    const CalendarWords &cal = lex.calendar();
    CueHit hit;
    int j = i;
    const bool led = cal.timeLeads.matchAt(t, i, &hit);
    if (led)
        j = hit.last + 1;
    if (j >= t.size())
        return false;
    int last = j;
    const int hour = hourOf(t.at(j), lex.numbers(), t, j, &last);
    if (hour < 0)
        return false;
    bool marked = t.at(j).text.contains(QLatin1Char(':'));
    if (cal.meridiem.matchAt(t, last + 1, &hit)) {
        *meridiem = cal.meridiem.cue(hit.cue).label;
        last = hit.last;
        marked = true;
    }
    if (cal.clockWords.matchAt(t, last + 1, &hit)) {
        last = hit.last;
        marked = true;
    }
    if (cal.timeTails.matchAt(t, last + 1, &hit)) {
        last = hit.last;
        marked = true;
    }
    CueHit unit;
    if (!marked && (!led || cal.units.matchAt(t, last + 1, &unit)))
        return false; // "3" alone or "after 3 days" is no time of day
    if (!meridiem->isEmpty() && (hour < 1 || hour > 12))
        return false;
    c->first = i;
    c->last = last;
    c->hour = hour;
    return true;
}

} // namespace

QString slotForHour(int hour)
{
    if (hour >= 6 && hour < 12)
        return QStringLiteral("morning");
    if (hour >= 12 && hour < 17)
        return QStringLiteral("afternoon");
    return QStringLiteral("evening");
}

TimeSlotMatch extractTimeSlot(const NormalisedText &text, const Lexicon &lexicon)
{
    const CueSet &slotWords = lexicon.calendar().timeSlots;
    QList<SlotCandidate> found;
    const QList<CueHit> words = slotWords.find(text, 0);
    for (const CueHit &h : words)
        found.append({h.first, h.last, slotWords.cue(h.cue).label, -1});

    for (int i = 0; i < text.size(); ++i) {
        SlotCandidate c;
        QString meridiem;
        if (!clockAt(text, lexicon, i, &c, &meridiem))
            continue;
        // A slot word right beside a bare hour decides am or pm: "subah 7 baje", "7 baje shaam".
        QString near;
        for (const CueHit &h : words) {
            if (h.last >= c.first - 2 && h.first <= c.last + 2)
                near = slotWords.cue(h.cue).label;
        }
        int h = c.hour;
        if (meridiem == QLatin1String("am"))
            h = h % 12;
        else if (meridiem == QLatin1String("pm"))
            h = h % 12 + 12;
        else if (!near.isEmpty())
            h = (near == QLatin1String("morning") || h >= 12) ? h : h + 12;
        else if (h >= 1 && h <= 7)
            h += 12;
        c.hour = h;
        c.slot = near.isEmpty() || !meridiem.isEmpty() ? slotForHour(h) : near;
        found.append(c);
        i = c.last;
    }
    std::sort(found.begin(), found.end(), [](const SlotCandidate &a, const SlotCandidate &b) { return a.first < b.first; });

    TimeSlotMatch out;
    QList<TokenSpan> spans;
    for (const SlotCandidate &c : std::as_const(found))
        spans.append({c.first, c.last});
    const QList<bool> refused = refusedByUnavailability(text, lexicon.calendar().unavailable, spans);
    const SlotCandidate *chosen = nullptr;
    for (qsizetype k = 0; k < found.size(); ++k) {
        const SlotCandidate &c = found.at(k);
        if (refused.at(k) || text.isNegated(c.first, c.last)) {
            if (!out.rejected.contains(c.slot))
                out.rejected.append(c.slot);
        } else {
            chosen = &c;
        }
    }
    if (!chosen)
        return out;
    // A slot word and a clock time side by side are one answer: keep the hour, quote both.
    auto beside = [](const SlotCandidate &a, const SlotCandidate &b) { return a.last >= b.first - 2 && a.first <= b.last + 2; };
    int first = chosen->first, last = chosen->last;
    for (qsizetype k = 0; k < found.size(); ++k) {
        const SlotCandidate &c = found.at(k);
        if (&c == chosen || !beside(c, *chosen) || c.slot != chosen->slot || refused.at(k) || text.isNegated(c.first, c.last))
            continue;
        first = qMin(first, c.first);
        last = qMax(last, c.last);
        if (chosen->hour < 0 && c.hour >= 0)
            chosen = &c;
    }
    out.status = Found::Complete;
    out.slot = chosen->slot;
    out.hour = chosen->hour;
    out.heard = text.quote(first, last);
    return out;
}

} // namespace ringside::nlu
