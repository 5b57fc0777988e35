// ringside-engine call: places an outbound call through Twilio's REST API (or Exotel's connect API)
// so the customer's phone rings and, once answered, streams to a running `serve`. The checks (the
// agent, what the call is about, our number, credentials) and the request live in core/telephony
// (callplacement.h, outboundcall.h); this file maps options to them and prints the provider's answer.
#include "cliutil.h"
#include "provideroptions.h"

#include "storage/database.h"
#include "storage/sqlutil.h"
#include "telephony/callplacement.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("call"), problem);
}

} // namespace

int runCall(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Places an outbound call: the customer's phone rings and, once answered, talks to the agent on the gateway "
            "('ringside-engine serve') at --url. Twilio: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER "
            "(or --from), TWILIO_API_BASE to point elsewhere. Exotel: EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN, "
            "EXOTEL_CALLER_ID (or --from), EXOTEL_STREAM_CREDENTIALS, EXOTEL_API_BASE. Prints the provider's call id as JSON."));
    parser.addOption(dbOption());
    parser.addOption({ QStringLiteral("to"), QStringLiteral("The customer's number (E.164)."), QStringLiteral("E164") });
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Agent slug or name (e.g. delivery-notifier)."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("order"), QStringLiteral("The order the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("cart"), QStringLiteral("The cart the call is about."), QStringLiteral("ID") });
    parser.addOption(providerOption());
    parser.addOption({ QStringLiteral("from"), QStringLiteral("Our number (Twilio From / Exotel caller id)."), QStringLiteral("E164") });
    parser.addOption({ QStringLiteral("url"), QStringLiteral("The public http(s) URL of the gateway (default RINGSIDE_PUBLIC_URL)."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("status-callback"), QStringLiteral("A URL the provider reports call progress to."), QStringLiteral("URL") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    QString problem;
    const auto provider = providerFrom(parser, &problem);
    if (!provider)
        return usageError(problem);
    telephony::CallPlacementRequest request;
    request.provider = *provider;
    request.to = parser.value(QStringLiteral("to"));
    request.agent = parser.value(QStringLiteral("agent"));
    request.orderId = parser.value(QStringLiteral("order"));
    request.cartId = parser.value(QStringLiteral("cart"));
    request.from = valueIfSet(parser, QStringLiteral("from"));
    request.url = valueIfSet(parser, QStringLiteral("url"));
    request.statusCallback = parser.value(QStringLiteral("status-callback"));

    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    std::optional<telephony::PreparedCall> prepared;
    try {
        auto result = telephony::prepareOutboundCall(*db, request);
        if (!result.ok())
            return usageError(result.error());
        prepared = std::move(result).value();
    } catch (const StorageError &e) {
        err(QStringLiteral("call: store: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }

    QNetworkAccessManager network;
    int rc = Failed;
    const telephony::OutboundCall &call = prepared->call;
    telephony::placeOutboundCall(network, call.provider, prepared->request, 15000, [&](Result<telephony::OutboundResult> result) {
        if (!result.ok()) {
            err(QStringLiteral("call: %1").arg(result.error()));
        } else {
            outJson({ { "provider", telephony::protocolName(call.provider) }, { "call_sid", result->callSid }, { "status", result->status },
                      { "to", call.to }, { "agent", call.agent } });
            rc = Ok;
        }
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    return rc;
}

} // namespace ringside::cli
