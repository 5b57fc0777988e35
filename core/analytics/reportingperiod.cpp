#include "reportingperiod.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace ringside::analytics {

namespace {

// The default matches the store's own default settings (core/commerce/storesettings.cpp).
const QByteArray kDefaultZone = QByteArrayLiteral("Asia/Kolkata");
const QString kDefaultCurrency = QStringLiteral("INR");

QString setting(Database &db, const QString &key)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT value FROM store_settings WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString().trimmed();
    return {};
}

Result<QDate> parseDay(const QString &text, const QString &field)
{
    const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!d.isValid() || text.trimmed().size() != 10)
        return Result<QDate>::failure(QStringLiteral("%1: '%2' is not a date (YYYY-MM-DD)").arg(field, text));
    if (d.year() < 2000 || d.year() > 2200)
        return Result<QDate>::failure(QStringLiteral("%1: %2 is outside the years 2000–2200").arg(field, text));
    return d;
}

} // namespace

qint64 ReportingPeriod::startMs() const
{
    return from.startOfDay(zone).toMSecsSinceEpoch();
}

qint64 ReportingPeriod::endMs() const
{
    return to.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
}

ReportingPeriod ReportingPeriod::previous() const
{
    return { from.addDays(-days()), from.addDays(-1), zone };
}

Result<ReportingPeriod> ReportingPeriod::parse(const QString &fromText, const QString &toText, const QTimeZone &zone,
                                               const QDateTime &now, int defaultDays)
{
    if (!zone.isValid())
        return Result<ReportingPeriod>::failure(QStringLiteral("timezone: is not a valid time zone"));
    const QDate today = now.toTimeZone(zone).date();
    QDate from, to;
    if (!toText.trimmed().isEmpty()) {
        auto d = parseDay(toText, QStringLiteral("to"));
        if (!d)
            return Result<ReportingPeriod>::failure(d.error());
        to = d.value();
    }
    if (!fromText.trimmed().isEmpty()) {
        auto d = parseDay(fromText, QStringLiteral("from"));
        if (!d)
            return Result<ReportingPeriod>::failure(d.error());
        from = d.value();
    }
    if (!to.isValid())
        to = from.isValid() ? std::max(from, today) : today;
    if (!from.isValid())
        from = to.addDays(-(std::max(defaultDays, 1) - 1));
    if (from > to)
        return Result<ReportingPeriod>::failure(QStringLiteral("from: %1 is after to (%2)")
                                                    .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    return ReportingPeriod { from, to, zone };
}

QTimeZone storeTimeZone(Database &db)
{
    const QString id = setting(db, QStringLiteral("timezone"));
    QTimeZone zone(id.toUtf8());
    return (!id.isEmpty() && zone.isValid()) ? zone : QTimeZone(kDefaultZone);
}

Result<QTimeZone> parseTimeZone(const QString &id, const QString &field)
{
    const QTimeZone zone(id.trimmed().toUtf8());
    if (id.trimmed().isEmpty() || !zone.isValid())
        return Result<QTimeZone>::failure(QStringLiteral("%1: '%2' is not an IANA time zone (e.g. Asia/Kolkata, UTC)")
                                              .arg(field, id));
    return zone;
}

QString storeCurrency(Database &db)
{
    const QString c = setting(db, QStringLiteral("currency"));
    return c.isEmpty() ? kDefaultCurrency : c;
}

} // namespace ringside::analytics
