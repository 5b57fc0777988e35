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

namespace {

// "12 Park Street, Kolkata pe bhej dena": the lead comes after the address. Without a number
// there is no telling an address from "kal pe bhej do", so one must be heard: the address runs
// from its first number (with the nouns said before it, "flat 9B", "house number 3") to the lead.
AddressCapture addressBeforeLead(const NormalisedText &text, const EntityWords &e)
{
    AddressCapture out;
    const CueHit *after = nullptr;
    const QList<CueHit> hits = e.addressAfter.find(text, 0);
    for (const CueHit &h : hits) {
        if (!h.negated)
            after = &h;
    }
    if (!after)
        return out;
    // A house number, not an order or phone number ("mera order 482913 hai, kal pe bhej do").
    int first = 0;
    while (first < after->first && !(text.at(first).isDigits() && text.at(first).text.size() <= 4))
        ++first;
    bool named = false; // a number alone is no address: a street or place must follow it
    for (int i = first + 1; i < after->first; ++i)
        named = named || (!text.at(i).isDigits() && !text.at(i).marker);
    if (!named)
        return out;
    while (first > 0 && e.addressNouns.contains(text.at(first - 1).stem))
        --first;
    int last = after->first - 1;
    while (last >= first && e.addressTails.contains(text.at(last).stem))
        --last;
    out.status = Found::Complete;
    out.lead = e.addressAfter.cue(after->cue).phrase;
    out.text = text.quote(first, last);
    return out;
}

} // namespace

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
        return addressBeforeLead(text, e);
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
