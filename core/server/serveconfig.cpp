#include "server/serveconfig.h"

#include "util/phone.h"
#include "util/wholenumber.h"

#include <QUrl>

namespace ringside::server {

namespace {

Result<ServeConfig> problem(const QString &text)
{
    return Result<ServeConfig>::failure(text);
}

} // namespace

Result<ServeConfig> serveConfigFrom(const ServeOptions &options, const QProcessEnvironment &environment)
{
    ServeConfig config;
    const auto port = wholeNumberIn(options.port.value_or(QString()), 0, 65535);
    if (!options.port || !port)
        return problem(QStringLiteral("--port: required, a number from 0 to 65535"));
    config.port = quint16(*port);
    config.host = QHostAddress(options.host);
    if (config.host.isNull())
        return problem(QStringLiteral("--host: \"%1\" is not an IP address").arg(options.host));

    telephony::GatewayConfig &gateway = config.gateway;
    gateway.clock = options.clock;
    const auto workers = wholeNumberIn(options.workers, 0, 256);
    if (!workers)
        return problem(QStringLiteral("--workers: must be a number from 0 to 256"));
    gateway.workers = *workers;
    const auto slaSeconds = wholeNumberIn(options.escalationSlaSeconds, 1, 86400);
    if (!slaSeconds)
        return problem(QStringLiteral("--escalation-sla: must be whole seconds from 1 to 86400"));
    gateway.escalationSlaMs = *slaSeconds * 1000;
    if (options.brain != QLatin1String("playbook") && options.brain != QLatin1String("llm"))
        return problem(QStringLiteral("--brain: \"%1\" is not playbook or llm").arg(options.brain));
    gateway.brainKind = options.brain;
    gateway.monitorToken = options.token ? *options.token : environment.value(QStringLiteral("RINGSIDE_MONITOR_TOKEN"));
    gateway.publicUrl = options.publicUrl ? *options.publicUrl : environment.value(QStringLiteral("RINGSIDE_PUBLIC_URL")).trimmed();
    if (!gateway.publicUrl.isEmpty()) {
        const QUrl url(gateway.publicUrl);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
            return problem(QStringLiteral("--public-url: \"%1\" is not an http(s) URL").arg(gateway.publicUrl));
    }
    if (options.operatorsFile) {
        auto operators = telephony::readOperatorCredentials(*options.operatorsFile);
        if (!operators.ok())
            return problem(QStringLiteral("--operators: %1").arg(operators.error()));
        gateway.operators = operators.value();
    }
    gateway.metricsToken = options.metricsToken;
    gateway.allowedOrigins = options.allowedOrigins;
    const auto maxCalls = wholeNumberIn(options.maxCalls, 1, 100000);
    if (!maxCalls)
        return problem(QStringLiteral("--max-calls: must be a number from 1 to 100000"));
    gateway.limits.maxCalls = *maxCalls;
    gateway.twilioAuthToken = environment.value(QStringLiteral("TWILIO_AUTH_TOKEN")).toUtf8();
    gateway.streamSecret = environment.value(QStringLiteral("RINGSIDE_STREAM_SECRET")).toUtf8();
    gateway.exotelCredentials = environment.value(QStringLiteral("EXOTEL_STREAM_CREDENTIALS"));
    gateway.defaultInboundAgent = options.defaultAgent;
    gateway.agentsFolder = options.agentsFolder;
    for (const QString &route : options.numbers) {
        const qsizetype eq = route.indexOf(QLatin1Char('='));
        const QString number = toE164(route.left(eq).trimmed());
        if (eq <= 0 || number.isEmpty() || route.mid(eq + 1).trimmed().isEmpty())
            return problem(QStringLiteral("--number: \"%1\" is not E164=AGENT").arg(route));
        gateway.numberAgents.insert(number, route.mid(eq + 1).trimmed());
    }
    gateway.speechRecognition = options.speechRecognition;
    gateway.allowTextInjection = options.allowText;
    config.campaignProvider = options.campaignProvider;
    return config;
}

} // namespace ringside::server
