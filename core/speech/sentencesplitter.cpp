#include "speech/sentencesplitter.h"

#include "util/sentences.h"

namespace ringside {

namespace {

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

QStringList splitForSpeech(const QString &text, int maxChars)
{
    QStringList pieces;
    for (const QString &sentence : splitSentences(text))
        splitLong(sentence, maxChars, pieces);
    return pieces;
}

} // namespace ringside
