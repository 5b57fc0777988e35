#include "callrecord.h"

#include "commerce/commerceenums.h"
#include "conversation/outcomes.h"

namespace ringside::analytics {

namespace {

QStringList list(std::initializer_list<const char *> values)
{
    QStringList out;
    for (const char *v : values)
        out.append(QLatin1String(v));
    return out;
}

QString oneOf(const QString &field, const QString &value, const QStringList &allowed)
{
    return QStringLiteral("%1: '%2' is not one of %3").arg(field, value, allowed.join(QStringLiteral(", ")));
}

bool isCurrencyCode(const QString &code)
{
    if (code.size() != 3)
        return false;
    for (QChar c : code) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    }
    return true;
}

// Instants before 2000 are a zero or garbage timestamp, not a call.
const QDateTime kEarliest(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);

} // namespace

const QStringList &useCases()
{
    static const QStringList v = list({ "wismo", "delivery_update", "cod_confirmation", "cart_recovery", "returns", "other" });
    return v;
}

const QStringList &directions()
{
    static const QStringList v = list({ "inbound", "outbound" });
    return v;
}

const QStringList &channels()
{
    static const QStringList v = list({ "chat", "voice", "twilio", "exotel", "test_call" });
    return v;
}

const QStringList &outcomes()
{
    static const QStringList v = QStringList(callOutcomes()) << kInterrupted;
    return v;
}

const QStringList &handledByValues()
{
    static const QStringList v = list({ "ai", "human", "ai_then_human" });
    return v;
}

const QStringList &cancelReasons()
{
    static const QStringList v = [] {
        QStringList reasons = commerce::cancellationReasons();
        for (const QString &r : commerce::abandonmentReasons()) {
            if (!reasons.contains(r))
                reasons << r;
        }
        return reasons;
    }();
    return v;
}

QStringList validateCallRecord(const CallRecord &r)
{
    QStringList problems;
    if (r.agent.trimmed().isEmpty())
        problems << QStringLiteral("agent: is empty");
    if (!useCases().contains(r.useCase))
        problems << oneOf(QStringLiteral("use_case"), r.useCase, useCases());
    if (!directions().contains(r.direction))
        problems << oneOf(QStringLiteral("direction"), r.direction, directions());
    if (!channels().contains(r.channel))
        problems << oneOf(QStringLiteral("channel"), r.channel, channels());
    if (r.outcome != kInProgress && !outcomes().contains(r.outcome))
        problems << oneOf(QStringLiteral("outcome"), r.outcome, QStringList(outcomes()) << kInProgress);
    if (!handledByValues().contains(r.handledBy))
        problems << oneOf(QStringLiteral("handled_by"), r.handledBy, handledByValues());
    if (!r.cancelReason.isEmpty() && !cancelReasons().contains(r.cancelReason))
        problems << oneOf(QStringLiteral("cancel_reason"), r.cancelReason, cancelReasons());
    if (!r.orderStatus.isEmpty() && !commerce::orderStatuses().contains(r.orderStatus))
        problems << oneOf(QStringLiteral("order_status"), r.orderStatus, commerce::orderStatuses());
    if (!r.carrier.isEmpty() && !commerce::carriers().contains(r.carrier))
        problems << oneOf(QStringLiteral("carrier"), r.carrier, commerce::carriers());

    if (!r.startedAt.isValid())
        problems << QStringLiteral("started_at: is missing");
    else if (r.startedAt < kEarliest)
        problems << QStringLiteral("started_at: %1 is before 2000 (unset clock?)").arg(r.startedAt.toString(Qt::ISODate));
    if (r.answeredAt.isValid() && r.startedAt.isValid() && r.answeredAt < r.startedAt)
        problems << QStringLiteral("answered_at: is before started_at");
    if (r.endedAt.isValid() && r.startedAt.isValid() && r.endedAt < r.startedAt)
        problems << QStringLiteral("ended_at: is before started_at");
    if (r.endedAt.isValid() && r.answeredAt.isValid() && r.endedAt < r.answeredAt)
        problems << QStringLiteral("ended_at: is before answered_at");
    const bool live = r.outcome == kInProgress;
    if (!live && !r.endedAt.isValid())
        problems << QStringLiteral("ended_at: is missing for a finished call (outcome '%1')").arg(r.outcome);
    if (!r.answeredAt.isValid() && !live && r.outcome != QLatin1String("no_answer") && r.outcome != QLatin1String("failed"))
        problems << QStringLiteral("answered_at: is missing, but outcome '%1' needs a connected call").arg(r.outcome);
    if (r.answeredAt.isValid() && r.outcome == QLatin1String("no_answer"))
        problems << QStringLiteral("outcome: 'no_answer' contradicts answered_at being set");

    if (r.revenueMinor < 0)
        problems << QStringLiteral("revenue_minor: %1 is negative").arg(r.revenueMinor);
    if (r.revenueMinor != 0) {
        if (!isCurrencyCode(r.currency))
            problems << QStringLiteral("currency: '%1' is not a three-letter ISO 4217 code (needed with revenue_minor)").arg(r.currency);
        if (!live && !carriesRevenue(r.outcome))
            problems << QStringLiteral("revenue_minor: only recovered, confirmed or modified calls carry revenue (outcome is '%1')").arg(r.outcome);
    } else if (!r.currency.isEmpty() && !isCurrencyCode(r.currency)) {
        problems << QStringLiteral("currency: '%1' is not a three-letter ISO 4217 code").arg(r.currency);
    }
    if (r.csat && (*r.csat < 1 || *r.csat > 5))
        problems << QStringLiteral("csat: %1 is outside 1–5").arg(*r.csat);
    if (r.nps && (*r.nps < 0 || *r.nps > 10))
        problems << QStringLiteral("nps: %1 is outside 0–10").arg(*r.nps);
    if ((r.returnInitiated || r.pickupScheduled) && !r.answeredAt.isValid())
        problems << QStringLiteral("return_initiated: a return needs a connected call (answered_at is missing)");
    if (r.turns < 0)
        problems << QStringLiteral("turns: %1 is negative").arg(r.turns);
    for (size_t i = 0; i < r.turnLatenciesMs.size(); ++i) {
        if (r.turnLatenciesMs[i] < 0) {
            problems << QStringLiteral("turn_latencies[%1]: %2 ms is negative").arg(i).arg(r.turnLatenciesMs[i]);
            break;
        }
    }
    if (!r.transcript.is_array())
        problems << QStringLiteral("transcript: is not a JSON array");
    if (!r.toolCalls.is_array())
        problems << QStringLiteral("tool_calls: is not a JSON array");
    return problems;
}

bool toolCallSucceeded(const json &call)
{
    const auto result = call.find("result");
    if (result == call.end() || !result->is_object())
        return true;
    if (result->contains("error"))
        return false;
    for (const char *key : { "success", "ok" }) {
        const auto flag = result->find(key);
        if (flag != result->end() && flag->is_boolean() && !flag->get<bool>())
            return false;
    }
    return true;
}

void deriveFromToolCalls(CallRecord &r)
{
    if (r.toolCalls.is_array()) {
        QString reason;
        for (const json &call : r.toolCalls) {
            if (!call.is_object() || !toolCallSucceeded(call))
                continue;
            const QString name = stringAt(call, "name");
            const json args = call.value("arguments", json::object());
            if (name == QLatin1String("cancel_order") || name == QLatin1String("record_cart_abandonment_reason")) {
                const QString given = stringAt(args, "reason");
                if (cancelReasons().contains(given))
                    reason = given;
            } else if (name == QLatin1String("initiate_return")) {
                r.returnInitiated = true;
            } else if (name == QLatin1String("schedule_pickup")) {
                r.pickupScheduled = true;
            }
        }
        if (r.cancelReason.isEmpty())
            r.cancelReason = reason;
    }
    if (r.turns == 0)
        r.turns = int(r.turnLatenciesMs.size());
}

} // namespace ringside::analytics
