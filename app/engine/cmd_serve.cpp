// ringside-engine serve: the call gateway on one port (Twilio/Exotel media, TwiML, the /monitor
// feed, /healthz, /metrics) with the campaign dialer and the shop webhooks. The work lives in
// core/server (EngineServer, started from a checked ServeConfig); this file maps options to
// ServeOptions, runs the event loop and turns SIGTERM/SIGINT into a polite shutdown.
#include "cliutil.h"
#include "provideroptions.h"

#include "commerce/storestats.h"
#include "server/engineserver.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <optional>
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
    const server::ServeOptions defaults;
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
    parser.addOption({ QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("ADDR"), defaults.host });
    parser.addOption({ QStringLiteral("port"), QStringLiteral("Port to listen on (0 picks a free one and prints it)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("token"), QStringLiteral("One console token for /monitor (its holder is the operator \"operator\")."), QStringLiteral("T") });
    parser.addOption({ QStringLiteral("operators"), QStringLiteral("A JSON file of operators and their token hashes: each console is the operator its token names."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("metrics-token"), QStringLiteral("Another token /metrics accepts (a Prometheus scraper)."), QStringLiteral("T") });
    parser.addOption({ QStringLiteral("allow-origin"), QStringLiteral("A browser origin that may open /monitor (repeatable; none by default)."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("max-calls"), QStringLiteral("Concurrent calls; streams beyond are refused (default 500)."), QStringLiteral("N"),
                       defaults.maxCalls });
    parser.addOption({ QStringLiteral("public-url"), QStringLiteral("The URL Twilio reaches this server at (https://…), for TwiML and signatures (default RINGSIDE_PUBLIC_URL)."),
                       QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("number"), QStringLiteral("Route a called number to an agent (repeatable)."), QStringLiteral("E164=AGENT") });
    parser.addOption({ QStringLiteral("default-agent"), QStringLiteral("Agent for numbers not routed (default order-tracker)."),
                       QStringLiteral("AGENT"), defaults.defaultAgent });
    parser.addOption({ QStringLiteral("agents"), QStringLiteral("A folder of your agent files, beside the shipped ones."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("brain"), QStringLiteral("playbook (default, offline) or llm."), QStringLiteral("KIND"), defaults.brain });
    parser.addOption({ QStringLiteral("workers"), QStringLiteral("Engine threads (default: four per CPU core)."), QStringLiteral("N"), defaults.workers });
    parser.addOption({ QStringLiteral("escalation-sla"), QStringLiteral("Seconds an escalated caller waits for an operator before a callback is offered (default 120)."),
                       QStringLiteral("S"), defaults.escalationSlaSeconds });
    parser.addOption({ QStringLiteral("no-stt"), QStringLiteral("Recognize nothing (load tests that inject text).") });
    parser.addOption({ QStringLiteral("allow-text"), QStringLiteral("Accept the {\"event\":\"ringside.text\"} extension on media streams (tests, loadgen --text).") });
    parser.addOption({ QStringLiteral("no-campaigns"), QStringLiteral("Do not run the campaign dialer (docs/campaigns.md).") });
    parser.addOption(providerOption(QStringLiteral("campaign-provider"), QStringLiteral("who places campaign calls.")));
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));

    server::ServeOptions options;
    if (!clockFrom(parser, &options.clock))
        return Usage;
    options.host = parser.value(QStringLiteral("host"));
    options.port = valueIfSet(parser, QStringLiteral("port"));
    options.token = valueIfSet(parser, QStringLiteral("token"));
    options.operatorsFile = valueIfSet(parser, QStringLiteral("operators"));
    options.metricsToken = parser.value(QStringLiteral("metrics-token"));
    options.allowedOrigins = parser.values(QStringLiteral("allow-origin"));
    options.maxCalls = parser.value(QStringLiteral("max-calls"));
    options.publicUrl = valueIfSet(parser, QStringLiteral("public-url"));
    options.numbers = parser.values(QStringLiteral("number"));
    options.defaultAgent = parser.value(QStringLiteral("default-agent"));
    options.agentsFolder = parser.value(QStringLiteral("agents"));
    options.brain = parser.value(QStringLiteral("brain"));
    options.workers = parser.value(QStringLiteral("workers"));
    options.escalationSlaSeconds = parser.value(QStringLiteral("escalation-sla"));
    options.speechRecognition = !parser.isSet(QStringLiteral("no-stt"));
    options.allowText = parser.isSet(QStringLiteral("allow-text"));
    options.campaignProvider.reset();
    if (!parser.isSet(QStringLiteral("no-campaigns"))) {
        QString problem;
        options.campaignProvider = providerFrom(parser, &problem, QStringLiteral("campaign-provider"));
        if (!options.campaignProvider)
            return usageError(problem);
    }
    const auto config = server::serveConfigFrom(options, QProcessEnvironment::systemEnvironment());
    if (!config.ok())
        return usageError(config.error());

    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    if (commerce::storeRecordCount(*db) == 0)
        err(QStringLiteral("notice: the store at %1 is empty; 'ringside-engine store init --demo --db %1' fills it")
                    .arg(parser.value(QStringLiteral("db"))));
    QString error;
    if (!installSignalPipe(&error)) {
        err(QStringLiteral("serve: %1").arg(error));
        return Failed;
    }
    QStringList notices;
    server::StartFailure failure;
    const auto engine = server::EngineServer::start(*db, config.value(), &notices, &failure);
    for (const QString &n : std::as_const(notices))
        err(QStringLiteral("notice: %1").arg(n));
    if (!engine) {
        if (failure.usage)
            return usageError(failure.message);
        err(QStringLiteral("serve: %1").arg(failure.message));
        return Failed;
    }

    const QHostAddress &host = config->host;
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(host.toString()) : host.toString();
    const telephony::GatewayConfig &gateway = config->gateway;
    out(QStringLiteral("listening on http://%1:%2 (POST /twilio/voice, /twilio/status, /exotel/status, /webhooks/shopify, /webhooks/woocommerce; WS /twilio/media, /exotel/media, /monitor%3; GET /healthz, /metrics)")
                .arg(hostText)
                .arg(engine->port())
                .arg(gateway.monitorToken.isEmpty() && gateway.operators.isEmpty() ? QString() : QStringLiteral(" with token")));
    const QString generated = engine->generatedMonitorToken();
    if (!generated.isEmpty())
        out(QStringLiteral("monitor token (generated): %1").arg(generated));

    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&engine] {
        char buf[16];
        while (::read(g_signalPipe[0], buf, sizeof buf) > 0) {
        }
        if (engine->isShuttingDown())
            return;
        err(QStringLiteral("serve: shutting down, ending %1 call(s)").arg(engine->activeCalls()));
        engine->shutdown([] { QCoreApplication::quit(); });
    });
    const int rc = QCoreApplication::exec();
    err(QStringLiteral("serve: stopped after %1 call(s); every call record is written").arg(engine->endedCalls()));
    return rc == 0 ? Ok : Failed;
}

} // namespace ringside::cli
