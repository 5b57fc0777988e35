// ringside-engine call: places an outbound call through Twilio's REST API (or Exotel's connect API)
// so the customer's phone rings and, once answered, streams to a running `serve`. Checks the agent
// and what the call is about against the store first. The request is built in core/telephony.
#include "cliutil.h"

#include "agent/agentcatalogue.h"
#include "commerce/commercebackend.h"
#include "platforms/storebackend.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "telephony/outboundcall.h"
#include "tools/toolcatalogue.h"
#include "util/phone.h"

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
    parser.addOption({ QStringLiteral("provider"), QStringLiteral("twilio (default) or exotel."), QStringLiteral("NAME"), QStringLiteral("twilio") });
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
    const QString rawTo = parser.value(QStringLiteral("to"));
    const QString to = toE164(rawTo);
    if (rawTo.isEmpty() || to.isEmpty())
        return usageError(QStringLiteral("--to: \"%1\" is not a phone number (E.164, e.g. +919812345678)").arg(rawTo));
    if (parser.value(QStringLiteral("agent")).isEmpty())
        return usageError(QStringLiteral("--agent NAME is required"));
    if (parser.isSet(QStringLiteral("order")) && parser.isSet(QStringLiteral("cart")))
        return usageError(QStringLiteral("--order and --cart: give one, not both"));
    const QString providerName = parser.value(QStringLiteral("provider"));
    telephony::MediaProtocol provider;
    if (!providerFrom(providerName, &provider))
        return usageError(QStringLiteral("--provider: \"%1\" is not twilio or exotel").arg(providerName));

    const AgentCatalogue catalogue(QString(), toolNames());
    const auto agent = catalogue.find(parser.value(QStringLiteral("agent")));
    if (!agent.ok())
        return usageError(QStringLiteral("--agent: %1").arg(agent.error()));

    telephony::OutboundCall call;
    call.provider = provider;
    call.to = to;
    call.agent = agent->slug;
    call.orderId = parser.value(QStringLiteral("order"));
    call.cartId = parser.value(QStringLiteral("cart"));
    call.statusCallback = parser.value(QStringLiteral("status-callback"));
    call.from = parser.isSet(QStringLiteral("from")) ? parser.value(QStringLiteral("from"))
                                                     : qEnvironmentVariable(provider == telephony::MediaProtocol::Twilio ? "TWILIO_FROM_NUMBER" : "EXOTEL_CALLER_ID");
    if (call.from.isEmpty())
        return usageError(provider == telephony::MediaProtocol::Twilio ? QStringLiteral("--from: missing (or set TWILIO_FROM_NUMBER)")
                                                                       : QStringLiteral("--from: missing (or set EXOTEL_CALLER_ID)"));
    const QString url = parser.isSet(QStringLiteral("url")) ? parser.value(QStringLiteral("url")) : qEnvironmentVariable("RINGSIDE_PUBLIC_URL");
    if (url.isEmpty())
        return usageError(QStringLiteral("--url: missing (the https address the provider reaches 'serve' at; or set RINGSIDE_PUBLIC_URL)"));
    call.publicUrl = QUrl(url);

    // The subject must exist: a call about a missing order would only confuse the customer.
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    try {
        const auto store = platforms::storeBackendFor(*db); // the store the call will use
        if (!call.orderId.isEmpty()) {
            const auto order = store->orderById(call.orderId);
            if (!order)
                return usageError(QStringLiteral("--order: no order \"%1\" in %2").arg(call.orderId, parser.value(QStringLiteral("db"))));
            call.customerId = order->customerId;
        }
        if (!call.cartId.isEmpty()) {
            const auto cart = store->cartById(call.cartId);
            if (!cart)
                return usageError(QStringLiteral("--cart: no cart \"%1\" in %2").arg(call.cartId, parser.value(QStringLiteral("db"))));
            call.customerId = cart->customerId;
        }
    } catch (const StorageError &e) {
        err(QStringLiteral("call: store: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }

    const auto credentials = telephony::ProviderCredentials::fromEnvironment(provider);
    if (!credentials.ok())
        return usageError(credentials.error());
    const auto request = telephony::buildOutboundRequest(call, credentials.value());
    if (!request.ok())
        return usageError(request.error());

    QNetworkAccessManager network;
    int rc = Failed;
    telephony::placeOutboundCall(network, provider, request.value(), 15000, [&](Result<telephony::OutboundResult> result) {
        if (!result.ok()) {
            err(QStringLiteral("call: %1").arg(result.error()));
        } else {
            outJson({ { "provider", providerName }, { "call_sid", result->callSid }, { "status", result->status },
                      { "to", to }, { "agent", call.agent } });
            rc = Ok;
        }
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    return rc;
}

} // namespace ringside::cli
