// ringside-engine serve: the call gateway on one port (Twilio/Exotel media, TwiML, the /monitor
// feed, /healthz, /metrics). The work lives in core/telephony; this file maps options to a
// GatewayConfig, runs the event loop and turns SIGTERM/SIGINT into a polite shutdown.
#include "cliutil.h"
#include "platformruntime.h"

#include "campaigns/campaignservice.h"
#include "campaigns/shopcartcheck.h"
#include "commerce/storestats.h"
#include "storage/database.h"
#include "telephony/agentdirectory.h"
#include "telephony/gatewayruntime.h"
#include "telephony/operatorcredentials.h"
#include "util/phone.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("serve"), problem);
}

// Signal handlers may only do async-signal-safe things: write one byte to a pipe that the event
// loop watches (the self-pipe trick).
int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalPipe(QString *error)
{
    if (::pipe(g_signalPipe) != 0) {
        *error = QStringLiteral("cannot create the signal pipe");
        return false;
    }
    for (int fd : g_signalPipe)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    struct sigaction action{};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    return true;
}

} // namespace

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Runs the call gateway on one port: POST /twilio/voice (TwiML), WS /twilio/media and /exotel/media "
            "(live calls), WS /monitor (consoles; docs/monitor-protocol.md), GET /healthz and /metrics; the campaign dialer "
            "(POST /twilio/status, /exotel/status; docs/campaigns.md) and the shop webhooks (docs/platforms.md). "
            "SIGTERM or Ctrl-C ends every call politely and writes its record before exiting. "
            "Environment: TWILIO_AUTH_TOKEN (webhook signatures; signs stream parameters when RINGSIDE_STREAM_SECRET is "
            "not set), RINGSIDE_STREAM_SECRET (signs stream parameters; media streams are refused without one of the two), "
            "EXOTEL_STREAM_CREDENTIALS (KEY:TOKEN Exotel must present; Exotel is refused without), RINGSIDE_MONITOR_TOKEN "
            "(instead of --token). See docs/telephony.md and docs/security.md."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("ADDR"),
                       QStringLiteral("127.0.0.1") });
    parser.addOption({ QStringLiteral("port"), QStringLiteral("Port to listen on (0 picks a free one and prints it)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("token"), QStringLiteral("One console token for /monitor (its holder is the operator \"operator\")."), QStringLiteral("T") });
    parser.addOption({ QStringLiteral("operators"), QStringLiteral("A JSON file of operators and their token hashes: each console is the operator its token names."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("metrics-token"), QStringLiteral("Another token /metrics accepts (a Prometheus scraper)."), QStringLiteral("T") });
    parser.addOption({ QStringLiteral("allow-origin"), QStringLiteral("A browser origin that may open /monitor (repeatable; none by default)."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("max-calls"), QStringLiteral("Concurrent calls; streams beyond are refused (default 500)."), QStringLiteral("N"),
                       QStringLiteral("500") });
    parser.addOption({ QStringLiteral("public-url"), QStringLiteral("The URL Twilio reaches this server at (https://…), for TwiML and signatures (default RINGSIDE_PUBLIC_URL)."),
                       QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("number"), QStringLiteral("Route a called number to an agent (repeatable)."), QStringLiteral("E164=AGENT") });
    parser.addOption({ QStringLiteral("default-agent"), QStringLiteral("Agent for numbers not routed (default order-tracker)."),
                       QStringLiteral("AGENT"), QStringLiteral("order-tracker") });
    parser.addOption({ QStringLiteral("agents"), QStringLiteral("A folder of your agent files, beside the shipped ones."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("brain"), QStringLiteral("playbook (default, offline) or llm."), QStringLiteral("KIND"),
                       QStringLiteral("playbook") });
    parser.addOption({ QStringLiteral("workers"), QStringLiteral("Engine threads (default: four per CPU core)."), QStringLiteral("N"),
                       QStringLiteral("0") });
    parser.addOption({ QStringLiteral("escalation-sla"), QStringLiteral("Seconds an escalated caller waits for an operator before a callback is offered (default 120)."),
                       QStringLiteral("S"), QStringLiteral("120") });
    parser.addOption({ QStringLiteral("no-stt"), QStringLiteral("Recognize nothing (load tests that inject text).") });
    parser.addOption({ QStringLiteral("allow-text"), QStringLiteral("Accept the {\"event\":\"ringside.text\"} extension on media streams (tests, loadgen --text).") });
    parser.addOption({ QStringLiteral("no-campaigns"), QStringLiteral("Do not run the campaign dialer (docs/campaigns.md).") });
    parser.addOption({ QStringLiteral("campaign-provider"), QStringLiteral("twilio (default) or exotel: who places campaign calls."), QStringLiteral("NAME"),
                       QStringLiteral("twilio") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    int port = -1;
    if (!parser.isSet(QStringLiteral("port")) || !intIn(parser.value(QStringLiteral("port")), 0, 65535, &port))
        return usageError(QStringLiteral("--port: required, a number from 0 to 65535"));
    const QHostAddress host(parser.value(QStringLiteral("host")));
    if (host.isNull())
        return usageError(QStringLiteral("--host: \"%1\" is not an IP address").arg(parser.value(QStringLiteral("host"))));

    telephony::GatewayConfig config;
    if (!clockFrom(parser, &config.clock))
        return Usage;
    if (!intIn(parser.value(QStringLiteral("workers")), 0, 256, &config.workers))
        return usageError(QStringLiteral("--workers: must be a number from 0 to 256"));
    int slaSeconds = 0;
    if (!intIn(parser.value(QStringLiteral("escalation-sla")), 1, 86400, &slaSeconds))
        return usageError(QStringLiteral("--escalation-sla: must be whole seconds from 1 to 86400"));
    config.escalationSlaMs = slaSeconds * 1000;
    const QString brain = parser.value(QStringLiteral("brain"));
    if (brain != QLatin1String("playbook") && brain != QLatin1String("llm"))
        return usageError(QStringLiteral("--brain: \"%1\" is not playbook or llm").arg(brain));
    config.brainKind = brain;
    config.monitorToken = parser.isSet(QStringLiteral("token")) ? parser.value(QStringLiteral("token"))
                                                                : qEnvironmentVariable("RINGSIDE_MONITOR_TOKEN");
    config.publicUrl = parser.isSet(QStringLiteral("public-url")) ? parser.value(QStringLiteral("public-url"))
                                                                   : qEnvironmentVariable("RINGSIDE_PUBLIC_URL").trimmed();
    if (!config.publicUrl.isEmpty()) {
        const QUrl url(config.publicUrl);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
            return usageError(QStringLiteral("--public-url: \"%1\" is not an http(s) URL").arg(config.publicUrl));
    }
    if (parser.isSet(QStringLiteral("operators"))) {
        auto operators = telephony::readOperatorCredentials(parser.value(QStringLiteral("operators")));
        if (!operators.ok())
            return usageError(QStringLiteral("--operators: %1").arg(operators.error()));
        config.operators = operators.value();
    }
    config.metricsToken = parser.value(QStringLiteral("metrics-token"));
    config.allowedOrigins = parser.values(QStringLiteral("allow-origin"));
    if (!intIn(parser.value(QStringLiteral("max-calls")), 1, 100000, &config.limits.maxCalls))
        return usageError(QStringLiteral("--max-calls: must be a number from 1 to 100000"));
    config.twilioAuthToken = qgetenv("TWILIO_AUTH_TOKEN");
    config.streamSecret = qgetenv("RINGSIDE_STREAM_SECRET");
    config.exotelCredentials = qEnvironmentVariable("EXOTEL_STREAM_CREDENTIALS");
    config.defaultInboundAgent = parser.value(QStringLiteral("default-agent"));
    config.agentsFolder = parser.value(QStringLiteral("agents"));
    for (const QString &route : parser.values(QStringLiteral("number"))) {
        const qsizetype eq = route.indexOf(QLatin1Char('='));
        const QString number = toE164(route.left(eq).trimmed());
        if (eq <= 0 || number.isEmpty() || route.mid(eq + 1).trimmed().isEmpty())
            return usageError(QStringLiteral("--number: \"%1\" is not E164=AGENT").arg(route));
        config.numberAgents.insert(number, route.mid(eq + 1).trimmed());
    }
    config.speechRecognition = !parser.isSet(QStringLiteral("no-stt"));
    config.allowTextInjection = parser.isSet(QStringLiteral("allow-text"));

    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    if (commerce::storeRecordCount(*db) == 0)
        err(QStringLiteral("notice: the store at %1 is empty; 'ringside-engine store init --demo --db %1' fills it")
                    .arg(parser.value(QStringLiteral("db"))));

    QStringList notices;
    auto runtime = telephony::GatewayRuntime::create(*db, config, &notices);
    for (const QString &n : std::as_const(notices))
        err(QStringLiteral("notice: %1").arg(n));
    if (!runtime.ok()) {
        err(QStringLiteral("serve: %1").arg(runtime.error()));
        return Failed;
    }
    telephony::GatewayRuntime &rt = *runtime.value();
    for (auto it = config.numberAgents.cbegin(); it != config.numberAgents.cend(); ++it) {
        const auto agent = rt.agents().find(it.value());
        if (!agent.ok())
            return usageError(QStringLiteral("--number %1: %2").arg(it.key(), agent.error()));
    }

    QString error;
    if (!installSignalPipe(&error)) {
        err(QStringLiteral("serve: %1").arg(error));
        return Failed;
    }
    const quint16 bound = rt.listen(host, quint16(port), &error);
    if (bound == 0) {
        err(QStringLiteral("serve: %1").arg(error));
        return Failed;
    }
    // The campaign dialer: plans and places outbound calls, takes /twilio/status and /exotel/status.
    std::unique_ptr<campaigns::CampaignService> dialer;
    if (!parser.isSet(QStringLiteral("no-campaigns"))) {
        const QString providerName = parser.value(QStringLiteral("campaign-provider"));
        telephony::MediaProtocol provider;
        if (!providerFrom(providerName, &provider))
            return usageError(QStringLiteral("--campaign-provider: \"%1\" is not twilio or exotel").arg(providerName));
        QString notice;
        auto options = campaigns::CampaignService::fromEnvironment(provider, config.publicUrl, config.clock, config.agentsFolder, &notice);
        if (!notice.isEmpty())
            err(QStringLiteral("notice: %1").arg(notice));
        // A cart-recovery call asks a connected shop first whether the checkout is still abandoned.
        options.dialer.cartCheck = campaigns::shopCartCheck(*db, platforms::PlatformCredentials::fromEnvironment());
        dialer = std::make_unique<campaigns::CampaignService>(*db, rt.gateway(), rt.server(), std::move(options));
    }

    // Shop webhooks, the write-back outbox and the SMS sender (docs/platforms.md).
    // Declared after the dialer: its threads stop first, so the nudge never outlives the dialer.
    // An applied webhook that changed orders or carts wakes the dialer's scan at once.
    campaigns::StoreChangeNudge nudge([&dialer] {
        if (dialer)
            dialer->nudge();
    });
    PlatformRuntime platforms(*db, config.clock);
    platforms.serveWebhooks(rt.server(), &nudge);
    for (const QString &n : platforms.notices())
        err(QStringLiteral("notice: %1").arg(n));
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(host.toString()) : host.toString();
    out(QStringLiteral("listening on http://%1:%2 (POST /twilio/voice, /twilio/status, /exotel/status, /webhooks/shopify, /webhooks/woocommerce; WS /twilio/media, /exotel/media, /monitor%3; GET /healthz, /metrics)")
                .arg(hostText)
                .arg(bound)
                .arg(config.monitorToken.isEmpty() && config.operators.isEmpty() ? QString() : QStringLiteral(" with token")));
    const QString generated = rt.server().generatedMonitorToken();
    if (!generated.isEmpty())
        out(QStringLiteral("monitor token (generated): %1").arg(generated));
    if (config.streamSecret.isEmpty() && config.twilioAuthToken.isEmpty())
        err(QStringLiteral("notice: neither RINGSIDE_STREAM_SECRET nor TWILIO_AUTH_TOKEN is set: media streams are refused"));
    if (config.exotelCredentials.isEmpty())
        err(QStringLiteral("notice: EXOTEL_STREAM_CREDENTIALS is not set: Exotel streams are refused"));

    telephony::Gateway &gateway = rt.gateway();
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        char buf[16];
        while (::read(g_signalPipe[0], buf, sizeof buf) > 0) {
        }
        if (gateway.isShuttingDown())
            return;
        err(QStringLiteral("serve: shutting down, ending %1 call(s)").arg(gateway.activeCalls()));
        if (dialer)
            dialer->stop();
        rt.server().stopListening();
        gateway.shutdown([] { QCoreApplication::quit(); });
    });
    quint64 ended = 0;
    QObject::connect(&gateway, &telephony::Gateway::callEnded, &gateway, [&ended] { ++ended; });
    const int rc = QCoreApplication::exec();
    err(QStringLiteral("serve: stopped after %1 call(s); every call record is written").arg(ended));
    return rc == 0 ? Ok : Failed;
}

} // namespace ringside::cli
