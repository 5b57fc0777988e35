#include "platforms/platformstatus.h"

#include "platforms/outbox.h"
#include "platforms/platform.h"
#include "platforms/smssender.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "util/clock.h"

namespace ringside::platforms {

json platformStatus(Database &db, const SmsProviderConfig &sms, const QDateTime &now)
{
    json out = json::object();
    const auto c = loadConnection(db);
    if (c) {
        out["connection"] = { { "platform", platformKey(c->platform) }, { "shop", c->shop }, { "shop_name", c->shopName },
                              { "currency", c->currency }, { "timezone", c->timezone }, { "api_version", c->apiVersion },
                              { "connected_at", toIso(c->connectedAt) } };
    } else {
        out["connection"] = nullptr;
    }
    json sync = json::object();
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT resource, cursor, pass_records, pass_total, pass_started_at, finished_at, "
                                                              "done_high_water FROM platform_sync_state ORDER BY resource"));
    while (q.next()) {
        sync[q.value(0).toString().toStdString()] = {
            { "in_progress", !q.value(4).isNull() },
            { "records_this_pass", q.value(2).toLongLong() },
            { "total", q.value(3).isNull() ? json(nullptr) : json(q.value(3).toLongLong()) },
            { "last_finished", q.value(5).isNull() ? json(nullptr) : json(toIso(QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC))) },
        };
    }
    out["sync"] = sync;
    json events = { { "received", 0 }, { "applied", 0 }, { "duplicate", 0 }, { "stale", 0 }, { "rejected", 0 }, { "ignored", 0 }, { "failed", 0 } };
    QSqlQuery e = execOrThrow(db.connection(), QStringLiteral("SELECT status, COUNT(*) FROM webhook_events WHERE received_at >= ? GROUP BY status"),
                              now.addDays(-1).toMSecsSinceEpoch());
    while (e.next())
        events[e.value(0).toString().toStdString()] = e.value(1).toLongLong();
    out["webhooks_last_24h"] = events;
    out["outbox"] = outboxSummary(db);
    out["sms"] = smsStatus(db, sms, now.toMSecsSinceEpoch());
    return out;
}

QString formatPlatformStatus(const json &s)
{
    QStringList lines;
    const json &c = s["connection"];
    if (c.is_null())
        lines << QStringLiteral("shop: not connected (the embedded store only)");
    else
        lines << QStringLiteral("shop: %1 %2 (%3, %4, %5)").arg(stringAt(c, "platform"), stringAt(c, "shop"), stringAt(c, "shop_name"),
                                                                stringAt(c, "currency"), stringAt(c, "timezone"));
    for (auto it = s["sync"].begin(); it != s["sync"].end(); ++it) {
        const json &r = it.value();
        lines << QStringLiteral("  sync %1: %2").arg(qs(it.key()),
                                                     r.value("in_progress", false)
                                                             ? QStringLiteral("interrupted after %1 records; the next sync resumes there").arg(r.value("records_this_pass", qint64(0)))
                                                             : QStringLiteral("last finished %1").arg(stringAt(r, "last_finished")));
    }
    const json &w = s["webhooks_last_24h"];
    lines << QStringLiteral("webhooks (24 h): %1 applied, %2 duplicate, %3 stale, %4 rejected, %5 ignored, %6 failed, %7 waiting")
                     .arg(w.value("applied", 0)).arg(w.value("duplicate", 0)).arg(w.value("stale", 0)).arg(w.value("rejected", 0))
                     .arg(w.value("ignored", 0)).arg(w.value("failed", 0)).arg(w.value("received", 0));
    const json &o = s["outbox"];
    lines << QStringLiteral("write-back: %1 queued, %2 sending, %3 done, %4 failed; %5 open operator tasks")
                     .arg(o.value("queued", 0)).arg(o.value("sending", 0)).arg(o.value("done", 0)).arg(o.value("failed", 0))
                     .arg(o.value("open_operator_tasks", 0));
    const json &m = s["sms"];
    lines << QStringLiteral("sms: %1 total, %2 sent, %3 delivered, %4 waiting, %5 failed, %6 in doubt%7")
                     .arg(m.value("total", 0)).arg(m.value("sent", 0)).arg(m.value("delivered", 0)).arg(m.value("waiting", 0))
                     .arg(m.value("failed", 0)).arg(m.value("in_doubt", 0))
                     .arg(stringAt(m, "why_waiting").isEmpty() ? QString() : QString(QStringLiteral(" — still queued because ") + stringAt(m, "why_waiting")));
    return lines.join(QLatin1Char('\n'));
}

} // namespace ringside::platforms
