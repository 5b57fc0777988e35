#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ringside {

// Builds a small trigram language model in ARPA text format from weighted example sentences.
// Smoothing is Witten–Bell with backoff (it copes with the fractional counts that weights give):
// a history h that was followed by T(h) distinct words in c(h) occurrences keeps
// c(h,w) / (c(h) + T(h)) for each seen w and hands T(h) / (c(h) + T(h)) down to the next order.
// Unigrams back off to a uniform distribution over the vocabulary, so a vocabulary-only word
// (added with addWord) is still recognizable.
class ArpaLanguageModel
{
public:
    // A sentence of already-normalized, lower-case words. weight scales its counts.
    void addSentence(const QStringList &words, double weight = 1.0);
    // A word that may be said though no example sentence uses it.
    void addWord(const QString &word, double weight = 0.0);

    QStringList vocabulary() const;        // sorted, without <s> and </s>
    int sentenceCount() const { return m_sentences; }

    // The model as ARPA text; sentence markers are <s> and </s>.
    QByteArray toArpa() const;

    // log10 P(word | history) as the written model assigns it (history: up to the last 2 words).
    // Lets tests check that the probabilities are proper without running a decoder.
    double log10Prob(const QString &word, const QStringList &history) const;

private:
    struct Stats
    {
        QHash<QString, double> unigram;            // word → count
        QHash<QString, QHash<QString, double>> bigram;    // w1 → (w2 → count)
        QHash<QString, QHash<QString, double>> trigram;   // "w1 w2" → (w3 → count)
    };
    double unigramProb(const QString &w) const;
    double bigramProb(const QString &w1, const QString &w2) const;
    double trigramProb(const QString &w1, const QString &w2, const QString &w3) const;
    double bigramBackoff(const QString &w1) const;
    double trigramBackoff(const QString &w1, const QString &w2) const;
    void ensureCache() const;
    double uncachedUnigramProb(const QString &w) const;
    double uncachedBigramBackoff(const QString &w1) const;

    Stats m_stats;
    QHash<QString, double> m_extraWords;
    double m_totalUnigrams = 0.0;
    int m_sentences = 0;

    // Unigram probabilities and bigram backoffs, recomputed after the counts change; the builder is
    // used from one thread, so a lazily filled cache is safe.
    mutable bool m_cacheValid = false;
    mutable QHash<QString, double> m_unigramCache;
    mutable QHash<QString, double> m_bigramBackoffCache;
    mutable double m_unseenUnigram = 0.0;
};

} // namespace ringside
