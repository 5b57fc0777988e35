#include "engine/nlu/numbers.h"

namespace ringside::nlu {

namespace {

// Digits of a digit token, or empty when it is a date or time ("28/12", "5:30", "2.5").
QString plainDigits(const Token &token)
{
    QString out;
    out.reserve(token.text.size());
    for (const QChar c : token.text) {
        if (c.isDigit())
            out.append(c);
        else if (c != QLatin1Char('-') && c != QLatin1Char('+'))
            return {};
    }
    return out;
}

int zerosOf(qint64 scale)
{
    int zeros = 0;
    for (; scale >= 10; scale /= 10)
        ++zeros;
    return zeros;
}

bool isTen(int v) { return v >= 20 && v <= 90 && v % 10 == 0; }

// Whether the digits so far are the first five of an Indian mobile number (which starts with 6–9),
// after an optional country code ("+91", "91") or trunk zero.
bool isMobileFirstHalf(const DigitRun &r)
{
    QString local = r.digits;
    if ((r.plus || local.size() == 7) && local.startsWith(QLatin1String("91")))
        local = local.mid(2);
    else if (local.size() == 6 && local.startsWith(QLatin1Char('0')))
        local = local.mid(1);
    return local.size() == 5 && local.at(0) >= QLatin1Char('6') && local.at(0) <= QLatin1Char('9');
}

} // namespace

bool Numbers::isAmbiguous(const Token &token) const
{
    return token.script != Script::Devanagari && m_words.ambiguous.contains(token.stem);
}

int Numbers::digitWordValue(const Token &token) const
{
    return m_words.cardinals.value(token.stem, -1);
}

bool Numbers::isNumber(const Token &token) const
{
    if (token.isDigits())
        return true;
    return m_words.cardinals.contains(token.stem) || m_words.ordinals.contains(token.stem)
        || m_words.scales.contains(token.stem) || m_words.repeaters.contains(token.stem);
}

// Whether a digit string could continue at `index`: digits, a digit word or "double".
bool Numbers::startsDigits(const NormalisedText &text, int index) const
{
    if (index >= text.size())
        return false;
    const Token &t = text.at(index);
    if (t.isDigits())
        return !plainDigits(t).isEmpty();
    return m_words.cardinals.contains(t.stem) || m_words.repeaters.contains(t.stem);
}

bool Numbers::digitRunAt(const NormalisedText &text, int start, DigitRun *run) const
{
    DigitRun r;
    r.first = start;
    int pos = start;
    const int n = text.size();
    if (pos < n && m_words.plus.contains(text.at(pos).stem) && startsDigits(text, pos + 1)) {
        r.plus = true;
        ++pos;
    }
    qsizetype sinceBreak = 0; // digits since the last clause break
    qsizetype counted = 0;
    while (pos < n) {
        const Token &tok = text.at(pos);
        sinceBreak += r.digits.size() - counted;
        counted = r.digits.size();
        // Pauses ("nine eight four five, zero one two") may split one number, but a whole group
        // on either side of the break ("not 482913, 482914") makes two.
        if (!r.digits.isEmpty() && tok.clause != text.at(r.last).clause) {
            if (sinceBreak >= 5 || (tok.isDigits() && plainDigits(tok).size() >= 5)) {
                // ...except an Indian mobile number said as two halves: "98765, 43210".
                DigitRun half;
                if (!isMobileFirstHalf(r) || !digitRunAt(text, pos, &half) || half.digits.size() != 5
                    || text.at(half.last).clause != tok.clause)
                    break;
                r.digits += half.digits;
                r.last = half.last;
                pos = half.last + 1;
                counted = r.digits.size();
                sinceBreak = 5;
                continue;
            }
            sinceBreak = 0;
        }
        if (tok.isDigits()) {
            const QString d = plainDigits(tok);
            if (d.isEmpty())
                break; // a date or time
            if (tok.text.startsWith(QLatin1Char('+'))) {
                if (!r.digits.isEmpty())
                    break;
                r.plus = true;
            }
            r.digits += d;
            r.last = pos++;
            continue;
        }
        if (const int times = m_words.repeaters.value(tok.stem); times > 0 && pos + 1 < n) {
            const Token &next = text.at(pos + 1);
            QString digit;
            if (const int v = digitWordValue(next); v >= 0 && v <= 9)
                digit = QString::number(v);
            else if (m_words.zeroLetters.contains(next.stem))
                digit = QStringLiteral("0");
            else if (next.isDigits() && plainDigits(next).size() == 1)
                digit = plainDigits(next);
            if (!digit.isEmpty()) {
                r.digits += digit.repeated(times);
                r.last = pos + 1;
                pos += 2;
                continue;
            }
            break;
        }
        if (const int v = digitWordValue(tok); v >= 0) {
            if (isAmbiguous(tok) && r.digits.isEmpty() && !startsDigits(text, pos + 1))
                break; // "kar do" is not a two
            int value = v;
            int used = 1;
            if (isTen(v) && pos + 1 < n) { // "ninety eight" → 98
                const int unit = digitWordValue(text.at(pos + 1));
                if (unit >= 1 && unit <= 9) {
                    value = v + unit;
                    used = 2;
                }
            }
            r.digits += QString::number(value);
            pos += used;
            if (v <= 9 && pos < n) { // "nine hundred" → 900
                if (const qint64 scale = m_words.scales.value(text.at(pos).stem); scale > 0) {
                    r.digits += QString(zerosOf(scale), QLatin1Char('0'));
                    ++pos;
                }
            }
            r.last = pos - 1;
            continue;
        }
        if (m_words.zeroLetters.contains(tok.stem) && (!r.digits.isEmpty() || startsDigits(text, pos + 1))) {
            r.digits += QLatin1Char('0');
            r.last = pos++;
            continue;
        }
        if (!r.digits.isEmpty() && m_words.fillers.contains(tok.stem) && startsDigits(text, pos + 1)) {
            ++pos;
            continue;
        }
        break;
    }
    if (r.digits.isEmpty())
        return false;
    *run = r;
    return true;
}

QList<DigitRun> Numbers::digitRuns(const NormalisedText &text) const
{
    QList<DigitRun> runs;
    for (int i = 0; i < text.size();) {
        DigitRun r;
        if (digitRunAt(text, i, &r)) {
            runs.append(r);
            i = r.last + 1;
        } else {
            ++i;
        }
    }
    return runs;
}

bool Numbers::cardinalAt(const NormalisedText &text, int start, Cardinal *out, bool allowAmbiguous) const
{
    const int n = text.size();
    qint64 total = 0;
    qint64 current = 0;
    bool any = false;
    bool ordinal = false;
    int last = start - 1;
    int pos = start;
    while (pos < n && !ordinal) {
        const Token &tok = text.at(pos);
        if (tok.isDigits()) {
            const QString d = plainDigits(tok);
            if (any || d.isEmpty() || d.size() > 9 || tok.text.contains(QLatin1Char('-')) || tok.text.startsWith(QLatin1Char('+')))
                break;
            current = d.toLongLong();
            any = true;
            last = pos++;
            if (pos < n && m_words.ordinalSuffixes.contains(text.at(pos).stem)) {
                ordinal = true;
                last = pos++;
            }
            continue;
        }
        if (const int v = m_words.ordinals.value(tok.stem, -1); v >= 0) {
            if (any && !(v < 10 && isTen(int(current % 100))))
                break;
            current += v;
            any = true;
            ordinal = true;
            last = pos++;
            continue;
        }
        if (const int v = digitWordValue(tok); v >= 0) {
            if (!any && !allowAmbiguous && isAmbiguous(tok) && !(pos + 1 < n && isNumber(text.at(pos + 1))))
                break;
            if (any) {
                const int tail = int(current % 100);
                const bool unitAfterTen = v < 10 && isTen(tail);
                const bool afterScale = v < 100 && tail == 0 && (current > 0 || total > 0);
                if (!unitAfterTen && !afterScale)
                    break; // "two three" is two numbers, not one
            }
            current += v;
            any = true;
            last = pos++;
            continue;
        }
        if (const qint64 scale = m_words.scales.value(tok.stem); scale > 0) {
            if (!any && last < start)
                break; // a bare "hundred" without "a"/"one" before it is not a number we read
            if (scale == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else {
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
            }
            any = true;
            last = pos++;
            continue;
        }
        if (!any && m_words.one.contains(tok.stem) && pos + 1 < n && m_words.scales.contains(text.at(pos + 1).stem)) {
            current = 1; // "a hundred"
            any = true;
            last = pos++;
            continue;
        }
        if (any && tok.stem == QLatin1String("and") && pos + 1 < n && digitWordValue(text.at(pos + 1)) >= 0
            && current % 100 == 0) {
            ++pos; // "one hundred and five"
            continue;
        }
        break;
    }
    if (!any)
        return false;
    out->value = total + current;
    out->ordinal = ordinal;
    out->first = start;
    out->last = last;
    return true;
}

} // namespace ringside::nlu
