// ringside-engine campaigns run --once: one pass of the dialer — plan what the store asks for,
// decide every call due at --now, place those allowed through the provider, and exit once each
// request has been answered. Status callbacks go to a running `serve` (docs/campaigns.md).
#include "cliutil.h"
#include "provideroptions.h"

#include "campaigns/campaignagents.h"
#include "campaigns/dialer.h"
#include "campaigns/shopcartcheck.h"
#include "engine/nlu/analyser.h"
#include "storage/database.h"
#include "storage/enginepresence.h"
#include "storage/sqlutil.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QTimer>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    err(QStringLiteral("campaigns run: %1").arg(problem));
    err(QStringLiteral("Try 'ringside-engine campaigns run --help'."));
    return Usage;
}

} // namespace

int runCampaignsRun(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Places the campaign calls due now (or at --now) and exits: plans what the store asks for, skips calls the rules "
            "forbid (each with its reason), moves calls out of quiet hours, and places the rest through Twilio (or Exotel) "
            "at the store's pace. Prints what it did as JSON. Environment as for 'ringside-engine call' (TWILIO_ACCOUNT_SID, "
            "TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER, TWILIO_API_BASE; EXOTEL_…) and RINGSIDE_PUBLIC_URL, where 'serve' "
            "receives the calls and their status callbacks. The dialer also runs inside 'serve'."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("once"), QStringLiteral("One pass, then exit (required: the continuous dialer runs in 'serve').") });
    parser.addOption(providerOption());
    parser.addOption({ QStringLiteral("public-url"), QStringLiteral("The gateway's public URL (default RINGSIDE_PUBLIC_URL)."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("agents"), QStringLiteral("A folder of your agent files, beside the shipped ones."), QStringLiteral("DIR") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (parser.positionalArguments().size() > 2)
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(2)));
    if (!parser.isSet(QStringLiteral("once")))
        return usageError(QStringLiteral("--once is required (the continuous dialer runs in 'ringside-engine serve')"));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    QString problem;
    const std::optional<telephony::MediaProtocol> provider = providerFrom(parser, &problem);
    if (!provider)
        return usageError(problem);

    campaigns::DialerOptions options;
    if (!clockFrom(parser, &options.clock))
        return Usage;
    const auto identity = campaigns::DialerIdentity::fromEnvironment(*provider, parser.value(QStringLiteral("public-url")));
    if (!identity.ok())
        return usageError(identity.error());
    options.identity = identity.value();

    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    // Registered like an engine, so a run that dies holding leases gives them back after the
    // dead-after time instead of the whole lease (docs/scale-out.md).
    EngineInfo me;
    me.deadAfterMs = EnginePresence::deadAfterFromEnvironment();
    EnginePresence presence(*db, me, options.clock, EnginePresence::beatFor(me.deadAfterMs));
    try {
        presence.start();
    } catch (const StorageError &e) {
        err(QStringLiteral("campaigns run: cannot register this dialer: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    options.owner = presence.self().id;
    // A cart-recovery call asks a connected shop first whether the checkout is still abandoned.
    options.cartCheck = campaigns::shopCartCheck(*db, platforms::PlatformCredentials::fromEnvironment());
    const campaigns::CampaignAgents agents(parser.value(QStringLiteral("agents")));
    const auto analyser = nlu::Analyser::builtin();
    campaigns::Dialer dialer(*db, agents, analyser.ok() ? &analyser.value() : nullptr, options);
    int rc = Ok;
    bool finished = false;
    dialer.runOnce([&](const campaigns::PassReport &report) {
        finished = true;
        outJson(report.toJson(), true);
        for (const QString &e : report.errors)
            err(QStringLiteral("campaigns run: %1").arg(e));
        rc = report.errors.isEmpty() ? Ok : Failed;
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
    });
    // Leases of calls whose placing went unanswered end after the send margin, not the whole lease.
    const auto release = qScopeGuard([&] {
        dialer.releaseLeases();
        presence.stop();
    });
    if (!finished) {
        // Requests time out after 15 s each; this is only a backstop.
        QTimer::singleShot(120000, qApp, [] {
            err(QStringLiteral("campaigns run: gave up waiting for the provider"));
            QCoreApplication::exit(1);
        });
        if (QCoreApplication::exec() != 0)
            return Failed;
    }
    return rc;
}

} // namespace ringside::cli
