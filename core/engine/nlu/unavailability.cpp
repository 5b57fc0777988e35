#include "engine/nlu/unavailability.h"

namespace ringside::nlu {

QList<bool> refusedByUnavailability(const NormalisedText &text, const CueSet &unavailable, const QList<TokenSpan> &spans,
                                   const QList<TokenSpan> &shields)
{
    QList<bool> refused(spans.size(), false);
    if (spans.isEmpty())
        return refused;
    for (const CueHit &h : unavailable.find(text, 1)) {
        const int scope = text.at(h.first).scope;
        qsizetype pick = -1;
        for (qsizetype k = spans.size() - 1; k >= 0 && pick < 0; --k) {
            if (spans.at(k).last < h.first && text.at(spans.at(k).last).scope == scope)
                pick = k;
        }
        if (pick >= 0) {
            for (const TokenSpan &s : shields) {
                if (s.first > spans.at(pick).last && s.last < h.first)
                    pick = -2; // the shield nearer the phrase is what is refused
            }
            if (pick == -2)
                continue;
        }
        for (qsizetype k = 0; k < spans.size() && pick < 0; ++k) {
            if (spans.at(k).first > h.last && text.at(spans.at(k).first).scope == scope)
                pick = k;
        }
        if (pick >= 0)
            refused[pick] = true;
    }
    return refused;
}

} // namespace ringside::nlu
