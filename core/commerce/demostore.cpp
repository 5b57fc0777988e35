#include "demostore.h"

#include "commerceenums.h"
#include "democatalog.h"
#include "demobuilder.h"
#include "demoshowcase.h"

#include <algorithm>

namespace ringside::commerce {

using demo::DemoBuilder;
using demo::OrderPlan;

namespace {
constexpr int kMinute = 1;
constexpr int kHour = 60 * kMinute;
constexpr int kDay = 24 * kHour;

// How often each status occurs, in percent; delivered orders dominate a real store.
struct Weighted {
    const char *status;
    int percent;
};
const Weighted kOrderStatusWeights[] = {
    { "delivered", 38 }, { "shipped", 14 }, { "processing", 10 }, { "pending_payment", 8 }, { "delayed", 7 },
    { "cancelled", 7 },  { "out_for_delivery", 6 }, { "returned", 5 }, { "on_hold", 5 },
};
const Weighted kCartStatusWeights[] = {
    { "abandoned", 55 }, { "active", 15 }, { "recovered", 15 }, { "completed", 10 }, { "expired", 5 },
};

template <std::size_t N>
QString weighted(DemoRandom &r, const Weighted (&table)[N])
{
    int roll = r.below(100);
    for (const Weighted &w : table) {
        if (roll < w.percent)
            return QLatin1String(w.status);
        roll -= w.percent;
    }
    return QLatin1String(table[0].status);
}

// Times of an order of `status`, consistent with each other and with now. Estimates read
// "by 8 PM" on a local day; deliveries happen in local daytime.
OrderPlan planFor(DemoBuilder &b, const Customer &c, const QString &status)
{
    DemoRandom &r = b.random();
    const bool indian = c.country == QLatin1String("IN");
    OrderPlan p;
    p.status = status;
    const auto at = [&](int minutesAgo) { return b.minutesAgo(minutesAgo); };
    const auto after = [](const QDateTime &t, int minutes) { return t.addSecs(60LL * minutes); };
    if (status == QLatin1String("processing")) {
        p.created = at(r.between(20, 36 * kHour));
        p.estimated = b.localDay(c, indian ? r.between(4, 6) : r.between(3, 5), 20);
    } else if (status == QLatin1String("pending_payment")) {
        p.created = at(r.between(10, kDay));
    } else if (status == QLatin1String("on_hold")) {
        p.created = at(r.between(kDay, 5 * kDay));
    } else if (status == QLatin1String("shipped")) {
        p.shipped = at(r.between(2 * kHour, 3 * kDay));
        p.created = after(p.shipped, -r.between(10 * kHour, 36 * kHour));
        p.estimated = b.localDay(c, r.between(1, 4), 20);
    } else if (status == QLatin1String("out_for_delivery")) {
        p.shipped = at(r.between(kDay + 12 * kHour, 4 * kDay));
        p.created = after(p.shipped, -r.between(10 * kHour, 30 * kHour));
        const QDateTime tonight = b.localDay(c, 0, 20);
        p.estimated = tonight > b.now().addSecs(3600) ? tonight : b.now().addSecs(2 * 3600);
    } else if (status == QLatin1String("delivered") || status == QLatin1String("returned")) {
        // About a third delivered in the last week (still returnable), the rest older.
        const bool returned = status == QLatin1String("returned");
        const int days = !returned && r.chance(33) ? r.between(0, 6) : r.between(returned ? 12 : 8, 55);
        p.delivered = b.localDay(c, -days, r.between(10, 19), r.below(60));
        if (p.delivered > at(30)) // today's round has not got that far yet: it was yesterday
            p.delivered = p.delivered.addDays(-1);
        p.shipped = after(p.delivered, -r.between(2 * kDay, 4 * kDay));
        p.created = after(p.shipped, -r.between(10 * kHour, 34 * kHour));
        p.estimated = b.localDay(c, -days + r.between(-1, 1), 20);
    } else if (status == QLatin1String("delayed")) {
        p.delayReason = QLatin1String(demo::kDelayReasons[r.below(int(demo::kDelayReasonCount))]);
        if (r.chance(45)) { // long overdue: the estimate passed more than a week ago
            const int createdDays = r.between(14, 24);
            p.created = at(createdDays * kDay + r.between(0, 10 * kHour));
            p.shipped = after(p.created, r.between(10 * kHour, 30 * kHour));
            p.estimated = b.localDay(c, -(createdDays - 5), 20);
        } else { // a revised estimate still ahead
            p.created = at(r.between(6 * kDay, 12 * kDay));
            p.shipped = after(p.created, r.between(10 * kHour, 30 * kHour));
            p.estimated = b.localDay(c, r.between(1, 4), 20);
        }
    } else { // cancelled
        p.created = at(r.between(kHour, 30 * kDay));
    }
    return p;
}

// A return whose status fits how long ago it was asked for.
void maybeAddReturn(DemoBuilder &b, const Order &o, int &nextReturn)
{
    DemoRandom &r = b.random();
    const bool returned = o.status == QLatin1String("returned");
    if (!returned && (o.status != QLatin1String("delivered") || o.deliveredAt < b.daysAgo(30) || !r.chance(15)))
        return;
    const qint64 sinceDelivery = o.deliveredAt.secsTo(b.now()) / 60;
    if (sinceDelivery < 3 * kHour) // too fresh for anyone to have asked yet
        return;
    const int createdAfter = r.between(kHour, int(qMin<qint64>(sinceDelivery - 10, returned ? 3 * kDay : 6 * kDay)));
    const QDateTime created = o.deliveredAt.addSecs(60LL * qMax(1, createdAfter));
    const qint64 age = created.secsTo(b.now()) / 60;
    QString status;
    if (returned)
        status = r.chance(70) ? QStringLiteral("refunded") : QStringLiteral("received");
    else if (age < 2 * kDay)
        status = r.chance(40) ? QStringLiteral("requested") : QStringLiteral("pickup_scheduled");
    else if (age < 5 * kDay)
        status = QLatin1String(r.pick({ "picked_up", "received", "cancelled" }));
    else
        status = QLatin1String(r.pick({ "refunded", "refunded", "received", "rejected" }));
    static const char *const reasons[] = { "damaged", "wrong_item", "not_as_described", "size_issue", "quality_issue",
                                           "changed_mind" };
    b.addReturn(QStringLiteral("RET-%1").arg(nextReturn++), o, status, created, QLatin1String(r.pick(reasons)));
}
} // namespace

StoreData generateDemoStore(quint64 seed, const QDateTime &now)
{
    DemoBuilder b(seed, now);
    showcase::addShowcase(b);
    DemoRandom &r = b.random();

    std::vector<Customer> customers;
    for (int i = 0; i < kDemoIndianCustomers + kDemoUsCustomers; ++i) {
        const QString id = QStringLiteral("C-%1").arg(1000 + i);
        const bool indian = i < kDemoIndianCustomers;
        customers.push_back(r.chance(7) ? b.addBusiness(id, indian)
                                        : indian ? b.addIndianCustomer(id) : b.addUsCustomer(id));
    }

    // Plan every order first, then number them in the order they were placed, as a shop would.
    struct Planned {
        Customer customer;
        OrderPlan plan;
    };
    std::vector<Planned> planned;
    const QStringList &statuses = commerce::orderStatuses();
    for (int i = 0; i < kDemoOrders; ++i) {
        // Everyone orders at least once; the first orders walk through every status once per country.
        const Customer &c = i < int(customers.size()) ? customers[std::size_t(i)]
                                                      : customers[std::size_t(r.below(int(customers.size())))];
        const QString status = i < statuses.size() ? statuses.at(i)
                : (i >= kDemoIndianCustomers && i < kDemoIndianCustomers + statuses.size())
                ? statuses.at(i - kDemoIndianCustomers) : weighted(r, kOrderStatusWeights);
        planned.push_back({ c, planFor(b, c, status) });
    }
    std::stable_sort(planned.begin(), planned.end(),
                     [](const Planned &a, const Planned &p) { return a.plan.created < p.plan.created; });
    int number = 510000;
    int nextReturn = 1000;
    for (Planned &p : planned) {
        number += r.between(3, 40);
        const Order o = b.addOrder(QStringLiteral("ORD-%1").arg(number), p.customer, std::move(p.plan));
        maybeAddReturn(b, o, nextReturn);
    }

    for (int i = 0; i < kDemoCarts; ++i) {
        const Customer &c = customers[std::size_t(r.below(int(customers.size())))];
        const QString status = weighted(r, kCartStatusWeights);
        QDateTime abandonedAt;
        if (status == QLatin1String("abandoned"))
            abandonedAt = b.minutesAgo(r.between(30, 7 * kDay));
        else if (status == QLatin1String("expired"))
            abandonedAt = b.minutesAgo(r.between(20 * kDay, 40 * kDay));
        else if (status != QLatin1String("active"))
            abandonedAt = b.minutesAgo(r.between(kDay, 20 * kDay));
        std::vector<LineItem> items = b.randomItems(c, r.between(1, 4));
        if (r.chance(20)) // some carts hold one big-ticket item
            items = { b.product(c, r.chance(50) ? "LAPTOP-14-I5" : "PHONE-5G-128") };
        b.addCart(QStringLiteral("CART-%1").arg(1000 + i), c, status, abandonedAt, std::move(items));
    }
    return std::move(b.data());
}

} // namespace ringside::commerce
