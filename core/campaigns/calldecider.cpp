#include "campaigns/calldecider.h"

#include "campaigns/callingwindow.h"
#include "campaigns/callplanner.h"

namespace ringside::campaigns {

namespace {

Decision skip(const QString &reason, const QString &detail)
{
    return { Decision::Action::Skip, reason, detail, {} };
}

// Whether the order or cart still needs this call.
std::optional<Decision> subjectCheck(const DecisionInput &in)
{
    const ScheduledCall &c = *in.call;
    const SubjectState &s = in.subject;
    const bool aboutOrder = !c.orderId.isEmpty() && (c.useCase == kCod || c.useCase == kDelivery);
    const bool aboutCart = !c.cartId.isEmpty() && c.useCase == kCart;
    if ((aboutOrder || aboutCart) && !s.found)
        return skip(reason::cancelled, QStringLiteral("%1 is no longer in the store").arg(c.subjectId()));
    if (aboutOrder && s.orderStatus == QLatin1String("cancelled"))
        return skip(reason::cancelled, QStringLiteral("order %1 was cancelled").arg(c.orderId));
    if (c.useCase == kCod) {
        if (s.codConfirmation == QLatin1String("confirmed") || s.codConfirmation == QLatin1String("declined"))
            return skip(reason::completed, QStringLiteral("order %1 is already %2").arg(c.orderId, s.codConfirmation));
        static const QStringList waiting = { QStringLiteral("processing"), QStringLiteral("on_hold"), QStringLiteral("pending_payment") };
        if (!waiting.contains(s.orderStatus))
            return skip(reason::completed, QStringLiteral("order %1 is %2; a COD confirmation no longer helps").arg(c.orderId, s.orderStatus));
    }
    if (c.useCase == kDelivery) {
        const QString expected = c.eventKind == QLatin1String("fulfilled") ? QStringLiteral("shipped") : c.eventKind;
        if (!expected.isEmpty() && s.orderStatus != expected)
            return skip(reason::completed, QStringLiteral("order %1 is %2 now, not %3").arg(c.orderId, s.orderStatus, expected));
    }
    if (aboutCart) {
        if (s.cartStatus == QLatin1String("completed") || s.cartStatus == QLatin1String("recovered"))
            return skip(reason::completed, QStringLiteral("cart %1 was bought (%2)").arg(c.cartId, s.cartStatus));
        if (s.cartStatus != QLatin1String("abandoned"))
            return skip(reason::cancelled, QStringLiteral("cart %1 is %2").arg(c.cartId, s.cartStatus));
        if (s.cartCallsBefore > 0)
            return skip(reason::cap, QStringLiteral("cart %1 was already called about; one recovery call per cart").arg(c.cartId));
    }
    return std::nullopt;
}

} // namespace

CalledParty partyOf(const ScheduledCall &call)
{
    CalledParty p;
    p.phone = call.phone;
    p.country = phoneCountry(call.phone);
    for (const QString &id : call.timezone.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const QTimeZone z(id.toUtf8());
        if (z.isValid())
            p.zones << z;
    }
    if (p.zones.isEmpty())
        p.zones << QTimeZone(QByteArrayLiteral("Asia/Kolkata"));
    p.zoneSource = call.timezoneSource;
    return p;
}

QString quietHoursDetail(const QDateTime &now, const CalledParty &party, const WindowRule &window, const QDateTime &next)
{
    return QStringLiteral("%1 local is outside %2–%3%4; moved to %5")
            .arg(now.toTimeZone(party.zone()).toString(QStringLiteral("ddd HH:mm")), window.window.open.toString(QStringLiteral("HH:mm")),
                 window.window.close.isValid() ? window.window.close.toString(QStringLiteral("HH:mm")) : QStringLiteral("24:00"),
                 window.skipWeekends ? QStringLiteral(" on weekdays") : QString(), next.toTimeZone(party.zone()).toString(Qt::ISODate));
}

bool skipsWeekends(const DecisionInput &in, const CampaignRules &rules)
{
    return in.call->useCase == kCart && in.subject.businessCustomer && rules.cart.skipWeekendsForBusiness;
}

Decision decideCall(const DecisionInput &in, const CampaignRules &rules, const QDateTime &now)
{
    const ScheduledCall &c = *in.call;
    if (c.phone.isEmpty())
        return skip(reason::noPhone, QStringLiteral("no phone number for customer %1").arg(c.customerId));
    if (std::optional<Decision> d = subjectCheck(in))
        return *d;
    const CallKind kind = callKindFor(c.useCase, in.agentUseCase);
    if (in.dnd) {
        const QString why = dndBlockReason(*in.dnd, kind, rules.dnd);
        if (!why.isEmpty())
            return skip(why, QStringLiteral("%1 is on the do-not-call list (%2%3)")
                                     .arg(c.phone, in.dnd->source,
                                          in.dnd->categories.isEmpty() ? QString() : QStringLiteral(", categories ") + in.dnd->categories));
    }
    if (kind == CallKind::Promotional && in.party.isUs() && !in.consent)
        return skip(reason::noConsent, QStringLiteral("%1 is a US number with no recorded consent to marketing calls").arg(c.phone));

    const bool weekends = skipsWeekends(in, rules);
    const WindowRule window = windowFor(in.party, kind, rules.windowOpen, rules.windowClose, weekends);
    const bool open = in.openNow >= 0 ? in.openNow == 1 : isAllowed(now, in.party, window);
    if (!open) {
        const QDateTime next = in.openNow == 0 ? in.nextOpening : nextAllowed(now, in.party, window);
        if (!next.isValid())
            return skip(reason::quietHours, QStringLiteral("no calling hours fit %1").arg(in.party.zoneName()));
        // Calls alike share the words the loader already made (the time formatting is most of a move's cost).
        return { Decision::Action::Reschedule, reason::quietHours,
                 in.openNow == 0 && !in.closedDetail.isEmpty() ? in.closedDetail : quietHoursDetail(now, in.party, window, next), next };
    }
    if (in.placedToday >= rules.perCustomerPerDay)
        return skip(reason::cap, QStringLiteral("%1 calls already placed to %2 today (cap %3)").arg(in.placedToday).arg(c.phone).arg(rules.perCustomerPerDay));
    return {};
}

} // namespace ringside::campaigns
