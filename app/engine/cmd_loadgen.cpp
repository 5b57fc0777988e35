// ringside-engine loadgen: C stand-in Twilio callers against a running gateway, speaking the
// recordings in a folder at real-time pace and listening; reports what callers would notice and
// what the engine spent. The work lives in core/telephony (LoadGenerator, StandInCaller).
#include "cliutil.h"

#include "speech/espeaktts.h"
#include "telephony/loadgenerator.h"
#include "telephony/loadscript.h"

#include <QCoreApplication>
#include <QFile>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("loadgen"), problem);
}

} // namespace

int runLoadgen(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Calls a running gateway with C concurrent stand-in Twilio callers for S seconds. Each waits for the agent to "
            "finish, speaks the next recording from --utterances (WAV at any rate, or raw 8 kHz .ulaw) at real-time pace, "
            "and listens. Reports answered calls, late or dropped outbound frames, turn latency p50/p95/p99 and engine CPU "
            "(from the gateway's /healthz). --script FILE speaks 'kind | words [| expected ID]' lines in several espeak-ng "
            "voices (one per caller) and reports latency per kind and the IDs the agent looked up (watched on /monitor). "
            "--text FILE sends typed turns instead (serve --allow-text). The calls are signed as the gateway's TwiML "
            "would sign them: RINGSIDE_STREAM_SECRET (or TWILIO_AUTH_TOKEN) must be the gateway's."));
    parser.addOption({ QStringLiteral("url"), QStringLiteral("The gateway's media URL, ws://HOST:PORT/twilio/media."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("calls"), QStringLiteral("Concurrent calls (default 1)."), QStringLiteral("C"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("duration"), QStringLiteral("Seconds each call lasts (default 30)."), QStringLiteral("S"), QStringLiteral("30") });
    parser.addOption({ QStringLiteral("utterances"), QStringLiteral("A folder of .wav/.ulaw recordings of the caller's turns."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("text"), QStringLiteral("A file with one typed caller turn per line (instead of --utterances)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("script"), QStringLiteral("A spoken-call script: 'kind | words [| expected ID]' per line, synthesized at 8 kHz."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("monitor-token"), QStringLiteral("The gateway's /monitor token, to see the IDs looked up (default: RINGSIDE_MONITOR_TOKEN)."), QStringLiteral("T") });
    parser.addOption({ QStringLiteral("ramp"), QStringLiteral("Milliseconds between dials (default 50)."), QStringLiteral("MS"), QStringLiteral("50") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print the report as JSON.") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));

    telephony::LoadGenerator::Config config;
    config.url = QUrl(parser.value(QStringLiteral("url")));
    if (!config.url.isValid() || (config.url.scheme() != QLatin1String("ws") && config.url.scheme() != QLatin1String("wss")) || config.url.host().isEmpty())
        return usageError(QStringLiteral("--url: \"%1\" is not a ws:// or wss:// URL").arg(parser.value(QStringLiteral("url"))));
    if (config.url.path() != QLatin1String("/twilio/media"))
        return usageError(QStringLiteral("--url: the path must be /twilio/media (the stand-in callers speak Twilio's protocol)"));
    if (!intIn(parser.value(QStringLiteral("calls")), 1, 5000, &config.calls))
        return usageError(QStringLiteral("--calls: must be a number from 1 to 5000"));
    if (!intIn(parser.value(QStringLiteral("duration")), 1, 86400, &config.durationSeconds))
        return usageError(QStringLiteral("--duration: must be whole seconds from 1 to 86400"));
    if (!intIn(parser.value(QStringLiteral("ramp")), 0, 60000, &config.rampMs))
        return usageError(QStringLiteral("--ramp: must be milliseconds from 0 to 60000"));
    const bool hasUtterances = parser.isSet(QStringLiteral("utterances"));
    const bool hasText = parser.isSet(QStringLiteral("text"));
    const bool hasScript = parser.isSet(QStringLiteral("script"));
    if (int(hasUtterances) + int(hasText) + int(hasScript) != 1)
        return usageError(QStringLiteral("give --utterances DIR, --script FILE or --text FILE (one of them)"));
    if (hasUtterances) {
        QStringList names;
        auto utterances = telephony::LoadGenerator::readUtterances(parser.value(QStringLiteral("utterances")), &names);
        if (!utterances.ok())
            return usageError(QStringLiteral("--utterances: %1").arg(utterances.error()));
        config.utterances = std::move(utterances).value();
        for (const QString &name : std::as_const(names))
            config.utteranceKinds << telephony::turnKindFromFileName(name);
        err(QStringLiteral("loadgen: %1 utterance(s): %2").arg(names.size()).arg(names.join(QStringLiteral(", "))));
    } else if (hasScript) {
        auto lines = telephony::readCallScript(parser.value(QStringLiteral("script")));
        if (!lines.ok())
            return usageError(QStringLiteral("--script: %1").arg(lines.error()));
        EspeakTts tts;
        if (!tts.isAvailable()) {
            err(QStringLiteral("loadgen: espeak-ng: %1").arg(tts.initError()));
            return Failed;
        }
        auto scripts = telephony::synthesizeCallScripts(tts, lines.value(), telephony::defaultScriptVoices());
        if (!scripts.ok()) {
            err(QStringLiteral("loadgen: --script: %1").arg(scripts.error()));
            return Failed;
        }
        config.scripts = std::move(scripts).value();
        err(QStringLiteral("loadgen: %1 turn(s) in %2 voices").arg(lines->size()).arg(config.scripts.size()));
    } else {
        QFile file(parser.value(QStringLiteral("text")));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(QStringLiteral("--text: %1: %2").arg(file.fileName(), file.errorString()));
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                config.texts << line.trimmed();
        }
        if (config.texts.isEmpty())
            return usageError(QStringLiteral("--text: %1 has no non-empty line").arg(file.fileName()));
    }
    config.monitorToken = parser.isSet(QStringLiteral("monitor-token")) ? parser.value(QStringLiteral("monitor-token"))
                                                                        : QString::fromUtf8(qgetenv("RINGSIDE_MONITOR_TOKEN"));
    config.streamSecret = qgetenv("RINGSIDE_STREAM_SECRET");
    if (config.streamSecret.isEmpty())
        config.streamSecret = qgetenv("TWILIO_AUTH_TOKEN");
    if (config.streamSecret.isEmpty())
        return usageError(QStringLiteral("RINGSIDE_STREAM_SECRET (or TWILIO_AUTH_TOKEN) is not set: the gateway refuses unsigned calls, "
                                         "so loadgen needs the gateway's secret to sign them"));

    telephony::LoadGenerator generator(config);
    QObject::connect(&generator, &telephony::LoadGenerator::finished, &generator, [] { QCoreApplication::exit(0); });
    err(QStringLiteral("loadgen: %1 call(s) for %2 s against %3").arg(config.calls).arg(config.durationSeconds).arg(config.url.toString()));
    generator.start();
    QCoreApplication::exec();
    const telephony::LoadReport &report = generator.report();
    if (parser.isSet(QStringLiteral("json")))
        outJson(report.toJson());
    else
        out(report.toText());
    return report.answered > 0 ? Ok : Failed;
}

} // namespace ringside::cli
