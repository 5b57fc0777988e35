#include "campaigns/providerclient.h"

#include "util/jsonqt.h"
#include "util/phone.h"

#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>
#include <QUrlQuery>

namespace ringside::campaigns {

namespace {

QUrl withPath(QUrl base, const QString &path)
{
    QString p = base.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    base.setPath(p + path);
    return base;
}

QString jsonText(const json &obj, const char *key)
{
    if (!obj.is_object() || !obj.contains(key))
        return QString();
    const json &v = obj.at(key);
    if (v.is_string())
        return v.get<QString>();
    if (v.is_number_integer())
        return QString::number(v.get<qint64>());
    return QString();
}

ProviderCallInfo twilioCall(const json &c)
{
    ProviderCallInfo info;
    info.callId = jsonText(c, "sid");
    info.status = jsonText(c, "status");
    info.to = jsonText(c, "to");
    info.createdAt = QDateTime::fromString(jsonText(c, "date_created"), Qt::RFC2822Date).toUTC();
    bool ok = false;
    const int d = jsonText(c, "duration").toInt(&ok);
    info.durationS = ok ? d : -1;
    info.answeredBy = jsonText(c, "answered_by");
    return info;
}

ProviderCallInfo exotelCall(const json &c)
{
    ProviderCallInfo info;
    info.callId = jsonText(c, "Sid");
    info.status = normaliseProviderStatus(jsonText(c, "Status"));
    info.to = jsonText(c, "To");
    // Exotel writes local India time without an offset: "2026-11-26 10:00:05".
    QDateTime t = QDateTime::fromString(jsonText(c, "DateCreated"), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (t.isValid()) {
        t.setTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata")));
        info.createdAt = t.toUTC();
    }
    bool ok = false;
    const int d = jsonText(c, "Duration").toInt(&ok);
    info.durationS = ok ? d : -1;
    return info;
}

} // namespace

QString normaliseProviderStatus(const QString &status)
{
    const QString s = status.trimmed().toLower();
    if (s == QLatin1String("no_answer") || s == QLatin1String("noanswer") || s == QLatin1String("no-answer"))
        return QStringLiteral("no-answer");
    if (s == QLatin1String("in_progress") || s == QLatin1String("inprogress") || s == QLatin1String("answered"))
        return QStringLiteral("in-progress");
    if (s == QLatin1String("cancelled"))
        return QStringLiteral("canceled");
    return s;
}

QString exotelCallbackSignature(const QByteArray &secret, qint64 scheduledId)
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash("sc=" + QByteArray::number(scheduledId), secret, QCryptographicHash::Sha256).toHex());
}

Result<DialerIdentity> DialerIdentity::fromEnvironment(telephony::MediaProtocol provider, const QString &publicUrl)
{
    using R = Result<DialerIdentity>;
    DialerIdentity id;
    id.provider = provider;
    const auto credentials = telephony::ProviderCredentials::fromEnvironment(provider);
    if (!credentials.ok())
        return R::failure(credentials.error());
    id.credentials = credentials.value();
    const bool twilio = provider == telephony::MediaProtocol::Twilio;
    id.from = qEnvironmentVariable(twilio ? "TWILIO_FROM_NUMBER" : "EXOTEL_CALLER_ID").trimmed();
    if (id.from.isEmpty())
        return R::failure(twilio ? QStringLiteral("TWILIO_FROM_NUMBER: environment variable is not set (the number campaign calls come from)")
                                 : QStringLiteral("EXOTEL_CALLER_ID: environment variable is not set (the ExoPhone campaign calls come from)"));
    const QString url = publicUrl.isEmpty() ? qEnvironmentVariable("RINGSIDE_PUBLIC_URL").trimmed() : publicUrl;
    id.publicUrl = QUrl(url);
    if (url.isEmpty() || !id.publicUrl.isValid() || id.publicUrl.host().isEmpty()
        || (id.publicUrl.scheme() != QLatin1String("https") && id.publicUrl.scheme() != QLatin1String("http")))
        return R::failure(QStringLiteral("RINGSIDE_PUBLIC_URL: \"%1\" is not the http(s) address the provider reaches 'serve' at").arg(url));
    id.callbackSecret = id.credentials.secret.toUtf8();
    return id;
}

QString DialerIdentity::providerName() const
{
    return provider == telephony::MediaProtocol::Twilio ? QStringLiteral("twilio") : QStringLiteral("exotel");
}

ProviderClient::ProviderClient(QNetworkAccessManager &network, DialerIdentity identity, int timeoutMs)
    : m_network(network), m_identity(std::move(identity)), m_timeoutMs(timeoutMs)
{
}

QString ProviderClient::statusCallbackUrl(qint64 scheduledId) const
{
    const bool twilio = m_identity.provider == telephony::MediaProtocol::Twilio;
    QUrl url = withPath(m_identity.publicUrl, twilio ? QStringLiteral("/twilio/status") : QStringLiteral("/exotel/status"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("sc"), QString::number(scheduledId));
    if (!twilio)
        q.addQueryItem(QStringLiteral("sig"), exotelCallbackSignature(m_identity.callbackSecret, scheduledId));
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}

telephony::OutboundCall ProviderClient::outboundCall(const ScheduledCall &c, const CampaignRules::Dialer &rules) const
{
    telephony::OutboundCall call;
    call.provider = m_identity.provider;
    call.to = c.phone;
    call.from = m_identity.from;
    call.agent = c.agent;
    call.orderId = c.orderId;
    call.cartId = c.cartId;
    call.customerId = c.customerId;
    call.publicUrl = m_identity.publicUrl;
    call.statusCallback = statusCallbackUrl(c.id);
    if (m_identity.provider == telephony::MediaProtocol::Twilio) {
        call.statusCallbackEvents = QStringLiteral("initiated ringing answered completed");
        call.timeoutSeconds = rules.ringTimeoutSeconds;
        if (rules.machineDetection) {
            call.machineDetection = rules.voicemail.isEmpty() ? QStringLiteral("Enable") : QStringLiteral("DetectMessageEnd");
            call.webhookParameters.append({ QStringLiteral("amd"), QStringLiteral("1") });
            if (!rules.voicemail.isEmpty())
                call.webhookParameters.append({ QStringLiteral("voicemail"), rules.voicemail });
        }
    }
    call.webhookParameters.append({ QStringLiteral("campaign_call"), QString::number(c.id) });
    // The language the agent speaks on this call (its variant's when the catalogue has one): the
    // gateway's CallAssembly runs that variant.
    const QString language = c.agentLanguage.isEmpty() ? c.language : c.agentLanguage;
    if (!language.isEmpty())
        call.webhookParameters.append({ QStringLiteral("language"), language });
    return call;
}

void ProviderClient::place(const ScheduledCall &c, const CampaignRules::Dialer &rules, std::function<void(Result<telephony::OutboundResult>)> done)
{
    const auto request = telephony::buildOutboundRequest(outboundCall(c, rules), m_identity.credentials);
    if (!request.ok()) {
        done(Result<telephony::OutboundResult>::failure(request.error()));
        return;
    }
    telephony::placeOutboundCall(m_network, m_identity.provider, request.value(), m_timeoutMs, std::move(done));
}

void ProviderClient::get(const QUrl &url, std::function<void(int, const QByteArray &, const QString &)> done)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Basic " + (m_identity.credentials.user + QLatin1Char(':') + m_identity.credentials.secret).toUtf8().toBase64());
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network.get(req);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(status, reply->readAll(), status == 0 ? reply->errorString() : QString());
    });
}

void ProviderClient::findCalls(const QString &to, const QDateTime &since, std::function<void(Result<std::vector<ProviderCallInfo>>)> done)
{
    using R = Result<std::vector<ProviderCallInfo>>;
    const bool twilio = m_identity.provider == telephony::MediaProtocol::Twilio;
    const QString sid = m_identity.credentials.accountSid;
    QUrl url = withPath(m_identity.credentials.apiBase, twilio ? QStringLiteral("/2010-04-01/Accounts/%1/Calls.json").arg(sid)
                                                               : QStringLiteral("/v1/Accounts/%1/Calls.json").arg(sid));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("To"), to);
    if (twilio) {
        q.addQueryItem(QStringLiteral("PageSize"), QStringLiteral("50"));
    } else {
        q.addQueryItem(QStringLiteral("SortBy"), QStringLiteral("DateCreated:desc"));
        q.addQueryItem(QStringLiteral("PageSize"), QStringLiteral("50"));
    }
    url.setQuery(q);
    const QString name = m_identity.providerName();
    get(url, [twilio, to, since, name, done = std::move(done)](int status, const QByteArray &body, const QString &error) {
        if (status < 200 || status >= 300) {
            done(R::failure(QStringLiteral("%1 call list: %2").arg(name, error.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : error)));
            return;
        }
        const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        const char *key = twilio ? "calls" : "Calls";
        if (!doc.is_object() || !doc.contains(key) || !doc.at(key).is_array()) {
            done(R::failure(QStringLiteral("%1 call list: no \"%2\" array in the answer").arg(name, QLatin1String(key))));
            return;
        }
        std::vector<ProviderCallInfo> out;
        // Clocks differ: a call made up to two minutes "before" `since` may still be ours.
        const QDateTime from = since.addSecs(-120);
        for (const json &c : doc.at(key)) {
            ProviderCallInfo info = twilio ? twilioCall(c) : exotelCall(c);
            if (nationalNumber(info.to) != nationalNumber(to))
                continue;
            if (!info.createdAt.isValid() || info.createdAt >= from)
                out.push_back(info);
        }
        done(out);
    });
}

void ProviderClient::fetchCall(const QString &callId, std::function<void(Result<ProviderCallInfo>)> done)
{
    using R = Result<ProviderCallInfo>;
    const bool twilio = m_identity.provider == telephony::MediaProtocol::Twilio;
    const QString sid = m_identity.credentials.accountSid;
    const QUrl url = withPath(m_identity.credentials.apiBase, twilio ? QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json").arg(sid, callId)
                                                                     : QStringLiteral("/v1/Accounts/%1/Calls/%2.json").arg(sid, callId));
    const QString name = m_identity.providerName();
    get(url, [twilio, name, callId, done = std::move(done)](int status, const QByteArray &body, const QString &error) {
        if (status < 200 || status >= 300) {
            done(R::failure(QStringLiteral("%1 call %2: %3").arg(name, callId, error.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : error)));
            return;
        }
        const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        if (!doc.is_object()) {
            done(R::failure(QStringLiteral("%1 call %2: the answer is not JSON").arg(name, callId)));
            return;
        }
        ProviderCallInfo info = twilio ? twilioCall(doc) : exotelCall(doc.contains("Call") ? doc.at("Call") : doc);
        if (info.callId.isEmpty())
            info.callId = callId;
        done(info);
    });
}

} // namespace ringside::campaigns
