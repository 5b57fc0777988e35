// CallAssembly: a ready call (store backend, tools, session with its brain, record keeper, speech
// set-up) from an agent, a subject and a language; the one agent → speech configuration; and the
// campaign side of language variants.
#include "../engine/enginefixture.h"
#include "../platforms/platformfixture.h"

#include "calls/callassembly.h"
#include "calls/callspeech.h"
#include "campaigns/campaignagents.h"
#include "campaigns/providerclient.h"
#include "commerce/commercebackend.h"
#include "platforms/outbox.h"
#include "platforms/outboxworker.h"
#include "platforms/platformstore.h"
#include "platforms/shopifysyncsource.h"
#include "platforms/storesync.h"
#include "platforms/httpexchange.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QUrlQuery>

using namespace ringside;
using namespace ringside::test;

namespace {

const QDateTime kShopNow = QDateTime::fromString(QStringLiteral("2026-11-01T12:00:00Z"), Qt::ISODate);

// A store whose tables mirror a Shopify shop (the loopback FakeShop), connected with `store connect`.
struct ConnectedShop
{
    fakes::FakeShop fake;
    QTemporaryDir dir;
    std::unique_ptr<Database> db = testing::openTempDatabase(dir);

    ConnectedShop()
    {
        fake.seedShopify(6, 2); // #1001 and #1004 are cash on delivery
        if (!fake.listen())
            qFatal("fake shop cannot listen");
        const platforms::Connection connection = testing::shopifyConnection(fake);
        platforms::saveConnection(*db, connection);
        platforms::HttpExchange http;
        platforms::ShopifyClient client(connection, testing::shopifyCredentials(fake), http);
        platforms::ShopifySyncSource source(client);
        if (!platforms::syncStore(*db, source, platforms::SyncOptions{}).error.ok())
            qFatal("shopify sync failed");
    }
};

CatalogueEntry shipped(const QString &slug)
{
    return AgentCatalogue(QString(), toolNames()).find(slug).value();
}

CallRequest requestFor(const CatalogueEntry &agent, const CallSubject &subject = {})
{
    CallRequest r;
    r.agent = agent;
    r.subject = subject;
    return r;
}

} // namespace

class TestCallAssembly : public QObject
{
    Q_OBJECT

private:
    EngineFixture f;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(f.ok(), qPrintable(f.error)); }

    // Without a connected shop the call's tools use the embedded store; a call is recorded from
    // its start on the assembly's clock, through to its outcome.
    void anEmbeddedStoreCallIsRecordedFromItsStart()
    {
        CallAssembly assembly(*f.db, CallServices{ sharedAnalyser(), Clock(f.now) });
        QVERIFY(!dynamic_cast<platforms::PlatformStore *>(&assembly.store()));
        auto assembled = assembly.assemble(requestFor(f.agent(QStringLiteral("order-tracker"))));
        QVERIFY2(assembled.ok(), assembled.ok() ? "" : qPrintable(assembled.error()));
        AssembledCall call = std::move(assembled).value();
        QVERIFY(call.session && call.recorder && call.store && call.tools);
        QCOMPARE(call.store.get(), &assembly.store());
        QVERIFY(call.recordId().isEmpty());
        call.session->start();
        const QString id = call.recordId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(assembly.records().byId(id)->outcome, QStringLiteral("in_progress"));
        QVERIFY(qAbs(assembly.records().byId(id)->startedAt.secsTo(f.now)) < 5); // the assembly's clock
        QVERIFY(sayAndWait(*call.session, QStringLiteral("Where's my order?")));
        QVERIFY(sayAndWait(*call.session, QStringLiteral("482913")));
        call.session->end(QStringLiteral("hangup"));
        const auto record = assembly.records().byId(id);
        QCOMPARE(record->outcome, QStringLiteral("resolved"));
        QCOMPARE(record->orderId, QStringLiteral("ORD-482913"));
        QCOMPARE(record->language, QStringLiteral("en-US"));
        QCOMPARE(record->toolCalls.size(), size_t(1));
    }

    void problemsNameWhatToFix()
    {
        CallAssembly assembly(*f.db, CallServices{ sharedAnalyser(), Clock(f.now) });
        CallSubject missing;
        missing.orderId = QStringLiteral("ORD-999999");
        auto unknownOrder = assembly.assemble(requestFor(f.agent(QStringLiteral("order-tracker")), missing));
        QVERIFY(!unknownOrder.ok());
        QVERIFY2(unknownOrder.error().contains(QStringLiteral("ORD-999999")), qPrintable(unknownOrder.error()));
        CallRequest badBrain = requestFor(f.agent(QStringLiteral("order-tracker")));
        badBrain.brainKind = QStringLiteral("oracle");
        auto unknownBrain = assembly.assemble(badBrain);
        QVERIFY(!unknownBrain.ok());
        QVERIFY2(unknownBrain.error().contains(QStringLiteral("oracle")), qPrintable(unknownBrain.error()));
    }

    // Replacing a call that is still running closes its record instead of losing it.
    void replacingARunningCallClosesItsRecord()
    {
        CallAssembly assembly(*f.db, CallServices{ sharedAnalyser(), Clock(f.now) });
        auto first = assembly.assemble(requestFor(f.agent(QStringLiteral("order-tracker"))));
        QVERIFY(first.ok());
        AssembledCall call = std::move(first).value();
        call.session->start();
        const QString id = call.recordId();
        auto second = assembly.assemble(requestFor(f.agent(QStringLiteral("order-tracker"))));
        QVERIFY(second.ok());
        call = std::move(second).value();
        const auto record = assembly.records().byId(id);
        QVERIFY(record->outcome != QStringLiteral("in_progress"));
        QVERIFY(record->endedAt.isValid());
    }

    // With a shop connected, the call's tools change the mirror and queue the change for the shop;
    // the outbox sends it to the shop (here the loopback FakeShop) — as serve's calls do.
    void aConnectedShopsCallWritesBackThroughIt()
    {
        ConnectedShop shop;
        CallAssembly assembly(*shop.db, CallServices{ sharedAnalyser(), Clock(kShopNow) });
        QVERIFY(dynamic_cast<platforms::PlatformStore *>(&assembly.store()));
        CallSubject subject;
        subject.orderId = QStringLiteral("1004");
        CallRequest request = requestFor(shipped(QStringLiteral("cod-confirmation")), subject);
        request.channel = QStringLiteral("twilio");
        auto assembled = assembly.assemble(request);
        QVERIFY2(assembled.ok(), assembled.ok() ? "" : qPrintable(assembled.error()));
        AssembledCall call = std::move(assembled).value();
        QVERIFY(dynamic_cast<platforms::PlatformStore *>(call.store.get()));
        call.session->start();
        QVERIFY(sayAndWait(*call.session, QStringLiteral("haan confirm kar do")));
        if (!call.session->isEnded())
            call.session->end(QStringLiteral("hangup"));
        const auto record = assembly.records().byId(call.recordId());
        QVERIFY(record);
        bool confirmed = false;
        for (const json &t : record->toolCalls)
            confirmed |= t.value("name", std::string()) == "confirm_cod_order";
        QVERIFY2(confirmed, record->toolCalls.dump().c_str());
        QVERIFY(!platforms::listActions(*shop.db, 10, QStringLiteral("queued")).empty());

        const int before = shop.fake.server().requests().size();
        platforms::OutboxWorker worker(*shop.db, testing::shopifyCredentials(shop.fake), Clock(kShopNow.addSecs(60)));
        QVERIFY(worker.runDue() >= 1);
        QVERIFY(shop.fake.server().requests().size() > before);
        QCOMPARE(platforms::listActions(*shop.db, 10, QStringLiteral("queued")).size(), size_t(0));
        QVERIFY(!platforms::listActions(*shop.db, 10, QStringLiteral("done")).empty());
    }

    // A shop connected (or disconnected) while the engine runs: the next call follows; a call
    // already running keeps the store it started with.
    void refreshStoreFollowsTheConnection()
    {
        ConnectedShop shop;
        CallAssembly assembly(*shop.db, CallServices{ sharedAnalyser(), Clock(kShopNow) });
        CallSubject subject;
        subject.orderId = QStringLiteral("1004");
        auto running = assembly.assemble(requestFor(shipped(QStringLiteral("cod-confirmation")), subject));
        QVERIFY(running.ok());
        platforms::removeConnection(*shop.db);
        assembly.refreshStore();
        QVERIFY(!dynamic_cast<platforms::PlatformStore *>(&assembly.store()));
        QVERIFY(dynamic_cast<platforms::PlatformStore *>(running->store.get()));
    }

    // A call asked for in a language runs the agent's variant for it; the record says which.
    void aVariantRunsTheCallInItsLanguage()
    {
        // A Hindi variant of the Order Tracker in the user's folder. Over the shipped playbook, whose
        // texts are English only, it would answer a Hindi greeting in English: the call stays English.
        QTemporaryDir agents;
        QVERIFY(QDir(agents.path()).mkpath(QStringLiteral("variants")));
        QFile shippedFile(QStringLiteral(":/ringside/agents/order-tracker.json"));
        QVERIFY(shippedFile.open(QIODevice::ReadOnly));
        json doc = json::parse(shippedFile.readAll().toStdString());
        doc["agent"]["language"] = "hi-IN";
        QFile variant(agents.filePath(QStringLiteral("variants/order-tracker.hi-IN.json")));
        QVERIFY(variant.open(QIODevice::WriteOnly));
        variant.write(QByteArray::fromStdString(doc.dump(2)));
        variant.close();

        CallServices services{ sharedAnalyser(), Clock(f.now), agents.path(), QProcessEnvironment() };
        CallAssembly assembly(*f.db, services);
        const CatalogueEntry tracker = f.agent(QStringLiteral("order-tracker"));
        CallRequest request = requestFor(tracker);
        request.language = QStringLiteral("hi-IN");
        request.line = SpeechLine{ 8000, 8000 };
        QStringList notices;
        const CallAgent halfHindi = assembly.agentFor(request);
        QCOMPARE(halfHindi.entry.path, tracker.path);
        QCOMPARE(halfHindi.language, QStringLiteral("en-US"));
        QVERIFY2(halfHindi.note.contains(QStringLiteral("no hi-IN text")), qPrintable(halfHindi.note));

        // With a playbook of its own whose texts are Hindi, the playbook brain speaks Hindi.
        doc["agent"]["playbook"] = "tracker-hi.playbook.json";
        QVERIFY(variant.open(QIODevice::WriteOnly | QIODevice::Truncate));
        variant.write(QByteArray::fromStdString(doc.dump(2)));
        variant.close();
        QFile hindiPlaybook(agents.filePath(QStringLiteral("variants/tracker-hi.playbook.json")));
        QVERIFY(hindiPlaybook.open(QIODevice::WriteOnly));
        hindiPlaybook.write(R"({"playbook": {"name": "Tracker in Hindi", "start": "identify", "steps": {"identify": {
            "ask": {"en": "What is your order number?", "hi": "Aapka order number kya hai?"}, "expect": ["order_id"],
            "on": [{"when": {"heard": "order_id"}, "do": [{"say": {"en": "Thank you.", "hi": "Dhanyavaad."}}, {"end": "resolved"}]}]}}}})");
        hindiPlaybook.close();
        auto assembled = assembly.assemble(request, &notices);
        QVERIFY2(assembled.ok(), assembled.ok() ? "" : qPrintable(assembled.error()));
        AssembledCall call = std::move(assembled).value();
        QCOMPARE(call.agent.entry.path, variant.fileName());
        QCOMPARE(call.agent.language, QStringLiteral("hi-IN"));
        QCOMPARE(call.agent.brainKind, QStringLiteral("playbook"));
        QVERIFY2(call.agent.note.isEmpty(), qPrintable(call.agent.note));
        QCOMPARE(call.session->config().agent.language, QStringLiteral("hi-IN"));
        QCOMPARE(call.speech.pipeline.stt.language, QStringLiteral("hi-IN")); // speech follows the variant
        QCOMPARE(call.speech.pipeline.tts.language, QStringLiteral("hi-IN"));
        call.session->start();
        call.session->end(QStringLiteral("hangup"));
        QCOMPARE(assembly.records().byId(call.recordId())->language, QStringLiteral("hi-IN"));

        // Tamil: the shipped variant exists, but the playbook brain does not speak Tamil and no LLM
        // is configured: the whole call runs in the agent's own language, and says why.
        request.language = QStringLiteral("ta-IN");
        notices.clear();
        auto tamil = assembly.assemble(request, &notices);
        QVERIFY(tamil.ok());
        QCOMPARE(tamil->agent.entry.path, tracker.path);
        QCOMPARE(tamil->agent.language, QStringLiteral("en-US"));
        QVERIFY2(notices.join(QLatin1Char('\n')).contains(QStringLiteral("no LLM is configured")), qPrintable(notices.join(QLatin1Char('\n'))));
        tamil->session->start();
        tamil->session->end(QStringLiteral("hangup"));
        QCOMPARE(assembly.records().byId(tamil->recordId())->language, QStringLiteral("en-US"));

        // With an LLM key the Tamil variant takes the call on the LLM brain.
        QProcessEnvironment withLlm;
        withLlm.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("test-key"));
        CallAssembly llmAssembly(*f.db, CallServices{ sharedAnalyser(), Clock(f.now), agents.path(), withLlm });
        const CallAgent choice = llmAssembly.agentFor(request);
        QCOMPARE(choice.entry.agent.language, QStringLiteral("ta-IN"));
        QCOMPARE(choice.brainKind, QStringLiteral("llm"));
        QVERIFY(choice.entry.path.endsWith(QStringLiteral("variants/order-tracker.ta-IN.json")));
        // …and the brain is built with that key, not the process environment's (which has none
        // here): the console's keychain keys reach the LLM brain. Nothing is sent until it starts.
        notices.clear();
        auto llmCall = llmAssembly.assemble(request, &notices);
        QVERIFY2(llmCall.ok(), llmCall.ok() ? "" : qPrintable(llmCall.error()));
        QCOMPARE(llmCall->agent.brainKind, QStringLiteral("llm"));
        QCOMPARE(llmCall->session->config().agent.language, QStringLiteral("ta-IN"));
        // New keys reach the calls assembled after the change.
        llmAssembly.setEnvironment(QProcessEnvironment());
        QCOMPARE(llmAssembly.agentFor(request).brainKind, QStringLiteral("playbook"));

        // A variant file with problems takes no calls: the agent's own language, and why.
        QTemporaryDir broken;
        QVERIFY(QDir(broken.path()).mkpath(QStringLiteral("variants")));
        doc["agent"]["llmTemperature"] = "warm"; // must be a number
        QFile bad(broken.filePath(QStringLiteral("variants/order-tracker.hi-IN.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray::fromStdString(doc.dump(2)));
        bad.close();
        CallAssembly brokenAssembly(*f.db, CallServices{ sharedAnalyser(), Clock(f.now), broken.path(), QProcessEnvironment() });
        request.language = QStringLiteral("hi-IN");
        notices.clear();
        auto fallback = brokenAssembly.assemble(request, &notices);
        QVERIFY(fallback.ok());
        QCOMPARE(fallback->agent.entry.path, tracker.path);
        QCOMPARE(fallback->session->config().agent.language, QStringLiteral("en-US"));
        QVERIFY2(notices.join(QLatin1Char('\n')).contains(QStringLiteral("has problems")), qPrintable(notices.join(QLatin1Char('\n'))));

        // No language asked: the agent as it is, without reading the catalogue.
        request.language.clear();
        const CallAgent own = assembly.agentFor(request);
        QCOMPARE(own.entry.path, tracker.path);
        QVERIFY(own.note.isEmpty());
    }

    // Campaigns: the planner picks the variant for the customer's language, and the outbound call
    // carries that language to the gateway, whose assembly runs it.
    void campaignCallsCarryTheirLanguage()
    {
        // Without an LLM the playbook brain holds a Tamil call in the agent's own language, and the
        // planner records that; with one, the Tamil variant takes it.
        qunsetenv("GEMINI_API_KEY");
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("ANTHROPIC_API_KEY");
        const campaigns::CampaignAgents agents;
        const campaigns::AgentChoice own = agents.choose(QStringLiteral("order-tracker"), QStringLiteral("ta-IN"));
        QCOMPARE(own.language, QStringLiteral("en-US"));
        QVERIFY(!own.variant);
        const campaigns::AgentChoice hindi = agents.choose(QStringLiteral("cod-confirmation"), QStringLiteral("hi-IN"));
        QCOMPARE(hindi.language, QStringLiteral("hi-IN"));
        QVERIFY(!hindi.variant); // its own language
        qputenv("GEMINI_API_KEY", "test-key");
        const campaigns::AgentChoice tamil = agents.choose(QStringLiteral("order-tracker"), QStringLiteral("ta-IN"));
        qunsetenv("GEMINI_API_KEY");
        QCOMPARE(tamil.slug, QStringLiteral("order-tracker"));
        QCOMPARE(tamil.language, QStringLiteral("ta-IN"));
        QVERIFY(tamil.variant);

        QNetworkAccessManager network;
        campaigns::DialerIdentity twilio;
        twilio.provider = telephony::MediaProtocol::Twilio;
        twilio.from = QStringLiteral("+14155550100");
        twilio.publicUrl = QUrl(QStringLiteral("https://voice.example.com/"));
        campaigns::ScheduledCall c;
        c.id = 7;
        c.phone = QStringLiteral("+919812345678");
        c.agent = tamil.slug;
        c.orderId = QStringLiteral("ORD-1");
        c.language = QStringLiteral("ta-IN");
        c.agentLanguage = tamil.language;
        const telephony::OutboundCall t = campaigns::ProviderClient(network, twilio).outboundCall(c, campaigns::CampaignRules::Dialer{});
        bool carried = false;
        for (const auto &[name, value] : t.webhookParameters)
            carried |= name == QLatin1String("language") && value == QLatin1String("ta-IN");
        QVERIFY(carried);
    }

    // The one agent → speech configuration.
    void speechComesFromTheAgentTheLineAndTheHints()
    {
        Agent agent = f.agent(QStringLiteral("order-tracker")).agent;
        agent.endpointingMs = 420;
        agent.interimResults = false;
        agent.ttsSpeed = 1.25;
        agent.allowInterruptions = false;
        agent.sttProvider = QStringLiteral("deepgram");
        agent.sttModel = QStringLiteral("nova-3");
        agent.ttsProvider = QStringLiteral("cartesia");
        SpeechLine line{ 8000, 24000 };
        SpeechHints hints;
        hints.phrases = { QStringLiteral("where is my order") };
        hints.expectation = ListenExpectation::DigitsAndLetters;
        hints.identifierFormats = { QStringLiteral("ORD-\\d{6}") };
        const CallSpeech s = speechFor(agent, line, hints);
        const SpeechPipelineConfig &c = s.pipeline;
        QCOMPARE(s.engines.sttProvider, QStringLiteral("deepgram"));
        QCOMPARE(s.engines.sttModel, QStringLiteral("nova-3"));
        QCOMPARE(s.engines.ttsProvider, QStringLiteral("cartesia"));
        QCOMPARE(c.inputRate, 8000);
        QCOMPARE(c.outputRate, 24000);
        QCOMPARE(c.stt.language, agent.language);
        QCOMPARE(c.stt.endpointingMs, 420);
        QVERIFY(!c.stt.interimResults);
        QCOMPARE(c.stt.keywords.size(), agent.keywords.size());
        QCOMPARE(c.stt.phrases, hints.phrases);
        QCOMPARE(c.stt.expectation, SttExpectation::DigitsAndLetters);
        QCOMPARE(c.stt.identifierFormats, hints.identifierFormats);
        QCOMPARE(c.tts.voice, agent.ttsVoice);
        QCOMPARE(c.tts.speed, 1.25);
        QCOMPARE(c.tts.language, agent.language);
        QVERIFY(!c.bargeIn.allowInterruptions);
        QVERIFY(!c.echoCancellation);
        line.alwaysInterim = true;
        line.echoCancellation = true;
        const CallSpeech desk = speechFor(agent, line);
        QVERIFY(desk.pipeline.stt.interimResults);
        QVERIFY(desk.pipeline.echoCancellation);
        QVERIFY(desk.pipeline.stt.phrases.isEmpty());
    }

    // An assembled call's speech: the agent's providers, the request's line, the session's hints
    // (the demo store's order-ID format, what the brain listens for).
    void anAssembledCallsSpeechReflectsItsAgent()
    {
        CallAssembly assembly(*f.db, CallServices{ sharedAnalyser(), Clock(f.now) });
        CatalogueEntry tracker = f.agent(QStringLiteral("order-tracker"));
        tracker.agent.sttProvider = QStringLiteral("deepgram");
        tracker.agent.ttsProvider = QStringLiteral("cartesia");
        CallRequest request = requestFor(tracker);
        request.line = SpeechLine{ 8000, 8000 };
        auto assembled = assembly.assemble(request);
        QVERIFY(assembled.ok());
        QCOMPARE(assembled->speech.engines.sttProvider, QStringLiteral("deepgram"));
        QCOMPARE(assembled->speech.engines.ttsProvider, QStringLiteral("cartesia"));
        QCOMPARE(assembled->speech.pipeline.inputRate, 8000);
        QVERIFY(!assembled->speech.pipeline.stt.identifierFormats.isEmpty());
        QCOMPARE(assembled->speech.pipeline.stt.phrases, assembled->session->brain().expectedPhrases());
        QCOMPARE(assembled->speech.pipeline.stt.expectation, sttExpectationFor(assembled->session->brain().expectation()));
    }
};

QTEST_GUILESS_MAIN(TestCallAssembly)
#include "tst_callassembly.moc"
