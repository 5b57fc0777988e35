#include "storestats.h"

#include "commerceenums.h"
#include "storereader.h"

#include "storage/database.h"

namespace ringside::commerce {

namespace {
qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q = runQuery(db, sql, binds);
    return q.next() ? q.value(0).toLongLong() : 0;
}

// {value: count} for `column` of `table`, seeded with every value of `vocabulary` at 0.
json countsBy(const QSqlDatabase &db, const QString &table, const QString &column, const QStringList &vocabulary = {})
{
    json out = json::object();
    for (const QString &v : vocabulary)
        out[v.toStdString()] = 0;
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT %2, count(*) FROM %1 GROUP BY %2 ORDER BY %2").arg(table, column));
    while (q.next()) {
        const QString key = q.value(0).toString();
        out[(key.isEmpty() ? QStringLiteral("(none)") : key).toStdString()] = q.value(1).toLongLong();
    }
    return out;
}

QString line(const json &counts)
{
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(qs(it.key())).arg(it.value().get<qint64>());
    return parts.join(QStringLiteral(", "));
}
} // namespace

json storeStatistics(Database &database, const QDateTime &now)
{
    const QSqlDatabase db = database.connection();
    json s;
    s["customers"] = { { "total", scalar(db, QStringLiteral("SELECT count(*) FROM customers")) },
                       { "by_country", countsBy(db, QStringLiteral("customers"), QStringLiteral("country")) },
                       { "by_type", countsBy(db, QStringLiteral("customers"), QStringLiteral("type"), customerTypes()) } };
    s["orders"] = { { "total", scalar(db, QStringLiteral("SELECT count(*) FROM orders")) },
                    { "by_status", countsBy(db, QStringLiteral("orders"), QStringLiteral("status"), orderStatuses()) },
                    { "by_carrier", countsBy(db, QStringLiteral("orders"), QStringLiteral("carrier"), carriers()) },
                    { "cod_pending", scalar(db, QStringLiteral("SELECT count(*) FROM orders WHERE payment_method = 'cod' "
                                                               "AND cod_confirmation = 'pending'")) } };
    s["carts"] = { { "total", scalar(db, QStringLiteral("SELECT count(*) FROM carts")) },
                   { "by_status", countsBy(db, QStringLiteral("carts"), QStringLiteral("status"), cartStatuses()) } };
    s["offers"] = { { "total", scalar(db, QStringLiteral("SELECT count(*) FROM offers")) },
                    { "expired", scalar(db, QStringLiteral("SELECT count(*) FROM offers WHERE expires_at < ?"),
                                        { now.toMSecsSinceEpoch() }) } };
    s["returns"] = { { "total", scalar(db, QStringLiteral("SELECT count(*) FROM returns")) },
                     { "by_status", countsBy(db, QStringLiteral("returns"), QStringLiteral("status"), returnStatuses()) } };
    s["sms_outbox"] = { { "total", scalar(db, QStringLiteral("SELECT count(*) FROM sms_outbox")) },
                        { "unsent", scalar(db, QStringLiteral("SELECT count(*) FROM sms_outbox WHERE sent_at IS NULL")) } };
    return s;
}

qint64 storeRecordCount(Database &database)
{
    return scalar(database.connection(),
                  QStringLiteral("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders) + "
                                 "(SELECT count(*) FROM carts) + (SELECT count(*) FROM offers) + "
                                 "(SELECT count(*) FROM returns)"));
}

QString formatStoreStatistics(const json &s)
{
    QStringList out;
    out << QStringLiteral("customers  %1 (%2; %3)").arg(s["customers"]["total"].get<qint64>())
                   .arg(line(s["customers"]["by_country"]), line(s["customers"]["by_type"]));
    out << QStringLiteral("orders     %1, COD awaiting confirmation %2").arg(s["orders"]["total"].get<qint64>())
                   .arg(s["orders"]["cod_pending"].get<qint64>());
    out << QStringLiteral("  status   ") + line(s["orders"]["by_status"]);
    out << QStringLiteral("  carrier  ") + line(s["orders"]["by_carrier"]);
    out << QStringLiteral("carts      %1 (%2)").arg(s["carts"]["total"].get<qint64>()).arg(line(s["carts"]["by_status"]));
    out << QStringLiteral("offers     %1 (%2 expired)").arg(s["offers"]["total"].get<qint64>())
                   .arg(s["offers"]["expired"].get<qint64>());
    out << QStringLiteral("returns    %1 (%2)").arg(s["returns"]["total"].get<qint64>()).arg(line(s["returns"]["by_status"]));
    out << QStringLiteral("sms outbox %1 (%2 unsent)").arg(s["sms_outbox"]["total"].get<qint64>())
                   .arg(s["sms_outbox"]["unsent"].get<qint64>());
    return out.join(QLatin1Char('\n'));
}

} // namespace ringside::commerce
