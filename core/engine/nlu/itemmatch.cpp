#include "engine/nlu/itemmatch.h"

#include <QVarLengthArray>

namespace ringside::nlu {

namespace {

// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
int editDistance(QStringView a, QStringView b, int limit)
{
    if (qAbs(a.size() - b.size()) > limit)
        return limit + 1;
    QVarLengthArray<int, 64> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        int rowBest = cur[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = qMin(qMin(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            rowBest = qMin(rowBest, cur[j]);
        }
        if (rowBest > limit)
            return limit + 1;
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// How well one word of an item name is matched by the utterance: 1 exact, 0.8 close.
double wordScore(const QString &word, const NormalisedText &t)
{
    double best = 0.0;
    const int limit = word.size() >= 8 ? 2 : (word.size() >= 4 ? 1 : 0);
    for (const Token &tok : t.tokens) {
        if (tok.stem == word)
            return 1.0;
        if (limit > 0 && tok.stem.size() >= 3 && editDistance(tok.stem, word, limit) <= limit)
            best = 0.8;
    }
    return best;
}

// "tshirt" for "T-Shirt", "t shirt" for "TShirt": compare names with the spaces taken out.
bool joinedMatch(const QString &joined, const NormalisedText &t)
{
    for (int i = 0; i < t.size(); ++i) {
        QString run;
        for (int j = i; j < t.size() && j < i + 3; ++j) {
            run += t.at(j).stem;
            if (run == joined)
                return true;
            if (run.size() >= joined.size())
                break;
        }
    }
    return false;
}

} // namespace

ItemMatch matchItem(const NormalisedText &text, const QStringList &items, const Lexicon &lexicon)
{
    ItemMatch out;
    if (items.isEmpty() || text.isEmpty())
        return out;
    const Normaliser &n = lexicon.normaliser();
    QList<double> scores;
    for (const QString &item : items) {
        QStringList words;
        for (const QString &s : n.stems(item.left(200))) {
            if (!n.isFunctionWord(s))
                words.append(s);
        }
        double score = 0.0;
        if (!words.isEmpty()) {
            double sum = 0.0;
            for (const QString &w : std::as_const(words))
                sum += wordScore(w, text);
            score = sum / double(words.size());
            if (words.size() > 1 && joinedMatch(words.join(QString()), text))
                score = qMax(score, 0.9);
        }
        scores.append(score);
    }
    for (int i = 0; i < scores.size(); ++i) {
        if (out.index < 0 || scores.at(i) > out.score) {
            out.runnerUp = out.index;
            out.runnerUpScore = out.score;
            out.index = i;
            out.score = scores.at(i);
        } else if (out.runnerUp < 0 || scores.at(i) > out.runnerUpScore) {
            out.runnerUp = i;
            out.runnerUpScore = scores.at(i);
        }
    }
    if (out.score >= 0.5) {
        out.sure = out.score - out.runnerUpScore >= 0.15;
        return out;
    }

    // No name matched: "the second one", "doosra wala", "the last one".
    out = ItemMatch();
    CueHit h;
    int position = -1;
    for (int i = 0; i < text.size() && position < 0; ++i) {
        if (lexicon.entities().itemLast.matchAt(text, i, &h))
            position = int(items.size()) - 1;
        else if (const int v = lexicon.numbers().words().ordinals.value(text.at(i).stem); v >= 1 && v <= items.size())
            position = v - 1;
    }
    if (position >= 0) {
        out.index = position;
        out.score = 0.7;
        out.sure = true;
        out.byPosition = true;
    }
    return out;
}

} // namespace ringside::nlu
