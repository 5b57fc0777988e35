#pragma once
// Small builders for hand-written call-record fixtures.

#include "analytics/callrecord.h"
#include "analytics/callrecordstore.h"
#include "storage/database.h"
#include "testdatabase.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace fixtures {

using namespace ringside;
using namespace ringside::analytics;

// A fresh database in a temporary folder; `zone` becomes the store's timezone.
struct TestDb {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    explicit TestDb(const QString &zone = QStringLiteral("Asia/Kolkata"))
    {
        QString error;
        db = testing::openTestDatabase(dir.filePath(QStringLiteral("t.db")), &error);
        if (!db)
            qFatal("cannot open test database: %s", qPrintable(error));
        setSetting(QStringLiteral("timezone"), zone);
    }
    void setSetting(const QString &key, const QString &value)
    {
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?) "
                                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), key, value);
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q = execOrThrow(db->connection(), sql);
        return q.next() ? q.value(0).toLongLong() : -1;
    }
    // A customer and one order, for RTO and snapshot fixtures.
    void addCustomer(const QString &id)
    {
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO customers (id, name) VALUES (?, ?)"), id, QString(QStringLiteral("Test ") + id));
    }
    // An order placed from a cart (what makes a cart "recovered": analytics/cartrecoveries.h).
    void addCartOrder(const QString &id, const QString &cartId, const QDateTime &created, qint64 totalMinor, const QString &currency,
                      const QString &status = QStringLiteral("processing"))
    {
        execOrThrow(db->connection(), QStringLiteral(
            "INSERT INTO orders (id, customer_id, status, payment_method, total_minor, currency, created_at, cart_id, updated_at) "
            "VALUES (?, 'C1', ?, 'upi', ?, ?, ?, ?, ?)"),
            id, status, totalMinor, currency, created.toMSecsSinceEpoch(), cartId, created.toMSecsSinceEpoch());
    }
    void addOrder(const QString &id, const QString &status, const QString &payment, const QDateTime &created,
                  const QDateTime &delivered = {}, const QString &carrier = {})
    {
        execOrThrow(db->connection(), QStringLiteral(
            "INSERT INTO orders (id, customer_id, status, payment_method, total_minor, currency, created_at, carrier, "
            "delivered_at, updated_at) VALUES (?, 'C1', ?, ?, 100000, 'INR', ?, ?, ?, ?)"),
            id, status, payment, created.toMSecsSinceEpoch(), carrier.isNull() ? QStringLiteral("") : carrier,
            delivered.isValid() ? QVariant(delivered.toMSecsSinceEpoch()) : QVariant(), created.toMSecsSinceEpoch());
    }
};

inline QDateTime at(const char *iso)
{
    const QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
    if (!t.isValid())
        qFatal("bad fixture time %s", iso);
    return t;
}

// A finished call: answered at start (unless `answered` is false), lasting `talkSeconds`.
inline CallRecord call(const QString &useCase, const QString &outcome, const QDateTime &start, int talkSeconds = 60,
                       bool answered = true, const QString &handledBy = QStringLiteral("ai"))
{
    CallRecord r;
    r.agent = QStringLiteral("Test Agent");
    r.useCase = useCase;
    r.direction = (useCase == QLatin1String("wismo") || useCase == QLatin1String("returns")) ? QStringLiteral("inbound")
                                                                                              : QStringLiteral("outbound");
    r.channel = QStringLiteral("twilio");
    r.startedAt = start;
    if (answered) {
        r.answeredAt = start;
        r.endedAt = start.addSecs(talkSeconds);
    } else {
        r.endedAt = start.addSecs(30);
    }
    r.outcome = outcome;
    r.handledBy = handledBy;
    return r;
}

inline QString insertOrFail(CallRecordStore &store, const CallRecord &r)
{
    auto id = store.insert(r);
    if (!id)
        qFatal("fixture call rejected: %s", qPrintable(id.error()));
    return id.value();
}

} // namespace fixtures
