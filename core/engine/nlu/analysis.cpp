#include "engine/nlu/analysis.h"

#include <cmath>

namespace ringside::nlu {

namespace {

// Scores to three decimals: enough to compare, short enough to read in a log.
double rounded(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

void putString(json &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o[key] = value;
}

json intentJson(const IntentResult &r)
{
    json o = json::object();
    o["intent"] = r.intent;
    o["confidence"] = rounded(r.confidence);
    o["sure"] = r.sure;
    putString(o, "matched", r.matched);
    putString(o, "detail", r.detail);
    putString(o, "runnerUp", r.runnerUp);
    if (!r.runnerUp.isEmpty())
        o["runnerUpConfidence"] = rounded(r.runnerUpConfidence);
    if (!r.negated.isEmpty())
        o["negated"] = r.negated;
    return o;
}

json reasonJson(const ReasonMatch &r)
{
    json o = json::object();
    o["reason"] = r.reason;
    o["confidence"] = rounded(r.confidence);
    putString(o, "cue", r.cue);
    putString(o, "heard", r.heard);
    putString(o, "runnerUp", r.runnerUp);
    if (!r.negated.isEmpty())
        o["negated"] = r.negated;
    return o;
}

json statusJson(Found status, const QString &heard)
{
    json o = json::object();
    o["status"] = foundName(status);
    putString(o, "heard", heard);
    return o;
}

} // namespace

const ReasonMatch &Analysis::reason(ReasonSet set) const
{
    switch (set) {
    case ReasonSet::Cancellation: return cancellation;
    case ReasonSet::Abandonment: return abandonment;
    case ReasonSet::Return: break;
    }
    return returnReason;
}

json Analysis::toJson() const
{
    json o = json::object();
    o["language"] = languageTag(text.language);
    o["mixed"] = text.mixed;
    o["normalised"] = text.joined();
    if (text.truncated)
        o["truncated"] = true;
    if (yesNo.answer != Answer::Unknown) {
        o["yesNo"] = {{"answer", answerName(yesNo.answer)}, {"confidence", rounded(yesNo.confidence)}, {"cue", yesNo.cue}};
        if (yesNo.corrected)
            o["yesNo"]["corrected"] = true;
    }
    if (universal.matchedAny() || !universal.negated.isEmpty())
        o["intent"] = intentJson(universal);
    if (playbook.matchedAny() || !playbook.negated.isEmpty())
        o["playbookIntent"] = intentJson(playbook);
    if (orderId.status != Found::None) {
        json j = statusJson(orderId.status, orderId.heard);
        putString(j, "id", orderId.id);
        putString(j, "digits", orderId.digits);
        putString(j, "problem", orderId.problem);
        o["orderId"] = j;
    }
    if (phone.status != Found::None) {
        json j = statusJson(phone.status, phone.heard);
        putString(j, "e164", phone.e164);
        putString(j, "digits", phone.digits);
        putString(j, "problem", phone.problem);
        o["phone"] = j;
    }
    if (date.status != Found::None || !date.rejected.isEmpty()) {
        json j = statusJson(date.status, date.heard);
        putString(j, "date", date.iso());
        putString(j, "problem", date.problem);
        if (!date.rejected.isEmpty()) {
            json rejected = json::array();
            for (const QDate &d : date.rejected)
                rejected.push_back(d.toString(Qt::ISODate));
            j["rejected"] = rejected;
        }
        o["date"] = j;
    }
    if (timeSlot.status != Found::None || !timeSlot.rejected.isEmpty()) {
        json j = statusJson(timeSlot.status, timeSlot.heard);
        putString(j, "slot", timeSlot.slot);
        if (timeSlot.hour >= 0)
            j["hour"] = timeSlot.hour;
        if (!timeSlot.rejected.isEmpty())
            j["rejected"] = timeSlot.rejected;
        o["timeSlot"] = j;
    }
    if (quantity.status != Found::None) {
        json j = statusJson(quantity.status, quantity.heard);
        j["value"] = quantity.value;
        if (quantity.all)
            j["all"] = true;
        o["quantity"] = j;
    }
    json reasons = json::object();
    for (const ReasonSet set : {ReasonSet::Cancellation, ReasonSet::Abandonment, ReasonSet::Return}) {
        if (reason(set).matched())
            reasons[reasonSetName(set).toStdString()] = reasonJson(reason(set));
    }
    if (!reasons.empty())
        o["reasons"] = reasons;
    if (refundMethod.status != Found::None) {
        json j = statusJson(refundMethod.status, refundMethod.heard);
        j["method"] = refundMethod.method;
        o["refundMethod"] = j;
    }
    if (address.status != Found::None) {
        json j = statusJson(address.status, QString());
        putString(j, "text", address.text);
        putString(j, "lead", address.lead);
        o["address"] = j;
    }
    if (item.index >= 0) {
        o["item"] = {{"index", item.index}, {"score", rounded(item.score)}, {"sure", item.sure}};
        if (item.byPosition)
            o["item"]["byPosition"] = true;
    }
    return o;
}

} // namespace ringside::nlu
