// `ringside-engine voice` through the real binary: a spoken WISMO call made of espeak-ng lines
// synthesized here (one at 8 kHz, as a phone would give it), recognized by the embedded engine,
// answered by the Order Tracker playbook against the demo store, with the agent's audio written
// per turn and latency measured on that audio.

#include "speech/audiolevel.h"
#include "speech/wavreader.h"
#include "speech/wavwriter.h"

#include "speechtestaudio.h"

#include "fakewebsocketserver.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using namespace ringside::test;
using json = nlohmann::json;
using namespace ringside::fakes;

namespace {
const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run engine(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::vector<json> jsonLines(const QString &text)
{
    std::vector<json> out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.push_back(json::parse(line.toStdString(), nullptr, false));
    return out;
}

std::vector<json> ofType(const std::vector<json> &events, const char *type)
{
    std::vector<json> out;
    for (const json &e : events)
        if (e.is_object() && e.value("type", "") == type)
            out.push_back(e);
    return out;
}
} // namespace

class TestVoiceCli : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;
    QTemporaryDir m_dir;
    QString m_db;

    QString line(const QString &name, const QString &text, const QString &voice, int rate)
    {
        std::vector<std::int16_t> audio = silence(200, rate);
        append(audio, speak(m_tts, text, voice, 1.0, rate));
        append(audio, silence(300, rate));
        addNoise(audio, 20.0, 7);
        const QString path = m_dir.filePath(name);
        QString error;
        [&] { QVERIFY2(WavWriter::write(path, audio, rate, AudioEncoding::Pcm16, &error), qPrintable(error)); }();
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("demo.db"));
        const Run init = engine({ QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--db"), m_db });
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void spokenWismoCall()
    {
        const QStringList in = {
            line(QStringLiteral("where.wav"), QStringLiteral("Where is my order?"), QStringLiteral("en-us"), 16000),
            line(QStringLiteral("id.wav"), readAloud(QStringLiteral("ORD482913")), QStringLiteral("en-us+f3"), 8000),
            line(QStringLiteral("bye.wav"), QStringLiteral("No, that's all, thank you."), QStringLiteral("en-us"), 22050),
        };
        const QString outDir = m_dir.filePath(QStringLiteral("wismo"));
        QStringList args = { QStringLiteral("voice"), QStringLiteral("--db"), m_db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                             QStringLiteral("--now"), kNow, QStringLiteral("--out-dir"), outDir, QStringLiteral("--jsonl") };
        for (const QString &f : in)
            args << QStringLiteral("--in") << f;
        const Run run = engine(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const std::vector<json> events = jsonLines(run.out);
        for (const json &e : events)
            QVERIFY2(e.is_object(), qPrintable(run.out));

        // What was heard reached the brain, and the spoken order ID the tool.
        const auto finals = ofType(events, "stt_final");
        QVERIFY2(finals.size() >= 3, qPrintable(run.out));
        QCOMPARE(ofType(events, "user").size(), finals.size());
        const auto calls = ofType(events, "tool_call");
        QVERIFY2(!calls.empty(), qPrintable(run.out));
        QCOMPARE(calls.front().value("name", ""), std::string("get_order_status"));
        QCOMPARE(calls.front()["arguments"].value("order_id", ""), std::string("ORD-482913"));
        const auto results = ofType(events, "tool_result");
        QVERIFY(!results.empty());
        QCOMPARE(results.front()["result"].value("found", false), true);

        // One answer per line, each a WAV with the agent's voice in it, and the latency measured on it.
        const auto turns = ofType(events, "turn_audio");
        QCOMPARE(turns.size(), std::size_t(in.size() + 1)); // + the greeting
        for (const json &t : turns) {
            const QString file = QString::fromStdString(t.value("agent_wav", ""));
            const auto wav = WavReader::read(file);
            QVERIFY2(wav.ok(), qPrintable(file + QStringLiteral(": ") + wav.error()));
            QCOMPARE(wav->sampleRate, 16000);
            QVERIFY2(rms(wav->samples) > 300.0, qPrintable(file + QStringLiteral(" is silent")));
            if (t.value("turn", -1) == 0)
                continue;
            QVERIFY2(t["latency_ms"].is_number(), qPrintable(QString::fromStdString(t.dump())));
            const qint64 latency = t["latency_ms"].get<qint64>();
            QCOMPARE(latency, t["agent_audio_start_ms"].get<qint64>() - t["user_speech_end_ms"].get<qint64>());
            // The agent cannot answer before the turn is over: 250 ms of endpointing at least.
            QVERIFY2(latency >= 250 && latency < 3000, qPrintable(QString::fromStdString(t.dump())));
            // The turn's WAV starts where the caller's line ended: the voice starts in it where
            // latency says (within a 10 ms window), measured again here on the file.
            const double threshold = 200.0;
            const std::int64_t first = firstSoundSample(wav->samples.data(), wav->samples.size(), 16000, 0, threshold);
            QVERIFY(first >= 0);
            QVERIFY2(first * 1000 / 16000 <= latency, qPrintable(QString::number(first)));
        }
        // The second answer reads out the order: it is long, not a re-prompt.
        const auto orderAnswer = WavReader::read(QString::fromStdString(turns.at(2).value("agent_wav", "")));
        QVERIFY(orderAnswer.ok());
        QVERIFY2(orderAnswer->durationMs() > 3000, qPrintable(QString::number(orderAnswer->durationMs())));
        QVERIFY(QFileInfo::exists(outDir + QStringLiteral("/call.wav")));
        QCOMPARE(ofType(events, "end").size(), std::size_t(1));
    }

    // The agent's cloud providers fail mid-call (Deepgram closes after the first audio, Cartesia
    // drops its socket after one chunk): the call goes on with the embedded engines, the order is
    // still looked up and every answer has a voice.
    void cloudProvidersFailingMidCallFallBack()
    {
        FakeWebSocketServer deepgram, cartesia;
        QVERIFY(deepgram.listen() && cartesia.listen());
        deepgram.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, { WsAction::close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("internal error")) });
        });
        const QByteArray pcm(3200, char(40)); // 100 ms of quiet PCM16
        cartesia.setHandler([pcm](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            const std::string ctx = m.json().value("context_id", "");
            s.send(conn, { WsAction::json({ { "type", "chunk" }, { "data", pcm.toBase64().toStdString() }, { "context_id", ctx } }),
                           WsAction::abort(20) });
        });
        const QStringList in = {
            line(QStringLiteral("fb-where.wav"), QStringLiteral("Where is my order?"), QStringLiteral("en-us"), 16000),
            line(QStringLiteral("fb-id.wav"), readAloud(QStringLiteral("ORD482913")), QStringLiteral("en-us"), 16000),
        };
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DEEPGRAM_API_KEY"), QStringLiteral("dg-test"));
        env.insert(QStringLiteral("RINGSIDE_DEEPGRAM_URL"), deepgram.url(QStringLiteral("/v1/listen")).toString());
        env.insert(QStringLiteral("CARTESIA_API_KEY"), QStringLiteral("ca-test"));
        env.insert(QStringLiteral("RINGSIDE_CARTESIA_WS_URL"), cartesia.url(QStringLiteral("/tts/websocket")).toString());
        QProcess p;
        p.setProcessEnvironment(env);
        QStringList args = { QStringLiteral("voice"), QStringLiteral("--db"), m_db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                             QStringLiteral("--now"), kNow, QStringLiteral("--out-dir"), m_dir.filePath(QStringLiteral("fallback")),
                             QStringLiteral("--jsonl") };
        for (const QString &f : in)
            args << QStringLiteral("--in") << f;
        p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
        // The fakes live on this thread: keep its event loop running while the call goes on.
        QVERIFY(QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY(deepgram.connectionCount() >= 1 && cartesia.connectionCount() >= 1); // the cloud was used first
        QVERIFY2(err.contains(QLatin1String("espeak-ng continues the call")), qPrintable(err));
        const std::vector<json> events = jsonLines(out);
        const auto errors = ofType(events, "speech_error");
        QVERIFY2(!errors.empty() && errors.front().value("message", "").find("embedded recognizer continues") != std::string::npos,
                 qPrintable(out));
        const auto calls = ofType(events, "tool_call");
        QVERIFY2(!calls.empty() && calls.front()["arguments"].value("order_id", "") == "ORD-482913", qPrintable(out));
        for (const json &t : ofType(events, "turn_audio")) {
            const auto wav = WavReader::read(QString::fromStdString(t.value("agent_wav", "")));
            QVERIFY(wav.ok());
            QVERIFY2(rms(wav->samples) > 300.0, t.dump().c_str());
        }
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addRow("missing") << QStringLiteral("nothere.wav") << QStringLiteral("cannot open");
        QTest::addRow("silent") << QStringLiteral("silent.wav") << QStringLiteral("no speech found");
        QTest::addRow("not a wav") << QStringLiteral("text.wav") << QStringLiteral("RIFF");
    }
    void badInputNamesTheField()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(WavWriter::write(m_dir.filePath(QStringLiteral("silent.wav")), silence(1000, 8000), 8000, AudioEncoding::Pcm16, &error));
        QFile text(m_dir.filePath(QStringLiteral("text.wav")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello, this is not audio");
        text.close();
        const Run run = engine({ QStringLiteral("voice"), QStringLiteral("--db"), m_db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                                 QStringLiteral("--in"), m_dir.filePath(file), QStringLiteral("--out-dir"), m_dir.filePath(QStringLiteral("bad")) });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--in")) && run.err.contains(file) && run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    // Hindi has no embedded recognizer: the command says so and offers typed input, never garbage.
    void hindiWithoutCloudKeysSaysSo()
    {
        const QString in = line(QStringLiteral("haan.wav"), QStringLiteral("haan ji"), QStringLiteral("hi"), 8000);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GOOGLE_ACCESS_TOKEN"));
        env.remove(QStringLiteral("DEEPGRAM_API_KEY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"),
                { QStringLiteral("voice"), QStringLiteral("--db"), m_db, QStringLiteral("--agent"), QStringLiteral("cod-confirmation"),
                  QStringLiteral("--order"), QStringLiteral("ORD-482950"), QStringLiteral("--now"), kNow, QStringLiteral("--in"), in,
                  QStringLiteral("--out-dir"), m_dir.filePath(QStringLiteral("hi")) });
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("hi-IN")) && err.contains(QStringLiteral("chat")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("GOOGLE_ACCESS_TOKEN")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestVoiceCli)
#include "tst_voicecli.moc"
