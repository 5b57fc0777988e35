// LlmBrain over Gemini generateContent (streamed), against a loopback server: the function-call
// loop with the model's content (thoughtSignature included) echoed unchanged, contents that open
// with a user turn after a greeting, whispers as system instructions, and Gemini's own failures.
#include "llmscripts.h"
#include "recordingcontext.h"

#include <QTest>

using namespace ringside;
using namespace ringside::testing;

namespace {

Agent geminiAgent()
{
    Agent a = trackerAgent();
    a.llmProvider = QStringLiteral("gemini-2.5");
    a.llmModel = QStringLiteral("gemini-2.5-flash-lite");
    return a;
}

QString systemInstructionText(const json &body)
{
    QString text;
    for (const json &part : body["systemInstruction"]["parts"])
        text += stringAt(part, "text") + QLatin1Char('\n');
    return text;
}

} // namespace

class TestLlmBrainGemini : public QObject
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

    void functionCallLoopEchoesTheModelContent()
    {
        const json callParts = json::parse(R"([
            {"text": "Looking up the order.", "thought": true},
            {"functionCall": {"name": "get_order_status", "args": {"order_id": "ORD-482913"}},
             "thoughtSignature": "CiwBVKhc7vX+opaque/sig=="}])");
        server->enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({callParts[0]})),
                                                   geminiChunk(json::array({callParts[1]}), QStringLiteral("STOP"))}));
        server->enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array({{{"text", "Your order shipped on Tuesday via Blue Dart. "}}})),
                 geminiChunk(json::array({{{"text", "It arrives tomorrow."}}}), QStringLiteral("STOP"))}));
        RecordingContext ctx(store->registry());
        brain = geminiBrain(*server, geminiAgent());
        brain->begin(ctx);
        brain->respond(QStringLiteral("Where is ORD-482913?"), ctx);
        QVERIFY(ctx.waitForTurns(1));

        QCOMPARE(ctx.toolCalls.size(), 1);
        QCOMPARE(stringAt(ctx.toolCalls[0].result, "status"), QStringLiteral("shipped"));
        QCOMPARE(ctx.said, (QStringList{QStringLiteral("Your order shipped on Tuesday via Blue Dart."),
                                        QStringLiteral("It arrives tomorrow.")}));
        QCOMPARE(server->requests().size(), 2);
        QCOMPARE(server->requests().at(0).path(),
                 QStringLiteral("/v1beta/models/gemini-2.5-flash-lite:streamGenerateContent"));

        // The greeting is in the system instruction; contents open with the caller.
        const json first = server->requests().at(0).json();
        QVERIFY(systemInstructionText(first).contains(QStringLiteral("Thanks for calling Kiran Stores")));
        QCOMPARE(first["contents"].size(), size_t(1));
        QCOMPARE(stringAt(first["contents"][0], "role"), QStringLiteral("user"));
        QStringList declared;
        for (const json &d : first["tools"][0]["functionDeclarations"])
            declared << stringAt(d, "name");
        QCOMPARE(declared, geminiAgent().tools);

        // The model's content goes back unchanged (thought and signature), then the store's result.
        const json contents = server->requests().at(1).json()["contents"];
        QCOMPARE(contents.size(), size_t(3));
        QVERIFY2(contents[1] == json({{"role", "model"}, {"parts", callParts}}), contents[1].dump().c_str());
        const json response = contents[2]["parts"][0]["functionResponse"];
        QCOMPARE(stringAt(contents[2], "role"), QStringLiteral("user"));
        QCOMPARE(stringAt(response, "name"), QStringLiteral("get_order_status"));
        QVERIFY(response["response"] == ctx.toolCalls[0].result);
    }

    void whispersBecomeSystemInstructionsNotContents()
    {
        server->enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array({{{"text", "Would you like SMS updates?"}}}), QStringLiteral("STOP"))}));
        RecordingContext ctx(store->registry());
        ctx.whispers = {QStringLiteral("Offer SMS updates")};
        brain = geminiBrain(*server, geminiAgent());
        brain->begin(ctx);
        brain->respond(QStringLiteral("Okay"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        const json body = server->requests().at(0).json();
        QVERIFY(systemInstructionText(body).contains(QStringLiteral("Offer SMS updates")));
        QCOMPARE(body["contents"].size(), size_t(1));
        QVERIFY(!QString::fromStdString(body["contents"].dump()).contains(QStringLiteral("Offer SMS")));
        QCOMPARE(ctx.said, QStringList{QStringLiteral("Would you like SMS updates?")});
    }

    void malformedFunctionCallIsRetried()
    {
        server->enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array(), QStringLiteral("MALFORMED_FUNCTION_CALL"))}));
        server->enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array({{{"functionCall", {{"name", "transfer_to_human"},
                                                             {"args", {{"reason", "complaint"},
                                                                       {"summary", "Wants to complain about ORD-482913"}}}}}}}),
                             QStringLiteral("STOP"))}));
        RecordingContext ctx(store->registry());
        brain = geminiBrain(*server, geminiAgent());
        brain->begin(ctx);
        brain->respond(QStringLiteral("I want to file a complaint"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(server->requests().size(), 2);
        QCOMPARE(ctx.escalations.size(), 1);
        QCOMPARE(ctx.escalations[0].first, QStringLiteral("complaint"));
        QCOMPARE(ctx.escalations[0].second, QStringLiteral("Wants to complain about ORD-482913"));
    }

    void bargeInKeepsContentsAlternating()
    {
        server->enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array({{{"text", "Your order shipped on Tuesday. It arrives tomorrow."}}}),
                             QStringLiteral("STOP"))}));
        server->enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array({{{"text", "Blue Dart."}}}), QStringLiteral("STOP"))}));
        RecordingContext ctx(store->registry());
        brain = geminiBrain(*server, geminiAgent());
        brain->begin(ctx);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        brain->agentInterrupted(QStringLiteral("Your order shipped"));
        brain->respond(QStringLiteral("Which courier?"), ctx);
        QVERIFY(ctx.waitForTurns(2));
        const json body = server->requests().at(1).json();
        const json contents = body["contents"];
        QCOMPARE(contents.size(), size_t(3));
        QCOMPARE(stringAt(contents[1], "role"), QStringLiteral("model"));
        // Cut to what was heard and rebuilt from text (the original content no longer applies).
        QVERIFY2(contents[1]["parts"] == json::parse(R"([{"text":"Your order shipped"}])"), contents[1].dump().c_str());
        QVERIFY(systemInstructionText(body).contains(QStringLiteral("heard only: \"Your order shipped\"")));
    }

private:
    std::unique_ptr<FakeHttpServer> server;
    std::unique_ptr<FixtureStore> store;
    std::unique_ptr<LlmBrain> brain;
};

QTEST_GUILESS_MAIN(TestLlmBrainGemini)
#include "tst_llmbraingemini.moc"
