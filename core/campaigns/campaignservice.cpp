#include "campaigns/campaignservice.h"

#include "campaigns/campaignagents.h"
#include "campaigns/optoutdetector.h"
#include "campaigns/statusupdate.h"

#include "engine/nlu/analyser.h"
#include "telephony/gateway.h"
#include "telephony/gatewayserver.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMutexLocker>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcCampaigns, "ringside.campaigns")

namespace ringside::campaigns {

namespace {

QByteArray body(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}

// The dialer yields the CPU to the calls: when the cores are busy, the threads that carry call
// audio run first. QThread's priorities do nothing for Linux's normal scheduler, but a thread's
// own nice value does.
void yieldToCallAudio()
{
#ifdef Q_OS_LINUX
    if (::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10) != 0)
        qCWarning(lcCampaigns, "the dialer thread keeps its priority (setpriority failed)");
#endif
}
} // namespace

CampaignService::Options CampaignService::fromEnvironment(telephony::MediaProtocol provider, const QString &publicUrl, const Clock &clock,
                                                          const QString &agentsFolder, QString *notice)
{
    Options o;
    o.agentsFolder = agentsFolder;
    o.dialer.clock = clock;
    o.dialer.owner = QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
    o.twilioAuthToken = qgetenv("TWILIO_AUTH_TOKEN");
    o.exotelSecret = qgetenv("EXOTEL_API_TOKEN");
    const auto identity = DialerIdentity::fromEnvironment(provider, publicUrl);
    if (identity.ok())
        o.dialer.identity = identity.value();
    else if (notice)
        *notice = QStringLiteral("campaign calls are planned but not placed: %1").arg(identity.error());
    return o;
}

CampaignService::CampaignService(Database &db, telephony::Gateway &gateway, telephony::GatewayServer &server, Options options, QObject *parent)
    : QObject(parent), m_db(db), m_gateway(gateway), m_server(server), m_options(std::move(options))
{
    m_agents = std::make_unique<CampaignAgents>(m_options.agentsFolder);
    auto analyser = nlu::Analyser::builtin();
    if (analyser.ok()) {
        m_analyser = std::make_unique<nlu::Analyser>(analyser.value());
        auto detector = OptOutDetector::create(*m_analyser);
        if (detector.ok())
            m_optOut = std::make_unique<OptOutDetector>(std::move(detector).value());
        else
            qCWarning(lcCampaigns, "\"stop calling me\" will not be heard: %s", qPrintable(detector.error()));
    }
    if (!m_options.dialer.identity)
        qCWarning(lcCampaigns, "campaign calls are planned but not placed: no provider credentials or public URL");

    std::shared_ptr<std::atomic<int>> live = m_liveCalls;
    m_options.dialer.liveCalls = [live] { return live->load(); };
    m_thread.setObjectName(QStringLiteral("campaigns"));
    m_dialer = new Dialer(m_db, *m_agents, m_analyser.get(), m_options.dialer);
    m_dialer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_dialer, &QObject::deleteLater);
    m_thread.start();
    const int interval = m_options.intervalMs;
    QMetaObject::invokeMethod(m_dialer, [d = m_dialer, interval] {
        yieldToCallAudio();
        d->start(interval);
    }, Qt::QueuedConnection);

    // The gateway (this thread) → the dialer (its thread).
    connect(&m_gateway, &telephony::Gateway::callStarted, this, [this](const QString &callId) {
        m_liveCalls->store(m_gateway.activeCalls());
        // Before the provider's "completed", so a completed call is known to have reached the agent.
        if (m_dialer)
            QMetaObject::invokeMethod(m_dialer, [d = m_dialer, callId] { d->mediaConnected(callId); }, Qt::QueuedConnection);
    });
    connect(&m_gateway, &telephony::Gateway::callEnded, this, [this](const QString &callId, const QString &outcome, const QString &recordId) {
        m_liveCalls->store(m_gateway.activeCalls());
        if (!m_dialer)
            return;
        QMetaObject::invokeMethod(m_dialer, [d = m_dialer, callId, outcome, recordId] { d->conversationEnded(callId, outcome, recordId); },
                                  Qt::QueuedConnection);
    });
    connect(&m_gateway, &telephony::Gateway::customerSaid, this, [this](const QString &callId, const QString &phone, const QString &text) {
        if (!m_optOut || phone.isEmpty() || !m_dialer)
            return;
        const OptOutDetector *detector = m_optOut.get();
        QMetaObject::invokeMethod(m_dialer, [this, d = m_dialer, detector, callId, phone, text] {
            const QString heard = detector->heard(text);
            if (heard.isEmpty())
                return;
            d->optOut(phone, QStringLiteral("said \"%1\" on call %2").arg(text.left(120), callId));
            Q_EMIT optedOut(phone, heard);
        }, Qt::QueuedConnection);
    });
    // The dialer → the consoles.
    connect(m_dialer, &Dialer::callPlaced, this, [this](const QByteArray &call) {
        m_gateway.announceOutbound(json::parse(call.constBegin(), call.constEnd(), nullptr, false));
    });
    connect(m_dialer, &Dialer::callProgressed, this, [this](const QByteArray &progress) {
        const json p = json::parse(progress.constBegin(), progress.constEnd(), nullptr, false);
        m_gateway.outboundProgress(stringAt(p, "call_id"), stringAt(p, "status"), p.value("finished", false), stringAt(p, "outcome"));
    });

    m_server.addRoute(QStringLiteral("/twilio/status"), [this](const telephony::ExtraRequest &r) { return statusRoute(true, r); });
    m_server.addRoute(QStringLiteral("/exotel/status"), [this](const telephony::ExtraRequest &r) { return statusRoute(false, r); });
}

CampaignService::~CampaignService()
{
    stop();
}

void CampaignService::stop()
{
    if (!m_dialer)
        return;
    // Nothing reaches the dialer from here on: the gateway's last calls end after this.
    disconnect(&m_gateway, nullptr, this, nullptr);
    disconnect(m_dialer, nullptr, this, nullptr);
    Dialer *dialer = m_dialer;
    {
        const QMutexLocker lock(&m_nudgeLock); // a nudge from another thread has been posted, or sees null
        m_dialer = nullptr;
    }
    QMetaObject::invokeMethod(dialer, [dialer] { dialer->releaseLeases(); }, Qt::BlockingQueuedConnection);
    m_thread.quit(); // the dialer is deleted on its thread as it finishes
    m_thread.wait();
}

void CampaignService::nudge()
{
    const QMutexLocker lock(&m_nudgeLock);
    if (m_dialer)
        QMetaObject::invokeMethod(m_dialer, [d = m_dialer] { d->nudge(); }, Qt::QueuedConnection);
}

telephony::ExtraReply CampaignService::statusRoute(bool twilio, const telephony::ExtraRequest &request)
{
    if (!m_dialer)
        return { 503, body({ { "error", "the campaign dialer is stopping" } }) };
    if (request.method != "POST")
        return { 405, body({ { "error", "use POST" } }) };
    const Result<StatusUpdate> update =
            twilio ? twilioStatusUpdate(m_options.twilioAuthToken, request.externalUrl, request.body, request.headers.value(QByteArrayLiteral("x-twilio-signature")))
                   : exotelStatusUpdate(m_options.exotelSecret, QUrl(request.externalUrl), request.body);
    if (!update.ok()) {
        const bool signature = update.error().startsWith(QLatin1String("signature"));
        qCWarning(lcCampaigns, "%s status callback refused: %s", twilio ? "Twilio" : "Exotel", qPrintable(update.error()));
        return { signature ? 403 : 400, body({ { "error", update.error() } }) };
    }
    // Applied on the dialer's thread; the provider gets its answer now. A callback lost to a
    // crash in between is recovered by looking the call up (rules.dialer.staleMinutes).
    QMetaObject::invokeMethod(m_dialer, [d = m_dialer, u = update.value()] { d->statusReceived(u); }, Qt::QueuedConnection);
    return { 204, QByteArray(), QByteArrayLiteral("text/plain") };
}

} // namespace ringside::campaigns
