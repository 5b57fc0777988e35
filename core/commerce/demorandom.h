#pragma once

#include <QtGlobal>

#include <QString>

#include <cstddef>
#include <initializer_list>

namespace ringside::commerce {

// A small, fully specified generator (SplitMix64) for the demo store. The standard library's
// distributions differ between implementations; this one gives the same store everywhere for the
// same seed, which is what makes `store init --demo --seed N` reproducible byte for byte.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // 0 … n-1 (n > 0); the modulo bias is far below anything a demo could show.
    int below(int n) { return int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, std::size_t N>
    const T &pick(const T (&items)[N]) { return items[below(int(N))]; }
    const char *pick(std::initializer_list<const char *> items) { return items.begin()[below(int(items.size()))]; }
    // Digits as text, the first never '0' when `leadingNonZero`.
    QString digits(int count, bool leadingNonZero = false)
    {
        QString out;
        for (int i = 0; i < count; ++i)
            out += QChar(u'0' + ((i == 0 && leadingNonZero) ? between(1, 9) : below(10)));
        return out;
    }

private:
    quint64 m_state;
};

} // namespace ringside::commerce
