// OpenAiCompatibleClient against a loopback server replaying what Ollama / llama.cpp / vLLM send:
// the request it puts on the wire, streamed text, tool calls assembled from split deltas,
// tool results carried back, and answers it must refuse.
#include "engine/llm/openaicompatibleclient.h"
#include "fakehttpserver.h"
#include "llmprobe.h"
#include "scripts.h"

#include <QTest>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;

namespace {

std::unique_ptr<OpenAiCompatibleClient> clientFor(const FakeHttpServer &server, const QString &key = {})
{
    LlmClientOptions options;
    options.baseUrl = server.url(QStringLiteral("/v1/"));
    options.apiKey = key;
    options.timeouts = {5000, 5000, 15000};
    return std::make_unique<OpenAiCompatibleClient>(options);
}

LlmRequest orderRequest()
{
    LlmRequest r;
    r.model = QStringLiteral("qwen2.5:7b");
    r.systemPrompt = QStringLiteral("You are the order desk of Acme Store.");
    r.messages = {LlmMessage::user(QStringLiteral("Where is my order ORD-123456?"))};
    r.tools = seedTools();
    r.temperature = 0.3;
    return r;
}

QByteArray sseOf(const QList<json> &chunks)
{
    QByteArray out;
    for (const json &c : chunks)
        out += "data: " + QByteArray::fromStdString(c.dump()) + "\n\n";
    return out + "data: [DONE]\n\n";
}

// Streams one tool call whose arguments text is exactly `raw`, then finishes with tool_calls.
ScriptedResponse oneToolCall(const QString &id, const QString &name, const QString &raw)
{
    return ScriptedResponse::sseJson({openAiToolDelta(0, id, name, QString()),
                                      openAiToolDelta(0, {}, {}, raw),
                                      openAiChunk(json::object(), "tool_calls")})
        .withChunk("data: [DONE]\n\n");
}

} // namespace

class TestOpenAiClient : public QObject
{
    Q_OBJECT
private slots:
    void streamsTextAndSendsTheRequestAsOpenAiDoes()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({
            openAiChunk({{"role", "assistant"}, {"content", ""}}),
            openAiChunk({{"content", "Your order "}}),
            openAiChunk({{"content", "ORD-123456 shipped "}}),
            openAiChunk({{"content", "yesterday."}}),
            openAiChunk(json::object(), "stop"),
            {{"id", "chatcmpl-7"}, {"choices", json::array()},
             {"usage", {{"prompt_tokens", 412}, {"completion_tokens", 9}, {"total_tokens", 421}}}},
        }, 10).withChunk("data: [DONE]\n\n", 10));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QCOMPARE(probe.deltas, (QStringList{QStringLiteral("Your order "), QStringLiteral("ORD-123456 shipped "),
                                            QStringLiteral("yesterday.")}));
        const LlmResponse &r = *probe.response;
        QCOMPARE(r.text, QStringLiteral("Your order ORD-123456 shipped yesterday."));
        QCOMPARE(r.finish, LlmFinish::Stop);
        QCOMPARE(r.finishReason, QStringLiteral("stop"));
        QCOMPARE(r.inputTokens, 412);
        QCOMPARE(r.outputTokens, 9);
        QVERIFY(r.toolCalls.empty());
        QTest::qWait(50);
        QCOMPARE(probe.endings, 1);
        QVERIFY(!client->isRunning());

        QCOMPARE(server.requests().size(), 1);
        const RecordedRequest &sent = server.requests().at(0);
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path(), QStringLiteral("/v1/chat/completions"));
        QVERIFY(sent.header("Content-Type").startsWith("application/json"));
        QVERIFY(!sent.hasHeader("Authorization")); // a local server needs no key
        const json body = sent.json();
        QVERIFY(body["model"] == "qwen2.5:7b");
        QVERIFY(body["stream"] == true);
        QVERIFY(body["stream_options"]["include_usage"] == true);
        QVERIFY(body["temperature"] == 0.3);
        QVERIFY(!body.contains("max_tokens"));
        QVERIFY(body["messages"] == json::parse(R"([
            {"role":"system","content":"You are the order desk of Acme Store."},
            {"role":"user","content":"Where is my order ORD-123456?"}])"));
        QVERIFY(body["tools"] == seedTools()); // passed through untouched
        QVERIFY(body["tool_choice"] == "auto");
    }

    void sendsTheKeyAndTokenLimitWhenSet()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, sseOf({openAiChunk({{"content", "ok"}}, "stop")}),
                                              "text/event-stream"));
        auto client = clientFor(server, QStringLiteral("sk-local-123"));
        LlmProbe probe(*client);
        LlmRequest request = orderRequest();
        request.maxTokens = 200;
        request.tools = nullptr;
        QVERIFY(client->start(request));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        const RecordedRequest &sent = server.requests().at(0);
        QCOMPARE(sent.header("Authorization"), QByteArray("Bearer sk-local-123"));
        QVERIFY(sent.json()["max_tokens"] == 200);
        QVERIFY(!sent.json().contains("tools"));
        QVERIFY(!sent.json().contains("tool_choice"));
    }

    void toolChoiceIsSent_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("wire");
        QTest::addRow("auto") << int(LlmToolChoice::Auto) << QStringLiteral("auto");
        QTest::addRow("none") << int(LlmToolChoice::None) << QStringLiteral("none");
        QTest::addRow("required") << int(LlmToolChoice::Required) << QStringLiteral("required");
    }
    void toolChoiceIsSent()
    {
        QFETCH(int, choice);
        QFETCH(QString, wire);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, sseOf({openAiChunk({{"content", "ok"}}, "stop")}), "text/event-stream"));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        LlmRequest request = orderRequest();
        request.toolChoice = LlmToolChoice(choice);
        QVERIFY(client->start(request));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QCOMPARE(stringAt(server.requests().at(0).json(), "tool_choice"), wire);
    }

    void assemblesToolCallsFromDeltasSplitMidArgument()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        // Two calls interleaved by index; ids and names first, arguments cut mid-token.
        server.enqueue(ScriptedResponse::sseJson({
            openAiToolDelta(0, QStringLiteral("call_a"), QStringLiteral("get_order_status"), QStringLiteral("")),
            openAiToolDelta(1, QStringLiteral("call_b"), QStringLiteral("get_tracking_details"), QStringLiteral("{\"tracking_")),
            openAiToolDelta(0, {}, {}, QStringLiteral("{\"order_")),
            openAiToolDelta(0, {}, {}, QStringLiteral("id\": \"ORD-12")),
            openAiToolDelta(1, {}, {}, QStringLiteral("number\": \"BD12345\", \"carrier\": \"blue")),
            openAiToolDelta(0, {}, {}, QStringLiteral("3456\"}")),
            openAiToolDelta(1, {}, {}, QStringLiteral("dart\"}")),
            openAiChunk(json::object(), "tool_calls"),
        }, 5).withChunk("data: [DONE]\n\n"));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        const LlmResponse &r = *probe.response;
        QVERIFY(probe.deltas.isEmpty());
        QCOMPARE(r.finish, LlmFinish::ToolCalls);
        QCOMPARE(r.toolCalls.size(), size_t(2));
        QCOMPARE(r.toolCalls[0].id, QStringLiteral("call_a"));
        QCOMPARE(r.toolCalls[0].name, QStringLiteral("get_order_status"));
        QCOMPARE(r.toolCalls[0].rawArguments, QStringLiteral("{\"order_id\": \"ORD-123456\"}"));
        QVERIFY(r.toolCalls[0].argumentsValid);
        QVERIFY(r.toolCalls[0].arguments == json({{"order_id", "ORD-123456"}}));
        QCOMPARE(r.toolCalls[1].id, QStringLiteral("call_b"));
        QCOMPARE(r.toolCalls[1].name, QStringLiteral("get_tracking_details"));
        QVERIFY(r.toolCalls[1].arguments == json({{"tracking_number", "BD12345"}, {"carrier", "bluedart"}}));
    }

    void carriesToolResultsBackInTheNextRequest()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        // Odd spacing proves the arguments text is echoed, not re-serialised.
        const QString raw = QStringLiteral("{ \"order_id\" : \"ORD-123456\" }");
        server.enqueue(oneToolCall(QStringLiteral("call_9"), QStringLiteral("get_order_status"), raw));
        server.enqueue(ScriptedResponse::sseJson({openAiChunk({{"content", "It arrives Friday."}}, "stop")})
                           .withChunk("data: [DONE]\n\n"));
        auto client = clientFor(server);
        LlmProbe first(*client);
        LlmRequest request = orderRequest();
        QVERIFY(client->start(request));
        QVERIFY(first.wait());
        QVERIFY2(first.response, qPrintable(first.errorText()));
        QCOMPARE(first.response->toolCalls.size(), size_t(1));

        const LlmToolCall call = first.response->toolCalls[0];
        request.messages.push_back(first.response->assistantMessage());
        request.messages.push_back(LlmMessage::toolResultFor(call, {{"status", "shipped"}, {"eta", "2026-11-28"}}));
        LlmToolCall second = call;
        second.id = QStringLiteral("call_10");
        LlmMessage notFound = LlmMessage::toolResultFor(second, QStringLiteral("Order not found"));
        LlmMessage asked = LlmMessage::assistant({});
        asked.toolCalls = {second};
        request.messages.push_back(asked);
        request.messages.push_back(notFound);

        LlmProbe next(*client);
        QVERIFY(client->start(request));
        QVERIFY(next.wait());
        QVERIFY2(next.response, qPrintable(next.errorText()));
        QCOMPARE(next.response->text, QStringLiteral("It arrives Friday."));

        const json messages = server.requests().at(1).json()["messages"];
        QCOMPARE(messages.size(), size_t(6));
        const json echoedCall = {{"id", "call_9"}, {"type", "function"},
                                 {"function", {{"name", "get_order_status"}, {"arguments", raw}}}};
        QVERIFY2(messages[2] == json({{"role", "assistant"}, {"tool_calls", json::array({echoedCall})}}),
                 messages[2].dump().c_str());
        const json result = {{"role", "tool"}, {"tool_call_id", "call_9"},
                             {"content", json({{"status", "shipped"}, {"eta", "2026-11-28"}}).dump()}};
        QVERIFY2(messages[3] == result, messages[3].dump().c_str());
        QVERIFY(messages[5] == json::parse(R"({"role":"tool","tool_call_id":"call_10","content":"Order not found"})"));
    }

    void keepsUnparsableArgumentsForTheBrain_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("why");
        QTest::addRow("cut off") << QStringLiteral("{\"order_id\": \"ORD-1") << false << QStringLiteral("not valid JSON");
        QTest::addRow("array") << QStringLiteral("[\"ORD-1\"]") << false << QStringLiteral("must be a JSON object");
        QTest::addRow("number too large") << QStringLiteral("{\"quantity\": 1e999}") << false << QStringLiteral("number overflow");
        QTest::addRow("empty") << QStringLiteral("") << true << QString();
    }
    void keepsUnparsableArgumentsForTheBrain()
    {
        QFETCH(QString, raw);
        QFETCH(bool, valid);
        QFETCH(QString, why);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(oneToolCall(QStringLiteral("call_1"), QStringLiteral("get_order_status"), raw));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        const LlmToolCall &call = probe.response->toolCalls.at(0);
        QCOMPARE(call.argumentsValid, valid);
        QCOMPARE(call.rawArguments, raw);
        QVERIFY(call.arguments == json::object());
        QVERIFY2(call.argumentsError.contains(why), qPrintable(call.argumentsError));
    }

    void readsAWholeAnswerWhenNotStreaming()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        json answer = json::parse(R"({"id":"chatcmpl-1","object":"chat.completion",
            "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
              "tool_calls":[{"id":"call_x","type":"function","function":{"name":"get_order_status"}}]}}],
            "usage":{"prompt_tokens":50,"completion_tokens":12}})");
        answer["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] =
            json({{"phone_number", "+919800000000"}}).dump();
        server.enqueue(ScriptedResponse::json(200, answer));
        auto client = clientFor(server);
        client->setStreaming(false);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QVERIFY(probe.deltas.isEmpty());
        QCOMPARE(probe.response->finish, LlmFinish::ToolCalls);
        QCOMPARE(probe.response->toolCalls.at(0).id, QStringLiteral("call_x"));
        QVERIFY(probe.response->toolCalls.at(0).arguments["phone_number"] == "+919800000000");
        QCOMPARE(probe.response->outputTokens, 12);
        const json body = server.requests().at(0).json();
        QVERIFY(body["stream"] == false);
        QVERIFY(!body.contains("stream_options"));
    }

    void acceptsAJsonAnswerToAStreamingRequest()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, {{"choices", json::array({{{"index", 0}, {"finish_reason", "stop"},
            {"message", {{"role", "assistant"}, {"content", "Namaste!"}}}}})}}));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QCOMPARE(probe.response->text, QStringLiteral("Namaste!"));
    }

    void refusesAnswersItCannotUse_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("chunk not JSON") << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\n\n")
                                        << QStringLiteral("not JSON");
        QTest::addRow("choices not array") << QByteArray("data: {\"choices\":5}\n\n") << QStringLiteral("choices is not an array");
        QTest::addRow("call without name")
            << sseOf({openAiToolDelta(0, QStringLiteral("call_1"), {}, QStringLiteral("{}")), openAiChunk(json::object(), "tool_calls")})
            << QStringLiteral("no function name");
        QTest::addRow("only DONE") << QByteArray("data: [DONE]\n\n") << QStringLiteral("without any choices");
        QTest::addRow("number too large") << QByteArray("data: {\"created\":1e999,\"choices\":[]}\n\n") << QStringLiteral("number overflow");
    }
    void refusesAnswersItCannotUse()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, mentions);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, stream, "text/event-stream"));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Malformed);
        QVERIFY(probe.error->retryable);
        QVERIFY2(probe.error->message.contains(mentions), qPrintable(probe.error->message));
        QTest::qWait(30);
        QCOMPARE(probe.endings, 1);
    }

    void errorSentMidStreamStopsTheAnswer()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({openAiChunk({{"content", "Let me "}}),
            {{"error", {{"code", 500}, {"message", "CUDA error: out of memory"}, {"type", "server_error"}}}}}));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Http5xx);
        QCOMPARE(probe.error->httpStatus, 500);
        QVERIFY(probe.error->message.contains(QStringLiteral("out of memory")));
        QCOMPARE(probe.deltas, QStringList{QStringLiteral("Let me ")});
    }

    void streamCutBeforeItsEndIsANetworkError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        // A clean close (no framing error) but neither finish_reason nor [DONE]: the answer was cut.
        server.enqueue(ScriptedResponse::sseJson({openAiChunk({{"content", "Your order is"}})})
                           .withFraming(ScriptedResponse::Framing::CloseDelimited));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Network);
        QVERIFY(probe.error->retryable);
        QVERIFY2(probe.error->message.contains(QStringLiteral("[DONE]")), qPrintable(probe.error->message));
    }

    void finishReasonWithoutDoneIsEnough()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({openAiChunk({{"content", "Done."}}, "stop")})
                           .withFraming(ScriptedResponse::Framing::CloseDelimited));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QCOMPARE(probe.response->text, QStringLiteral("Done."));
    }

    void toolCallsWithFinishStopStillCountAsToolCalls()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({
            openAiToolDelta(0, {}, QStringLiteral("get_order_status"), QStringLiteral("{\"order_id\":\"ORD-1\"}")),
            openAiChunk(json::object(), "stop")}).withChunk("data: [DONE]\n\n"));
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(orderRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QCOMPARE(probe.response->finish, LlmFinish::ToolCalls);
        QCOMPARE(probe.response->finishReason, QStringLiteral("stop"));
        QCOMPARE(probe.response->toolCalls.at(0).id, QStringLiteral("call_0")); // made up: the server gave none
    }

    void requestProblemsAreNamedAndNothingIsSent_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::addRow("model") << 0 << QStringLiteral("model:");
        QTest::addRow("temperature") << 1 << QStringLiteral("temperature: 3.5");
        QTest::addRow("tools shape") << 2 << QStringLiteral("tools: must be an array");
        QTest::addRow("tool name") << 3 << QStringLiteral("tools[1].function.name");
        QTest::addRow("tool result id") << 4 << QStringLiteral("messages[1].toolCallId");
        QTest::addRow("no messages") << 5 << QStringLiteral("messages: empty");
        QTest::addRow("call id") << 6 << QStringLiteral("messages[1].toolCalls[0].id");
    }
    void requestProblemsAreNamedAndNothingIsSent()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        LlmRequest r = orderRequest();
        switch (which) {
        case 0: r.model.clear(); break;
        case 1: r.temperature = 3.5; break;
        case 2: r.tools = {{"type", "function"}}; break;
        case 3: r.tools[1]["function"].erase("name"); break;
        case 4: {
            LlmMessage m;
            m.role = LlmRole::Tool;
            m.toolName = QStringLiteral("get_order_status");
            r.messages.push_back(m);
            break;
        }
        case 5: r.messages.clear(); break;
        case 6: {
            LlmMessage m = LlmMessage::assistant({});
            LlmToolCall call;
            call.name = QStringLiteral("get_order_status");
            m.toolCalls = {call};
            r.messages.push_back(m);
            break;
        }
        }
        FakeHttpServer server;
        QVERIFY(server.listen());
        auto client = clientFor(server);
        LlmProbe probe(*client);
        QVERIFY(client->start(r));
        QCOMPARE(probe.endings, 0); // reported from the event loop, not inside start()
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::InvalidRequest);
        QVERIFY(!probe.error->retryable);
        QVERIFY2(probe.error->message.contains(field), qPrintable(probe.error->message));
        QCOMPARE(server.requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiClient)
#include "tst_openaiclient.moc"
