// `ringside-engine chat --brain llm` end to end: the real binary, the shipped Order Tracker (a
// Gemini agent) and a fixture store, talking to a fake Gemini server on 127.0.0.1 through the
// environment variables a user sets (docs/llm.md). The server runs in this process, so the binary
// is waited for with the event loop turning, never with a blocking wait.
#include "fakehttpserver.h"
#include "llmscripts.h"
#include "util/jsonqt.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using namespace ringside::testing;

namespace {

const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runEngine(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    p.closeWriteChannel();
    Run r;
    if (!finished.wait(90000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out: ") + QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::vector<json> events(const QString &text)
{
    std::vector<json> out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.push_back(json::parse(line.toStdString(), nullptr, false));
    return out;
}

QString systemInstructionText(const json &body)
{
    QString text;
    for (const json &part : body["systemInstruction"]["parts"])
        text += stringAt(part, "text") + QLatin1Char('\n');
    return text;
}

const json *firstOf(const std::vector<json> &evs, const char *type)
{
    for (const json &e : evs)
        if (e.is_object() && e.value("type", "") == type)
            return &e;
    return nullptr;
}

} // namespace

class TestChatLlmCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString db;
    QString script;

    QProcessEnvironment geminiAt(const FakeHttpServer &server) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RINGSIDE_GEMINI_BASE_URL"), server.url(QStringLiteral("/v1beta")).toString());
        env.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("AIza-cli-test"));
        return env;
    }

    QStringList chatArgs() const
    {
        return { QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                 QStringLiteral("--brain"), QStringLiteral("llm"), QStringLiteral("--now"), kNow,
                 QStringLiteral("--script"), script, QStringLiteral("--jsonl") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        db = dir.filePath(QStringLiteral("store.db"));
        // The scenario suite's small fixture store: quick to load, real SQLite.
        const Run init = runEngine({ QStringLiteral("store"), QStringLiteral("import"), QStringLiteral("--db"), db,
                                     QStringLiteral(RINGSIDE_SOURCE_DIR "/tests/scenarios/fixtures/playbooks-store.json") });
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        script = dir.filePath(QStringLiteral("s.json"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"turns": ["Hi, where is my order 600001?"]})");
    }

    // The model asks for get_order_status; the binary runs it against the store, sends the result
    // back, and speaks the model's answer. The request carries the rendered prompt and the tools.
    void functionCallRunsTheToolAgainstTheStore()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::sseJson({geminiChunk(
                json::array({{{"functionCall", {{"name", "get_order_status"}, {"args", {{"order_id", "ORD-600001"}}}}}}}),
                QStringLiteral("STOP"))}));
        server.enqueue(ScriptedResponse::sseJson(
                {geminiChunk(json::array({{{"text", "It is on its way with the courier. "}}})),
                 geminiChunk(json::array({{{"text", "Anything else I can help with?"}}}), QStringLiteral("STOP"))}));

        const Run r = runEngine(chatArgs(), geminiAt(server));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const std::vector<json> evs = events(r.out);

        const json *call = firstOf(evs, "tool_call");
        QVERIFY2(call, qPrintable(r.out));
        QCOMPARE(qs((*call)["name"].get<std::string>()), QStringLiteral("get_order_status"));
        QCOMPARE(qs((*call)["arguments"]["order_id"].get<std::string>()), QStringLiteral("ORD-600001"));
        const json *result = firstOf(evs, "tool_result");
        QVERIFY2(result && (*result)["result"].contains("status"), qPrintable(r.out));

        QStringList said;
        for (const json &e : evs)
            if (e.value("type", "") == "agent")
                said << qs(e["text"].get<std::string>());
        QVERIFY2(said.contains(QStringLiteral("It is on its way with the courier.")), qPrintable(said.join(u'|')));

        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(server.requests().at(0).path(),
                 QStringLiteral("/v1beta/models/gemini-2.5-flash-lite:streamGenerateContent"));
        const json first = server.requests().at(0).json();
        QStringList declared;
        for (const json &tool : first["tools"])
            for (const json &fn : tool["functionDeclarations"])
                declared << qs(fn["name"].get<std::string>());
        QVERIFY2(declared.contains(QStringLiteral("get_order_status")), qPrintable(declared.join(u',')));
        QVERIFY(!systemInstructionText(first).contains(QStringLiteral("{{")));
        // The second request hands the store's answer back to the model.
        const QString second = qs(server.requests().at(1).json().dump());
        QVERIFY2(second.contains(QStringLiteral("functionResponse")), qPrintable(second.left(400)));
        QVERIFY(second.contains(stringAt((*result)["result"], "status")));
    }

    // A server that only fails never leaves the caller in silence: the call goes to a person.
    void failingServerHandsTheCallToAPerson()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setResponder([](const fakes::RecordedRequest &) { return ScriptedResponse::json(503, {{"error", {{"code", 503}, {"message", "overloaded"}}}}); });
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"turns": ["Where is my order?", "Hello? Are you there?"]})");
        f.close();

        const Run r = runEngine(chatArgs(), geminiAt(server));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const std::vector<json> evs = events(r.out);
        QVERIFY2(firstOf(evs, "escalation"), qPrintable(r.out));
        const json *end = firstOf(evs, "end");
        QVERIFY2(end, qPrintable(r.out));
        QCOMPARE(qs((*end)["outcome"].get<std::string>()), QStringLiteral("escalated"));
        QVERIFY(server.requests().size() >= 2);
    }

    // Without a key the binary says which variable to set instead of starting a dead call.
    void missingKeyNamesTheVariable()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GEMINI_API_KEY"));
        env.remove(QStringLiteral("GOOGLE_API_KEY"));
        const Run r = runEngine(chatArgs(), env);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestChatLlmCli)
#include "tst_chatllmcli.moc"
