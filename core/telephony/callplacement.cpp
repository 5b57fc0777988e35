#include "telephony/callplacement.h"

#include "agent/agentcatalogue.h"
#include "commerce/commercebackend.h"
#include "platforms/storebackend.h"
#include "storage/database.h"
#include "tools/toolcatalogue.h"
#include "util/phone.h"

namespace ringside::telephony {

namespace {

Result<PreparedCall> problem(const QString &text)
{
    return Result<PreparedCall>::failure(text);
}

} // namespace

Result<PreparedCall> prepareOutboundCall(Database &db, const CallPlacementRequest &request)
{
    OutboundCall call;
    call.provider = request.provider;
    call.to = toE164(request.to);
    if (request.to.isEmpty() || call.to.isEmpty())
        return problem(QStringLiteral("--to: \"%1\" is not a phone number (E.164, e.g. +919812345678)").arg(request.to));
    if (request.agent.isEmpty())
        return problem(QStringLiteral("--agent NAME is required"));
    if (!request.orderId.isEmpty() && !request.cartId.isEmpty())
        return problem(QStringLiteral("--order and --cart: give one, not both"));
    const AgentCatalogue catalogue(QString(), toolNames());
    const auto agent = catalogue.find(request.agent);
    if (!agent.ok())
        return problem(QStringLiteral("--agent: %1").arg(agent.error()));
    call.agent = agent->slug;
    call.orderId = request.orderId;
    call.cartId = request.cartId;
    call.statusCallback = request.statusCallback;

    const bool twilio = request.provider == MediaProtocol::Twilio;
    call.from = request.from ? *request.from : qEnvironmentVariable(twilio ? "TWILIO_FROM_NUMBER" : "EXOTEL_CALLER_ID");
    if (call.from.isEmpty())
        return problem(twilio ? QStringLiteral("--from: missing (or set TWILIO_FROM_NUMBER)")
                              : QStringLiteral("--from: missing (or set EXOTEL_CALLER_ID)"));
    const QString url = request.url ? *request.url : qEnvironmentVariable("RINGSIDE_PUBLIC_URL");
    if (url.isEmpty())
        return problem(QStringLiteral("--url: missing (the https address the provider reaches 'serve' at; or set RINGSIDE_PUBLIC_URL)"));
    call.publicUrl = QUrl(url);

    const auto store = platforms::storeBackendFor(db); // the store the call will use
    if (!call.orderId.isEmpty()) {
        const auto order = store->orderById(call.orderId);
        if (!order)
            return problem(QStringLiteral("--order: no order \"%1\" in %2").arg(call.orderId, db.path()));
        call.customerId = order->customerId;
    }
    if (!call.cartId.isEmpty()) {
        const auto cart = store->cartById(call.cartId);
        if (!cart)
            return problem(QStringLiteral("--cart: no cart \"%1\" in %2").arg(call.cartId, db.path()));
        call.customerId = cart->customerId;
    }

    const auto credentials = ProviderCredentials::fromEnvironment(request.provider);
    if (!credentials.ok())
        return problem(credentials.error());
    auto built = buildOutboundRequest(call, credentials.value());
    if (!built.ok())
        return problem(built.error());
    return PreparedCall{ std::move(call), std::move(built).value() };
}

} // namespace ringside::telephony
