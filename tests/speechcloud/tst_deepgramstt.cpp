// DeepgramStt against a loopback fake speaking Deepgram's live protocol.

#include "deepgrammessages.h"
#include "fakehttpserver.h"
#include "fakewebsocketserver.h"
#include "sttrecorder.h"

#include "speech/cloud/deepgramstt.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUrlQuery>

#include <vector>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;

namespace {

SttConfig config16k(const QString &language = QStringLiteral("en-US"))
{
    SttConfig c;
    c.language = language;
    c.sampleRate = 16000;
    c.endpointingMs = 300;
    c.interimResults = true;
    return c;
}

std::vector<std::int16_t> ramp(std::size_t n, int seed)
{
    std::vector<std::int16_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = std::int16_t((int(i) * 37 + seed * 1000) % 20000 - 10000);
    return v;
}

int countText(const QList<WsReceived> &frames, const char *type)
{
    int n = 0;
    for (const WsReceived &f : frames)
        n += !f.binary && f.json().value("type", "") == type;
    return n;
}

} // namespace

class TestDeepgramStt : public QObject
{
    Q_OBJECT

    DeepgramOptions optionsFor(const FakeWebSocketServer &server)
    {
        DeepgramOptions o;
        o.url = server.url(QStringLiteral("/v1/listen"));
        o.apiKey = QStringLiteral("dg-test-key");
        o.finalizeTimeoutMs = 400;
        return o;
    }

private slots:
    void requestCarriesModelLanguageAndKeywords_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("keywords");
        QTest::addColumn<QString>("expectedLanguage");
        QTest::addColumn<QStringList>("keyterms");
        QTest::addColumn<QStringList>("keywordParams");
        const QStringList kw{QStringLiteral("order:2"), QStringLiteral("cash on delivery:1.5"), QStringLiteral("AWB"),
                             QStringLiteral("refund:-3")};
        QTest::addRow("nova-3 uses keyterm") << QStringLiteral("nova-3") << QStringLiteral("en-US") << kw << QStringLiteral("en")
                                             << sl({"order", "cash on delivery", "AWB"}) << QStringList();
        QTest::addRow("nova-2 uses keywords with boost")
            << QStringLiteral("nova-2") << QStringLiteral("en-IN") << kw << QStringLiteral("en") << QStringList()
            << sl({"order:2", "cash on delivery:1.5", "AWB:1", "refund:-3"});
        QTest::addRow("hindi on nova-2") << QStringLiteral("nova-2-general") << QStringLiteral("hi-IN") << QStringList() << QStringLiteral("hi") << QStringList()
                                         << QStringList();
    }
    void requestCarriesModelLanguageAndKeywords()
    {
        QFETCH(QString, model);
        QFETCH(QString, language);
        QFETCH(QStringList, keywords);
        QFETCH(QString, expectedLanguage);
        QFETCH(QStringList, keyterms);
        QFETCH(QStringList, keywordParams);

        FakeWebSocketServer server;
        QVERIFY(server.listen());
        DeepgramOptions o = optionsFor(server);
        o.model = model;
        DeepgramStt stt(o);
        SttRecorder rec;
        SttConfig c = config16k(language);
        c.keywords = keywords;
        QVERIFY(stt.start(c, rec.callbacks()));
        QVERIFY(server.waitForConnections(1));

        const WsConnectionInfo &info = server.connection(0);
        QCOMPARE(info.url.path(), QStringLiteral("/v1/listen"));
        QCOMPARE(info.header("Authorization"), QByteArray("Token dg-test-key"));
        const QUrlQuery q(info.url);
        QCOMPARE(q.queryItemValue(QStringLiteral("model")), model);
        QCOMPARE(q.queryItemValue(QStringLiteral("encoding")), QStringLiteral("linear16"));
        QCOMPARE(q.queryItemValue(QStringLiteral("sample_rate")), QStringLiteral("16000"));
        QCOMPARE(q.queryItemValue(QStringLiteral("channels")), QStringLiteral("1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("language")), expectedLanguage);
        QCOMPARE(q.queryItemValue(QStringLiteral("interim_results")), QStringLiteral("true"));
        QCOMPARE(q.queryItemValue(QStringLiteral("endpointing")), QStringLiteral("300"));
        QCOMPARE(q.queryItemValue(QStringLiteral("utterance_end_ms")), QStringLiteral("1000"));
        QCOMPARE(q.queryItemValue(QStringLiteral("smart_format")), QStringLiteral("true"));
        QCOMPARE(q.allQueryItemValues(QStringLiteral("keyterm"), QUrl::FullyDecoded), keyterms);
        QCOMPARE(q.allQueryItemValues(QStringLiteral("keywords"), QUrl::FullyDecoded), keywordParams);
        QVERIFY(!info.url.toString().contains(QLatin1String("dg-test-key"))); // the key stays in the header
        // nova-3 cannot suppress a word: the negative boost is left out and said so.
        QCOMPARE(stt.warnings().size(), keyterms.isEmpty() ? 0 : 1);
        stt.stop();
    }

    void audioGoesOutAsBinaryFramesUnchanged()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        DeepgramStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        // Fed before the socket is open: buffered, then sent in order.
        const auto a = ramp(160, 1), b = ramp(320, 2);
        stt.feed(a.data(), a.size());
        stt.feed(b.data(), b.size());
        QVERIFY(server.waitForMessages(2));
        const auto frames = server.receivedOn(0);
        QVERIFY(frames.at(0).binary && frames.at(1).binary);
        QCOMPARE(frames.at(0).data, QByteArray(reinterpret_cast<const char *>(a.data()), 320));
        QCOMPARE(frames.at(1).data, QByteArray(reinterpret_cast<const char *>(b.data()), 640));
        stt.stop();
    }

    void piecesUntilSpeechFinalMakeOneFinal()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, {WsAction::json(dgMetadata()), WsAction::json(dgSpeechStarted()),
                              WsAction::json(dgResults(QStringLiteral("my order"), false, false, 0.5)),
                              WsAction::json(dgResults(QStringLiteral("my order number is"), true, false, 0.9)),
                              WsAction::json(dgResults(QStringLiteral("four two"), false, false, 0.6)),
                              WsAction::json(dgResults(QStringLiteral("four two seven"), true, true, 0.7))});
        });
        DeepgramStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        const auto a = ramp(1600, 3);
        stt.feed(a.data(), a.size());
        QTRY_COMPARE(rec.partialCount(), 4);
        QCOMPARE(rec.partialList(), (sl({"my order", "my order number is", "my order number is four two",
                                                 "my order number is four two seven"})));
        QCOMPARE(rec.finalCount(), 0); // Deepgram's endpoint alone does not end the pipeline's turn

        stt.finalize();
        QVERIFY(rec.waitFinals(1, 200)); // already closed by speech_final: no round trip
        QCOMPARE(rec.finalText(0), QStringLiteral("my order number is four two seven"));
        QCOMPARE(rec.finalConfidence(0), (0.9 * 4 + 0.7 * 3) / 7);
        QTest::qWait(50);
        QCOMPARE(countText(server.receivedOn(0), "Finalize"), 0);
        QCOMPARE(rec.finalCount(), 1);
        stt.stop();
    }

    void finalizeWaitsForTheFinalizeAnswer()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, {WsAction::json(dgResults(QStringLiteral("yes"), true, false, 0.8))});
            if (!m.binary && m.json().value("type", "") == "Finalize")
                s.send(conn, {WsAction::json(dgResults(QStringLiteral("please"), true, false, 0.6, true), 60)});
        });
        DeepgramStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        const auto a = ramp(800, 4);
        stt.feed(a.data(), a.size());
        QTRY_COMPARE(rec.partialCount(), 1);
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        QCOMPARE(rec.finalText(0), QStringLiteral("yes please"));
        QCOMPARE(countText(server.receivedOn(0), "Finalize"), 1);

        // The next turn starts from nothing.
        stt.finalize();
        QVERIFY(rec.waitFinals(2));
        QCOMPARE(rec.finalText(1), QStringLiteral("please")); // the fake answers every Finalize the same way
        stt.stop();
    }

    void unansweredFinalizeDeliversWhatWasHeardAfterTheTimeout()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, {WsAction::json(dgResults(QStringLiteral("cancel"), true, false, 0.9)),
                              WsAction::json(dgResults(QStringLiteral("my order"), false, false, 0.5))});
        });
        DeepgramOptions o = optionsFor(server);
        o.finalizeTimeoutMs = 150;
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        const auto a = ramp(800, 5);
        stt.feed(a.data(), a.size());
        QTRY_COMPARE(rec.partialCount(), 2);
        QElapsedTimer t;
        t.start();
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        QVERIFY2(t.elapsed() >= 140, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(rec.finalText(0), QStringLiteral("cancel my order"));
        QCOMPARE(rec.errorCount(), 0);
        stt.stop();
    }

    void utteranceEndAnswersAPendingFinalize()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, {WsAction::json(dgResults(QStringLiteral("where is it"), true, false, 0.9))});
            if (!m.binary && m.json().value("type", "") == "Finalize")
                s.send(conn, {WsAction::json(dgUtteranceEnd(), 30)});
        });
        DeepgramOptions o = optionsFor(server);
        o.finalizeTimeoutMs = 3000;
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        const auto a = ramp(800, 6);
        stt.feed(a.data(), a.size());
        QTRY_COMPARE(rec.partialCount(), 1);
        QElapsedTimer t;
        t.start();
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        QVERIFY(t.elapsed() < 2000); // answered by UtteranceEnd, not the timeout
        QCOMPARE(rec.finalText(0), QStringLiteral("where is it"));
        stt.stop();
    }

    void keepAliveFlowsOnlyWhileNoAudioDoes()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        DeepgramOptions o = optionsFor(server);
        o.keepAliveMs = 100;
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        QVERIFY(server.waitForConnections(1));
        QTRY_VERIFY_WITH_TIMEOUT(countText(server.receivedOn(0), "KeepAlive") >= 2, 2000);

        // While audio flows every 30 ms, no KeepAlive is needed.
        const int before = countText(server.receivedOn(0), "KeepAlive");
        const auto frame = ramp(480, 7);
        for (int i = 0; i < 12; ++i) {
            stt.feed(frame.data(), frame.size());
            QTest::qWait(30);
        }
        QCOMPARE(countText(server.receivedOn(0), "KeepAlive"), before);
        QTRY_VERIFY_WITH_TIMEOUT(countText(server.receivedOn(0), "KeepAlive") > before, 2000);
        stt.stop();
    }

    void refusedKeyIsAClearError()
    {
        // Deepgram answers the upgrade request of a bad key with HTTP 401 and a JSON body.
        FakeHttpServer http;
        QVERIFY(http.listen());
        http.enqueue(ScriptedResponse::json(401, {{"err_code", "INVALID_AUTH"}, {"err_msg", "Invalid credentials."}}));
        DeepgramOptions o;
        o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/listen").arg(http.port()));
        o.apiKey = QStringLiteral("wrong");
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        QVERIFY(rec.waitErrors(1));
        QVERIFY2(rec.error(0).contains(QLatin1String("HTTP 401")) && rec.error(0).contains(QLatin1String("DEEPGRAM_API_KEY")),
                 qPrintable(rec.error(0)));
        QCOMPARE(http.requests().at(0).header("Authorization"), QByteArray("Token wrong"));
        QCOMPARE(http.requests().at(0).header("Upgrade").toLower(), QByteArray("websocket"));
        // A dead stream still answers each turn, at once and empty.
        stt.finalize();
        QVERIFY(rec.waitFinals(1, 1000));
        QCOMPARE(rec.finalText(0), QString());
        QCOMPARE(rec.errorCount(), 1);
    }

    void serverCloseMidStreamDeliversWhatWasHeardThenAnError()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, {WsAction::json(dgResults(QStringLiteral("I want to"), true, false, 0.9))});
            if (!m.binary && m.json().value("type", "") == "Finalize")
                s.send(conn, {WsAction::close(QWebSocketProtocol::CloseCodeBadOperation, // 1011
                                              QStringLiteral("internal error"))});
        });
        DeepgramOptions o = optionsFor(server);
        o.finalizeTimeoutMs = 3000;
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        const auto a = ramp(800, 8);
        stt.feed(a.data(), a.size());
        QTRY_COMPARE(rec.partialCount(), 1);
        stt.finalize();
        QVERIFY(rec.waitErrors(1));
        QCOMPARE(rec.orderList(), (sl({"partial", "final", "error"})));
        QCOMPARE(rec.finalText(0), QStringLiteral("I want to"));
        QVERIFY2(rec.error(0).contains(QLatin1String("1011")) && rec.error(0).contains(QLatin1String("internal error")),
                 qPrintable(rec.error(0)));
        stt.finalize();
        QVERIFY(rec.waitFinals(2, 1000));
        QCOMPARE(rec.finalText(1), QString());
    }

    void droppedConnectionIsReported()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setGreeting({WsAction::abort(50)});
        DeepgramStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        QVERIFY(rec.waitErrors(1));
        QVERIFY2(rec.error(0).startsWith(QLatin1String("deepgram: ")), qPrintable(rec.error(0)));
    }

    void net0001CloseIsExplained()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setGreeting({WsAction::close(QWebSocketProtocol::CloseCodeBadOperation,
                                            QStringLiteral("Deepgram did not receive audio data or a text message within the timeout window. See https://dpgr.am/net0001"),
                                            50)});
        // No KeepAlive within the fake's 50 ms: the real service would close the same way after 10 s.
        DeepgramOptions o = optionsFor(server);
        o.keepAliveMs = 5000;
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        QVERIFY(rec.waitErrors(1));
        QVERIFY2(rec.error(0).contains(QLatin1String("NET-0001")),
                 qPrintable(rec.error(0)));
    }

    void stopSendsCloseStreamAndSilencesCallbacks()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        DeepgramStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(config16k(), rec.callbacks()));
        const auto a = ramp(160, 9);
        stt.feed(a.data(), a.size());
        QVERIFY(server.waitForMessages(1)); // the stream is open at both ends
        stt.stop();
        QTRY_COMPARE(countText(server.receivedOn(0), "CloseStream"), 1);
        QVERIFY(server.waitForClosed(0));
        QVERIFY(server.connection(0).closedByClient);
        QCOMPARE(rec.errorCount(), 0); // our own close is not an error
        QCOMPARE(rec.finalCount(), 0);
    }

    void missingKeyRefusesToStart()
    {
        DeepgramOptions o;
        o.url = QUrl(QStringLiteral("ws://127.0.0.1:9/v1/listen"));
        DeepgramStt stt(o);
        SttRecorder rec;
        QVERIFY(!stt.start(config16k(), rec.callbacks()));
        QCOMPARE(rec.errorCount(), 1);
        QVERIFY(rec.error(0).contains(QLatin1String("DEEPGRAM_API_KEY")));
    }
};

QTEST_GUILESS_MAIN(TestDeepgramStt)
#include "tst_deepgramstt.moc"
