// GoogleChirpStt against a loopback fake of Speech-to-Text v2 `recognize`.

#include "fakehttpserver.h"
#include "sttrecorder.h"

#include "speech/cloud/googlechirpstt.h"
#include "speech/mulaw.h"

#include <QTest>

#include <vector>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;
using nlohmann::json;

namespace {

std::vector<std::int16_t> tone(std::size_t n, int seed)
{
    std::vector<std::int16_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = std::int16_t(((int(i) * 91 + seed * 7) % 16000) - 8000);
    return v;
}

json results(std::initializer_list<std::pair<const char *, double>> alts)
{
    json r = json::array();
    for (const auto &[text, confidence] : alts) {
        json alt = {{"transcript", text}};
        if (confidence >= 0)
            alt["confidence"] = confidence;
        r.push_back({{"alternatives", {alt}}, {"resultEndOffset", "1.200s"}, {"languageCode", "hi-in"}});
    }
    return {{"results", r}, {"metadata", {{"totalBilledDuration", "2s"}}}};
}

SttConfig hindi()
{
    SttConfig c;
    c.language = QStringLiteral("hi-IN");
    c.sampleRate = 16000;
    return c;
}

} // namespace

class TestGoogleChirpStt : public QObject
{
    Q_OBJECT

    GoogleChirpOptions optionsFor(const FakeHttpServer &server)
    {
        GoogleChirpOptions o;
        o.baseUrl = server.url();
        o.project = QStringLiteral("ringside-demo");
        o.location = QStringLiteral("asia-south1");
        o.accessToken = QStringLiteral("ya29.test-token");
        o.model = QStringLiteral("chirp");
        o.requestTimeoutMs = 3000;
        return o;
    }

private slots:
    void oneTurnIsOneRecognizeRequest()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, results({{"हाँ जी", 0.91}, {"ऑर्डर कन्फर्म कर दीजिए", -1}})));
        GoogleChirpStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(8000, 1), b = tone(4000, 2);
        stt.feed(a.data(), a.size());
        stt.feed(b.data(), b.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(1));

        QCOMPARE(server.requests().size(), 1);
        const RecordedRequest &r = server.requests().at(0);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path(), QStringLiteral("/v2/projects/ringside-demo/locations/asia-south1/recognizers/_:recognize"));
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer ya29.test-token"));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const json body = r.json();
        const json expectedConfig = {
            {"explicitDecodingConfig", {{"encoding", "LINEAR16"}, {"sampleRateHertz", 16000}, {"audioChannelCount", 1}}},
            {"languageCodes", {"hi-IN"}},
            {"model", "chirp_3"}};
        QCOMPARE(QString::fromStdString(body["config"].dump()), QString::fromStdString(expectedConfig.dump()));
        QByteArray fed(reinterpret_cast<const char *>(a.data()), qsizetype(a.size() * 2));
        fed += QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size() * 2));
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(body["content"].get<std::string>())), fed);

        QCOMPARE(rec.finalText(0), QStringLiteral("हाँ जी ऑर्डर कन्फर्म कर दीजिए"));
        QCOMPARE(rec.finalConfidence(0), 0.91); // only the first result carried a confidence
        QCOMPARE(rec.partialCount(), 0);        // per-utterance recognition has no interim results
        QCOMPARE(rec.errorCount(), 0);
    }

    void silenceAndEmptyAnswersGiveAnEmptyFinal()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, {{"metadata", {{"totalBilledDuration", "1s"}}}}));
        GoogleChirpStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        stt.finalize(); // nothing heard: answered without a request
        QVERIFY(rec.waitFinals(1));
        QCOMPARE(server.requests().size(), 0);
        const auto a = tone(1600, 3);
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(2));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(rec.finalText(1), QString());
        QCOMPARE(rec.errorCount(), 0);
    }

    void httpErrorsGiveAFinalThenAClearError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("grpcStatus");
        QTest::addColumn<QString>("hint");
        QTest::addRow("400") << 400 << QStringLiteral("INVALID_ARGUMENT") << QStringLiteral("HTTP 400");
        QTest::addRow("401") << 401 << QStringLiteral("UNAUTHENTICATED") << QStringLiteral("GOOGLE_ACCESS_TOKEN");
        QTest::addRow("403") << 403 << QStringLiteral("PERMISSION_DENIED") << QStringLiteral("GOOGLE_CLOUD_PROJECT");
        QTest::addRow("429") << 429 << QStringLiteral("RESOURCE_EXHAUSTED") << QStringLiteral("quota");
        QTest::addRow("500") << 500 << QStringLiteral("INTERNAL") << QStringLiteral("HTTP 500");
        QTest::addRow("503") << 503 << QStringLiteral("UNAVAILABLE") << QStringLiteral("HTTP 503");
    }
    void httpErrorsGiveAFinalThenAClearError()
    {
        QFETCH(int, status);
        QFETCH(QString, grpcStatus);
        QFETCH(QString, hint);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(
            status, {{"error", {{"code", status}, {"message", "scripted failure"}, {"status", grpcStatus.toStdString()}}}}));
        server.enqueue(ScriptedResponse::json(200, results({{"हाँ", 0.8}})));
        GoogleChirpOptions o = optionsFor(server);
        o.maxRetriesPerCall = 0; // a 5xx is otherwise sent again (transientErrorsAreSentAgain)
        GoogleChirpStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 4);
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitErrors(1));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(rec.orderList(), sl({"final", "error"}));
        QCOMPARE(rec.finalText(0), QString());
        const QString e = rec.error(0);
        QVERIFY2(e.startsWith(QLatin1String("google: ")) && e.contains(grpcStatus) && e.contains(QLatin1String("scripted failure"))
                     && e.contains(hint),
                 qPrintable(e));
        // The next turn is tried again.
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(2));
        QCOMPARE(rec.finalText(1), QStringLiteral("हाँ"));
    }

    // One 503 (or 500) is sent again after a short backoff: the turn is heard, no error reaches
    // the call. A 4xx is never sent again, even with retries to spare.
    void transientErrorsAreSentAgain_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("requests");
        QTest::addRow("503") << 503 << 2;
        QTest::addRow("500") << 500 << 2;
        QTest::addRow("401") << 401 << 1;
        QTest::addRow("403") << 403 << 1;
        QTest::addRow("429") << 429 << 1;
    }
    void transientErrorsAreSentAgain()
    {
        QFETCH(int, status);
        QFETCH(int, requests);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(status, {{"error", {{"code", status}, {"message", "scripted failure"}}}}));
        server.enqueue(ScriptedResponse::json(200, results({{"हाँ जी", 0.8}})));
        GoogleChirpStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 11);
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        QCOMPARE(server.requests().size(), requests);
        if (requests == 2) {
            QCOMPARE(rec.finalText(0), QStringLiteral("हाँ जी"));
            QCOMPARE(rec.errorCount(), 0);
            QCOMPARE(server.requests().at(1).body, server.requests().at(0).body); // the same audio again
        } else {
            QVERIFY(rec.waitErrors(1));
            QCOMPARE(rec.finalText(0), QString());
        }
    }

    // A service that keeps failing is retried at most twice per request and maxRetriesPerCall
    // times per call; past that, each turn fails at once with the error.
    void retriesAreBoundedPerRequestAndPerCall()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        for (int i = 0; i < 12; ++i)
            server.enqueue(ScriptedResponse::json(503, {{"error", {{"code", 503}, {"status", "UNAVAILABLE"}}}}));
        GoogleChirpOptions o = optionsFor(server);
        o.maxRetriesPerCall = 3;
        o.retryBackoffMs = 20;
        GoogleChirpStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 12);
        const QList<int> expected = { 3, 5, 6 }; // 1 + 2 retries; 1 + the last retry; 1
        for (int turn = 0; turn < 3; ++turn) {
            stt.feed(a.data(), a.size());
            stt.finalize();
            QVERIFY(rec.waitErrors(turn + 1));
            QCOMPARE(server.requests().size(), expected.at(turn));
            QVERIFY2(rec.error(turn).contains(QLatin1String("HTTP 503")), qPrintable(rec.error(turn)));
        }
        QCOMPARE(rec.finalCount(), 3);
    }

    void malformedAnswerIsAnError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::text(200, "<html>proxy error</html>", "text/html"));
        server.enqueue(ScriptedResponse::json(200, {{"results", "nope"}}));
        GoogleChirpStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 5);
        for (int turn = 0; turn < 2; ++turn) {
            stt.feed(a.data(), a.size());
            stt.finalize();
        }
        QVERIFY(rec.waitErrors(2));
        QCOMPARE(rec.finalCount(), 2);
        QVERIFY2(rec.error(0).contains(QLatin1String("not a JSON object")), qPrintable(rec.error(0)));
        QVERIFY2(rec.error(1).contains(QLatin1String("results is not an array")), qPrintable(rec.error(1)));
    }

    void unansweredRequestTimesOut()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::silence());
        GoogleChirpOptions o = optionsFor(server);
        o.requestTimeoutMs = 200;
        GoogleChirpStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 6);
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitErrors(1));
        QCOMPARE(rec.finalCount(), 1);
        QVERIFY2(rec.error(0).contains(QLatin1String("within 200 ms")), qPrintable(rec.error(0)));
    }

    void longTurnsAreSplitUnderTheOneMinuteLimit()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, results({{"पहला", 0.9}})));
        server.enqueue(ScriptedResponse::json(200, results({{"दूसरा", 0.7}})));
        server.enqueue(ScriptedResponse::json(200, results({{"तीसरा", 0.8}})));
        GoogleChirpOptions o = optionsFor(server);
        o.maxRequestSeconds = 1; // stands in for 55 s
        GoogleChirpStt stt(o);
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(40000, 7); // 2.5 s
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        QCOMPARE(server.requests().size(), 3);
        QList<qsizetype> sizes;
        for (const RecordedRequest &r : server.requests())
            sizes << QByteArray::fromBase64(QByteArray::fromStdString(r.json()["content"].get<std::string>())).size();
        QCOMPARE(sizes, (QList<qsizetype>{32000, 32000, 16000}));
        QCOMPARE(rec.finalText(0), QStringLiteral("पहला दूसरा तीसरा"));
        QCOMPARE(rec.finalConfidence(0), 0.8);
    }

    void muLawHalvesTheUpload()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, results({{"जी", 0.9}})));
        GoogleChirpOptions o = optionsFor(server);
        o.muLaw = true;
        GoogleChirpStt stt(o);
        SttRecorder rec;
        SttConfig c = hindi();
        c.sampleRate = 8000;
        QVERIFY(stt.start(c, rec.callbacks()));
        const auto a = tone(800, 8);
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        const json body = server.requests().at(0).json();
        QCOMPARE(body["config"]["explicitDecodingConfig"]["encoding"].get<std::string>(), std::string("MULAW"));
        QCOMPARE(body["config"]["explicitDecodingConfig"]["sampleRateHertz"].get<int>(), 8000);
        const QByteArray content = QByteArray::fromBase64(QByteArray::fromStdString(body["content"].get<std::string>()));
        QCOMPARE(content.size(), 800);
        QCOMPARE(std::uint8_t(content.at(10)), muLawEncode(a[10]));
    }

    void turnsAreAnsweredInOrder()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, results({{"एक", 0.9}})).withFirstByteDelay(150));
        server.enqueue(ScriptedResponse::json(200, results({{"दो", 0.9}})));
        GoogleChirpStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 9);
        stt.feed(a.data(), a.size());
        stt.finalize();
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(rec.waitFinals(2));
        QCOMPARE(rec.finalText(0), QStringLiteral("एक"));
        QCOMPARE(rec.finalText(1), QStringLiteral("दो"));
    }

    void stopSilencesALateAnswer()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(200, results({{"देर", 0.9}})).withFirstByteDelay(200));
        GoogleChirpStt stt(optionsFor(server));
        SttRecorder rec;
        QVERIFY(stt.start(hindi(), rec.callbacks()));
        const auto a = tone(1600, 10);
        stt.feed(a.data(), a.size());
        stt.finalize();
        QVERIFY(server.waitForRequests(1));
        stt.stop();
        QTest::qWait(400);
        QCOMPARE(rec.finalCount(), 0);
        QCOMPARE(rec.errorCount(), 0);
    }

    void missingCredentialsRefuseToStart_data()
    {
        QTest::addColumn<bool>("token");
        QTest::addColumn<bool>("project");
        QTest::addColumn<QString>("variable");
        QTest::addRow("no token") << false << true << QStringLiteral("GOOGLE_ACCESS_TOKEN");
        QTest::addRow("no project") << true << false << QStringLiteral("GOOGLE_CLOUD_PROJECT");
    }
    void missingCredentialsRefuseToStart()
    {
        QFETCH(bool, token);
        QFETCH(bool, project);
        QFETCH(QString, variable);
        GoogleChirpOptions o;
        o.accessToken = token ? QStringLiteral("t") : QString();
        o.project = project ? QStringLiteral("p") : QString();
        GoogleChirpStt stt(o);
        SttRecorder rec;
        QVERIFY(!stt.start(hindi(), rec.callbacks()));
        QCOMPARE(rec.errorCount(), 1);
        QVERIFY2(rec.error(0).contains(variable), qPrintable(rec.error(0)));
    }

    void modelNames()
    {
        QCOMPARE(googleChirpModel(QString()), QStringLiteral("chirp_3"));
        QCOMPARE(googleChirpModel(QStringLiteral("chirp")), QStringLiteral("chirp_3"));
        QCOMPARE(googleChirpModel(QStringLiteral("Chirp-3")), QStringLiteral("chirp_3"));
        QCOMPARE(googleChirpModel(QStringLiteral("chirp_2")), QStringLiteral("chirp_2"));
        GoogleChirpOptions o;
        o.project = QStringLiteral("p");
        QCOMPARE(googleRecognizeUrl(o).toString(),
                 QStringLiteral("https://us-speech.googleapis.com/v2/projects/p/locations/us/recognizers/_:recognize"));
        o.location = QStringLiteral("global");
        QCOMPARE(googleRecognizeUrl(o).host(), QStringLiteral("speech.googleapis.com"));
    }
};

QTEST_GUILESS_MAIN(TestGoogleChirpStt)
#include "tst_googlechirpstt.moc"
