// The RTO story of the demo history: COD orders before the COD agent went live are shipped
// unconfirmed and come back (RTO) often; after go-live more of them are called, confirmed or
// cancelled before shipping, and fewer come back.
#include "demohistorycontext.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>

#include <algorithm>

namespace ringside::analytics {

namespace {

constexpr qint64 kHourMs = 3600000;
constexpr qint64 kDayMs = 24 * kHourMs;

// Share of COD orders the agent calls, ramping up over the first month after go-live.
double coverage(int daysSinceLaunch)
{
    if (daysSinceLaunch < 0)
        return 0.0;
    return std::min(0.95, 0.35 + 0.02 * daysSinceLaunch);
}

// The next instant inside calling hours (09:00–20:00 local) at or after `t`.
QDateTime inCallingHours(DemoContext &ctx, const QDateTime &t)
{
    const QDateTime local = t.toTimeZone(ctx.zone);
    const double hour = local.time().hour() + local.time().minute() / 60.0;
    if (hour >= 9.0 && hour < 20.0)
        return t;
    const QDate day = hour < 9.0 ? local.date() : local.date().addDays(1);
    return QDateTime(day, QTime(10, 0), ctx.zone).addSecs(qint64(ctx.rng.between(0, 3600)));
}

struct OrderFate {
    QString status;
    QString codConfirmation;
    qint64 shippedMs = 0;     // 0 = not shipped
    qint64 deliveredMs = 0;   // 0 = not delivered
    qint64 updatedMs = 0;
    QString cancelReason;
};

// What happened to an order after creation, given how its confirmation went.
OrderFate fate(DemoContext &ctx, const DemoOrder &o, const QString &confirmation, const QString &cancelReason, qint64 callEndMs)
{
    OrderFate f;
    f.codConfirmation = confirmation;
    const qint64 nowMs = ctx.now.toMSecsSinceEpoch();
    const qint64 age = nowMs - o.createdMs;
    if (!cancelReason.isEmpty()) {
        f.status = QStringLiteral("cancelled");
        f.cancelReason = cancelReason;
        f.updatedMs = callEndMs;
        return f;
    }
    const double rtoChance = confirmation == QLatin1String("confirmed") ? 0.08
            : confirmation == QLatin1String("unconfirmed")              ? 0.30
                                                                        : 0.26;
    f.shippedMs = o.createdMs + kDayMs / 2 + qint64(ctx.rng.between(0, 24)) * kHourMs;
    const bool rto = ctx.rng.chance(rtoChance);
    const qint64 settleMs = o.createdMs + qint64(ctx.rng.between(rto ? 8 : 3, rto ? 14 : 7)) * kDayMs;
    if (age < kDayMs / 2 || f.shippedMs > nowMs) {
        f.status = QStringLiteral("processing");
        f.shippedMs = 0;
        f.updatedMs = std::max(o.createdMs, callEndMs);
    } else if (settleMs > nowMs) {
        f.status = ctx.rng.chance(0.7) ? QStringLiteral("shipped") : QStringLiteral("out_for_delivery");
        f.updatedMs = f.shippedMs;
    } else if (rto) {
        f.status = QStringLiteral("returned"); // refused at the door, back to origin, never delivered
        f.updatedMs = settleMs;
    } else {
        f.status = QStringLiteral("delivered");
        f.deliveredMs = settleMs;
        f.updatedMs = settleMs;
    }
    return f;
}

// The three inserts of a generated order, prepared once for the thousands of orders of a run.
class OrderWriter
{
public:
    explicit OrderWriter(QSqlDatabase db)
        : m_order(prepare(db, QStringLiteral(
              "INSERT INTO orders (id, customer_id, status, payment_method, cod_confirmation, total_minor, currency, created_at, "
              "delivery_address, carrier, tracking_number, shipped_at, estimated_delivery, delivered_at, updated_at) "
              "VALUES (?, ?, ?, 'cod', ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)")))
        , m_item(prepare(db, QStringLiteral("INSERT INTO order_items (order_id, line, sku, name, quantity, price_minor, category) "
                                            "VALUES (?, 1, ?, ?, 1, ?, ?)")))
        , m_cancellation(prepare(db, QStringLiteral("INSERT INTO cancellations (order_id, reason, details, at) VALUES (?, ?, '', ?)")))
    {
    }

    void write(DemoContext &ctx, const DemoOrder &o, const OrderFate &f)
    {
        auto ms = [](qint64 v) { return v ? QVariant(v) : QVariant(); };
        run(m_order, { o.id, o.customerId, f.status, f.codConfirmation, o.totalMinor, ctx.currency, o.createdMs,
                       f.shippedMs ? o.carrier : QStringLiteral(""),
                       f.shippedMs ? QStringLiteral("TRK") + o.id.right(6) : QStringLiteral(""), ms(f.shippedMs),
                       ms(f.shippedMs ? f.shippedMs + 4 * kDayMs : 0), ms(f.deliveredMs), f.updatedMs });
        const DemoItem &item = ctx.items[size_t(ctx.rng.between(0, int(ctx.items.size()) - 1))];
        run(m_item, { o.id, item.sku, item.name, o.totalMinor, item.category });
        if (!f.cancelReason.isEmpty())
            run(m_cancellation, { o.id, f.cancelReason, f.updatedMs });
    }

private:
    static QSqlQuery prepare(QSqlDatabase db, const QString &sql)
    {
        QSqlQuery q(db);
        if (!q.prepare(sql))
            throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql.left(120)));
        return q;
    }
    static void run(QSqlQuery &q, const QVariantList &values)
    {
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), q.lastQuery().left(120)));
    }

    QSqlQuery m_order, m_item, m_cancellation;
};

// Up to two confirmation attempts (the seed's rule); returns the order's confirmation state and
// any cancellation reason, appending the calls.
std::pair<QString, QString> confirmationCalls(DemoContext &ctx, const DemoOrder &o, qint64 *lastCallEndMs)
{
    QDateTime when = inCallingHours(ctx, QDateTime::fromMSecsSinceEpoch(o.createdMs + ctx.rng.between(30, 60) * 60000, Qt::UTC));
    for (int attempt = 1; attempt <= 2; ++attempt) {
        if (when > ctx.now)
            return { QStringLiteral("pending"), {} };
        const bool answered = !ctx.rng.chance(attempt == 1 ? 0.22 : 0.30);
        const QString outcome = !answered ? QStringLiteral("no_answer")
                                          : ctx.rng.pick({ { "confirmed", 0.88 }, { "modified", 0.03 }, { "cancelled", 0.07 },
                                                           { "escalated", 0.02 } });
        CallRecord c = ctx.makeCall(QStringLiteral("cod_confirmation"), when, answered ? ctx.rng.skewed(55, 0.35) : 0, outcome);
        if (c.endedAt > ctx.now)
            return { QStringLiteral("pending"), {} };
        c.orderId = o.id;
        c.customerId = o.customerId;
        c.orderStatus = QStringLiteral("processing");
        c.toolCalls = json::array({ { { "name", "get_order_status" }, { "arguments", { { "order_id", o.id } } } } });
        *lastCallEndMs = c.endedAt.toMSecsSinceEpoch();
        if (outcome == QLatin1String("confirmed")) {
            c.revenueMinor = o.totalMinor;
            c.currency = ctx.currency;
            c.toolCalls.push_back({ { "name", "confirm_cod_order" }, { "arguments", { { "order_id", o.id }, { "confirmed", true } } },
                                    { "result", { { "success", true } } } });
            ctx.calls.push_back(c);
            return { QStringLiteral("confirmed"), {} };
        }
        if (outcome == QLatin1String("modified")) {
            // As confirm_cod_order does: a change request leaves the order pending until it is made.
            const json args = { { "order_id", o.id }, { "confirmed", false }, { "modification_requested", ctx.rng.chance(0.6) ? "address" : "date" } };
            c.toolCalls.push_back({ { "name", "confirm_cod_order" }, { "arguments", args }, { "result", { { "success", true }, { "confirmed", false } } } });
            ctx.calls.push_back(c);
            return { QStringLiteral("pending"), {} };
        }
        if (outcome == QLatin1String("cancelled")) {
            const QString reason = ctx.rng.pick({ { "changed_mind", 0.35 }, { "found_cheaper", 0.25 }, { "delivery_too_slow", 0.15 },
                                                  { "wrong_item", 0.10 }, { "other", 0.15 } });
            c.toolCalls.push_back({ { "name", "cancel_order" }, { "arguments", { { "order_id", o.id }, { "reason", reason } } },
                                    { "result", { { "success", true } } } });
            ctx.calls.push_back(c);
            return { QStringLiteral("declined"), reason };
        }
        ctx.calls.push_back(c);
        if (outcome == QLatin1String("escalated"))
            return { QStringLiteral("pending"), {} };
        when = inCallingHours(ctx, when.addSecs(2 * 3600)); // no answer: one retry two hours later
    }
    return { QStringLiteral("unconfirmed"), {} };
}

} // namespace

void generateCodOrdersAndCalls(DemoContext &ctx)
{
    if (ctx.customers.isEmpty())
        return; // orders need real customers; the RTO figures then stay undefined
    const double perDay = ctx.currency == QLatin1String("INR") ? 36.0 : 12.0;
    OrderWriter writer(ctx.db.connection());
    for (QDate day = ctx.firstDay.addDays(-ctx.days); day <= ctx.lastDay; day = day.addDays(1)) {
        const int n = ctx.rng.count(perDay * ctx.volume(day));
        const int sinceLaunch = int(ctx.firstDay.daysTo(day));
        for (int i = 0; i < n; ++i) {
            const QDateTime created = ctx.localTime(day, 8.0 + 15.0 * ctx.rng.uniform());
            if (!created.isValid())
                continue;
            DemoOrder o;
            o.id = ctx.nextId(QStringLiteral("DEMO-COD-"));
            o.customerId = ctx.randomCustomer();
            o.carrier = ctx.carrierChoices.at(ctx.rng.between(0, int(ctx.carrierChoices.size()) - 1));
            o.createdMs = created.toMSecsSinceEpoch();
            o.totalMinor = ctx.currency == QLatin1String("INR") ? qint64(ctx.rng.between(4, 50) * 100 - 1) * 100
                                                                : qint64(ctx.rng.between(15, 180)) * 100 - 1;
            qint64 lastCallEndMs = o.createdMs;
            std::pair<QString, QString> confirmation { QStringLiteral(""), QString() };
            if (ctx.rng.chance(coverage(sinceLaunch)))
                confirmation = confirmationCalls(ctx, o, &lastCallEndMs);
            writer.write(ctx, o, fate(ctx, o, confirmation.first, confirmation.second, lastCallEndMs));
            ctx.orders.push_back(o);
        }
    }
}

} // namespace ringside::analytics
