#include "speech/identifierformat.h"

#include <QRegularExpression>
#include <QStringList>

namespace ringside {

namespace {
int countWord(const QString &word)
{
    static const QStringList words = { QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"),
                                       QStringLiteral("four"), QStringLiteral("five"), QStringLiteral("six"),
                                       QStringLiteral("seven"), QStringLiteral("eight"), QStringLiteral("nine"),
                                       QStringLiteral("ten"), QStringLiteral("eleven"), QStringLiteral("twelve") };
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    return int(words.indexOf(word.toLower())) + 1;
}
} // namespace

namespace {
// The format as one entry per character: a literal (upper-case letter or digit), '#', '@', or a
// digit class "[…]".
QStringList formatShape(const QString &format)
{
    QStringList shape;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('[')) {
            const qsizetype close = format.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return {};
            shape << format.mid(i, close - i + 1);
            i = close;
        } else if (c == QLatin1Char('#') || c == QLatin1Char('@') || (c.unicode() < 128 && c.isLetterOrNumber())) {
            shape << QString(c.toUpper());
        }
    }
    return shape;
}

bool charFits(QChar c, const QString &slot)
{
    if (slot == QLatin1String("#"))
        return c.isDigit();
    if (slot == QLatin1String("@"))
        return c.isLetter();
    if (slot.startsWith(QLatin1Char('['))) {
        if (!c.isDigit())
            return false;
        const QString cls = slot.mid(1, slot.size() - 2);
        const int d = c.digitValue();
        for (qsizetype i = 0; i < cls.size(); ++i) {
            if (!cls.at(i).isDigit())
                continue;
            int to = cls.at(i).digitValue();
            const int from = to;
            if (i + 2 < cls.size() && cls.at(i + 1) == QLatin1Char('-') && cls.at(i + 2).isDigit()) {
                to = cls.at(i + 2).digitValue();
                i += 2;
            }
            if (d >= from && d <= to)
                return true;
        }
        return false;
    }
    return c.toUpper() == slot.at(0);
}

bool fitsFrom(const QString &run, const QStringList &shape)
{
    if (run.size() > shape.size())
        return false;
    for (qsizetype i = 0; i < run.size(); ++i)
        if (!charFits(run.at(i), shape.at(i)))
            return false;
    return true;
}
} // namespace

bool runMatchesFormat(const QString &run, const QString &format)
{
    const QStringList shape = formatShape(format);
    return !shape.isEmpty() && run.size() == shape.size() && fitsFrom(run, shape);
}

bool runIsPrefixOfFormat(const QString &run, const QString &format)
{
    const QStringList shape = formatShape(format);
    return run.size() < shape.size() && fitsFrom(run, shape);
}

QStringList storeIdentifierFormats(const QString &orderIdFormat)
{
    QStringList formats;
    const QString order = identifierPatternFromFormat(orderIdFormat);
    if (!order.isEmpty())
        formats << order;
    formats << QStringLiteral("RET-####") << QStringLiteral("[2-9]#########");
    return formats;
}

QString identifierPatternFromFormat(const QString &orderIdFormat)
{
    const QString f = orderIdFormat.trimmed();
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9#@\\-\\[\\] ]+$"));
    if (pattern.match(f).hasMatch())
        return f;
    static const QRegularExpression prose(QStringLiteral("^([A-Za-z]{1,6})[- ]*(?:followed by|then|and|plus)\\s+(\\w+)\\s+digits?\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = prose.match(f);
    if (!m.hasMatch())
        return {};
    const int digits = countWord(m.captured(2));
    if (digits < 1 || digits > 20)
        return {};
    return m.captured(1).toUpper() + QString(digits, QLatin1Char('#'));
}

} // namespace ringside
