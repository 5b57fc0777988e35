#include "demohistory.h"

#include "callrecordstore.h"
#include "commerce/demoshowcase.h"
#include "demohistorycontext.h"
#include "reportingperiod.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>

#include <algorithm>

namespace ringside::analytics {

namespace {

constexpr qint64 kHourMs = 3600000;

QString agentFor(const QString &useCase)
{
    static const QHash<QString, QString> names = {
        { QStringLiteral("wismo"), QStringLiteral("Order Tracker") },
        { QStringLiteral("delivery_update"), QStringLiteral("Delivery Notifier") },
        { QStringLiteral("cod_confirmation"), QStringLiteral("COD Confirmation") },
        { QStringLiteral("cart_recovery"), QStringLiteral("Cart Recovery") },
        { QStringLiteral("returns"), QStringLiteral("Returns Handler") },
        { QStringLiteral("other"), QStringLiteral("Order Tracker") },
    };
    return names.value(useCase);
}

bool isInbound(const QString &useCase)
{
    return useCase == QLatin1String("wismo") || useCase == QLatin1String("returns") || useCase == QLatin1String("other");
}

void deletePreviousDemo(QSqlDatabase db)
{
    for (const char *sql : {
             "DELETE FROM call_turn_latencies WHERE call_id LIKE 'demo-%'",
             "DELETE FROM call_records WHERE id LIKE 'demo-%'",
             "DELETE FROM cancellations WHERE order_id LIKE 'DEMO-COD-%'",
             "DELETE FROM cod_events WHERE order_id LIKE 'DEMO-COD-%'",
             "DELETE FROM delivery_reschedules WHERE order_id LIKE 'DEMO-COD-%'",
             "DELETE FROM returns WHERE order_id LIKE 'DEMO-COD-%'",
             "DELETE FROM orders WHERE id LIKE 'DEMO-COD-%'",
             "DELETE FROM order_items WHERE order_id LIKE 'DEMO-CART-%'",
             "DELETE FROM orders WHERE id LIKE 'DEMO-CART-%'" })
        execOrThrow(db, QLatin1String(sql));
}

void loadStore(DemoContext &ctx)
{
    QSqlDatabase db = ctx.db.connection();
    QSqlQuery c = execOrThrow(db, QStringLiteral("SELECT id, preferred_language FROM customers ORDER BY id"));
    while (c.next()) {
        ctx.customers << c.value(0).toString();
        ctx.customerLanguage.insert(c.value(0).toString(), c.value(1).toString());
    }
    QSqlQuery i = execOrThrow(db, QStringLiteral("SELECT sku, MIN(name), MIN(category) FROM order_items GROUP BY sku ORDER BY sku LIMIT 40"));
    while (i.next())
        ctx.items.push_back({ i.value(0).toString(), i.value(1).toString(), i.value(2).toString() });
    if (ctx.items.empty()) {
        ctx.items = { { QStringLiteral("KRT-101"), QStringLiteral("Cotton kurta"), QStringLiteral("apparel") },
                      { QStringLiteral("EAR-220"), QStringLiteral("Wireless earbuds"), QStringLiteral("electronics") },
                      { QStringLiteral("BTL-330"), QStringLiteral("Steel water bottle"), QStringLiteral("home") },
                      { QStringLiteral("SNK-410"), QStringLiteral("Running shoes"), QStringLiteral("footwear") } };
    }
    QSqlQuery o = execOrThrow(db, QStringLiteral("SELECT id, customer_id, carrier, created_at, total_minor FROM orders "
                                                 "WHERE id NOT LIKE 'DEMO-COD-%' ORDER BY created_at, id"));
    while (o.next())
        ctx.orders.push_back({ o.value(0).toString(), o.value(1).toString(), o.value(2).toString(), o.value(3).toLongLong(),
                               o.value(4).toLongLong() });
}

// Satisfaction asked on a share of connected calls; happier when the AI resolved it.
void maybeSurvey(DemoContext &ctx, CallRecord &c)
{
    if (!c.answeredAt.isValid() || !ctx.rng.chance(isInbound(c.useCase) ? 0.35 : 0.10))
        return;
    const bool good = c.outcome != QLatin1String("escalated") && c.outcome != QLatin1String("failed");
    c.csat = good ? ctx.rng.pick({ { "5", 0.55 }, { "4", 0.30 }, { "3", 0.10 }, { "2", 0.03 }, { "1", 0.02 } }).toInt()
                  : ctx.rng.pick({ { "5", 0.12 }, { "4", 0.28 }, { "3", 0.30 }, { "2", 0.18 }, { "1", 0.12 } }).toInt();
    if (ctx.rng.chance(0.35))
        c.nps = good ? ctx.rng.between(ctx.rng.chance(0.7) ? 9 : 5, 10) : ctx.rng.between(0, 9);
}

// Inbound calls peak in the afternoon and evening; outbound ones keep to 09:00–20:00.
double hourFor(DemoContext &ctx, const QString &useCase)
{
    if (isInbound(useCase))
        return 8.0 + 15.0 * (ctx.rng.uniform() + ctx.rng.uniform()) / 2.0;
    return 9.0 + 11.0 * ctx.rng.uniform();
}

void linkOrder(DemoContext &ctx, CallRecord &c)
{
    if (const DemoOrder *o = ctx.recentOrder(c.startedAt.toMSecsSinceEpoch())) {
        c.orderId = o->id;
        c.customerId = o->customerId;
        c.carrier = o->carrier;
    }
}

void wismoCall(DemoContext &ctx, CallRecord &c)
{
    linkOrder(ctx, c);
    c.orderStatus = ctx.rng.pick({ { "shipped", 0.35 }, { "out_for_delivery", 0.20 }, { "delayed", 0.15 }, { "processing", 0.15 },
                                   { "delivered", 0.10 }, { "on_hold", 0.05 } });
    if (c.carrier.isEmpty() && c.orderStatus != QLatin1String("processing"))
        c.carrier = ctx.carrierChoices.at(ctx.rng.between(0, int(ctx.carrierChoices.size()) - 1));
    c.toolCalls = json::array({ { { "name", "get_order_status" }, { "arguments", { { "order_id", c.orderId } } } } });
    if (ctx.rng.chance(0.4))
        c.toolCalls.push_back({ { "name", "get_tracking_details" }, { "arguments", { { "order_id", c.orderId } } } });
}

void cartCall(DemoContext &ctx, CallRecord &c)
{
    c.cartId = ctx.nextId(QStringLiteral("demo-cart-"));
    c.customerId = ctx.randomCustomer();
    c.toolCalls = json::array({ { { "name", "get_abandoned_cart" }, { "arguments", { { "cart_id", c.cartId } } } } });
    if (!c.answeredAt.isValid())
        return;
    c.toolCalls.push_back({ { "name", "check_available_offers" }, { "arguments", { { "cart_id", c.cartId } } } });
    if (c.outcome == QLatin1String("recovered")) {
        c.revenueMinor = ctx.currency == QLatin1String("INR") ? qint64(ctx.rng.between(8, 80) * 100 - 1) * 100
                                                              : qint64(ctx.rng.between(25, 250)) * 100 - 1;
        c.currency = ctx.currency;
        if (ctx.rng.chance(0.4))
            c.toolCalls.push_back({ { "name", "apply_discount" }, { "arguments", { { "cart_id", c.cartId }, { "code", "COMEBACK10" } } } });
        c.toolCalls.push_back({ { "name", "send_checkout_link" }, { "arguments", { { "cart_id", c.cartId } } }, { "result", { { "success", true } } } });
    } else if (ctx.rng.chance(c.outcome == QLatin1String("not_interested") ? 0.8 : 0.4)) {
        const QString reason = ctx.rng.pick({ { "price_too_high", 0.30 }, { "shipping_cost", 0.25 }, { "payment_issues", 0.15 },
                                              { "found_cheaper", 0.10 }, { "just_browsing", 0.10 }, { "not_ready", 0.07 }, { "other", 0.03 } });
        c.toolCalls.push_back({ { "name", "record_cart_abandonment_reason" },
                                { "arguments", { { "cart_id", c.cartId }, { "reason", reason } } }, { "result", { { "success", true } } } });
    }
}

void returnsCall(DemoContext &ctx, CallRecord &c)
{
    linkOrder(ctx, c);
    if (c.outcome != QLatin1String("resolved"))
        return;
    c.toolCalls = json::array({ { { "name", "initiate_return" }, { "arguments", { { "order_id", c.orderId } } }, { "result", { { "success", true } } } } });
    if (ctx.rng.chance(0.85))
        c.toolCalls.push_back({ { "name", "schedule_pickup" }, { "arguments", { { "order_id", c.orderId } } }, { "result", { { "success", true } } } });
}

// What the cart calls led to: a cart counts as recovered only when an order is placed from it
// within seven days of its call (cartrecoveries.h). Most calls that ended "recovered" (a link
// sent) turn into an order within two days, a few do not; now and then a cart whose call went
// nowhere is bought anyway.
void placeOrdersFromCarts(DemoContext &ctx)
{
    if (ctx.customers.isEmpty() || ctx.items.empty())
        return; // orders need real customers
    QSqlDatabase db = ctx.db.connection();
    sqldialect::control(db, sqldialect::beginWrite(db));
    try {
        for (const CallRecord &c : ctx.calls) {
            if (c.useCase != QLatin1String("cart_recovery") || c.cartId.isEmpty() || !ctx.customers.contains(c.customerId))
                continue;
            const bool linkSent = c.outcome == QLatin1String("recovered");
            if (!ctx.rng.chance(linkSent ? 0.78 : 0.03))
                continue;
            const double hours = linkSent ? ctx.rng.skewed(6, 0.9) : double(ctx.rng.between(12, 160));
            const QDateTime at = c.endedAt.addSecs(qint64(std::min(hours, 47.0 + (linkSent ? 0 : 120)) * 3600));
            if (at > ctx.now)
                continue;
            const qint64 total = c.revenueMinor > 0 ? c.revenueMinor
                                                    : (ctx.currency == QLatin1String("INR") ? qint64(ctx.rng.between(5, 60)) * 10000 - 100
                                                                                            : qint64(ctx.rng.between(20, 200)) * 100 - 1);
            const QString id = QStringLiteral("DEMO-CART-%1").arg(c.cartId.section(QLatin1Char('-'), -1));
            const DemoItem &item = ctx.items.at(size_t(ctx.rng.between(0, int(ctx.items.size()) - 1)));
            execOrThrow(db, QStringLiteral("INSERT INTO orders (id, customer_id, status, payment_method, total_minor, currency, created_at, "
                                           "cart_id, updated_at) VALUES (?, ?, 'processing', 'upi', ?, ?, ?, ?, ?)"),
                        id, c.customerId, total, ctx.currency, at.toMSecsSinceEpoch(), c.cartId, at.toMSecsSinceEpoch());
            execOrThrow(db, QStringLiteral("INSERT INTO order_items (order_id, line, sku, name, quantity, price_minor, category) VALUES (?, 1, ?, ?, 1, ?, ?)"),
                        id, item.sku, item.name, total, item.category);
        }
        sqldialect::control(db, QStringLiteral("COMMIT"));
    } catch (...) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

struct UseCasePlan {
    const char *useCase;
    double perDay;
    double noAnswer;
};

void generateCalls(DemoContext &ctx)
{
    const double scale = ctx.currency == QLatin1String("INR") ? 1.0 : 0.4;
    const UseCasePlan plans[] = { { "wismo", 52, 0 }, { "delivery_update", 20, 0.18 }, { "cart_recovery", 16, 0.25 },
                                  { "returns", 8, 0 }, { "other", 4, 0 } };
    for (QDate day = ctx.firstDay; day <= ctx.lastDay; day = day.addDays(1)) {
        for (const UseCasePlan &plan : plans) {
            const QString useCase = QLatin1String(plan.useCase);
            const int n = ctx.rng.count(plan.perDay * scale * ctx.volume(day));
            for (int i = 0; i < n; ++i) {
                const QDateTime start = ctx.localTime(day, hourFor(ctx, useCase));
                if (!start.isValid())
                    continue;
                const bool answered = !ctx.rng.chance(plan.noAnswer);
                QString outcome = QStringLiteral("no_answer");
                double talk = 0;
                if (useCase == QLatin1String("wismo")) {
                    outcome = ctx.rng.pick({ { "resolved", 0.74 }, { "escalated", 0.17 }, { "callback", 0.04 }, { "failed", 0.05 } });
                    talk = ctx.rng.skewed(outcome == QLatin1String("escalated") ? 150 : 85, 0.4);
                } else if (useCase == QLatin1String("delivery_update") && answered) {
                    outcome = ctx.rng.pick({ { "resolved", 0.70 }, { "rescheduled", 0.17 }, { "escalated", 0.05 }, { "callback", 0.08 } });
                    talk = ctx.rng.skewed(50, 0.4);
                } else if (useCase == QLatin1String("cart_recovery") && answered) {
                    outcome = ctx.rng.pick({ { "recovered", 0.24 }, { "not_interested", 0.46 }, { "callback", 0.22 },
                                             { "escalated", 0.03 }, { "failed", 0.05 } });
                    talk = ctx.rng.skewed(outcome == QLatin1String("recovered") ? 150 : 70, 0.4);
                } else if (useCase == QLatin1String("returns")) {
                    outcome = ctx.rng.pick({ { "resolved", 0.82 }, { "escalated", 0.12 }, { "failed", 0.06 } });
                    talk = ctx.rng.skewed(140, 0.35);
                } else if (useCase == QLatin1String("other")) {
                    outcome = ctx.rng.pick({ { "resolved", 0.6 }, { "escalated", 0.4 } });
                    talk = ctx.rng.skewed(70, 0.5);
                }
                CallRecord c = ctx.makeCall(useCase, start, talk, outcome);
                if (c.endedAt > ctx.now)
                    continue;
                if (useCase == QLatin1String("wismo"))
                    wismoCall(ctx, c);
                else if (useCase == QLatin1String("cart_recovery"))
                    cartCall(ctx, c);
                else if (useCase == QLatin1String("returns"))
                    returnsCall(ctx, c);
                else if (useCase == QLatin1String("delivery_update"))
                    linkOrder(ctx, c);
                if (c.customerId.isEmpty())
                    c.customerId = ctx.randomCustomer();
                ctx.calls.push_back(c);
            }
        }
    }
}

} // namespace

DemoContext::DemoContext(Database &database, const QDateTime &nowAt, quint32 seed, int dayCount)
    : db(database)
    , now(nowAt)
    , zone(storeTimeZone(database))
    , currency(storeCurrency(database))
    , days(dayCount)
    , lastDay(nowAt.toTimeZone(zone).date())
    , rng(seed)
{
    firstDay = lastDay.addDays(-(days - 1));
    carrierChoices = currency == QLatin1String("INR")
            ? QStringList { QStringLiteral("delhivery"), QStringLiteral("delhivery"), QStringLiteral("bluedart"),
                            QStringLiteral("ecom_express"), QStringLiteral("dhl") }
            : QStringList { QStringLiteral("ups"), QStringLiteral("fedex"), QStringLiteral("dhl") };
}

double DemoContext::volume(const QDate &day) const
{
    static const double weekday[] = { 1.15, 1.05, 1.0, 1.0, 0.95, 0.85, 0.75 }; // Monday … Sunday
    const double span = double(2 * days);
    const double position = double(firstDay.addDays(-days).daysTo(day)) / span;
    return weekday[day.dayOfWeek() - 1] * (0.8 + 0.4 * std::clamp(position, 0.0, 1.0));
}

QDateTime DemoContext::localTime(const QDate &day, double hour) const
{
    const QDateTime t(day, QTime::fromMSecsSinceStartOfDay(int(std::clamp(hour, 0.0, 23.99) * kHourMs)), zone);
    return t > now ? QDateTime() : t.toUTC();
}

QString DemoContext::randomCustomer()
{
    if (customers.isEmpty())
        return QStringLiteral("demo-cust-%1").arg(rng.between(1, 400), 3, 10, QLatin1Char('0'));
    // The showcase customers' orders are what docs/demo-store.md promises ("exactly one order"):
    // a pick of one goes to the next other customer, drawing nothing more, so the figures stay.
    qsizetype k = rng.between(0, int(customers.size()) - 1);
    for (qsizetype tries = 0; tries < customers.size() && commerce::showcase::isShowcaseCustomer(customers.at(k)); ++tries)
        k = (k + 1) % customers.size();
    return customers.at(k);
}

QString DemoContext::languageFor(const QString &customerId, const QString &useCase)
{
    const QString preferred = customerLanguage.value(customerId);
    if (!preferred.isEmpty())
        return preferred;
    if (currency != QLatin1String("INR"))
        return QStringLiteral("en-US");
    const double hindi = useCase == QLatin1String("cod_confirmation") ? 0.65 : 0.25;
    return rng.chance(hindi) ? QStringLiteral("hi-IN") : QStringLiteral("en-IN");
}

const DemoOrder *DemoContext::recentOrder(qint64 atMs)
{
    auto created = [](const DemoOrder &o, qint64 ms) { return o.createdMs < ms; };
    const auto from = std::lower_bound(orders.begin(), orders.end(), atMs - 10 * 24 * kHourMs, created);
    const auto to = std::lower_bound(orders.begin(), orders.end(), atMs - kHourMs, created);
    if (from >= to)
        return nullptr;
    return &*(from + rng.between(0, int(to - from) - 1));
}

CallRecord DemoContext::makeCall(const QString &useCase, const QDateTime &start, double talkSeconds, const QString &outcome)
{
    CallRecord c;
    c.id = nextId(QStringLiteral("demo-"));
    c.agent = agentFor(useCase);
    c.useCase = useCase;
    c.direction = isInbound(useCase) ? QStringLiteral("inbound") : QStringLiteral("outbound");
    c.channel = isInbound(useCase) ? (rng.chance(0.15) ? QStringLiteral("chat") : QStringLiteral("twilio"))
                                   : (currency == QLatin1String("INR") && rng.chance(0.6) ? QStringLiteral("exotel") : QStringLiteral("twilio"));
    c.startedAt = start;
    c.outcome = outcome;
    if (talkSeconds <= 0 || outcome == QLatin1String("no_answer")) {
        c.outcome = QStringLiteral("no_answer");
        c.endedAt = start.addSecs(rng.between(25, 40)); // rang out
        return c;
    }
    const bool ringing = c.direction == QLatin1String("outbound") || c.channel != QLatin1String("chat");
    c.answeredAt = start.addMSecs(ringing ? rng.between(2000, 12000) : 0);
    c.endedAt = c.answeredAt.addMSecs(qint64(std::min(talkSeconds, 1500.0) * 1000.0));
    if (outcome == QLatin1String("escalated")) {
        c.handledBy = QStringLiteral("ai_then_human");
        c.escalationReason = rng.pick({ { "customer asked for a person", 0.45 }, { "delayed shipment complaint", 0.25 },
                                        { "order marked delivered but not received", 0.15 }, { "payment dispute", 0.15 } });
    }
    const int turns = std::clamp(int(talkSeconds / 18.0), 2, 30);
    for (int i = 0; i < turns; ++i)
        c.turnLatenciesMs.push_back(int(std::min(8000.0, 300.0 + rng.skewed(450, 0.45))));
    return c;
}

Result<DemoHistoryStats> generateDemoCallHistory(Database &db, const QDateTime &now, quint32 seed, int days)
{
    if (days < 1 || days > 3650)
        return Result<DemoHistoryStats>::failure(QStringLiteral("days: %1 is outside 1–3650").arg(days));
    if (!now.isValid())
        return Result<DemoHistoryStats>::failure(QStringLiteral("now: is not a valid instant"));
    // Whole minutes: two runs with the same --now, a few milliseconds apart, make the same history.
    const QDateTime minute = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() / 60 * 60, Qt::UTC);
    DemoContext ctx(db, minute, seed, days);
    QSqlDatabase conn = db.connection();
    sqldialect::control(conn, sqldialect::beginWrite(conn));
    try {
        deletePreviousDemo(conn);
        loadStore(ctx);
        generateCodOrdersAndCalls(ctx);
        sqldialect::control(conn, QStringLiteral("COMMIT"));
    } catch (...) {
        QSqlQuery(conn).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    const int orders = int(std::count_if(ctx.orders.begin(), ctx.orders.end(),
                                         [](const DemoOrder &o) { return o.id.startsWith(QLatin1String("DEMO-COD-")); }));
    std::stable_sort(ctx.orders.begin(), ctx.orders.end(), [](const DemoOrder &a, const DemoOrder &b) { return a.createdMs < b.createdMs; });
    generateCalls(ctx);
    for (CallRecord &c : ctx.calls) {
        c.language = ctx.languageFor(c.customerId, c.useCase);
        maybeSurvey(ctx, c);
    }

    CallRecordStore store(db);
    const auto inserted = store.insertMany(ctx.calls);
    if (inserted)
        placeOrdersFromCarts(ctx);
    if (!inserted)
        return Result<DemoHistoryStats>::failure(QStringLiteral("demo history: %1").arg(inserted.error()));
    return DemoHistoryStats { inserted.value(), orders, ctx.firstDay, ctx.lastDay };
}

} // namespace ringside::analytics
