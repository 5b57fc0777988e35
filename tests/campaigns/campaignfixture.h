#pragma once
// A small store for campaign tests, written with plain SQL so every time and number is chosen
// by the test: customers in Pune, Lucknow, Chennai, Chicago and New York (with and without a
// zone on record), and helpers to add orders, carts and call records at given instants.

#include "storage/database.h"
#include "testdatabase.h"
#include "storage/sqlutil.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ringside::test {

class CampaignStore
{
public:
    CampaignStore()
    {
        QString error;
        db = testing::openTestDatabase(dir.filePath(QStringLiteral("campaigns.db")), &error);
        if (!db)
            qFatal("cannot open the test database: %s", qPrintable(error));
        const QSqlDatabase c = db->connection();
        execOrThrow(c, QStringLiteral("INSERT INTO store_settings (key, value) VALUES ('timezone', 'Asia/Kolkata'), ('currency', 'INR'), ('storeName', 'Test Store')"));
        //          id        name      phone             state            country zone                    language  type
        customer(QStringLiteral("C-PUNE"), QStringLiteral("+919812345678"), QStringLiteral("Maharashtra"), QStringLiteral("IN"), QStringLiteral("Asia/Kolkata"));
        customer(QStringLiteral("C-LKO"), QStringLiteral("+919935012345"), QStringLiteral("Uttar Pradesh"), QStringLiteral("IN"), QStringLiteral("UTC"));
        customer(QStringLiteral("C-CHN"), QStringLiteral("+919845012345"), QStringLiteral("Tamil Nadu"), QStringLiteral("IN"), QStringLiteral("Asia/Kolkata"),
                 QStringLiteral("en-IN"));
        customer(QStringLiteral("C-CHI"), QStringLiteral("+13125550147"), QStringLiteral("IL"), QStringLiteral("US"), QStringLiteral("UTC"));
        customer(QStringLiteral("C-NYC"), QStringLiteral("+12125550100"), QStringLiteral("NY"), QStringLiteral("US"), QStringLiteral("America/New_York"));
        customer(QStringLiteral("C-BIZ"), QStringLiteral("+919876500001"), QStringLiteral("Karnataka"), QStringLiteral("IN"), QStringLiteral("Asia/Kolkata"),
                 QString(), QStringLiteral("business"));
        customer(QStringLiteral("C-NOPHONE"), QString(), QStringLiteral("Kerala"), QStringLiteral("IN"), QStringLiteral("Asia/Kolkata"));
    }

    // The store's text columns are NOT NULL: an empty value is '' (a null QString binds as NULL).
    static QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

    void customer(const QString &id, const QString &phone, const QString &state, const QString &country, const QString &zone,
                  const QString &language = QString(), const QString &type = QStringLiteral("consumer"))
    {
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO customers (id, name, phone, phone_national, state, country, timezone, preferred_language, type) "
                                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    id, id, text(phone), text(phone.right(10)), state, country, zone, text(language), type);
    }

    // A COD order awaiting confirmation, created at `created`.
    void codOrder(const QString &id, const QString &customer, const QDateTime &created, const QString &status = QStringLiteral("processing"))
    {
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO orders (id, customer_id, status, payment_method, cod_confirmation, total_minor, currency, "
                                                     "created_at, updated_at) VALUES (?, ?, ?, 'cod', 'pending', 249900, 'INR', ?, ?)"),
                    id, customer, status, created.toMSecsSinceEpoch(), created.toMSecsSinceEpoch());
    }

    void shippedOrder(const QString &id, const QString &customer, const QString &status, const QDateTime &at)
    {
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO orders (id, customer_id, status, payment_method, total_minor, currency, created_at, "
                                                     "shipped_at, updated_at) VALUES (?, ?, ?, 'upi', 99900, 'INR', ?, ?, ?)"),
                    id, customer, status, at.addDays(-2).toMSecsSinceEpoch(), at.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
    }

    void setOrderStatus(const QString &id, const QString &status, const QDateTime &at)
    {
        execOrThrow(db->connection(), QStringLiteral("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?"), status, at.toMSecsSinceEpoch(), id);
    }

    void cart(const QString &id, const QString &customer, const QDateTime &abandoned, qint64 totalMinor, const QString &currency = QStringLiteral("INR"))
    {
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO carts (id, customer_id, status, abandoned_at, total_minor, currency, updated_at) "
                                                     "VALUES (?, ?, 'abandoned', ?, ?, ?, ?)"),
                    id, customer, abandoned.toMSecsSinceEpoch(), totalMinor, currency, abandoned.toMSecsSinceEpoch());
    }

    QString orderField(const QString &id, const QString &column)
    {
        QSqlQuery q = execOrThrow(db->connection(), QStringLiteral("SELECT %1 FROM orders WHERE id = ?").arg(column), id);
        return q.next() ? q.value(0).toString() : QString();
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery q = execOrThrow(db->connection(), sql);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    // The --db value of this store: its SQLite file, or its database on the test PostgreSQL.
    QString path() const { return testing::freshTestDatabase(dir.filePath(QStringLiteral("campaigns.db"))); }

    QTemporaryDir dir;
    std::unique_ptr<Database> db;
};

inline QDateTime at(const char *iso)
{
    return parseIso(QString::fromLatin1(iso));
}

} // namespace ringside::test
