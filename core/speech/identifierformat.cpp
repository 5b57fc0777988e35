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
