#include "engine/nlu/dates.h"

#include "engine/nlu/unavailability.h"

namespace ringside::nlu {

namespace {

const char *const kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};

// A yearless date this many days back or fewer, read forward, has passed rather than meaning
// next year: a month covers "last Friday's date" and a misheard day, while a month name further
// back ("10 March" said in December) still plausibly means the coming one.
constexpr int kRecentlyPassedDays = 31;

struct DateCandidate
{
    int first = 0;
    int last = 0;
    QDate date;
    QString problem;
};

class DateScanner
{
public:
    DateScanner(const NormalisedText &text, const Lexicon &lexicon, const DateOptions &options)
        : t(text), numbers(lexicon.numbers()), cal(lexicon.calendar()), o(options)
    {
    }

    QList<DateCandidate> scan()
    {
        QList<DateCandidate> out;
        for (int i = 0; i < t.size(); ++i) {
            DateCandidate c;
            c.first = i;
            if (numericAt(i, &c) || spanAt(i, &c) || dayMonthAt(i, &c) || dayOfMonthAt(i, &c) || monthDayAt(i, &c)
                || relativeAt(i, &c) || weekdayAt(i, &c)) {
                out.append(c);
                i = c.last;
            }
        }
        return out;
    }

private:
    bool future() const { return o.direction == TimeDirection::Future; }

    QString notADate(int day, int month, int year = 0) const
    {
        const QString when = QStringLiteral("%1 %2").arg(day).arg(QLatin1String(kMonthNames[month - 1]));
        return (year ? when + QLatin1Char(' ') + QString::number(year) : when) + QStringLiteral(" is not a date");
    }

    // A day and month without a year: the next such date (or the last, reading the past); one
    // that passed within kRecentlyPassedDays is invalid when reading forward.
    void resolveYearless(int day, int month, DateCandidate *c) const
    {
        if (!QDate::isValid(2000, month, day)) { // 2000 is a leap year, so 29 February passes
            c->problem = notADate(day, month);
            return;
        }
        if (future()) {
            // "5 December" said on 7 December: next year's is eleven months off, beyond any
            // delivery or pickup window, so the caller misspoke or means the past; say so.
            for (const int y : {o.today.year(), o.today.year() - 1}) {
                const QDate d(y, month, day);
                if (d.isValid() && d < o.today && d.daysTo(o.today) <= kRecentlyPassedDays) {
                    c->problem = QStringLiteral("%1 %2 has passed").arg(day).arg(QLatin1String(kMonthNames[month - 1]));
                    return;
                }
            }
        }
        const int step = future() ? 1 : -1;
        for (int y = o.today.year(), tries = 0; tries < 9; y += step, ++tries) {
            const QDate d(y, month, day);
            if (d.isValid() && (future() ? d >= o.today : d <= o.today)) {
                c->date = d;
                return;
            }
        }
    }

    void resolveFull(int day, int month, int year, DateCandidate *c) const
    {
        const QDate d(year, month, day);
        if (d.isValid())
            c->date = d;
        else
            c->problem = notADate(day, month, year);
    }

    // "28 tarikh", "the 28th": the next (or last) month that has that day.
    void resolveDayOfMonth(int day, DateCandidate *c) const
    {
        QDate month(o.today.year(), o.today.month(), 1);
        for (int tries = 0; tries < 13; ++tries, month = month.addMonths(future() ? 1 : -1)) {
            const QDate d(month.year(), month.month(), day);
            if (d.isValid() && (future() ? d >= o.today : d <= o.today)) {
                c->date = d;
                return;
            }
        }
    }

    bool yearAt(int j, int *year, int *last) const
    {
        Cardinal y;
        if (j < t.size() && numbers.cardinalAt(t, j, &y) && !y.ordinal && y.value >= 1900 && y.value <= 2199) {
            *year = int(y.value);
            *last = y.last;
            return true;
        }
        return false;
    }

    // "28/12", "28/12/2026", "2026-12-28", "12/28" (month first when day-first cannot be).
    bool numericAt(int i, DateCandidate *c) const
    {
        const Token &tok = t.at(i);
        if (!tok.isDigits() || tok.text.startsWith(QLatin1Char('+')))
            return false;
        const bool slash = tok.text.contains(QLatin1Char('/'));
        const QStringList parts = QString(tok.text).replace(QLatin1Char('-'), QLatin1Char('/'))
                                      .replace(QLatin1Char('.'), QLatin1Char('/')).split(QLatin1Char('/'));
        if (parts.size() < 2 || parts.size() > 3 || (parts.size() == 2 && !slash))
            return false; // "2-3 days" and "2.5" are not dates
        for (const QString &p : parts) {
            if (p.isEmpty() || p.size() > 4)
                return false;
        }
        int a = parts.at(0).toInt(), b = parts.at(1).toInt(), year = 0;
        int day = a, month = b;
        if (parts.size() == 3) {
            if (parts.at(0).size() == 4) { // ISO: year first
                year = a;
                month = b;
                day = parts.at(2).toInt();
            } else {
                year = parts.at(2).toInt();
                if (parts.at(2).size() == 2)
                    year += 2000;
                else if (parts.at(2).size() != 4)
                    return false;
            }
        }
        if (!(parts.size() == 3 && parts.at(0).size() == 4)) {
            if (!o.dayFirst)
                std::swap(day, month);
            if (month > 12 && day <= 12)
                std::swap(day, month); // only one reading is possible
        }
        if (month < 1 || month > 12 || day < 1 || day > 31)
            return false;
        c->last = i;
        if (year)
            resolveFull(day, month, year, c);
        else
            resolveYearless(day, month, c);
        return true;
    }

    // "in 3 days", "teen din baad", "2 weeks later", "ek hafte mein", "3 days ago".
    bool spanAt(int i, DateCandidate *c) const
    {
        CueHit lead;
        int j = i;
        const bool led = cal.unitLeads.matchAt(t, i, &lead);
        if (led)
            j = lead.last + 1;
        if (j >= t.size())
            return false;
        qint64 count = 0;
        int numberLast = j;
        Cardinal n;
        if (numbers.cardinalAt(t, j, &n) && !n.ordinal) {
            count = n.value;
            numberLast = n.last;
        } else if (numbers.words().one.contains(t.at(j).stem)) {
            count = 1; // "in a week"
        } else {
            return false;
        }
        CueHit unit, tail;
        if (count < 1 || count > 366 || !cal.units.matchAt(t, numberLast + 1, &unit))
            return false;
        int last = unit.last;
        bool ago = false;
        if (cal.unitAgo.matchAt(t, last + 1, &tail)) {
            ago = true;
            last = tail.last;
        } else if (cal.unitTails.matchAt(t, last + 1, &tail)) {
            last = tail.last;
        } else if (!led) {
            return false; // "it's been 3 days" is not a date
        }
        const qint64 days = count * cal.units.cue(unit.cue).value;
        c->last = last;
        c->date = o.today.addDays(ago ? -days : days);
        return true;
    }

    // "28th December", "28 dec 2026", "twenty eighth of December".
    bool dayMonthAt(int i, DateCandidate *c) const
    {
        Cardinal d;
        if (!numbers.cardinalAt(t, i, &d) || d.value < 1 || d.value > 31)
            return false;
        int j = d.last + 1;
        CueHit hit;
        if (cal.of.matchAt(t, j, &hit))
            j = hit.last + 1;
        if (!cal.months.matchAt(t, j, &hit))
            return false;
        const int month = cal.months.cue(hit.cue).value;
        int year = 0;
        c->last = hit.last;
        if (yearAt(hit.last + 1, &year, &c->last))
            resolveFull(int(d.value), month, year, c);
        else
            resolveYearless(int(d.value), month, c);
        return true;
    }

    // "December 28", "dec 28th 2026", "December the 28th".
    bool monthDayAt(int i, DateCandidate *c) const
    {
        CueHit hit;
        if (!cal.months.matchAt(t, i, &hit))
            return false;
        int j = hit.last + 1;
        if (j < t.size() && t.at(j).stem == QLatin1String("the"))
            ++j;
        Cardinal d;
        if (!numbers.cardinalAt(t, j, &d) || d.value < 1 || d.value > 31)
            return false;
        const int month = cal.months.cue(hit.cue).value;
        int year = 0;
        c->last = d.last;
        if (yearAt(d.last + 1, &year, &c->last))
            resolveFull(int(d.value), month, year, c);
        else
            resolveYearless(int(d.value), month, c);
        return true;
    }

    // "28 tarikh", "the 28th" (digits with a suffix; ordinal words alone are too often "the
    // first one" or "one second").
    bool dayOfMonthAt(int i, DateCandidate *c) const
    {
        Cardinal d;
        if (!numbers.cardinalAt(t, i, &d) || d.value < 1 || d.value > 31)
            return false;
        CueHit hit;
        if (cal.dayOfMonth.matchAt(t, d.last + 1, &hit))
            c->last = hit.last;
        else if (d.ordinal && t.at(i).isDigits())
            c->last = d.last;
        else
            return false;
        resolveDayOfMonth(int(d.value), c);
        return true;
    }

    bool relativeAt(int i, DateCandidate *c) const
    {
        CueHit hit;
        if (cal.relativeDays.matchAt(t, i, &hit)) {
            c->date = o.today.addDays(cal.relativeDays.cue(hit.cue).value);
        } else if (cal.eitherWayDays.matchAt(t, i, &hit)) {
            const int days = cal.eitherWayDays.cue(hit.cue).value;
            c->date = o.today.addDays(future() ? days : -days);
        } else {
            return false;
        }
        c->last = hit.last;
        return true;
    }

    bool weekdayAt(int i, DateCandidate *c) const
    {
        CueHit mod, day;
        QString modifier;
        int j = i;
        if (cal.modifiers.matchAt(t, i, &mod)) {
            modifier = cal.modifiers.cue(mod.cue).label;
            j = mod.last + 1;
        }
        if (!cal.weekdays.matchAt(t, j, &day))
            return false;
        const int target = cal.weekdays.cue(day.cue).value;
        const int today = o.today.dayOfWeek();
        int ahead = (target - today + 7) % 7; // 0–6 days to the next such weekday, today included
        int behind = (today - target + 7) % 7;
        QDate d;
        if (modifier == QLatin1String("this"))
            d = o.today.addDays(ahead);
        else if (modifier == QLatin1String("next") || (modifier.isEmpty() && future()))
            d = o.today.addDays(ahead == 0 ? 7 : ahead);
        else
            d = o.today.addDays(-(behind == 0 ? 7 : behind));
        c->date = d;
        c->last = day.last;
        return true;
    }

    const NormalisedText &t;
    const Numbers &numbers;
    const CalendarWords &cal;
    const DateOptions &o;
};

} // namespace

DateMatch extractDate(const NormalisedText &text, const Lexicon &lexicon, const DateOptions &options)
{
    DateMatch out;
    if (!options.today.isValid())
        return out;
    const QList<DateCandidate> found = DateScanner(text, lexicon, options).scan();
    QList<TokenSpan> spans, slotWords;
    for (const DateCandidate &c : found)
        spans.append({c.first, c.last});
    for (const CueHit &h : lexicon.calendar().timeSlots.find(text, 0))
        slotWords.append({h.first, h.last});
    const QList<bool> refused = refusedByUnavailability(text, lexicon.calendar().unavailable, spans, slotWords);
    const DateCandidate *chosen = nullptr;
    for (qsizetype k = 0; k < found.size(); ++k) {
        const DateCandidate &c = found.at(k);
        if (refused.at(k) || text.isNegated(c.first, c.last)) {
            if (c.date.isValid())
                out.rejected.append(c.date);
        } else {
            chosen = &c;
        }
    }
    if (!chosen)
        return out;
    out.heard = text.quote(chosen->first, chosen->last);
    if (chosen->date.isValid()) {
        out.status = Found::Complete;
        out.date = chosen->date;
    } else {
        out.status = Found::Invalid;
        out.problem = chosen->problem;
    }
    return out;
}

} // namespace ringside::nlu
