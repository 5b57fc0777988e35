#include "csvexport.h"

#include "moneytext.h"
#include "sqlbind.h"
#include "storage/database.h"

#include <QSet>
#include <QSqlRecord>

namespace ringside::analytics {

namespace {

// With milliseconds, so an export loses nothing the database holds.
QString instant(const QVariant &ms, const QTimeZone &zone)
{
    if (ms.isNull())
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), zone);
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

// Exact decimal text of milliseconds as seconds ("95.250").
QString seconds(qint64 ms)
{
    return QStringLiteral("%1.%2").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString revenue(qint64 minor, const QString &currency)
{
    if (currency.isEmpty())
        return minor == 0 ? QString() : QString::number(minor);
    const int digits = currencyDigits(currency);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString text = QString::number(minor / scale);
    if (digits > 0)
        text += QLatin1Char('.') + QString::number(minor % scale).rightJustified(digits, QLatin1Char('0'));
    return text;
}

QString flag(const QVariant &v) { return v.toInt() ? QStringLiteral("true") : QStringLiteral("false"); }

QString toolNames(const QString &toolCallsJson)
{
    const json calls = json::parse(toolCallsJson.toStdString(), nullptr, false);
    QStringList names;
    if (calls.is_array()) {
        for (const json &c : calls)
            names << stringAt(c, "name");
    }
    return names.join(QLatin1Char(';'));
}

} // namespace

const QStringList &csvColumns()
{
    static const QStringList columns = {
        QStringLiteral("id"), QStringLiteral("started_at"), QStringLiteral("answered_at"), QStringLiteral("ended_at"),
        QStringLiteral("duration_seconds"), QStringLiteral("use_case"), QStringLiteral("agent"), QStringLiteral("direction"),
        QStringLiteral("channel"), QStringLiteral("language"), QStringLiteral("customer_id"), QStringLiteral("order_id"),
        QStringLiteral("cart_id"), QStringLiteral("outcome"), QStringLiteral("handled_by"), QStringLiteral("escalation_reason"),
        QStringLiteral("cancel_reason"), QStringLiteral("revenue"), QStringLiteral("currency"), QStringLiteral("csat"),
        QStringLiteral("nps"), QStringLiteral("order_status"), QStringLiteral("carrier"), QStringLiteral("return_initiated"),
        QStringLiteral("pickup_scheduled"), QStringLiteral("first_attempt"), QStringLiteral("turns"),
        QStringLiteral("latency_p50_ms"), QStringLiteral("latency_max_ms"), QStringLiteral("tools"),
    };
    return columns;
}

QString csvField(const QString &value)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (QChar c : value) {
        if (special.contains(c)) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvTextField(const QString &value)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && formulaStarts.contains(value.at(0)))
        return csvField(QLatin1Char('\'') + value);
    return csvField(value);
}

qint64 exportCallsCsv(Database &db, const CallFilter &filter, const QTimeZone &zone, QIODevice &out)
{
    // Which columns hold text (the rest are instants, numbers and booleans the export writes itself).
    static const QSet<QString> textColumns = { QStringLiteral("id"), QStringLiteral("use_case"), QStringLiteral("agent"),
                                               QStringLiteral("direction"), QStringLiteral("channel"), QStringLiteral("language"),
                                               QStringLiteral("customer_id"), QStringLiteral("order_id"), QStringLiteral("cart_id"),
                                               QStringLiteral("outcome"), QStringLiteral("handled_by"), QStringLiteral("escalation_reason"),
                                               QStringLiteral("cancel_reason"), QStringLiteral("currency"), QStringLiteral("order_status"),
                                               QStringLiteral("carrier"), QStringLiteral("tools") };
    auto writeLine = [&](const QStringList &fields) {
        QStringList quoted;
        for (qsizetype i = 0; i < fields.size(); ++i)
            quoted << (textColumns.contains(csvColumns().value(i)) ? csvTextField(fields[i]) : csvField(fields[i]));
        const QByteArray line = (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
        return out.write(line) == line.size();
    };
    if (!writeLine(csvColumns()))
        return -1;
    auto [where, values] = callFilterWhere(filter);
    QSqlQuery q = runBound(db.connection(), QStringLiteral("SELECT * FROM call_records%1 ORDER BY started_at, id").arg(where), values);
    const QSqlRecord rec = q.record();
    auto at = [&](const char *name) { return q.value(rec.indexOf(QLatin1String(name))); };
    qint64 rows = 0;
    while (q.next()) {
        const QString currency = at("currency").toString();
        const QStringList fields = {
            at("id").toString(), instant(at("started_at"), zone), instant(at("answered_at"), zone), instant(at("ended_at"), zone),
            seconds(at("duration_ms").toLongLong()), at("use_case").toString(), at("agent").toString(),
            at("direction").toString(), at("channel").toString(), at("language").toString(), at("customer_id").toString(),
            at("order_id").toString(), at("cart_id").toString(), at("outcome").toString(), at("handled_by").toString(),
            at("escalation_reason").toString(), at("cancel_reason").toString(),
            revenue(at("revenue_minor").toLongLong(), currency), currency, at("csat").toString(), at("nps").toString(),
            at("order_status").toString(), at("carrier").toString(), flag(at("return_initiated")),
            flag(at("pickup_scheduled")), flag(at("first_attempt")), at("turns").toString(),
            at("latency_p50_ms").toString(), at("latency_max_ms").toString(), toolNames(at("tool_calls").toString()),
        };
        if (!writeLine(fields))
            return -1;
        ++rows;
    }
    return rows;
}

} // namespace ringside::analytics
