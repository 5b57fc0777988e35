// What both clients share: HTTP failures, timeouts, cut streams, cancellation and the blocking
// helper, each run against OpenAI-compatible and Gemini scripts on a loopback server.
#include "engine/llm/geminiclient.h"
#include "engine/llm/llmblocking.h"
#include "engine/llm/openaicompatibleclient.h"
#include "fakehttpserver.h"
#include "llmprobe.h"
#include "scripts.h"

#include <QTcpServer>
#include <QTest>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;

namespace {

const QString kOpenAi = QStringLiteral("openai");
const QString kGemini = QStringLiteral("gemini");

std::unique_ptr<LlmClient> makeClient(const QString &provider, const QUrl &root, LlmTimeouts timeouts = {5000, 5000, 15000})
{
    LlmClientOptions options;
    options.timeouts = timeouts;
    if (provider == kGemini) {
        options.baseUrl = root.resolved(QUrl(QStringLiteral("/v1beta")));
        options.apiKey = QStringLiteral("AIza-test");
        return std::make_unique<GeminiClient>(options);
    }
    options.baseUrl = root.resolved(QUrl(QStringLiteral("/v1")));
    return std::make_unique<OpenAiCompatibleClient>(options);
}

LlmRequest simpleRequest()
{
    LlmRequest r;
    r.model = QStringLiteral("test-model");
    r.messages = {LlmMessage::user(QStringLiteral("Is my order on its way?"))};
    return r;
}

// One text piece as this provider streams it.
json textChunk(const QString &provider, const QString &text)
{
    if (provider == kGemini)
        return geminiChunk(json::array({{{"text", text}}}));
    return openAiChunk({{"content", text}});
}

// A complete streamed answer made of `pieces`, `delayMs` apart.
ScriptedResponse textStream(const QString &provider, const QStringList &pieces, int delayMs)
{
    QList<json> chunks;
    for (const QString &p : pieces)
        chunks << textChunk(provider, p);
    if (provider == kGemini) {
        chunks << geminiChunk(json::array(), QStringLiteral("STOP"));
        return ScriptedResponse::sseJson(chunks, delayMs);
    }
    chunks << openAiChunk(json::object(), "stop");
    return ScriptedResponse::sseJson(chunks, delayMs).withChunk("data: [DONE]\n\n", delayMs);
}

void addProviders()
{
    QTest::addColumn<QString>("provider");
    QTest::addRow("openai-compatible") << kOpenAi;
    QTest::addRow("gemini") << kGemini;
}

} // namespace

class TestLlmTransport : public QObject
{
    Q_OBJECT
private slots:
    void httpFailuresMapToKinds_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<int>("retryAfterMs");
        for (const QString &p : {kOpenAi, kGemini}) {
            QTest::addRow("%s 500", qPrintable(p)) << p << 500 << QByteArray() << int(LlmError::Http5xx) << true << -1;
            QTest::addRow("%s 503", qPrintable(p)) << p << 503 << QByteArray() << int(LlmError::Http5xx) << true << -1;
            QTest::addRow("%s 400", qPrintable(p)) << p << 400 << QByteArray() << int(LlmError::Http4xx) << false << -1;
            QTest::addRow("%s 401", qPrintable(p)) << p << 401 << QByteArray() << int(LlmError::Http4xx) << false << -1;
            QTest::addRow("%s 429", qPrintable(p)) << p << 429 << QByteArray("7") << int(LlmError::RateLimited) << true << 7000;
        }
    }
    void httpFailuresMapToKinds()
    {
        QFETCH(QString, provider);
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, kind);
        QFETCH(bool, retryable);
        QFETCH(int, retryAfterMs);
        FakeHttpServer server;
        QVERIFY(server.listen());
        ScriptedResponse answer = ScriptedResponse::json(status, {{"error", {{"message", "scripted failure"}}}});
        if (!retryAfter.isEmpty())
            answer.withHeader("Retry-After", retryAfter);
        server.enqueue(answer);
        auto client = makeClient(provider, server.url());
        LlmProbe probe(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(int(probe.error->kind), kind);
        QCOMPARE(probe.error->httpStatus, status);
        QCOMPARE(probe.error->retryable, retryable);
        QCOMPARE(probe.error->retryAfterMs, retryAfterMs);
        QVERIFY2(probe.error->message.contains(QStringLiteral("scripted failure")), qPrintable(probe.error->message));
    }

    void slowFirstByteTimesOut_data() { addProviders(); }
    void slowFirstByteTimesOut()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(textStream(provider, {QStringLiteral("too late")}, 0).withFirstByteDelay(4000));
        auto client = makeClient(provider, server.url(), {300, 5000, 15000});
        LlmProbe probe(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Timeout);
        QVERIFY(probe.error->retryable);
        QVERIFY2(probe.error->message.contains(QStringLiteral("no response")), qPrintable(probe.error->message));
        QVERIFY2(probe.endedAfterMs < 4000, "ended by the server, not by the timeout");
        QVERIFY(server.waitForClientCloses(1)); // the request was dropped, not left hanging
        QVERIFY(probe.deltas.isEmpty());
    }

    void stalledStreamTimesOut_data() { addProviders(); }
    void stalledStreamTimesOut()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        ScriptedResponse stalled = textStream(provider, {QStringLiteral("Let me check"), QStringLiteral(" that.")}, 0);
        stalled.chunks[1].delayMs = 4000;
        server.enqueue(stalled);
        auto client = makeClient(provider, server.url(), {5000, 300, 15000});
        LlmProbe probe(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Timeout);
        QVERIFY2(probe.error->message.contains(QStringLiteral("stalled")), qPrintable(probe.error->message));
        QCOMPARE(probe.deltas, QStringList{QStringLiteral("Let me check")});
    }

    void totalBudgetEndsATrickle_data() { addProviders(); }
    void totalBudgetEndsATrickle()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        QStringList pieces;
        for (int i = 0; i < 40; ++i)
            pieces << QStringLiteral("word ");
        server.enqueue(textStream(provider, pieces, 100));
        auto client = makeClient(provider, server.url(), {5000, 5000, 500});
        LlmProbe probe(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Timeout);
        QVERIFY2(probe.error->message.contains(QStringLiteral("did not finish")), qPrintable(probe.error->message));
        QVERIFY(probe.deltas.size() < pieces.size());
    }

    void connectionClosedMidStream_data() { addProviders(); }
    void connectionClosedMidStream()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(textStream(provider, {QStringLiteral("Your order "), QStringLiteral("was "), QStringLiteral("delivered")}, 20)
                           .closingAfter(2));
        auto client = makeClient(provider, server.url());
        LlmProbe probe(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Network);
        QVERIFY(probe.error->retryable);
        QVERIFY2(probe.error->message.contains(QStringLiteral("mid-stream")), qPrintable(probe.error->message));
        QCOMPARE(probe.deltas, (QStringList{QStringLiteral("Your order "), QStringLiteral("was ")}));
    }

    void cancelMidStream_data() { addProviders(); }
    void cancelMidStream()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        QStringList pieces;
        for (int i = 0; i < 10; ++i)
            pieces << QStringLiteral("piece%1 ").arg(i);
        server.enqueue(textStream(provider, pieces, 150));
        auto client = makeClient(provider, server.url());
        LlmProbe probe(*client);
        LlmClient *raw = client.get();
        // The caller barges in as soon as the first words arrive.
        QObject::connect(raw, &LlmClient::textDelta, &probe.scope, [raw] { raw->cancel(); });
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.error, "expected a failure");
        QCOMPARE(probe.error->kind, LlmError::Cancelled);
        QVERIFY(!probe.error->retryable);
        QCOMPARE(probe.deltas, QStringList{QStringLiteral("piece0 ")});
        QVERIFY(!client->isRunning());
        QVERIFY(server.waitForClientCloses(1));
        QCOMPARE(server.clientClosesMidResponse(), 1);
        QTest::qWait(400);
        QCOMPARE(probe.endings, 1); // nothing after the cancel
        QCOMPARE(probe.deltas.size(), 1);
        client->cancel(); // idle: nothing happens
        QCOMPARE(probe.endings, 1);
    }

    void clientIsReusableAfterCancel_data() { addProviders(); }
    void clientIsReusableAfterCancel()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::silence());
        server.enqueue(textStream(provider, {QStringLiteral("second try")}, 0));
        auto client = makeClient(provider, server.url());
        LlmProbe first(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(server.waitForRequests(1));
        client->cancel();
        QCOMPARE(first.endings, 1); // synchronous
        QCOMPARE(first.error->kind, LlmError::Cancelled);
        const LlmOutcome again = runLlmBlocking(*client, simpleRequest());
        QVERIFY2(again.ok(), qPrintable(errorText(again)));
        QCOMPARE(again.response.text, QStringLiteral("second try"));
    }

    void refusedConnectionIsANetworkError_data() { addProviders(); }
    void refusedConnectionIsANetworkError()
    {
        QFETCH(QString, provider);
        QTcpServer probePort;
        QVERIFY(probePort.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probePort.serverPort();
        probePort.close(); // nothing listens there now
        auto client = makeClient(provider, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const LlmOutcome out = runLlmBlocking(*client, simpleRequest());
        QVERIFY(!out.ok());
        QCOMPARE(out.error->kind, LlmError::Network);
        QVERIFY(out.error->retryable);
        QVERIFY2(out.error->message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(out.error->message));
    }

    void notServerSentEventsIsMalformed_data() { addProviders(); }
    void notServerSentEventsIsMalformed()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "<html>proxy login required</html>\n", "text/html"));
        auto client = makeClient(provider, server.url());
        const LlmOutcome out = runLlmBlocking(*client, simpleRequest());
        QVERIFY(!out.ok());
        QCOMPARE(out.error->kind, LlmError::Malformed);
        QVERIFY2(out.error->message.contains(QStringLiteral("proxy login required")), qPrintable(out.error->message));
    }

    void garbageInsteadOfHttpIsReported_data() { addProviders(); }
    void garbageInsteadOfHttpIsReported()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        // Qt resends once when a connection dies before an answer, so every attempt gets garbage.
        server.setResponder([](const RecordedRequest &) { return ScriptedResponse::rawBytes("SSH-2.0-OpenSSH_9.2\r\n"); });
        auto client = makeClient(provider, server.url());
        const LlmOutcome out = runLlmBlocking(*client, simpleRequest());
        QVERIFY(!out.ok());
        // Qt reads a non-HTTP answer as the connection closing before a response.
        QVERIFY2(out.error->kind == LlmError::Network, qPrintable(out.error->describe()));
        QVERIFY(out.error->retryable);
    }

    void blockingHelperStreamsAndReturns_data() { addProviders(); }
    void blockingHelperStreamsAndReturns()
    {
        QFETCH(QString, provider);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(textStream(provider, {QStringLiteral("Out for "), QStringLiteral("delivery today.")}, 10));
        auto client = makeClient(provider, server.url());
        QStringList heard;
        const LlmOutcome out = runLlmBlocking(*client, simpleRequest(), [&](const QString &t) { heard << t; });
        QVERIFY2(out.ok(), qPrintable(errorText(out)));
        QCOMPARE(out.response.text, QStringLiteral("Out for delivery today."));
        QCOMPARE(heard, (QStringList{QStringLiteral("Out for "), QStringLiteral("delivery today.")}));
    }

    void secondStartWhileRunningIsRefused()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(textStream(kOpenAi, {QStringLiteral("one")}, 100));
        auto client = makeClient(kOpenAi, server.url());
        LlmProbe probe(*client);
        QVERIFY(client->start(simpleRequest()));
        QVERIFY(!client->start(simpleRequest()));
        QVERIFY(probe.wait());
        QVERIFY2(probe.response, qPrintable(probe.errorText()));
        QTest::qWait(50);
        QCOMPARE(probe.endings, 1);
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLlmTransport)
#include "tst_llmtransport.moc"
