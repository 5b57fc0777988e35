#include "engine/nlu/refundaddress.h"

namespace ringside::nlu {

RefundMethodMatch extractRefundMethod(const NormalisedText &text, const Lexicon &lexicon)
{
    RefundMethodMatch out;
    const CueSet &methods = lexicon.entities().refundMethods;
    for (const CueHit &h : methods.find(text, 1)) {
        const QString &method = methods.cue(h.cue).label;
        if (h.negated) {
            if (!out.rejected.contains(method))
                out.rejected.append(method);
            continue;
        }
        out.status = Found::Complete;
        out.method = method;
        out.heard = text.quote(h.first, h.last);
    }
    return out;
}

AddressCapture extractAddress(const NormalisedText &text, const Lexicon &lexicon)
{
    AddressCapture out;
    const EntityWords &e = lexicon.entities();
    const CueHit *lead = nullptr;
    const QList<CueHit> hits = e.addressLeads.find(text, 0);
    for (const CueHit &h : hits) {
        if (!h.negated)
            lead = &h;
    }
    if (!lead)
        return out;
    out.lead = e.addressLeads.cue(lead->cue).phrase;
    int first = lead->last + 1;
    int last = text.size() - 1;
    // "naya pata hai 12 MG Road", "… MG Road hai": the copula and courtesies are not address.
    while (first <= last && (e.addressTails.contains(text.at(first).stem) || text.at(first).stem == QLatin1String("is")))
        ++first;
    while (last >= first && e.addressTails.contains(text.at(last).stem))
        --last;
    if (first > last) {
        out.status = Found::Partial;
        return out;
    }
    out.status = Found::Complete;
    out.text = text.quote(first, last);
    return out;
}

} // namespace ringside::nlu
