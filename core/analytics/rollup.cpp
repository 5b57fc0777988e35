#include "rollup.h"

#include "callrecord.h"
#include "commerce/commerceenums.h"
#include "conversation/outcomes.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QHash>
#include <QMutex>
#include <QSqlQuery>

namespace ringside::analytics {

namespace {

constexpr qint64 kDayMs = 86400000;
constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01

struct Measure {
    QString column;
    QString expression; // over one call_records row; NULL counts as 0
};

// A finished call: live calls only count in in_progress until they end.
const QString kDone = QStringLiteral("outcome <> 'in_progress'");
const QString kAnswered = QStringLiteral("answered_at IS NOT NULL");
// Revenue counts for the outcomes that carry it (conversation/outcomes.h).
const QString kRevenueCondition = [] {
    QStringList quotedOutcomes;
    for (const QString &o : revenueOutcomes())
        quotedOutcomes << QLatin1Char('\'') + o + QLatin1Char('\'');
    return QStringLiteral("outcome IN (%1) AND revenue_minor <> 0").arg(quotedOutcomes.join(QStringLiteral(", ")));
}();

QString both(const QString &a, const QString &b) { return a + QStringLiteral(" AND ") + b; }
QString when(const QString &condition, const QString &value)
{
    return QStringLiteral("CASE WHEN %1 THEN %2 ELSE 0 END").arg(condition, value);
}
QString quoted(const QString &enumValue) { return QLatin1Char('\'') + enumValue + QLatin1Char('\''); }

QString bucketName(qint64 boundMs, bool seconds)
{
    return seconds ? QStringLiteral("%1s").arg(boundMs / 1000) : QStringLiteral("%1ms").arg(boundMs);
}

std::vector<Measure> buildMeasures()
{
    const QString doneAnswered = both(kDone, kAnswered);
    const QString aiTalked = both(doneAnswered, QStringLiteral("handled_by <> 'human'"));
    std::vector<Measure> m = {
        { QStringLiteral("calls"), kDone },
        { QStringLiteral("in_progress"), QStringLiteral("outcome = 'in_progress'") },
        { QStringLiteral("answered"), doneAnswered },
        { QStringLiteral("ai_only"), both(kDone, QStringLiteral("handled_by = 'ai'")) },
        { QStringLiteral("ai_answered"), aiTalked },
        { QStringLiteral("ai_talk_ms"), when(aiTalked, QStringLiteral("duration_ms")) },
        { QStringLiteral("deflected"), both(doneAnswered, QStringLiteral("handled_by = 'ai'")) },
        { QStringLiteral("escalated"), both(kDone, QStringLiteral("(outcome = 'escalated' OR handled_by = 'ai_then_human')")) },
        { QStringLiteral("resolved_by_ai"), QStringLiteral("outcome = 'resolved' AND handled_by = 'ai'") },
        { QStringLiteral("talk_ms"), when(doneAnswered, QStringLiteral("duration_ms")) },
        { QStringLiteral("first_attempts"), both(kDone, QStringLiteral("first_attempt = 1")) },
        { QStringLiteral("return_initiated"), both(kDone, QStringLiteral("return_initiated = 1")) },
        { QStringLiteral("pickup_scheduled"), both(kDone, QStringLiteral("pickup_scheduled = 1")) },
        { QStringLiteral("return_talk_ms"), when(both(kDone, QStringLiteral("return_initiated = 1")), QStringLiteral("duration_ms")) },
        { QStringLiteral("csat_sum"), when(both(kDone, QStringLiteral("csat IS NOT NULL")), QStringLiteral("csat")) },
        { QStringLiteral("csat_n"), both(kDone, QStringLiteral("csat IS NOT NULL")) },
        { QStringLiteral("nps_n"), both(kDone, QStringLiteral("nps IS NOT NULL")) },
        { QStringLiteral("nps_promoters"), both(kDone, QStringLiteral("nps >= 9")) },
        { QStringLiteral("nps_detractors"), both(kDone, QStringLiteral("nps <= 6")) },
        { QStringLiteral("turns"), when(kDone, QStringLiteral("turns")) },
        { QStringLiteral("lat_n"), when(kDone, QStringLiteral("lat_n")) },
        { QStringLiteral("lat_sum_ms"), when(kDone, QStringLiteral("lat_sum_ms")) },
    };
    for (const QString &o : outcomes())
        m.push_back({ QStringLiteral("o_") + o, QStringLiteral("outcome = ") + quoted(o) });
    for (const QString &s : commerce::orderStatuses())
        m.push_back({ QStringLiteral("st_") + s, both(kDone, QStringLiteral("order_status = ") + quoted(s)) });
    for (const QString &c : commerce::carriers())
        m.push_back({ QStringLiteral("car_") + c, both(kDone, QStringLiteral("carrier = ") + quoted(c)) });
    for (const QString &r : cancelReasons())
        m.push_back({ QStringLiteral("rs_") + r, both(kDone, QStringLiteral("cancel_reason = ") + quoted(r)) });
    qint64 lower = -1;
    for (qint64 bound : durationBucketBoundsMs()) {
        m.push_back({ QStringLiteral("dur_") + bucketName(bound, true),
                      both(doneAnswered, QStringLiteral("duration_ms > %1 AND duration_ms <= %2").arg(lower).arg(bound)) });
        lower = bound;
    }
    m.push_back({ QStringLiteral("dur_inf"), both(doneAnswered, QStringLiteral("duration_ms > %1").arg(lower)) });
    // Per-call latency buckets are columns of the call itself (same names).
    for (qint64 bound : latencyBucketBoundsMs()) {
        const QString name = QStringLiteral("lat_") + bucketName(bound, false);
        m.push_back({ name, when(kDone, name) });
    }
    m.push_back({ QStringLiteral("lat_inf"), when(kDone, QStringLiteral("lat_inf")) });
    Q_ASSERT(int(m.size()) == col::Count);
    // A bare condition counts as 1 or 0. Spelled as CASE, not summed as a boolean: PostgreSQL
    // does not add booleans.
    for (Measure &measure : m) {
        if (!measure.expression.startsWith(QLatin1String("CASE ")))
            measure.expression = when(measure.expression, QStringLiteral("1"));
    }
    return m;
}

const std::vector<Measure> &measures()
{
    static const std::vector<Measure> all = buildMeasures();
    return all;
}

int indexIn(const QStringList &list, const QString &value)
{
    return int(list.indexOf(value));
}

QString signedContributions(int sign)
{
    QStringList parts;
    for (const Measure &m : measures())
        parts << QStringLiteral("%1 * COALESCE((%2), 0)").arg(sign).arg(m.expression);
    return parts.join(QStringLiteral(", "));
}

QString summedContributions()
{
    QStringList parts;
    for (const Measure &m : measures())
        parts << QStringLiteral("SUM(COALESCE((%1), 0))").arg(m.expression);
    return parts.join(QStringLiteral(", "));
}

QString applySql(int sign)
{
    QStringList updates;
    for (const Measure &m : measures())
        updates << QStringLiteral("%1 = call_rollup.%1 + excluded.%1").arg(m.column);
    return QStringLiteral("INSERT INTO call_rollup (day, use_case, agent, channel, %1) "
                          "SELECT CAST(? AS BIGINT), use_case, agent, channel, %2 FROM call_records WHERE id = ? "
                          "ON CONFLICT (day, use_case, agent, channel) DO UPDATE SET %3")
            .arg(rollupColumns().join(QStringLiteral(", ")), signedContributions(sign), updates.join(QStringLiteral(", ")));
}

QString applyRevenueSql(int sign)
{
    return QStringLiteral("INSERT INTO call_revenue_rollup (day, use_case, agent, channel, currency, calls, amount_minor) "
                          "SELECT CAST(? AS BIGINT), use_case, agent, channel, currency, %1, %1 * revenue_minor FROM call_records "
                          "WHERE id = ? AND %2 "
                          "ON CONFLICT (day, use_case, agent, channel, currency) DO UPDATE SET "
                          "calls = call_revenue_rollup.calls + excluded.calls, "
                          "amount_minor = call_revenue_rollup.amount_minor + excluded.amount_minor")
            .arg(sign).arg(kRevenueCondition);
}

// The range condition on started_at. Walking the started_at index reads each row at a random
// place in the table, which over a large share of the calls is many times slower than reading the
// table in order; "+started_at" tells SQLite not to use the index. Counting through the index is
// cheap (it covers the column), so the choice is made on real numbers.
QString rangeCondition(QSqlDatabase db, qint64 fromMs, qint64 toMs)
{
    QSqlQuery inRange = execOrThrow(db, QStringLiteral("SELECT COUNT(*) FROM call_records WHERE started_at >= ? AND started_at < ?"),
                                    fromMs, toMs);
    QSqlQuery all = execOrThrow(db, QStringLiteral("SELECT COUNT(*) FROM call_records"));
    const double share = (inRange.next() && all.next() && all.value(0).toLongLong() > 0)
            ? inRange.value(0).toDouble() / all.value(0).toDouble() : 0.0;
    return share > 0.02 ? QStringLiteral("+started_at >= ? AND +started_at < ?") : QStringLiteral("started_at >= ? AND started_at < ?");
}

void aggregateInto(QSqlDatabase db, const QTimeZone &zone, qint64 fromMs, qint64 toMs, const QString &mainTable,
                   const QString &revenueTable)
{
    const QString day = localDaySql(QStringLiteral("started_at"), zone, fromMs, toMs);
    const QString range = rangeCondition(db, fromMs, toMs);
    execOrThrow(db, QStringLiteral("INSERT INTO %1 (day, use_case, agent, channel, %2) "
                                   "SELECT %3 AS d, use_case, agent, channel, %4 FROM call_records "
                                   "WHERE %5 GROUP BY d, use_case, agent, channel")
                        .arg(mainTable, rollupColumns().join(QStringLiteral(", ")), day, summedContributions(), range),
                fromMs, toMs);
    execOrThrow(db, QStringLiteral("INSERT INTO %1 (day, use_case, agent, channel, currency, calls, amount_minor) "
                                   "SELECT %2 AS d, use_case, agent, channel, currency, COUNT(*), SUM(revenue_minor) "
                                   "FROM call_records WHERE %3 AND %4 "
                                   "GROUP BY d, use_case, agent, channel, currency")
                        .arg(revenueTable, day, range, kRevenueCondition),
                fromMs, toMs);
}

} // namespace

const std::vector<qint64> &durationBucketBoundsMs()
{
    static const std::vector<qint64> b = { 10000, 30000, 60000, 120000, 180000, 300000, 600000 };
    return b;
}

const std::vector<qint64> &latencyBucketBoundsMs()
{
    static const std::vector<qint64> b = { 250, 500, 750, 1000, 1500, 2000, 3000, 5000 };
    return b;
}

const QStringList &rollupColumns()
{
    static const QStringList names = [] {
        QStringList out;
        for (const Measure &m : measures())
            out << m.column;
        return out;
    }();
    return names;
}

qint64 RollupTotals::outcome(const QString &o) const
{
    const int i = indexIn(outcomes(), o);
    return i < 0 ? 0 : v[size_t(col::OutcomeFirst + i)];
}

qint64 RollupTotals::status(const QString &s) const
{
    const int i = indexIn(commerce::orderStatuses(), s);
    return i < 0 ? 0 : v[size_t(col::StatusFirst + i)];
}

qint64 RollupTotals::carrier(const QString &c) const
{
    const int i = indexIn(commerce::carriers(), c);
    return i < 0 ? 0 : v[size_t(col::CarrierFirst + i)];
}

qint64 RollupTotals::reason(const QString &r) const
{
    const int i = indexIn(cancelReasons(), r);
    return i < 0 ? 0 : v[size_t(col::ReasonFirst + i)];
}

RollupTotals &RollupTotals::operator+=(const RollupTotals &other)
{
    for (size_t i = 0; i < v.size(); ++i)
        v[i] += other.v[i];
    return *this;
}

QString rollupSumsSql()
{
    static const QString sql = [] {
        QStringList parts;
        for (const QString &c : rollupColumns())
            parts << QStringLiteral("SUM(%1)").arg(c);
        return parts.join(QStringLiteral(", "));
    }();
    return sql;
}

RollupTotals readTotals(const QSqlQuery &query, int first)
{
    RollupTotals t;
    for (int i = 0; i < col::Count; ++i)
        t.v[size_t(i)] = query.value(first + i).toLongLong();
    return t;
}

qint64 localDay(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone).date().toJulianDay();
}

qint64 localDay(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).date().toJulianDay();
}

QString localDaySql(const QString &column, const QTimeZone &zone, qint64 fromMs, qint64 toMs)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(std::max(fromMs, toMs), Qt::UTC);
    QString offset = QString::number(qint64(zone.offsetFromUtc(from)) * 1000);
    const QTimeZone::OffsetDataList changes = zone.hasTransitions() ? zone.transitions(from, to) : QTimeZone::OffsetDataList();
    if (!changes.isEmpty()) {
        QString cases = QStringLiteral("CASE");
        QString current = offset;
        for (const QTimeZone::OffsetData &change : changes) {
            cases += QStringLiteral(" WHEN %1 < %2 THEN %3").arg(column).arg(change.atUtc.toMSecsSinceEpoch()).arg(current);
            current = QString::number(qint64(change.offsetFromUtc) * 1000);
        }
        offset = cases + QStringLiteral(" ELSE ") + current + QStringLiteral(" END");
    }
    return QStringLiteral("((%1 + %2) / %3 + %4)").arg(column, offset).arg(kDayMs).arg(kJulianDayOfEpoch);
}

namespace rollup {

QString timeZoneId(QSqlDatabase db)
{
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT timezone FROM call_rollup_meta WHERE id = 1"));
    return q.next() ? q.value(0).toString() : QString();
}

void applyCall(QSqlDatabase db, const QString &id, qint64 startedAtMs, const QTimeZone &zone, int sign)
{
    Q_ASSERT(sign == 1 || sign == -1);
    static const QString addMain = applySql(1), removeMain = applySql(-1);
    static const QString addRevenue = applyRevenueSql(1), removeRevenue = applyRevenueSql(-1);
    const qint64 day = localDay(startedAtMs, zone);
    execOrThrow(db, sign > 0 ? addMain : removeMain, day, id);
    execOrThrow(db, sign > 0 ? addRevenue : removeRevenue, day, id);
}

void rebuild(QSqlDatabase db, const QTimeZone &zone)
{
    execOrThrow(db, QStringLiteral("DELETE FROM call_rollup"));
    execOrThrow(db, QStringLiteral("DELETE FROM call_revenue_rollup"));
    QSqlQuery range = execOrThrow(db, QStringLiteral("SELECT MIN(started_at), MAX(started_at) FROM call_records"));
    if (range.next() && !range.value(0).isNull())
        aggregateInto(db, zone, range.value(0).toLongLong(), range.value(1).toLongLong() + 1,
                      QStringLiteral("call_rollup"), QStringLiteral("call_revenue_rollup"));
    execOrThrow(db, QStringLiteral("INSERT INTO call_rollup_meta (id, timezone) VALUES (1, ?) "
                                   "ON CONFLICT (id) DO UPDATE SET timezone = excluded.timezone"),
                QString::fromUtf8(zone.id()));
}

void ensureTimeZone(QSqlDatabase db, const QTimeZone &zone)
{
    const QString wanted = QString::fromUtf8(zone.id());
    if (timeZoneId(db) == wanted)
        return;
    // Two PostgreSQL transactions writing the first records (or after a zone change) would both
    // rebuild, and the second one's rollup rows collide with the first's when it commits (a
    // duplicate key). The lock makes the second wait; it then reads the committed zone again
    // and has nothing to rebuild. SQLite's one writer needs none.
    if (const QString lock = sqldialect::lockForTransaction(db, QStringLiteral("call_rollup_rebuild")); !lock.isEmpty()) {
        execOrThrow(db, lock);
        if (timeZoneId(db) == wanted)
            return;
    }
    rebuild(db, zone);
}

std::pair<QString, QString> buildTemporary(QSqlDatabase db, const QTimeZone &zone, qint64 fromMs, qint64 toMs)
{
    const QString temp = sqldialect::tempSchema(db) + QLatin1Char('.');
    const QString main = temp + QStringLiteral("report_call_rollup");
    const QString revenue = temp + QStringLiteral("report_call_revenue_rollup");
    // The TEMP tables belong to this connection; they are reused while nothing has been written
    // since they were built (sqldialect::changeCounterQuery), so a report's KPIs and its series
    // pay for one aggregation.
    static QMutex mutex;
    static QHash<QString, QString> built; // connection → what its TEMP tables hold
    auto state = [&] {
        QSqlQuery v = execOrThrow(db, sqldialect::changeCounterQuery(db));
        return QStringLiteral("%1|%2|%3|%4").arg(QString::fromUtf8(zone.id())).arg(fromMs).arg(toMs)
                .arg(v.next() ? v.value(0).toString() : QStringLiteral("?"));
    };
    {
        QMutexLocker lock(&mutex);
        if (built.value(db.connectionName()) == state())
            return { main, revenue };
    }
    const QString stored = sqldialect::mainSchema(db) + QLatin1Char('.');
    // Unprepared: PostgreSQL cannot PREPARE a CREATE TABLE.
    sqldialect::control(db, QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS report_call_rollup AS SELECT * FROM %1call_rollup WHERE 1 = 0").arg(stored));
    sqldialect::control(db, QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS report_call_revenue_rollup AS "
                                           "SELECT * FROM %1call_revenue_rollup WHERE 1 = 0").arg(stored));
    execOrThrow(db, QStringLiteral("DELETE FROM ") + main);
    execOrThrow(db, QStringLiteral("DELETE FROM ") + revenue);
    aggregateInto(db, zone, fromMs, toMs, main, revenue);
    QMutexLocker lock(&mutex);
    built.insert(db.connectionName(), state());
    return { main, revenue };
}

bool sameLocalDays(const QTimeZone &a, const QTimeZone &b, qint64 fromMs, qint64 toMs)
{
    if (!a.isValid() || !b.isValid())
        return false;
    if (a == b)
        return true;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(std::max(fromMs, toMs), Qt::UTC);
    if (a.offsetFromUtc(from) != b.offsetFromUtc(from))
        return false;
    const QTimeZone::OffsetDataList ta = a.hasTransitions() ? a.transitions(from, to) : QTimeZone::OffsetDataList();
    const QTimeZone::OffsetDataList tb = b.hasTransitions() ? b.transitions(from, to) : QTimeZone::OffsetDataList();
    auto changes = [](const QTimeZone::OffsetDataList &list, int initial) {
        QList<std::pair<qint64, int>> out; // only real offset changes (a zone may list renames or DST-flag flips)
        int current = initial;
        for (const QTimeZone::OffsetData &d : list) {
            if (d.offsetFromUtc != current)
                out.append({ d.atUtc.toMSecsSinceEpoch(), current = d.offsetFromUtc });
        }
        return out;
    };
    const int initial = a.offsetFromUtc(from);
    return changes(ta, initial) == changes(tb, initial);
}

} // namespace rollup

} // namespace ringside::analytics
