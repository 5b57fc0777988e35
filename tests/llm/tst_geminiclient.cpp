// GeminiClient against a loopback server replaying streamGenerateContent?alt=sse: the request
// shape, merged text, several function calls in one chunk, the model content (with
// thoughtSignature) echoed unchanged, tool results as functionResponse, and refusals.
#include "engine/llm/geminiclient.h"
#include "fakehttpserver.h"
#include "llmprobe.h"
#include "scripts.h"

#include <QTest>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;

namespace {

std::unique_ptr<GeminiClient> clientFor(const FakeHttpServer &server, const QString &key = QStringLiteral("AIza-test-key"))
{
    LlmClientOptions options;
    options.baseUrl = server.url(QStringLiteral("/v1beta"));
    options.apiKey = key;
    options.timeouts = {5000, 5000, 15000};
    return std::make_unique<GeminiClient>(options);
}

LlmRequest codRequest()
{
    LlmRequest r;
    r.model = QStringLiteral("gemini-2.5-flash-lite");
    r.systemPrompt = QStringLiteral("Aap Acme Store ki COD confirmation assistant hain.");
    r.messages = {LlmMessage::user(QStringLiteral("Haan, order confirm hai."))};
    r.tools = seedTools();
    r.temperature = 0.3;
    return r;
}

json usage(int prompt, int candidates)
{
    return {{"promptTokenCount", prompt}, {"candidatesTokenCount", candidates}, {"totalTokenCount", prompt + candidates}};
}

LlmOutcome runTurn(GeminiClient &client, const LlmRequest &request, QStringList *deltas = nullptr)
{
    LlmProbe probe(client);
    if (!client.start(request) || !probe.wait())
        return LlmOutcome::failure(LlmError::make(LlmError::Network, QStringLiteral("test: no answer")));
    if (deltas)
        *deltas = probe.deltas;
    return probe.response ? LlmOutcome::success(*probe.response) : LlmOutcome::failure(*probe.error);
}

} // namespace

class TestGeminiClient : public QObject
{
    Q_OBJECT
private slots:
    void streamsTextAndSendsTheRequestAsGeminiExpects()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        json last = geminiChunk(json::array({{{"text", " order confirm ho gaya."}}}), QStringLiteral("STOP"));
        last["usageMetadata"] = usage(380, 11);
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({{{"text", "Dhanyavaad! "}}})),
                                                  geminiChunk(json::array({{{"text", "Aapka"}}})), last}, 10));
        auto client = clientFor(server);
        QStringList deltas;
        const LlmOutcome out = runTurn(*client, codRequest(), &deltas);
        QVERIFY2(out.ok(), qPrintable(errorText(out)));
        QCOMPARE(deltas, (QStringList{QStringLiteral("Dhanyavaad! "), QStringLiteral("Aapka"),
                                      QStringLiteral(" order confirm ho gaya.")}));
        QCOMPARE(out.response.text, QStringLiteral("Dhanyavaad! Aapka order confirm ho gaya."));
        QCOMPARE(out.response.finish, LlmFinish::Stop);
        QCOMPARE(out.response.finishReason, QStringLiteral("STOP"));
        QCOMPARE(out.response.inputTokens, 380);
        QCOMPARE(out.response.outputTokens, 11);

        const RecordedRequest &sent = server.requests().at(0);
        QCOMPARE(sent.path(), QStringLiteral("/v1beta/models/gemini-2.5-flash-lite:streamGenerateContent"));
        QCOMPARE(sent.query().queryItemValue(QStringLiteral("alt")), QStringLiteral("sse"));
        QCOMPARE(sent.header("x-goog-api-key"), QByteArray("AIza-test-key"));
        QVERIFY(!sent.target.contains("key=")); // the key never goes in the URL
        const json body = sent.json();
        QVERIFY(body["systemInstruction"] == json::parse(R"({"parts":[{"text":"Aap Acme Store ki COD confirmation assistant hain."}]})"));
        QVERIFY(body["contents"] == json::parse(R"([{"role":"user","parts":[{"text":"Haan, order confirm hai."}]}])"));
        QVERIFY(body["generationConfig"] == json::parse(R"({"temperature":0.3})"));
        QVERIFY(body["toolConfig"] == json::parse(R"({"functionCallingConfig":{"mode":"AUTO"}})"));
        // Declarations converted: no additionalProperties/$schema/minLength; upper-case types; enum kept.
        QVERIFY2(body["tools"] == seedToolsForGemini(), body["tools"].dump().c_str());
    }

    void toolChoiceBecomesTheCallingMode_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("mode");
        QTest::addRow("auto") << int(LlmToolChoice::Auto) << QStringLiteral("AUTO");
        QTest::addRow("none") << int(LlmToolChoice::None) << QStringLiteral("NONE");
        QTest::addRow("required") << int(LlmToolChoice::Required) << QStringLiteral("ANY");
    }
    void toolChoiceBecomesTheCallingMode()
    {
        QFETCH(int, choice);
        QFETCH(QString, mode);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({{{"text", "ok"}}}), QStringLiteral("STOP"))}));
        auto client = clientFor(server);
        LlmRequest request = codRequest();
        request.toolChoice = LlmToolChoice(choice);
        QVERIFY(runTurn(*client, request).ok());
        const json config = server.requests().at(0).json()["toolConfig"]["functionCallingConfig"];
        QCOMPARE(stringAt(config, "mode"), mode);
    }

    void severalFunctionCallsInOneChunk()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::parse(R"([
            {"functionCall":{"name":"get_order_status","args":{"order_id":"ORD-123456"}}},
            {"functionCall":{"name":"get_tracking_details","args":{"tracking_number":"BD1","carrier":"bluedart"}}}])"),
            QStringLiteral("STOP"))}));
        auto client = clientFor(server);
        QStringList deltas;
        const LlmOutcome out = runTurn(*client, codRequest(), &deltas);
        QVERIFY2(out.ok(), qPrintable(errorText(out)));
        QVERIFY(deltas.isEmpty());
        QCOMPARE(out.response.finish, LlmFinish::ToolCalls);
        QCOMPARE(out.response.toolCalls.size(), size_t(2));
        const LlmToolCall &a = out.response.toolCalls[0];
        const LlmToolCall &b = out.response.toolCalls[1];
        QCOMPARE(a.name, QStringLiteral("get_order_status"));
        QVERIFY(a.arguments == json({{"order_id", "ORD-123456"}}));
        QVERIFY(a.argumentsValid);
        QCOMPARE(b.name, QStringLiteral("get_tracking_details"));
        QVERIFY(b.arguments["carrier"] == "bluedart");
        QVERIFY(!a.id.isEmpty());
        QVERIFY(a.id != b.id);
    }

    void modelContentGoesBackUnchangedWithToolResults()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        // As Gemini 2.5/3 send it: a thought summary, then a call with its signature, in two chunks.
        const json firstParts = json::parse(R"([{"text":"Checking the order first.","thought":true}])");
        const json secondParts = json::parse(R"([{"functionCall":{"name":"confirm_cod_order","args":{"order_id":"ORD-77","confirmed":true}},
                                                 "thoughtSignature":"CiQBVKhc7sig+/==opaque"}])");
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(firstParts), geminiChunk(secondParts, QStringLiteral("STOP"))}));
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({{{"text", "Ho gaya!"}}}), QStringLiteral("STOP"))}));

        auto client = clientFor(server);
        LlmRequest request = codRequest();
        QStringList deltas;
        const LlmOutcome first = runTurn(*client, request, &deltas);
        QVERIFY2(first.ok(), qPrintable(errorText(first)));
        QVERIFY2(deltas.isEmpty(), "a thought summary must not be spoken");
        QCOMPARE(first.response.text, QString());
        QCOMPARE(first.response.toolCalls.size(), size_t(1));

        request.messages.push_back(first.response.assistantMessage());
        request.messages.push_back(LlmMessage::toolResultFor(first.response.toolCalls[0], {{"confirmed", true}}));
        const LlmOutcome second = runTurn(*client, request);
        QVERIFY2(second.ok(), qPrintable(errorText(second)));
        QCOMPARE(second.response.text, QStringLiteral("Ho gaya!"));

        const json contents = server.requests().at(1).json()["contents"];
        QCOMPARE(contents.size(), size_t(3));
        json expectedModel = {{"role", "model"}, {"parts", json::array({firstParts[0], secondParts[0]})}};
        QVERIFY2(contents[1] == expectedModel, contents[1].dump().c_str());
        QVERIFY(contents[2] == json::parse(R"({"role":"user","parts":[
            {"functionResponse":{"name":"confirm_cod_order","response":{"confirmed":true}}}]})"));
    }

    void resultsOfOneRoundShareAUserContent()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({{{"text", "ok"}}}), QStringLiteral("STOP"))}));
        auto client = clientFor(server);
        LlmRequest request = codRequest();
        // History built without providerData (e.g. it came from another provider): calls rebuilt,
        // results answer them by id, a provider id is echoed only if Gemini gave one.
        LlmToolCall a;
        a.id = QStringLiteral("call_1_0");
        a.name = QStringLiteral("get_order_status");
        a.arguments = {{"order_id", "ORD-5"}};
        LlmToolCall b = a;
        b.id = QStringLiteral("call_1_1");
        b.name = QStringLiteral("get_tracking_details");
        b.arguments = {{"tracking_number", "X"}, {"carrier", "ups"}};
        LlmMessage asked = LlmMessage::assistant(QStringLiteral("Ek minute."));
        asked.toolCalls = {a, b};
        request.messages.push_back(asked);
        LlmMessage r1 = LlmMessage::toolResultFor(a, json::array({"shipped"}));
        LlmMessage r2;
        r2.role = LlmRole::Tool;
        r2.toolCallId = b.id; // no name: found from the call
        r2.text = QStringLiteral("not json at all");
        request.messages.push_back(r1);
        request.messages.push_back(r2);
        const LlmOutcome out = runTurn(*client, request);
        QVERIFY2(out.ok(), qPrintable(errorText(out)));
        const json contents = server.requests().at(0).json()["contents"];
        QCOMPARE(contents.size(), size_t(3));
        QVERIFY(contents[1] == json::parse(R"({"role":"model","parts":[{"text":"Ek minute."},
            {"functionCall":{"name":"get_order_status","args":{"order_id":"ORD-5"}}},
            {"functionCall":{"name":"get_tracking_details","args":{"carrier":"ups","tracking_number":"X"}}}]})"));
        QVERIFY2(contents[2] == json::parse(R"({"role":"user","parts":[
            {"functionResponse":{"name":"get_order_status","response":{"result":["shipped"]}}},
            {"functionResponse":{"name":"get_tracking_details","response":{"result":"not json at all"}}}]})"),
                 contents[2].dump().c_str());
    }

    void providerCallIdsAreEchoed()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::parse(
            R"([{"functionCall":{"id":"fc-91","name":"get_order_status","args":{}}}])"), QStringLiteral("STOP"))}));
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({{{"text", "ok"}}}), QStringLiteral("STOP"))}));
        auto client = clientFor(server);
        LlmRequest request = codRequest();
        const LlmOutcome first = runTurn(*client, request);
        QVERIFY2(first.ok(), qPrintable(errorText(first)));
        QCOMPARE(first.response.toolCalls.at(0).id, QStringLiteral("fc-91"));
        request.messages.push_back(first.response.assistantMessage());
        request.messages.push_back(LlmMessage::toolResultFor(first.response.toolCalls[0], {{"status", "packed"}}));
        QVERIFY(runTurn(*client, request).ok());
        const json part = server.requests().at(1).json()["contents"][2]["parts"][0];
        QVERIFY2(part == json::parse(R"({"functionResponse":{"id":"fc-91","name":"get_order_status","response":{"status":"packed"}}})"),
                 part.dump().c_str());
    }

    void readsAWholeAnswerWhenNotStreaming()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        json answer = geminiChunk(json::array({{{"text", "Kal tak "}}, {{"text", "pahunch jayega."}}}), QStringLiteral("STOP"));
        server.enqueue(ScriptedResponse::json(200, answer));
        auto client = clientFor(server);
        client->setStreaming(false);
        const LlmOutcome out = runTurn(*client, codRequest());
        QVERIFY2(out.ok(), qPrintable(errorText(out)));
        QCOMPARE(out.response.text, QStringLiteral("Kal tak pahunch jayega."));
        QCOMPARE(server.requests().at(0).path(), QStringLiteral("/v1beta/models/gemini-2.5-flash-lite:generateContent"));
        QVERIFY(server.requests().at(0).query().isEmpty());
    }

    void refusesAnswersItCannotUse_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("chunk not JSON") << QByteArray("data: {\"candidates\": [\n\n") << int(LlmError::Malformed)
                                        << QStringLiteral("not JSON");
        QTest::addRow("parts not array") << QByteArray(R"(data: {"candidates":[{"content":{"parts":{"text":"x"}}}]})" "\n\n")
                                         << int(LlmError::Malformed) << QStringLiteral("parts is not an array");
        QTest::addRow("call without name") << QByteArray(R"(data: {"candidates":[{"content":{"parts":[{"functionCall":{"args":{}}}]},"finishReason":"STOP"}]})" "\n\n")
                                           << int(LlmError::Malformed) << QStringLiteral("no name");
        QTest::addRow("malformed function call") << QByteArray(R"(data: {"candidates":[{"finishReason":"MALFORMED_FUNCTION_CALL","finishMessage":"bad args"}]})" "\n\n")
                                                 << int(LlmError::Malformed) << QStringLiteral("bad args");
        QTest::addRow("no finishReason") << QByteArray(R"(data: {"candidates":[{"content":{"parts":[{"text":"Aapka"}]}}]})" "\n\n")
                                         << int(LlmError::Network) << QStringLiteral("before a finishReason");
        QTest::addRow("nothing at all") << QByteArray(": keep-alive\n\n") << int(LlmError::Malformed)
                                        << QStringLiteral("without any candidates");
        QTest::addRow("error chunk") << QByteArray(R"(data: {"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}})" "\n\n")
                                     << int(LlmError::Http5xx) << QStringLiteral("overloaded");
    }
    void refusesAnswersItCannotUse()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, stream, "text/event-stream"));
        auto client = clientFor(server);
        const LlmOutcome out = runTurn(*client, codRequest());
        QVERIFY2(!out.ok(), "expected a failure");
        QCOMPARE(int(out.error->kind), kind);
        QVERIFY(out.error->retryable);
        QVERIFY2(out.error->message.contains(mentions), qPrintable(out.error->message));
    }

    void blockedPromptIsAContentFilterFinish()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({json::parse(R"({"promptFeedback":{"blockReason":"SAFETY"}})")}));
        auto client = clientFor(server);
        const LlmOutcome out = runTurn(*client, codRequest());
        QVERIFY2(out.ok(), qPrintable(errorText(out)));
        QCOMPARE(out.response.finish, LlmFinish::ContentFilter);
        QCOMPARE(out.response.finishReason, QStringLiteral("blocked:SAFETY"));
        QVERIFY(out.response.text.isEmpty());
    }

    void quotaErrorCarriesTheRetryDelay()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(429, json::parse(R"({"error":{"code":429,"message":"Resource has been exhausted",
            "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"21s"}]}})")));
        auto client = clientFor(server);
        const LlmOutcome out = runTurn(*client, codRequest());
        QVERIFY(!out.ok());
        QCOMPARE(out.error->kind, LlmError::RateLimited);
        QCOMPARE(out.error->httpStatus, 429);
        QCOMPARE(out.error->retryAfterMs, 21000);
    }

    void missingKeyIsAConfigErrorAndNothingIsSent()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        auto client = clientFor(server, QString());
        const LlmOutcome out = runTurn(*client, codRequest());
        QVERIFY(!out.ok());
        QCOMPARE(out.error->kind, LlmError::Config);
        QVERIFY(!out.error->retryable);
        QVERIFY(out.error->message.contains(QStringLiteral("GEMINI_API_KEY")));
        QCOMPARE(server.requests().size(), 0);
    }

    void requestProblemsAreNamed_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::addRow("model id") << 0 << QStringLiteral("model: \"gemini 2.5/../x\"");
        QTest::addRow("empty user text") << 1 << QStringLiteral("messages[1].text");
        QTest::addRow("result without call") << 2 << QStringLiteral("messages[1].toolName");
    }
    void requestProblemsAreNamed()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        LlmRequest r = codRequest();
        if (which == 0) {
            r.model = QStringLiteral("gemini 2.5/../x");
        } else if (which == 1) {
            r.messages.push_back(LlmMessage::user(QString()));
        } else {
            LlmMessage m;
            m.role = LlmRole::Tool;
            m.toolCallId = QStringLiteral("nobody");
            r.messages.push_back(m);
        }
        FakeHttpServer server;
        QVERIFY(server.listen());
        auto client = clientFor(server);
        const LlmOutcome out = runTurn(*client, r);
        QVERIFY(!out.ok());
        QCOMPARE(out.error->kind, LlmError::InvalidRequest);
        QVERIFY2(out.error->message.contains(field), qPrintable(out.error->message));
        QCOMPARE(server.requests().size(), 0);
    }

    void modelsPrefixIsAccepted()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(json::array({{{"text", "ok"}}}), QStringLiteral("STOP"))}));
        auto client = clientFor(server);
        LlmRequest r = codRequest();
        r.model = QStringLiteral("models/gemini-2.5-flash");
        QVERIFY(runTurn(*client, r).ok());
        QCOMPARE(server.requests().at(0).path(), QStringLiteral("/v1beta/models/gemini-2.5-flash:streamGenerateContent"));
    }
};

QTEST_GUILESS_MAIN(TestGeminiClient)
#include "tst_geminiclient.moc"
