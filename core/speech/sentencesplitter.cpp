#include "speech/sentencesplitter.h"

#include <QSet>

namespace ringside {

namespace {
bool isAbbreviation(const QString &word)
{
    static const QSet<QString> known = {
        QStringLiteral("mr"), QStringLiteral("mrs"), QStringLiteral("ms"), QStringLiteral("dr"),
        QStringLiteral("st"), QStringLiteral("rs"), QStringLiteral("vs"),
        QStringLiteral("etc"), QStringLiteral("e.g"), QStringLiteral("i.e"), QStringLiteral("approx"),
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
        QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
        QStringLiteral("sept"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec"),
    };
    return known.contains(word.toLower());
}

void splitLong(const QString &sentence, int maxChars, QStringList &out)
{
    QString rest = sentence;
    while (rest.size() > maxChars) {
        qsizetype cut = -1;
        for (qsizetype i = maxChars; i > maxChars / 3; --i) {
            const QChar c = rest.at(i);
            if (c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char(':')) {
                cut = i + 1;
                break;
            }
        }
        if (cut < 0)
            break; // no clause boundary: keep the sentence whole rather than cut a word
        out << rest.left(cut).trimmed();
        rest = rest.mid(cut).trimmed();
    }
    if (!rest.isEmpty())
        out << rest;
}
} // namespace

QStringList splitSentences(const QString &text, int maxChars)
{
    QStringList sentences;
    const QString t = text.simplified();
    qsizetype start = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        const bool terminal = c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QChar(0x0964);
        if (!terminal)
            continue;
        // Consume runs such as "?!" or "..." and closing quotes.
        qsizetype end = i + 1;
        while (end < t.size() && (t.at(end) == QLatin1Char('.') || t.at(end) == QLatin1Char('!') || t.at(end) == QLatin1Char('?')
                                  || t.at(end) == QLatin1Char('"') || t.at(end) == QLatin1Char('\'') || t.at(end) == QChar(0x201D)))
            ++end;
        if (end < t.size() && !t.at(end).isSpace())
            continue; // "1.5", "e.g.x", "example.com"
        if (c == QLatin1Char('.')) {
            qsizetype w = i;
            while (w > start && !t.at(w - 1).isSpace())
                --w;
            const QString word = t.mid(w, i - w);
            // "Mr." or a single capital as in "O. R. D." does not end a sentence.
            if (isAbbreviation(word) || (word.size() == 1 && word.at(0).isUpper()))
                continue;
        }
        const QString sentence = t.mid(start, end - start).trimmed();
        if (!sentence.isEmpty())
            splitLong(sentence, maxChars, sentences);
        start = end;
        i = end - 1;
    }
    const QString tail = t.mid(start).trimmed();
    if (!tail.isEmpty())
        splitLong(tail, maxChars, sentences);
    return sentences;
}

} // namespace ringside
