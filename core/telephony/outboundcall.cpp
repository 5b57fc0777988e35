#include "telephony/outboundcall.h"

#include "telephony/streamsigner.h"
#include "telephony/twilioweb.h"
#include "util/jsonqt.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace ringside::telephony {

namespace {

constexpr int kExotelSignatureTtlSeconds = 15 * 60;

QString env(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

QByteArray basic(const QString &user, const QString &secret)
{
    return "Basic " + (user + QLatin1Char(':') + secret).toUtf8().toBase64();
}

// The call's parameters as the gateway reads them from a stream's (or webhook's) query.
QUrlQuery callQuery(const OutboundCall &call)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("agent"), call.agent);
    q.addQueryItem(QStringLiteral("direction"), QStringLiteral("outbound"));
    if (!call.orderId.isEmpty())
        q.addQueryItem(QStringLiteral("order"), call.orderId);
    if (!call.cartId.isEmpty())
        q.addQueryItem(QStringLiteral("cart"), call.cartId);
    if (!call.customerId.isEmpty())
        q.addQueryItem(QStringLiteral("customer"), call.customerId);
    for (const auto &[name, value] : call.webhookParameters)
        q.addQueryItem(name, value);
    return q;
}

QUrl withPath(QUrl base, const QString &path)
{
    QString p = base.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    base.setPath(p + path);
    return base;
}

} // namespace

Result<ProviderCredentials> ProviderCredentials::fromEnvironment(MediaProtocol provider)
{
    ProviderCredentials c;
    auto need = [](const char *name, QString *into) {
        *into = env(name);
        return !into->isEmpty();
    };
    if (provider == MediaProtocol::Twilio) {
        if (!need("TWILIO_ACCOUNT_SID", &c.accountSid))
            return Result<ProviderCredentials>::failure(QStringLiteral("TWILIO_ACCOUNT_SID: environment variable is not set"));
        if (!need("TWILIO_AUTH_TOKEN", &c.secret))
            return Result<ProviderCredentials>::failure(QStringLiteral("TWILIO_AUTH_TOKEN: environment variable is not set"));
        c.user = c.accountSid;
        const QString base = env("TWILIO_API_BASE");
        c.apiBase = QUrl(base.isEmpty() ? QStringLiteral("https://api.twilio.com") : base);
    } else {
        if (!need("EXOTEL_ACCOUNT_SID", &c.accountSid))
            return Result<ProviderCredentials>::failure(QStringLiteral("EXOTEL_ACCOUNT_SID: environment variable is not set"));
        if (!need("EXOTEL_API_KEY", &c.user))
            return Result<ProviderCredentials>::failure(QStringLiteral("EXOTEL_API_KEY: environment variable is not set"));
        if (!need("EXOTEL_API_TOKEN", &c.secret))
            return Result<ProviderCredentials>::failure(QStringLiteral("EXOTEL_API_TOKEN: environment variable is not set"));
        // The gateway refuses Exotel streams without their Basic credentials, and believes the
        // call's parameters only when signed with its stream secret.
        if (!need("EXOTEL_STREAM_CREDENTIALS", &c.streamCredentials))
            return Result<ProviderCredentials>::failure(QStringLiteral("EXOTEL_STREAM_CREDENTIALS: environment variable is not set (KEY:TOKEN, as the gateway has it)"));
        c.streamSecret = qgetenv("RINGSIDE_STREAM_SECRET");
        if (c.streamSecret.isEmpty())
            return Result<ProviderCredentials>::failure(QStringLiteral("RINGSIDE_STREAM_SECRET: environment variable is not set (the gateway's stream secret)"));
        const QString base = env("EXOTEL_API_BASE");
        c.apiBase = QUrl(base.isEmpty() ? QStringLiteral("https://api.in.exotel.com") : base);
    }
    if (!c.apiBase.isValid() || (c.apiBase.scheme() != QLatin1String("https") && c.apiBase.scheme() != QLatin1String("http")))
        return Result<ProviderCredentials>::failure(QStringLiteral("API base URL \"%1\" is not an http(s) URL").arg(c.apiBase.toString()));
    return c;
}

Result<OutboundRequest> buildOutboundRequest(const OutboundCall &call, const ProviderCredentials &credentials)
{
    using R = Result<OutboundRequest>;
    if (call.to.isEmpty())
        return R::failure(QStringLiteral("to: the number to call is missing"));
    if (call.from.isEmpty())
        return R::failure(call.provider == MediaProtocol::Twilio ? QStringLiteral("from: the Twilio number to call from is missing")
                                                                 : QStringLiteral("from: the Exotel caller id (ExoPhone) is missing"));
    if (call.agent.isEmpty())
        return R::failure(QStringLiteral("agent: missing"));
    const QUrl pub = call.publicUrl;
    if (!pub.isValid() || pub.host().isEmpty() || (pub.scheme() != QLatin1String("https") && pub.scheme() != QLatin1String("http")))
        return R::failure(QStringLiteral("public URL: \"%1\" is not the http(s) address the provider reaches the gateway at").arg(pub.toString()));

    OutboundRequest r;
    r.authorization = basic(credentials.user, credentials.secret);
    FormFields form;
    if (call.provider == MediaProtocol::Twilio) {
        r.url = withPath(credentials.apiBase, QStringLiteral("/2010-04-01/Accounts/%1/Calls.json").arg(credentials.accountSid));
        QUrl voice = withPath(pub, QStringLiteral("/twilio/voice"));
        voice.setQuery(callQuery(call));
        form = { { QStringLiteral("To"), call.to }, { QStringLiteral("From"), call.from }, { QStringLiteral("Url"), voice.toString(QUrl::FullyEncoded) } };
        if (!call.statusCallback.isEmpty())
            form.append({ QStringLiteral("StatusCallback"), call.statusCallback });
        if (!call.statusCallback.isEmpty() && !call.statusCallbackEvents.isEmpty())
            form.append({ QStringLiteral("StatusCallbackEvent"), call.statusCallbackEvents });
        if (!call.machineDetection.isEmpty())
            form.append({ QStringLiteral("MachineDetection"), call.machineDetection });
        if (call.timeoutSeconds > 0)
            form.append({ QStringLiteral("Timeout"), QString::number(call.timeoutSeconds) });
    } else {
        r.url = withPath(credentials.apiBase, QStringLiteral("/v1/accounts/%1/calls/connect").arg(credentials.accountSid));
        QUrl stream = withPath(pub, QStringLiteral("/exotel/media"));
        stream.setScheme(pub.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        // Signed and single use, valid for the time the customer's phone may ring.
        QHash<QString, QString> params;
        for (const auto &item : callQuery(call).queryItems(QUrl::FullyDecoded))
            params.insert(item.first, item.second);
        StreamSigner(StreamSigner::keyFrom(credentials.streamSecret, {})).signInto(&params, QString(), kExotelSignatureTtlSeconds);
        QUrlQuery query = callQuery(call);
        query.addQueryItem(QLatin1String(StreamSigner::kParameter), params.value(QLatin1String(StreamSigner::kParameter)));
        stream.setQuery(query);
        if (!credentials.streamCredentials.isEmpty()) {
            const qsizetype colon = credentials.streamCredentials.indexOf(QLatin1Char(':'));
            stream.setUserName(credentials.streamCredentials.left(colon));
            stream.setPassword(colon < 0 ? QString() : credentials.streamCredentials.mid(colon + 1));
        }
        form = { { QStringLiteral("from"), call.to },
                 { QStringLiteral("callerid"), call.from },
                 { QStringLiteral("streamurl"), stream.toString(QUrl::FullyEncoded) },
                 { QStringLiteral("streamtype"), QStringLiteral("bidirectional") } };
        if (!call.statusCallback.isEmpty())
            form.append({ QStringLiteral("statuscallback"), call.statusCallback });
    }
    r.body = encodeForm(form);
    return r;
}

void placeOutboundCall(QNetworkAccessManager &network, MediaProtocol provider, const OutboundRequest &request, int timeoutMs,
                       std::function<void(Result<OutboundResult>)> done)
{
    QNetworkRequest req(request.url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    req.setRawHeader("Authorization", request.authorization);
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.post(req, request.body);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, provider, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
        const QString name = provider == MediaProtocol::Twilio ? QStringLiteral("Twilio") : QStringLiteral("Exotel");
        if (status == 0) {
            done(Result<OutboundResult>::failure(QStringLiteral("%1 API: %2").arg(name, reply->errorString())));
            return;
        }
        if (status < 200 || status >= 300) {
            // Twilio: {"code":20003,"message":"…"}; Exotel: {"RestException":{"Message":"…"}}.
            QString message = stringAt(doc, "message");
            if (message.isEmpty() && doc.is_object() && doc.contains("RestException"))
                message = stringAt(doc["RestException"], "Message");
            if (message.isEmpty())
                message = QString::fromUtf8(body.left(200));
            done(Result<OutboundResult>::failure(QStringLiteral("%1 API answered HTTP %2: %3").arg(name).arg(status).arg(message)));
            return;
        }
        OutboundResult r;
        r.rawBody = body;
        if (provider == MediaProtocol::Twilio) {
            r.callSid = stringAt(doc, "sid");
            r.status = stringAt(doc, "status");
        } else if (doc.is_object() && doc.contains("Call")) {
            r.callSid = stringAt(doc["Call"], "Sid");
            r.status = stringAt(doc["Call"], "Status");
        } else {
            // Exotel answers XML unless asked otherwise: <TwilioResponse><Call><Sid>…</Sid>…<Status>…</Status>
            static const QRegularExpression sid(QStringLiteral("<Sid>([^<]+)</Sid>"));
            static const QRegularExpression state(QStringLiteral("<Status>([^<]+)</Status>"));
            const QString xml = QString::fromUtf8(body);
            r.callSid = sid.match(xml).captured(1).trimmed();
            r.status = state.match(xml).captured(1).trimmed();
        }
        if (r.callSid.isEmpty()) {
            done(Result<OutboundResult>::failure(QStringLiteral("%1 API answered HTTP %2 without a call sid: %3").arg(name).arg(status).arg(QString::fromUtf8(body.left(200)))));
            return;
        }
        done(r);
    });
}

} // namespace ringside::telephony
