#include "platforms/smssender.h"

#include "platforms/httpexchange.h"
#include "platforms/outbox.h"
#include "commerce/storewriter.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSms, "ringside.platforms.sms")

namespace ringside::platforms {

namespace {

constexpr int kMaxSmsAttempts = 6;
constexpr qint64 kLeaseMs = 120000;

QString env(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery q;
    for (const auto &[k, v] : fields)
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    return q.toString(QUrl::FullyEncoded).toUtf8();
}

struct Due { qint64 id; QString to; QString body; int attempts; bool inDoubt; };

} // namespace

SmsProviderConfig SmsProviderConfig::fromEnvironment()
{
    SmsProviderConfig c;
    QString choice = env("RINGSIDE_SMS_PROVIDER").toLower();
    if (choice.isEmpty())
        choice = !env("TWILIO_ACCOUNT_SID").isEmpty() ? QStringLiteral("twilio")
               : !env("EXOTEL_ACCOUNT_SID").isEmpty()  ? QStringLiteral("exotel")
                                                       : QString();
    const QString publicUrl = env("RINGSIDE_PUBLIC_URL");
    if (choice == QLatin1String("twilio")) {
        c.accountSid = env("TWILIO_ACCOUNT_SID");
        c.user = c.accountSid.toUtf8();
        c.secret = qgetenv("TWILIO_AUTH_TOKEN").trimmed();
        c.from = env("TWILIO_SMS_FROM");
        c.messagingServiceSid = env("TWILIO_MESSAGING_SERVICE_SID");
        c.apiBase = env("TWILIO_API_BASE").isEmpty() ? QStringLiteral("https://api.twilio.com") : env("TWILIO_API_BASE");
        if (!publicUrl.isEmpty())
            c.statusCallback = publicUrl + QStringLiteral("/sms/twilio/status");
        c.missing = c.accountSid.isEmpty() ? QStringLiteral("TWILIO_ACCOUNT_SID")
                  : c.secret.isEmpty()     ? QStringLiteral("TWILIO_AUTH_TOKEN")
                  : (c.from.isEmpty() && c.messagingServiceSid.isEmpty()) ? QStringLiteral("TWILIO_SMS_FROM (or TWILIO_MESSAGING_SERVICE_SID)")
                                                                         : QString();
    } else if (choice == QLatin1String("exotel")) {
        c.accountSid = env("EXOTEL_ACCOUNT_SID");
        c.user = qgetenv("EXOTEL_API_KEY").trimmed();
        c.secret = qgetenv("EXOTEL_API_TOKEN").trimmed();
        c.from = env("EXOTEL_SMS_FROM");
        c.dltEntityId = env("EXOTEL_DLT_ENTITY_ID");
        c.dltTemplateId = env("EXOTEL_DLT_TEMPLATE_ID");
        c.apiBase = env("EXOTEL_API_BASE").isEmpty() ? QStringLiteral("https://api.exotel.com") : env("EXOTEL_API_BASE");
        c.missing = c.accountSid.isEmpty() ? QStringLiteral("EXOTEL_ACCOUNT_SID")
                  : c.user.isEmpty()       ? QStringLiteral("EXOTEL_API_KEY")
                  : c.secret.isEmpty()     ? QStringLiteral("EXOTEL_API_TOKEN")
                  : c.from.isEmpty()       ? QStringLiteral("EXOTEL_SMS_FROM")
                  : c.dltTemplateId.isEmpty() ? QStringLiteral("EXOTEL_DLT_TEMPLATE_ID (India needs a DLT template for every SMS)")
                                              : QString();
    } else {
        c.missing = choice.isEmpty() ? QStringLiteral("TWILIO_ACCOUNT_SID or EXOTEL_ACCOUNT_SID")
                                     : QStringLiteral("RINGSIDE_SMS_PROVIDER (\"%1\" is not twilio or exotel)").arg(choice);
        return c;
    }
    if (c.missing.isEmpty())
        c.provider = choice;
    return c;
}

SmsSender::SmsSender(Database &db, SmsProviderConfig config, Clock clock, QObject *parent)
    : QObject(parent), m_db(db), m_config(std::move(config)), m_clock(std::move(clock))
{
}

SmsSender::~SmsSender() = default;

void SmsSender::start(int pollMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { runDue(); });
    }
    m_timer->start(pollMs);
    runDue();
}

void SmsSender::wake()
{
    QMetaObject::invokeMethod(this, [this] { runDue(); }, Qt::QueuedConnection);
}

int SmsSender::runDue()
{
    if (m_config.provider.isEmpty())
        return 0;
    if (!m_http)
        m_http = std::make_unique<HttpExchange>();
    int attempted = 0;
    try {
        for (;;) {
            const qint64 now = m_clock.nowMs();
            std::optional<Due> due;
            m_db.transaction([&](QSqlDatabase sql) {
                QSqlQuery q = execOrThrow(sql, QStringLiteral(
                        "SELECT o.id, o.to_phone, o.body, COALESCE(d.attempts, 0), d.status FROM sms_outbox o "
                        "LEFT JOIN sms_delivery d ON d.sms_id = o.id WHERE o.sent_at IS NULL "
                        "AND (o.expires_at IS NULL OR o.expires_at > ?) "
                        "AND (d.sms_id IS NULL OR (d.status IN ('retry', 'sending') AND d.next_attempt_at <= ?)) ORDER BY o.id LIMIT 1")
                        + sqldialect::forUpdateSkipLocked(sql, QStringLiteral("o")),
                        now, now);
                if (!q.next())
                    return true;
                due = Due{ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() + 1,
                           q.value(4).toString() == QLatin1String("sending") };
                q.finish();
                execOrThrow(sql, QStringLiteral(
                        "INSERT INTO sms_delivery (sms_id, provider, status, attempts, next_attempt_at, updated_at) VALUES (?, ?, 'sending', ?, ?, ?) "
                        "ON CONFLICT(sms_id) DO UPDATE SET provider = excluded.provider, status = 'sending', attempts = excluded.attempts, "
                        "next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at"),
                        due->id, m_config.provider, due->attempts, now + kLeaseMs, now);
                return true;
            });
            if (!due)
                break;
            ++attempted;
            const bool twilio = m_config.provider == QLatin1String("twilio");
            auto record = [&](const QString &status, const QString &sid, const QString &error, qint64 nextMs) {
                execOrThrow(m_db.connection(), QStringLiteral("UPDATE sms_delivery SET status = ?, provider_sid = ?, last_error = ?, "
                                                              "next_attempt_at = ?, updated_at = ? WHERE sms_id = ?"),
                            status, commerce::notNull(sid), commerce::notNull(error.left(500)), nextMs > 0 ? QVariant(nextMs) : QVariant(),
                            m_clock.nowMs(), due->id);
                if (!sid.isEmpty())
                    execOrThrow(m_db.connection(), QStringLiteral("UPDATE sms_outbox SET sent_at = ? WHERE id = ?"), m_clock.nowMs(), due->id);
            };
            auto inDoubt = [&](const QString &why) {
                record(QStringLiteral("in_doubt"), QString(), why, 0);
                execOrThrow(m_db.connection(), QStringLiteral("INSERT INTO operator_tasks (kind, subject, detail, sms_id, created_at) "
                                                              "VALUES ('sms_in_doubt', ?, ?, ?, ?)"),
                            due->to, QStringLiteral("SMS %1 to %2 may or may not have been sent (%3); it is not sent again "
                                                    "automatically. Check the provider's log.").arg(due->id).arg(due->to, why),
                            due->id, m_clock.nowMs());
            };
            // A message whose earlier attempt may have reached Twilio: look for it before sending again.
            if (due->inDoubt) {
                if (!twilio) {
                    inDoubt(QStringLiteral("an earlier attempt was interrupted"));
                    continue;
                }
                HttpRequest lookup;
                lookup.url = QUrl(m_config.apiBase + QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_config.accountSid));
                QUrlQuery q;
                q.addQueryItem(QStringLiteral("To"), due->to);
                q.addQueryItem(QStringLiteral("PageSize"), QStringLiteral("50"));
                lookup.url.setQuery(q);
                lookup.headers = { { "Authorization", "Basic " + QByteArray(m_config.user + ':' + m_config.secret).toBase64() } };
                const HttpAnswer found = m_http->send(lookup);
                const json doc = json::parse(found.body.constBegin(), found.body.constEnd(), nullptr, false);
                if (!found.ok() || !doc.is_object()) {
                    record(QStringLiteral("retry"), QString(), QStringLiteral("could not check Twilio for an earlier attempt"),
                           m_clock.nowMs() + backoffMs(due->attempts));
                    continue;
                }
                QString sid, status;
                for (const json &m : doc.value("messages", json::array()))
                    if (stringAt(m, "body") == due->body)
                        sid = stringAt(m, "sid"), status = stringAt(m, "status");
                if (!sid.isEmpty()) {
                    record(status.isEmpty() ? QStringLiteral("queued") : status, sid, QString(), 0);
                    continue;
                }
            }
            HttpRequest request;
            request.method = "POST";
            request.headers = { { "Content-Type", "application/x-www-form-urlencoded" },
                                { "Accept", "application/json" },
                                { "Authorization", "Basic " + QByteArray(m_config.user + ':' + m_config.secret).toBase64() } };
            QList<QPair<QString, QString>> fields = { { QStringLiteral("To"), due->to }, { QStringLiteral("Body"), due->body } };
            if (twilio) {
                request.url = QUrl(m_config.apiBase + QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_config.accountSid));
                if (!m_config.messagingServiceSid.isEmpty())
                    fields.append({ QStringLiteral("MessagingServiceSid"), m_config.messagingServiceSid });
                else
                    fields.append({ QStringLiteral("From"), m_config.from });
            } else {
                request.url = QUrl(m_config.apiBase + QStringLiteral("/v1/Accounts/%1/Sms/send.json").arg(m_config.accountSid));
                fields.append({ QStringLiteral("From"), m_config.from });
                fields.append({ QStringLiteral("DltTemplateId"), m_config.dltTemplateId });
                if (!m_config.dltEntityId.isEmpty())
                    fields.append({ QStringLiteral("DltEntityId"), m_config.dltEntityId });
            }
            if (!m_config.statusCallback.isEmpty() && twilio)
                fields.append({ QStringLiteral("StatusCallback"), m_config.statusCallback });
            request.body = form(fields);
            request.timeoutMs = 20000;
            const HttpAnswer answer = m_http->send(request);
            const json doc = json::parse(answer.body.constBegin(), answer.body.constEnd(), nullptr, false);
            const QString name = twilio ? QStringLiteral("Twilio") : QStringLiteral("Exotel");
            if (answer.ok()) {
                const json &sms = twilio ? doc : doc.value("SMSMessage", json::object());
                const QString sid = stringAt(sms, twilio ? "sid" : "Sid");
                const QString status = stringAt(sms, twilio ? "status" : "Status").toLower();
                record(status.isEmpty() ? QStringLiteral("queued") : status, sid.isEmpty() ? QStringLiteral("unknown") : sid, QString(), 0);
                qCInfo(lcSms, "SMS %lld to %s accepted by %s (%s)", due->id, qPrintable(due->to), qPrintable(name), qPrintable(sid));
                continue;
            }
            const QString error = answer.status == 0 ? describeNetFailure(answer, request.url)
                                                     : QStringLiteral("%1 answered HTTP %2: %3").arg(name).arg(answer.status)
                                                               .arg(stringAt(doc, "message").isEmpty() ? QString::fromUtf8(answer.body.left(200)) : stringAt(doc, "message"));
            const bool retryable = answer.certainlyNotSent() || answer.status >= 500 || answer.status == 429;
            const bool doubtful = answer.status == 0 && !answer.certainlyNotSent();
            if (doubtful) {
                if (twilio) // looked up before the next attempt
                    record(QStringLiteral("sending"), QString(), error, m_clock.nowMs() + backoffMs(due->attempts));
                else
                    inDoubt(error);
            } else if (retryable && due->attempts < kMaxSmsAttempts) {
                record(QStringLiteral("retry"), QString(), error, m_clock.nowMs() + backoffMs(due->attempts));
            } else {
                record(QStringLiteral("failed"), QString(), error, 0);
            }
            qCWarning(lcSms, "SMS %lld to %s: %s", due->id, qPrintable(due->to), qPrintable(error));
        }
    } catch (const StorageError &e) {
        qCWarning(lcSms, "the SMS outbox could not be read: %s", e.what());
    }
    return attempted;
}

bool recordSmsStatus(Database &db, const QString &sid, const QString &status, const QString &errorCode, qint64 nowMs)
{
    static const QStringList known = { QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("delivered"),
                                       QStringLiteral("undelivered"), QStringLiteral("failed") };
    QString s = status.toLower();
    if (s == QLatin1String("sending") || s == QLatin1String("accepted"))
        s = QStringLiteral("queued");
    if (sid.isEmpty() || !known.contains(s))
        return false;
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("UPDATE sms_delivery SET status = ?, error_code = ?, updated_at = ? "
                                                              "WHERE provider_sid = ? AND status <> 'delivered'"),
                              s, commerce::notNull(errorCode), nowMs, sid);
    return q.numRowsAffected() > 0;
}

json smsStatus(Database &db, const SmsProviderConfig &config, qint64 nowMs)
{
    json out = { { "provider", config.provider.isEmpty() ? json(nullptr) : json(config.provider) } };
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral(
            // CASE WHEN, not SUM(condition): PostgreSQL has no SUM over booleans.
            "SELECT COUNT(*), SUM(CASE WHEN d.status IN ('queued', 'sent') THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.status = 'delivered' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN o.sent_at IS NULL AND (d.status IS NULL OR d.status IN ('retry', 'sending')) "
            "AND (o.expires_at IS NULL OR o.expires_at > ?) THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN d.status IN ('failed', 'undelivered') THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = 'in_doubt' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN o.sent_at IS NULL AND d.status IS NULL AND o.expires_at IS NOT NULL AND o.expires_at <= ? THEN 1 ELSE 0 END) "
            "FROM sms_outbox o LEFT JOIN sms_delivery d ON d.sms_id = o.id"),
            nowMs, nowMs);
    q.next();
    out["total"] = q.value(0).toLongLong();
    out["sent"] = q.value(1).toLongLong();
    out["delivered"] = q.value(2).toLongLong();
    out["waiting"] = q.value(3).toLongLong();
    out["failed"] = q.value(4).toLongLong();
    out["in_doubt"] = q.value(5).toLongLong();
    out["expired_unsent"] = q.value(6).toLongLong();
    q.finish();
    QString why;
    if (out["waiting"].get<qint64>() > 0) {
        if (config.provider.isEmpty()) {
            why = QStringLiteral("no SMS provider is configured: %1 is not set").arg(config.missing);
        } else {
            QSqlQuery e = execOrThrow(db.connection(), QStringLiteral("SELECT last_error, next_attempt_at FROM sms_delivery WHERE status = 'retry' "
                                                                      "ORDER BY updated_at DESC LIMIT 1"));
            why = e.next() ? QStringLiteral("waiting to retry after: %1").arg(e.value(0).toString())
                           : QStringLiteral("being sent now");
        }
    }
    out["why_waiting"] = why;
    return out;
}

} // namespace ringside::platforms
