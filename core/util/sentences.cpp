#include "util/sentences.h"

#include <QSet>

namespace ringside {

namespace {

bool isTerminator(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == QChar(0x2026) /* … */ || c == QChar(0x0964) /* । */;
}

// What may follow a terminator and still belong to the sentence: closing quotes and brackets, and
// markdown emphasis closed right after it ("**Done!**").
bool isClosing(QChar c)
{
    return c == u'"' || c == u'\'' || c == u')' || c == QChar(0x201D) || c == QChar(0x2019) || c == u'*' || c == u'_'
           || c == u'`';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// Words a period shortens rather than ends a sentence after (compared in lower case).
bool isAbbreviation(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("mr"), QStringLiteral("mrs"), QStringLiteral("ms"), QStringLiteral("dr"), QStringLiteral("st"),
        QStringLiteral("vs"), QStringLiteral("etc"), QStringLiteral("eg"), QStringLiteral("ie"), QStringLiteral("e.g"),
        QStringLiteral("i.e"), QStringLiteral("no"), QStringLiteral("rs"), QStringLiteral("approx"),
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"), QStringLiteral("jun"),
        QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"), QStringLiteral("sept"), QStringLiteral("oct"),
        QStringLiteral("nov"), QStringLiteral("dec"),
    };
    return words.contains(word.toLower());
}

// Whether the single '.' at `dot` is part of the word in front of it.
bool periodBelongsToWord(const QString &text, qsizetype from, qsizetype dot)
{
    qsizetype start = dot;
    while (start > from && (isWordChar(text.at(start - 1)) || text.at(start - 1) == u'.'))
        --start;
    const QString word = text.mid(start, dot - start);
    if (word.isEmpty())
        return false;
    if (word.size() == 1 && word.at(0).isLetter())
        return true; // an initial or a spelled letter
    if (isAbbreviation(word))
        return true;
    bool digits = true;
    for (const QChar c : word)
        digits = digits && c.isDigit();
    if (!digits)
        return false;
    // Digits and a period at the start of a line number a list item.
    qsizetype before = start;
    while (before > from && (text.at(before - 1) == u' ' || text.at(before - 1) == u'\t'))
        --before;
    return before == from || text.at(before - 1) == u'\n';
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

qsizetype findSentenceEnd(const QString &text, qsizetype from, bool atEnd)
{
    const qsizetype n = text.size();
    for (qsizetype i = from; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            if (!QStringView(text).mid(from, i - from).trimmed().isEmpty())
                return i + 1;
            continue;
        }
        if (!isTerminator(c))
            continue;
        qsizetype j = i + 1;
        while (j < n && isTerminator(text.at(j)))
            ++j;
        while (j < n && isClosing(text.at(j)))
            ++j;
        if (j == n)
            return atEnd ? n : -1; // streaming: what comes next decides ("1." may become "1.5")
        if (!text.at(j).isSpace())
            continue; // "1.5", "ORD.12", "wow!!x"
        if (c == u'.' && j == i + 1 && periodBelongsToWord(text, from, i))
            continue;
        return j;
    }
    return atEnd && n > from ? n : -1;
}

QStringList splitSentences(const QString &text)
{
    QStringList out;
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype end = findSentenceEnd(text, from, true);
        if (end < 0)
            break;
        const QString sentence = text.mid(from, end - from).simplified();
        if (hasWord(sentence))
            out << sentence;
        from = end;
    }
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
        if (sentences.at(i).endsWith(u'?'))
            return sentences.at(i);
    }
    return {};
}

} // namespace ringside
