// LlmBrain when the model is slow or failing, against a loopback server: the holding line, retries
// within the turn, an apology, then a hand-over with a summary; hard timeouts; cancel; Hindi lines.
#include "llmscripts.h"
#include "recordingcontext.h"

#include <QTest>

using namespace ringside;
using namespace ringside::testing;
using ringside::fakes::RecordedRequest;

namespace {

const BrainLines english = BrainLines::forLanguage(QStringLiteral("en-US"));
const BrainLines hindi = BrainLines::forLanguage(QStringLiteral("hi-IN"));

// How a failing server answers every attempt.
using Failure = std::function<ScriptedResponse()>;

} // namespace

Q_DECLARE_METATYPE(Failure)

class TestLlmBrainFailures : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        server = std::make_unique<FakeHttpServer>();
        QVERIFY(server->listen());
        store = std::make_unique<FixtureStore>();
        QVERIFY2(store->ok(), qPrintable(store->error()));
    }
    void cleanup() { brain.reset(); }

    void slowAnswerGetsOneHoldingLineFirst()
    {
        LlmBrainOptions options = quickOptions();
        options.turnBudgetMs = 150;
        server->enqueue(oaText({QStringLiteral("Your order shipped on Tuesday.")}).withFirstByteDelay(700));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        // 700 ms of silence is more than four budgets, but the holding line is said once.
        QCOMPARE(ctx.said, (QStringList{english.holding, QStringLiteral("Your order shipped on Tuesday.")}));
        QVERIFY(ctx.escalations.isEmpty());
        // The holding line is not part of what the model is told it said.
        for (const LlmMessage &m : brain->history().messages())
            QVERIFY(!m.text.contains(english.holding));
    }

    void quickAnswerGetsNoHoldingLine()
    {
        LlmBrainOptions options = quickOptions();
        options.turnBudgetMs = 1500;
        server->enqueue(oaText({QStringLiteral("It shipped.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        brain->respond(QStringLiteral("Status?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QTest::qWait(50);
        QCOMPARE(ctx.said, QStringList{QStringLiteral("It shipped.")});
    }

    void hindiAgentHoldsInHindi()
    {
        LlmBrainOptions options = quickOptions();
        options.turnBudgetMs = 150;
        server->enqueue(oaText({QStringLiteral("Aapka order kal tak pahunch jayega.")}).withFirstByteDelay(600));
        RecordingContext ctx(store->registry(), QStringLiteral("hi-IN"));
        brain = openAiBrain(*server, trackerAgent(QStringLiteral("hi-IN")), options);
        brain->begin(ctx);
        brain->respond(QStringLiteral("Mera order kahan hai?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.said.value(0), QStringLiteral("Ek pal rukiye, main dekh rahi hoon."));
        QCOMPARE(ctx.said.value(1), QStringLiteral("Aapka order kal tak pahunch jayega."));
    }

    void serverErrorIsRetriedWithinTheTurn()
    {
        server->enqueue(ScriptedResponse::json(503, {{"error", {{"message", "model is loading"}, {"type", "server_error"}}}}));
        server->enqueue(oaText({QStringLiteral("Your order shipped.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(server->requests().size(), 2);
        QVERIFY(server->requests().at(0).json() == server->requests().at(1).json()); // the same round again
        QCOMPARE(ctx.said, QStringList{QStringLiteral("Your order shipped.")});
        QCOMPARE(brain->consecutiveFailures(), 0);
    }

    void sentencesHeardBeforeAFailureAreNotRepeated()
    {
        // The stream breaks after one sentence; the retry opens with the same sentence.
        server->enqueue(ScriptedResponse::sseJson({oaChunk({{"content", "Let me check that. Your "}})}).closingAfter(1));
        server->enqueue(oaText({QStringLiteral("Let me check that. Your order shipped.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QVERIFY(server->requests().size() >= 2);
        QCOMPARE(ctx.said, (QStringList{QStringLiteral("Let me check that."), QStringLiteral("Your order shipped.")}));
        QCOMPARE(brain->history().messages().back().text, QStringLiteral("Let me check that. Your order shipped."));
    }

    void repeatedFailureApologisesThenHandsOver_data()
    {
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<QString>("problem");
        QTest::addRow("5xx") << Failure([] {
            return ScriptedResponse::json(502, {{"error", {{"message", "upstream died"}}}});
        }) << QStringLiteral("HTTP 502");
        QTest::addRow("malformed") << Failure([] {
            return ScriptedResponse::sse({QByteArrayLiteral("{\"choices\": [ this is not json")});
        }) << QStringLiteral("malformed output");
        QTest::addRow("nothing to say") << Failure([] {
            return ScriptedResponse::sseJson({oaChunk({{"content", "{\"tool\": \"get_order_status\"}"}}),
                                              oaChunk(json::object(), "stop")}).withChunk("data: [DONE]\n\n");
        }) << QStringLiteral("malformed output");
        QTest::addRow("no answer") << Failure([] { return ScriptedResponse::silence(); }) << QStringLiteral("timeout");
    }
    void repeatedFailureApologisesThenHandsOver()
    {
        QFETCH(Failure, failure);
        QFETCH(QString, problem);
        LlmBrainOptions options = quickOptions();
        options.hardTurnTimeoutMs = 800;
        options.turnBudgetMs = 5000; // keep the holding line out of this test
        options.maxRetriesPerRound = 1;
        options.maxConsecutiveFailures = 2;
        // A good first turn, so the summary has something to report.
        server->enqueue(oaCall(QStringLiteral("get_order_status"), {{"order_id", "ORD-482913"}}));
        server->enqueue(oaText({QStringLiteral("It shipped on Tuesday.")}));
        server->setResponder([failure](const RecordedRequest &) { return failure(); });
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        brain->respond(QStringLiteral("Where is order ORD-482913?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.said, QStringList{QStringLiteral("It shipped on Tuesday.")});

        brain->respond(QStringLiteral("When will it arrive?"), ctx);
        QVERIFY(ctx.waitForTurns(2));
        QCOMPARE(ctx.said.last(), english.apology);
        QVERIFY(ctx.escalations.isEmpty());
        QCOMPARE(brain->consecutiveFailures(), 1);

        brain->respond(QStringLiteral("Hello? Are you there?"), ctx);
        QVERIFY(ctx.waitForTurns(3));
        QCOMPARE(ctx.said.last(), english.handover);
        QCOMPARE(ctx.escalations.size(), 1);
        QCOMPARE(ctx.escalations[0].first, QStringLiteral("llm_unavailable"));
        const QString summary = ctx.escalations[0].second;
        QVERIFY2(summary.contains(problem), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Where is order ORD-482913?")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Hello? Are you there?")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("get_order_status(order_id=ORD-482913)")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("shipped")), qPrintable(summary));
        QCOMPARE(ctx.finishedTurns, 3);
        QVERIFY(ctx.typeSequence().endsWith(QStringLiteral("agent escalation finish")));
        // Each failed turn tried twice (one retry); the good turn made two requests.
        if (problem != QStringLiteral("timeout")) // a silent server may see Qt's own resend as well
            QCOMPARE(server->requests().size(), 2 + 2 + 2);
    }

    void successClearsTheFailureCount()
    {
        LlmBrainOptions options = quickOptions();
        options.maxRetriesPerRound = 0;
        options.maxConsecutiveFailures = 2;
        server->enqueue(ScriptedResponse::json(500, {{"error", "boom"}}));
        server->enqueue(oaText({QStringLiteral("Sorry about that, it shipped.")}));
        server->enqueue(ScriptedResponse::json(500, {{"error", "boom"}}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        for (int turn = 1; turn <= 3; ++turn) {
            brain->respond(QStringLiteral("turn %1").arg(turn), ctx);
            QVERIFY(ctx.waitForTurns(turn));
        }
        QCOMPARE(ctx.said, (QStringList{english.apology, QStringLiteral("Sorry about that, it shipped."), english.apology}));
        QVERIFY(ctx.escalations.isEmpty());
    }

    void rateLimitAskingForALongWaitIsNotRetried()
    {
        LlmBrainOptions options = quickOptions();
        options.retryMaxDelayMs = 200;
        server->enqueue(ScriptedResponse::json(429, {{"error", {{"message", "slow down"}}}})
                                .withHeader("Retry-After", "30"));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        brain->respond(QStringLiteral("Hi"), ctx);
        QVERIFY(ctx.waitForTurns(1, 2000));
        QCOMPARE(server->requests().size(), 1);
        QCOMPARE(ctx.said, QStringList{english.apology});
    }

    void cancelMidRequestStopsEverything()
    {
        server->enqueue(oaText({QStringLiteral("Your order "), QStringLiteral("shipped.")}, 400));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(server->waitForRequests(1));
        QTest::qWait(100); // the answer has started streaming
        brain->cancel();
        QVERIFY(!brain->turnInProgress());
        QVERIFY(server->waitForClientCloses(1));
        QTest::qWait(600);
        QVERIFY2(ctx.events.isEmpty(), qPrintable(ctx.typeSequence())); // not even a finishTurn
        QCOMPARE(server->clientClosesMidResponse(), 1);

        // The brain is usable again for the next call turn.
        server->enqueue(oaText({QStringLiteral("Hello again.")}));
        brain->respond(QStringLiteral("Hello?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.said, QStringList{QStringLiteral("Hello again.")});
    }

    void cancelFromInsideEscalateEndsQuietly()
    {
        server->enqueue(oaCall(QStringLiteral("transfer_to_human"), {{"reason", "customer_request"},
                                                                     {"summary", "Caller asked for a person"}}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        ctx.onEscalate = [this] { brain->cancel(); }; // an operator takes the call at once
        brain->respond(QStringLiteral("Let me talk to a person"), ctx);
        QVERIFY(QTest::qWaitFor([&] { return !ctx.escalations.isEmpty(); }, 5000));
        QTest::qWait(100);
        QCOMPARE(ctx.finishedTurns, 0);
        QVERIFY(!brain->turnInProgress());
    }

private:
    std::unique_ptr<FakeHttpServer> server;
    std::unique_ptr<FixtureStore> store;
    std::unique_ptr<LlmBrain> brain;
};

QTEST_GUILESS_MAIN(TestLlmBrainFailures)
#include "tst_llmbrainfailures.moc"
