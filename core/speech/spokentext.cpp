#include "speech/spokentext.h"

#include <QRegularExpression>

#include <array>

namespace ringside {

namespace {
const std::array<const char *, 10> kDigits = {"zero", "one", "two", "three", "four",
                                              "five", "six", "seven", "eight", "nine"};

int digitValue(const QString &word)
{
    if (word.size() == 1 && word.at(0).isDigit())
        return word.at(0).digitValue();
    if (word == QLatin1String("oh"))
        return 0;
    for (int i = 0; i < 10; ++i)
        if (word == QLatin1String(kDigits[std::size_t(i)]))
            return i;
    return -1;
}

void spellInto(QStringList &out, const QString &token)
{
    for (const QChar c : token) {
        if (c.isDigit())
            out << digitWord(c.digitValue());
        else if (c.isLetter())
            out << QString(c.toLower());
    }
}
} // namespace

QString digitWord(int digit) { return QLatin1String(kDigits[std::size_t(digit % 10)]); }

bool isDigitWord(const QString &word) { return digitValue(word) >= 0; }

bool isLetterWord(const QString &word)
{
    return word.size() == 1 && word.at(0).isLetter() && word.at(0).unicode() < 128;
}

bool isSequenceWord(const QString &word)
{
    return isDigitWord(word) || isLetterWord(word) || word == QLatin1String("double") || word == QLatin1String("triple");
}

QStringList spokenWords(const QString &text)
{
    QString t = text;
    t.replace(QLatin1Char('&'), QLatin1String(" and "));
    t.replace(QLatin1Char('%'), QLatin1String(" percent "));
    t.replace(QChar(0x2019), QLatin1Char('\'')); // typographic apostrophe
    // Words keep inner apostrophes ("don't", "it's"); everything else separates.
    static const QRegularExpression tokenRe(QStringLiteral("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*"));
    QStringList out;
    auto it = tokenRe.globalMatch(t);
    while (it.hasNext()) {
        const QString token = it.next().captured();
        bool hasDigit = false, hasLetter = false, allUpper = true;
        for (const QChar c : token) {
            hasDigit = hasDigit || c.isDigit();
            if (c.isLetter()) {
                hasLetter = true;
                allUpper = allUpper && c.isUpper();
            }
        }
        // IDs and acronyms are read out character by character ("ORD482913", "UPI", "1234567");
        // a single capital ("I", "A") is an ordinary word.
        if (hasDigit || (hasLetter && allUpper && token.size() > 1 && token.size() <= 5))
            spellInto(out, token);
        else
            out << token.toLower();
    }
    return out;
}

bool endsInsideSequence(const QString &transcript)
{
    const QStringList words = transcript.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return !words.isEmpty() && isSequenceWord(words.last());
}

QString collapseSpelledSequence(const QString &transcript)
{
    QString best;
    for (const QString &run : spelledRuns(transcript))
        if (run.size() >= best.size())
            best = run;
    return best;
}

QStringList spelledRuns(const QString &transcript)
{
    const QStringList words = transcript.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList runs;
    QString run;
    int repeat = 1;
    auto endRun = [&] {
        if (run.size() >= 2) // one letter is a word ("a"), not an ID
            runs << run;
        run.clear();
        repeat = 1;
    };
    for (const QString &w : words) {
        if (w == QLatin1String("double") || w == QLatin1String("triple")) {
            repeat = w == QLatin1String("double") ? 2 : 3;
            continue;
        }
        const int d = digitValue(w);
        if (d < 0 && !isLetterWord(w)) {
            endRun();
            continue;
        }
        run += QString(repeat, d >= 0 ? QChar(u'0' + d) : w.at(0).toUpper());
        repeat = 1;
    }
    endRun();
    return runs;
}

} // namespace ringside
