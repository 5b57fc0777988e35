#include "engine/sessionfactory.h"

#include <exception>

namespace ringside {

Result<std::unique_ptr<Session>> createSession(const SessionRequest &request, const EngineServices &services,
                                               QStringList *notices)
{
    using R = Result<std::unique_ptr<Session>>;
    ResolvedCall call;
    try {
        auto resolved = VariableResolver(services.store, request.clock.now()).resolve(request.agent, request.subject);
        if (!resolved.ok())
            return R::failure(resolved.error());
        call = std::move(resolved).value();
    } catch (const std::exception &e) {
        return R::failure(QStringLiteral("the store could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    if (notices)
        *notices << call.notices;

    BrainSetup setup;
    setup.agent = request.agent;
    setup.agentPath = request.agentPath;
    setup.variables = call.variables;
    setup.analyser = services.analyser;
    setup.playbook = request.playbook;
    setup.environment = request.environment;
    QString error;
    std::unique_ptr<Brain> brain = createBrain(request.brainKind, setup, &error);
    if (!brain)
        return R::failure(error);

    SessionConfig config;
    config.agent = request.agent;
    config.variables = call.variables;
    config.customerId = call.customerId;
    config.orderId = call.orderId;
    config.cartId = call.cartId;
    config.callerPhone = request.subject.callerPhone;
    config.channel = request.channel;
    config.clock = request.clock;
    config.endOnEscalation = request.endOnEscalation;
    SessionServices sessionServices{ services.tools, services.store, services.observer };
    return R(std::make_unique<Session>(std::move(config), sessionServices, std::move(brain)));
}

} // namespace ringside
