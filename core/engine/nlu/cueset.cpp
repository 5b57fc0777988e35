#include "engine/nlu/cueset.h"

#include <QVarLengthArray>

#include <algorithm>

namespace ringside::nlu {

void CueSet::add(Cue cue)
{
    if (cue.stems.isEmpty())
        return;
    const int index = int(m_cues.size());
    QList<int> &bucket = m_byFirst[cue.stems.first()];
    m_cues.append(std::move(cue));
    bucket.append(index);
    std::stable_sort(bucket.begin(), bucket.end(), [this](int a, int b) {
        return m_cues.at(a).stems.size() > m_cues.at(b).stems.size();
    });
}

bool CueSet::matchFrom(const NormalisedText &text, int start, int cueIndex, int maxGap, CueHit *hit) const
{
    const QStringList &stems = m_cues.at(cueIndex).stems;
    int clause = text.at(start).clause;
    int pos = start;
    int gaps = 0;
    for (int k = 1; k < stems.size(); ++k) {
        int found = -1;
        for (int j = pos + 1; j < text.size() && j <= pos + 1 + maxGap; ++j) {
            const Token &tok = text.at(j);
            if (tok.marker && tok.stem == stems.at(k) && j == pos + 1) {
                found = j; // the phrase itself says "but": it may run on into the next clause
                clause = tok.clause;
                break;
            }
            if (tok.clause != clause)
                break;
            if (tok.stem == stems.at(k) && !tok.marker) {
                found = j;
                break;
            }
            if (tok.isNegator() || tok.marker)
                break; // a skipped word must not change the meaning
        }
        if (found < 0)
            return false;
        gaps += found - pos - 1;
        pos = found;
    }
    hit->cue = cueIndex;
    hit->first = start;
    hit->last = pos;
    hit->gaps = gaps;
    hit->negated = text.isNegated(start, pos);
    return true;
}

bool CueSet::matchAt(const NormalisedText &text, int start, CueHit *hit, int maxGap) const
{
    if (start < 0 || start >= text.size() || text.at(start).marker)
        return false;
    const auto it = m_byFirst.constFind(text.at(start).stem);
    if (it == m_byFirst.constEnd())
        return false;
    for (const int c : *it) {
        if (matchFrom(text, start, c, maxGap, hit))
            return true; // the bucket is longest-first, so the first match covers the most words
    }
    return false;
}

QList<CueHit> CueSet::findAll(const NormalisedText &text, int maxGap) const
{
    QList<CueHit> candidates;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i).marker)
            continue;
        const auto it = m_byFirst.constFind(text.at(i).stem);
        if (it == m_byFirst.constEnd())
            continue;
        CueHit hit;
        for (const int c : *it) {
            if (matchFrom(text, i, c, maxGap, &hit))
                candidates.append(hit);
        }
    }
    return candidates;
}

QList<CueHit> CueSet::find(const NormalisedText &text, int maxGap) const
{
    QList<CueHit> candidates = findAll(text, maxGap);
    if (candidates.size() > 1) {
        std::stable_sort(candidates.begin(), candidates.end(), [this](const CueHit &a, const CueHit &b) {
            const qsizetype la = m_cues.at(a.cue).stems.size(), lb = m_cues.at(b.cue).stems.size();
            if (la != lb)
                return la > lb;
            if (a.gaps != b.gaps)
                return a.gaps < b.gaps;
            return a.first < b.first;
        });
    }
    QVarLengthArray<bool, 64> taken(text.size(), false);
    QList<CueHit> chosen;
    for (const CueHit &h : std::as_const(candidates)) {
        bool free = true;
        for (int k = h.first; k <= h.last && free; ++k)
            free = !taken[k];
        if (!free)
            continue;
        for (int k = h.first; k <= h.last; ++k)
            taken[k] = true;
        chosen.append(h);
    }
    std::sort(chosen.begin(), chosen.end(), [](const CueHit &a, const CueHit &b) { return a.first < b.first; });
    return chosen;
}

} // namespace ringside::nlu
