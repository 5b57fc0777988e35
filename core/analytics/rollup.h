#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <vector>

class QSqlQuery;

namespace ringside::analytics {

// The daily rollup of call_records (tables call_rollup and call_revenue_rollup). Every measure is
// one SQL expression over a call_records row; the same expressions feed the incremental update
// (one call at a time, signed) and the rebuild (GROUP BY over a range), so the two cannot drift.

// Indexes of the measure columns, in table order. Families (outcomes, statuses…) follow the order
// of the lists in callrecord.h.
namespace col {
enum : int {
    Calls, InProgress, Answered, AiOnly, AiAnswered, AiTalkMs, Deflected, Escalated, ResolvedByAi, TalkMs,
    FirstAttempts, ReturnInitiated, PickupScheduled, ReturnTalkMs, CsatSum, CsatN, NpsN, NpsPromoters,
    NpsDetractors, Turns, LatN, LatSumMs,
    OutcomeFirst,
    StatusFirst = OutcomeFirst + 12,
    CarrierFirst = StatusFirst + 9,
    ReasonFirst = CarrierFirst + 6,
    DurationFirst = ReasonFirst + 10,
    LatencyFirst = DurationFirst + 8,
    Count = LatencyFirst + 9
};
}

// Histogram bucket upper bounds (inclusive); a last +Inf bucket follows each list.
const std::vector<qint64> &durationBucketBoundsMs();  // 10 s … 600 s
const std::vector<qint64> &latencyBucketBoundsMs();   // 250 ms … 5 s

// Column names of the measures, index = col::…
const QStringList &rollupColumns();

// Sums of the measures over some rollup rows.
struct RollupTotals {
    std::vector<qint64> v = std::vector<qint64>(col::Count, 0);

    qint64 operator[](int column) const { return v[size_t(column)]; }
    qint64 outcome(const QString &outcome) const;   // 0 for unknown names
    qint64 status(const QString &status) const;
    qint64 carrier(const QString &carrier) const;
    qint64 reason(const QString &reason) const;
    RollupTotals &operator+=(const RollupTotals &other);
};

// "SUM(calls), SUM(in_progress), …" in column order, for SELECTs over a rollup table.
QString rollupSumsSql();
// Reads col::Count values starting at result column `first`.
RollupTotals readTotals(const QSqlQuery &query, int first);

// Julian day number of `t`'s calendar date in `zone`.
qint64 localDay(const QDateTime &t, const QTimeZone &zone);
qint64 localDay(qint64 utcMs, const QTimeZone &zone);

// SQL for the local Julian day of `column` (UTC ms) in `zone`, exact for instants in [fromMs, toMs):
// the zone's offset changes there (DST) become a CASE over integer literals.
QString localDaySql(const QString &column, const QTimeZone &zone, qint64 fromMs, qint64 toMs);

namespace rollup {

// The timezone the persistent rollup is kept in; empty when it has never been built.
QString timeZoneId(QSqlDatabase db);

// Adds (sign +1) or removes (sign -1) call `id`'s contribution, reading its current row.
// Throws StorageError.
void applyCall(QSqlDatabase db, const QString &id, qint64 startedAtMs, const QTimeZone &zone, int sign);

// Recomputes both persistent rollup tables from call_records in `zone` and records the zone.
void rebuild(QSqlDatabase db, const QTimeZone &zone);

// Makes sure the persistent rollup is kept in `zone`, rebuilding it when it is in another one.
void ensureTimeZone(QSqlDatabase db, const QTimeZone &zone);

// Aggregates the calls started in [fromMs, toMs) into two TEMP tables of the rollup's shape for
// `zone` (used when a report asks for a timezone other than the rollup's). Returns their names.
std::pair<QString, QString> buildTemporary(QSqlDatabase db, const QTimeZone &zone, qint64 fromMs, qint64 toMs);

// Whether two zones put every instant of [fromMs, toMs) on the same local day (same offsets and
// offset changes): then a rollup kept in one answers for the other (Asia/Calcutta ≡ Asia/Kolkata).
bool sameLocalDays(const QTimeZone &a, const QTimeZone &b, qint64 fromMs, qint64 toMs);

} // namespace rollup

} // namespace ringside::analytics
