#include "speech/arpalanguagemodel.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace ringside {

namespace {
const QString kBegin = QStringLiteral("<s>");
const QString kEnd = QStringLiteral("</s>");
QString pairKey(const QString &a, const QString &b) { return a + QLatin1Char(' ') + b; }

template <typename Map>
QStringList sortedKeys(const Map &m)
{
    QStringList keys = m.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

double sumOf(const QHash<QString, double> &h)
{
    double s = 0.0;
    for (double v : h)
        s += v;
    return s;
}

QByteArray num(double v) { return QByteArray::number(v, 'f', 6); }
} // namespace

void ArpaLanguageModel::addSentence(const QStringList &words, double weight)
{
    if (words.isEmpty() || weight <= 0.0)
        return;
    QStringList seq;
    seq.reserve(words.size() + 2);
    seq << kBegin << words << kEnd;
    for (qsizetype i = 1; i < seq.size(); ++i) {
        m_stats.unigram[seq[i]] += weight;
        m_totalUnigrams += weight;
        m_stats.bigram[seq[i - 1]][seq[i]] += weight;
        if (i >= 2)
            m_stats.trigram[pairKey(seq[i - 2], seq[i - 1])][seq[i]] += weight;
    }
    ++m_sentences;
    m_cacheValid = false;
}

void ArpaLanguageModel::addWord(const QString &word, double weight)
{
    if (word.isEmpty() || word == kBegin || word == kEnd)
        return;
    m_extraWords[word] += std::max(weight, 0.0);
    m_cacheValid = false;
}

void ArpaLanguageModel::ensureCache() const
{
    if (m_cacheValid)
        return;
    m_unigramCache.clear();
    m_bigramBackoffCache.clear();
    QStringList words = vocabulary();
    words << kEnd;
    for (const QString &w : words)
        m_unigramCache.insert(w, uncachedUnigramProb(w));
    m_unseenUnigram = uncachedUnigramProb(QString());
    m_cacheValid = true; // bigram backoffs below read the unigram cache
    for (auto it = m_stats.bigram.cbegin(); it != m_stats.bigram.cend(); ++it)
        m_bigramBackoffCache.insert(it.key(), uncachedBigramBackoff(it.key()));
}

double ArpaLanguageModel::unigramProb(const QString &w) const
{
    ensureCache();
    return m_unigramCache.value(w, m_unseenUnigram);
}

double ArpaLanguageModel::bigramBackoff(const QString &w1) const
{
    ensureCache();
    return m_bigramBackoffCache.value(w1, 1.0);
}

QStringList ArpaLanguageModel::vocabulary() const
{
    QSet<QString> words;
    for (auto it = m_stats.unigram.cbegin(); it != m_stats.unigram.cend(); ++it)
        if (it.key() != kEnd)
            words.insert(it.key());
    for (auto it = m_extraWords.cbegin(); it != m_extraWords.cend(); ++it)
        words.insert(it.key());
    QStringList out(words.begin(), words.end());
    std::sort(out.begin(), out.end());
    return out;
}

// Unigrams: Witten–Bell interpolation with the uniform distribution over vocabulary + </s>.
double ArpaLanguageModel::uncachedUnigramProb(const QString &w) const
{
    const double size = double(vocabulary().size() + 1);
    double total = m_totalUnigrams;
    double types = 0.0;
    for (double c : m_stats.unigram)
        types += c > 0.0 ? 1.0 : 0.0;
    for (auto it = m_extraWords.cbegin(); it != m_extraWords.cend(); ++it) {
        total += it.value();
        if (it.value() > 0.0 && !m_stats.unigram.contains(it.key()))
            types += 1.0;
    }
    const double count = m_stats.unigram.value(w) + m_extraWords.value(w);
    if (total <= 0.0)
        return 1.0 / size;
    return (count + types / size) / (total + types);
}

// Interpolated Witten–Bell for a seen pair; the backoff weight covers the unseen rest.
double ArpaLanguageModel::bigramProb(const QString &w1, const QString &w2) const
{
    const auto hist = m_stats.bigram.constFind(w1);
    if (hist == m_stats.bigram.cend())
        return unigramProb(w2);
    const auto seen = hist->constFind(w2);
    if (seen == hist->cend())
        return bigramBackoff(w1) * unigramProb(w2);
    const double c = sumOf(*hist);
    const double t = double(hist->size());
    return (seen.value() + t * unigramProb(w2)) / (c + t);
}

double ArpaLanguageModel::uncachedBigramBackoff(const QString &w1) const
{
    const auto hist = m_stats.bigram.constFind(w1);
    if (hist == m_stats.bigram.cend())
        return 1.0;
    const double c = sumOf(*hist);
    const double t = double(hist->size());
    double seenMass = 0.0;
    double lowerMass = 0.0;
    for (auto it = hist->cbegin(); it != hist->cend(); ++it) {
        const double pl = unigramProb(it.key());
        seenMass += (it.value() + t * pl) / (c + t);
        lowerMass += pl;
    }
    return std::max(1.0 - seenMass, 1e-12) / std::max(1.0 - lowerMass, 1e-12);
}

double ArpaLanguageModel::trigramProb(const QString &w1, const QString &w2, const QString &w3) const
{
    const auto hist = m_stats.trigram.constFind(pairKey(w1, w2));
    if (hist == m_stats.trigram.cend())
        return bigramProb(w2, w3);
    const auto seen = hist->constFind(w3);
    if (seen == hist->cend())
        return trigramBackoff(w1, w2) * bigramProb(w2, w3);
    const double c = sumOf(*hist);
    const double t = double(hist->size());
    return (seen.value() + t * bigramProb(w2, w3)) / (c + t);
}

double ArpaLanguageModel::trigramBackoff(const QString &w1, const QString &w2) const
{
    const auto hist = m_stats.trigram.constFind(pairKey(w1, w2));
    if (hist == m_stats.trigram.cend())
        return 1.0;
    const double c = sumOf(*hist);
    const double t = double(hist->size());
    double seenMass = 0.0;
    double lowerMass = 0.0;
    for (auto it = hist->cbegin(); it != hist->cend(); ++it) {
        const double pl = bigramProb(w2, it.key());
        seenMass += (it.value() + t * pl) / (c + t);
        lowerMass += pl;
    }
    return std::max(1.0 - seenMass, 1e-12) / std::max(1.0 - lowerMass, 1e-12);
}

double ArpaLanguageModel::log10Prob(const QString &word, const QStringList &history) const
{
    if (history.size() >= 2)
        return std::log10(trigramProb(history[history.size() - 2], history.last(), word));
    if (history.size() == 1)
        return std::log10(bigramProb(history.last(), word));
    return std::log10(unigramProb(word));
}

QByteArray ArpaLanguageModel::toArpa() const
{
    QStringList unigrams = vocabulary();
    unigrams << kBegin << kEnd;
    std::sort(unigrams.begin(), unigrams.end());

    QList<QPair<QString, QString>> bigrams;
    for (const QString &w1 : sortedKeys(m_stats.bigram))
        for (const QString &w2 : sortedKeys(m_stats.bigram.value(w1)))
            bigrams.append({w1, w2});
    QList<QPair<QString, QString>> trigramHistories;
    qsizetype trigramCount = 0;
    for (const QString &key : sortedKeys(m_stats.trigram)) {
        const qsizetype space = key.indexOf(QLatin1Char(' '));
        trigramHistories.append({key.left(space), key.mid(space + 1)});
        trigramCount += m_stats.trigram.value(key).size();
    }

    QByteArray out;
    out += "\\data\\\n";
    out += "ngram 1=" + QByteArray::number(unigrams.size()) + "\n";
    out += "ngram 2=" + QByteArray::number(bigrams.size()) + "\n";
    out += "ngram 3=" + QByteArray::number(trigramCount) + "\n\n";

    out += "\\1-grams:\n";
    for (const QString &w : unigrams) {
        // <s> is a context only, never predicted: ARPA's convention is a log probability of -99.
        const QByteArray prob = w == kBegin ? QByteArray("-99.000000") : num(std::log10(unigramProb(w)));
        out += prob + ' ' + w.toUtf8();
        if (w != kEnd && m_stats.bigram.contains(w))
            out += ' ' + num(std::log10(bigramBackoff(w)));
        out += '\n';
    }
    out += "\n\\2-grams:\n";
    for (const auto &[w1, w2] : bigrams) {
        out += num(std::log10(bigramProb(w1, w2))) + ' ' + w1.toUtf8() + ' ' + w2.toUtf8();
        if (m_stats.trigram.contains(pairKey(w1, w2)))
            out += ' ' + num(std::log10(trigramBackoff(w1, w2)));
        out += '\n';
    }
    out += "\n\\3-grams:\n";
    for (const auto &[w1, w2] : trigramHistories)
        for (const QString &w3 : sortedKeys(m_stats.trigram.value(pairKey(w1, w2))))
            out += num(std::log10(trigramProb(w1, w2, w3))) + ' ' + w1.toUtf8() + ' ' + w2.toUtf8() + ' '
                + w3.toUtf8() + '\n';
    out += "\n\\end\\\n";
    return out;
}

} // namespace ringside
