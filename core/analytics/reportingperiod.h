#pragma once

#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace ringside {
class Database;
}

namespace ringside::analytics {

// A run of whole calendar days in one timezone: the unit every KPI, series and export is asked for.
// `from` and `to` are inclusive; the instants covered are [local midnight of from, local midnight
// of the day after to).
struct ReportingPeriod {
    QDate from;
    QDate to;
    QTimeZone zone;

    qint64 startMs() const;
    qint64 endMs() const;
    qint64 fromDay() const { return from.toJulianDay(); }
    qint64 toDay() const { return to.toJulianDay(); }
    int days() const { return int(to.toJulianDay() - from.toJulianDay() + 1); }
    // The same number of days immediately before this period.
    ReportingPeriod previous() const;
    QString zoneId() const { return QString::fromUtf8(zone.id()); }

    // From user input. Empty `from` and `to`: the `defaultDays` days ending on `now`'s date.
    // Only `from`: through `now`'s date. Only `to`: the `defaultDays` days ending on `to`.
    // Errors name the field: "from: '2026-13-01' is not a date (YYYY-MM-DD)".
    static Result<ReportingPeriod> parse(const QString &from, const QString &to, const QTimeZone &zone,
                                         const QDateTime &now, int defaultDays = 30);
};

// The store's timezone (store_settings "timezone"), Asia/Kolkata when unset or unknown.
QTimeZone storeTimeZone(Database &db);
// An IANA id from user input; on failure an error naming `field`.
Result<QTimeZone> parseTimeZone(const QString &id, const QString &field = QStringLiteral("timezone"));
// The store's currency (store_settings "currency"), INR when unset.
QString storeCurrency(Database &db);

} // namespace ringside::analytics
