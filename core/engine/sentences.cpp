#include "engine/sentences.h"

namespace ringside {

namespace {

bool isTerminator(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QChar(0x0964);
}

bool hasWord(const QString &s)
{
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

} // namespace

QStringList splitSentences(const QString &text)
{
    QStringList out;
    QString current;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        current += c;
        if (!isTerminator(c))
            continue;
        // Swallow a run of terminators ("?!", "...") and closing quotes before deciding.
        while (i + 1 < n && (isTerminator(text.at(i + 1)) || text.at(i + 1) == QLatin1Char('"')
                             || text.at(i + 1) == QLatin1Char('\'') || text.at(i + 1) == QChar(0x201D))) {
            current += text.at(++i);
        }
        if (i + 1 < n && !text.at(i + 1).isSpace())
            continue; // "1.5", "shop.example.com"
        if (hasWord(current))
            out << current.trimmed();
        current.clear();
    }
    if (hasWord(current))
        out << current.trimmed();
    return out;
}

int countSentences(const QString &text)
{
    return int(splitSentences(text).size());
}

QString lastQuestion(const QString &text)
{
    const QStringList sentences = splitSentences(text);
    for (qsizetype i = sentences.size() - 1; i >= 0; --i) {
        if (sentences.at(i).endsWith(QLatin1Char('?')))
            return sentences.at(i);
    }
    return {};
}

} // namespace ringside
