#include "telephony/gatewayruntime.h"

#include "telephony/agentdirectory.h"
#include "telephony/cachingtts.h"

#include "analytics/callrecordstore.h"
#include "engine/nlu/analyser.h"
#include "speech/cloud/speechproviders.h"
#include "speech/espeaktts.h"
#include "speech/pocketsphinxmodel.h"
#include "speech/recognizerpool.h"

namespace ringside::telephony {

Result<std::shared_ptr<GatewayRuntime>> GatewayRuntime::create(Database &db, GatewayConfig config, QStringList *notices)
{
    using R = Result<std::shared_ptr<GatewayRuntime>>;
    std::shared_ptr<GatewayRuntime> rt(new GatewayRuntime);
    auto analyser = nlu::Analyser::builtin();
    if (!analyser.ok())
        return R::failure(QStringLiteral("NLU lexicon: %1").arg(analyser.error()));
    rt->m_analyser = std::make_shared<const nlu::Analyser>(std::move(analyser).value());

    QStringList problems;
    rt->m_agents = std::make_unique<AgentDirectory>(config.agentsFolder, *rt->m_analyser, &problems);
    if (notices)
        *notices << problems;
    if (rt->m_agents->slugs().isEmpty())
        return R::failure(QStringLiteral("no agent could be loaded"));
    if (!rt->m_agents->find(config.defaultInboundAgent).ok())
        return R::failure(QStringLiteral("default inbound agent: %1").arg(rt->m_agents->find(config.defaultInboundAgent).error()));

    // Calls an engine on this database was running when it died (kill -9, power cut) are closed
    // as interrupted before new ones start.
    try {
        if (const int closed = analytics::CallRecordStore(db).closeInterruptedCalls(); closed > 0 && notices)
            *notices << QStringLiteral("%1 call record(s) left in progress by an engine that stopped are now \"interrupted\"").arg(closed);
    } catch (const std::exception &e) {
        return R::failure(QStringLiteral("call records: %1").arg(QString::fromUtf8(e.what())));
    }

    rt->m_espeak = std::make_unique<EspeakTts>();
    if (!rt->m_espeak->isAvailable())
        return R::failure(QStringLiteral("espeak-ng: %1").arg(rt->m_espeak->initError()));
    rt->m_tts = std::make_shared<CachingTts>(*rt->m_espeak);

    WorkerServices services;
    services.db = &db;
    services.agents = rt->m_agents.get();
    services.analyser = rt->m_analyser;
    services.tts = rt->m_tts.get();
    services.brainKind = config.brainKind;
    services.agentsFolder = config.agentsFolder;
    services.clock = config.clock;
    services.environment = config.environment;
    if (config.speechRecognition) {
        auto model = PocketsphinxModel::load();
        if (!model.ok())
            return R::failure(QStringLiteral("speech recognition: %1").arg(model.error()));
        services.sttModel = model.value();
        services.recognizers = std::make_shared<RecognizerPool>(config.recognizerThreads);
    }
    rt->m_speech = std::make_shared<SpeechProviders>(config.environment, EmbeddedSpeech{ services.sttModel, services.recognizers, rt->m_tts });
    services.speech = rt->m_speech;
    rt->m_gateway = std::make_unique<Gateway>(std::move(config), std::move(services));
    rt->m_server = std::make_unique<GatewayServer>(*rt->m_gateway, db);
    rt->m_server->setReplyCache(rt->m_tts.get());
    rt->m_gateway->start();
    return rt;
}

GatewayRuntime::~GatewayRuntime()
{
    // The server first (no new sockets), then the gateway (its workers write the last records),
    // then what the workers used.
    m_server.reset();
    m_gateway.reset();
    m_speech.reset();
    m_tts.reset();
}

quint16 GatewayRuntime::listen(const QHostAddress &address, quint16 port, QString *error)
{
    return m_server->listenOn(address, port, error);
}

} // namespace ringside::telephony
