#include "engine/nlu/itemmatch.h"

#include <QHash>
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

// Whether two adjacent name words written as one ("tshirt" for "T-Shirt") were said.
bool joinedSaid(const QString &joined, const NormalisedText &t)
{
    for (const Token &tok : t.tokens) {
        if (tok.stem == joined || tok.text == joined)
            return true;
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
    QList<QStringList> names;
    QHash<QString, int> itemsUsing; // how many items share a word: shared words do not decide
    for (const QString &item : items) {
        QStringList words;
        for (const QString &s : n.stems(item.left(200))) {
            if (!n.isFunctionWord(s) && !words.contains(s))
                words.append(s);
        }
        for (const QString &w : std::as_const(words))
            ++itemsUsing[w];
        names.append(words);
    }
    QList<double> scores;
    for (const QStringList &words : std::as_const(names)) {
        QList<double> matched;
        for (const QString &w : words)
            matched.append(wordScore(w, text));
        for (qsizetype k = 0; k + 1 < words.size(); ++k) {
            if (joinedSaid(words.at(k) + words.at(k + 1), text))
                matched[k] = matched[k + 1] = 1.0;
        }
        double sum = 0.0;
        bool distinctive = false;
        for (qsizetype k = 0; k < words.size(); ++k) {
            sum += matched.at(k);
            distinctive = distinctive || (matched.at(k) > 0.0 && itemsUsing.value(words.at(k)) == 1);
        }
        // A word only this item has decides; words every item shares only narrow it down.
        const double recall = words.isEmpty() ? 0.0 : sum / double(words.size());
        scores.append(distinctive ? 0.5 + 0.5 * recall : 0.5 * recall);
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
    if (out.score >= 0.25) { // some of the name was said, even if it does not settle it
        out.sure = out.score >= 0.5 && out.score - out.runnerUpScore >= 0.15;
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
