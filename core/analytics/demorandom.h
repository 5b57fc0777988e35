#pragma once

#include <QRandomGenerator>
#include <QString>

#include <cmath>
#include <initializer_list>
#include <utility>

namespace ringside::analytics {

// Deterministic draws for the demo history. QRandomGenerator with a seed is a Mersenne Twister
// whose bounded() and generateDouble() Qt defines itself, so a seed gives the same history on
// every platform (std:: distributions may differ between standard libraries).
class DemoRandom
{
public:
    explicit DemoRandom(quint32 seed) : m_rng(seed) {}

    double uniform() { return m_rng.generateDouble(); }
    bool chance(double p) { return uniform() < p; }
    int between(int lo, int hi) { return lo + int(m_rng.bounded(quint32(hi - lo + 1))); } // inclusive
    double normal(double mean, double sd)
    {
        const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }
    // A positive, right-skewed amount with the given median (talk times, latencies).
    double skewed(double median, double spread) { return median * std::exp(normal(0.0, spread)); }
    // A count around `mean` (normal approximation of Poisson), never negative.
    int count(double mean) { return std::max(0, int(std::lround(normal(mean, std::sqrt(std::max(mean, 0.0)))))); }

    // One of the labels, with the given weights (need not sum to 1).
    QString pick(std::initializer_list<std::pair<const char *, double>> weighted)
    {
        double total = 0;
        for (const auto &w : weighted)
            total += w.second;
        double r = uniform() * total;
        for (const auto &w : weighted) {
            if ((r -= w.second) < 0)
                return QLatin1String(w.first);
        }
        return QLatin1String(weighted.begin()[weighted.size() - 1].first);
    }

private:
    QRandomGenerator m_rng;
};

} // namespace ringside::analytics
