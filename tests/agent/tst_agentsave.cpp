// Saving agents: byte-stable round trips, unknown keys kept, edits written in place.
#include "agent/agent.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ringside;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// A formatted file (as saveAgent writes it) with keys this version does not know.
const QByteArray withUnknownKeys = R"({
  "schemaVersion": 3,
  "agent": {
    "name": "Future",
    "x-owner": "ops team",
    "greetingMessage": "Hello",
    "sttConfig": {
      "endpointing": 300,
      "smartFormat": true
    },
    "prompt": "Help.",
    "variables": {
      "promo": {
        "description": "Offer",
        "default": "none",
        "example": "SAVE10"
      }
    },
    "llmTemperature": 0.7,
    "metadata": {
      "tags": [
        "beta"
      ]
    }
  },
  "comment": "kept"
}
)";

} // namespace

class TestAgentSave : public QObject
{
    Q_OBJECT
private slots:
    void shippedAgentsRoundTrip_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/agents"));
        const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        int agents = 0;
        for (const QString &f : files) {
            if (f.endsWith(QLatin1String(".playbook.json")))
                continue;
            QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
            ++agents;
        }
        QCOMPARE(agents, 5);
    }
    void shippedAgentsRoundTrip()
    {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        QVERIFY(!original.isEmpty());
        const AgentLoadResult r = loadAgent(original);
        QVERIFY(r.ok());
        QCOMPARE(saveAgent(r.agent), original);
    }

    void unknownKeysSurvive()
    {
        const AgentLoadResult r = loadAgent(withUnknownKeys);
        QVERIFY(r.ok());
        QCOMPARE(r.agent.endpointingMs, 300);
        QCOMPARE(saveAgent(r.agent), withUnknownKeys);

        // An edit rewrites only its own value; the unknown keys stay where they were.
        Agent edited = r.agent;
        edited.llmTemperature = 1.5;
        edited.endpointingMs = 400;
        QByteArray expected = withUnknownKeys;
        expected.replace("\"llmTemperature\": 0.7", "\"llmTemperature\": 1.5");
        expected.replace("\"endpointing\": 300", "\"endpointing\": 400");
        QCOMPARE(saveAgent(edited), expected);
    }

    void newFieldsAreAppended()
    {
        Agent a = loadAgent(withUnknownKeys).agent;
        a.tools = { QStringLiteral("end_call") };
        a.type = AgentType::Outbound;
        a.interimResults = false;
        const ordered_json doc = agentDocument(a);
        const ordered_json &agent = doc["agent"];
        QCOMPARE(QString::fromStdString(agent.items().begin().key()), QStringLiteral("name"));
        auto last = agent.end();
        --last;
        QCOMPARE(QString::fromStdString(last.key()), QStringLiteral("tools"));
        --last;
        QCOMPARE(QString::fromStdString(last.key()), QStringLiteral("type"));
        QCOMPARE(agent["sttConfig"].dump(), std::string(R"({"endpointing":300,"smartFormat":true,"interimResults":false})"));
        QCOMPARE(doc["comment"].get<std::string>(), std::string("kept"));

        const AgentLoadResult again = loadAgent(saveAgent(a));
        QVERIFY(again.ok());
        QCOMPARE(again.agent.type, AgentType::Outbound);
        QCOMPARE(again.agent.tools, a.tools);
        QCOMPARE(again.agent.interimResults, false);
    }

    void variablesMergeKeepsUnknownKeys()
    {
        Agent a = loadAgent(withUnknownKeys).agent;
        a.variables[0].defaultValue = QStringLiteral("FESTIVE");
        a.variables.append({ QStringLiteral("agentName"), QStringLiteral("Who speaks"), QString(), false });
        const ordered_json vars = agentDocument(a)["agent"]["variables"];
        QCOMPARE(vars.dump(), std::string(R"({"promo":{"description":"Offer","default":"FESTIVE","example":"SAVE10"},)"
                                          R"("agentName":{"description":"Who speaks"}})"));
        a.variables.removeFirst();
        QCOMPARE(agentDocument(a)["agent"]["variables"].dump(), std::string(R"({"agentName":{"description":"Who speaks"}})"));
    }

    void invalidValueIsKeptUntilReplaced()
    {
        const QByteArray text = "{\n  \"agent\": {\n    \"name\": \"T\",\n    \"greetingMessage\": \"g\",\n"
                                "    \"prompt\": \"p\",\n    \"llmTemperature\": \"warm\"\n  }\n}\n";
        const AgentLoadResult r = loadAgent(text);
        QCOMPARE(r.issues.size(), 1);
        QCOMPARE(saveAgent(r.agent), text);                          // bad input loses nothing
        QCOMPARE(validateAgent(r.agent), r.issues);                  // and is still reported
        Agent fixed = r.agent;
        fixed.llmTemperature = 0.9;
        QVERIFY(validateAgent(fixed).isEmpty());
        QVERIFY(saveAgent(fixed).contains("\"llmTemperature\": 0.9"));
    }

    void validateSeesTypedEdits()
    {
        Agent a = loadAgent(withUnknownKeys).agent;
        QVERIFY(validateAgent(a).isEmpty());
        a.ttsProvider = QStringLiteral("cartesia");
        a.ttsSpeed = 1.7;
        a.prompt = QStringLiteral("Hi {{nobody}}");
        const QList<AgentIssue> issues = validateAgent(a);
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues.at(0).pointer, QStringLiteral("/agent/ttsConfig/speed"));
        QCOMPARE(issues.at(1).pointer, QStringLiteral("/agent/prompt"));
        QCOMPARE(validateAgent(a, { QStringLiteral("get_order_status") }).size(), 2);
        a.tools = { QStringLiteral("end_call") };
        QCOMPARE(validateAgent(a, { QStringLiteral("get_order_status") }).size(), 3);
    }

    void agentFromScratch()
    {
        Agent a;
        a.name = QStringLiteral("Scratch");
        a.greetingMessage = QStringLiteral("Hello from {{storeName}}");
        a.prompt = QStringLiteral("Be brief.");
        a.language = QStringLiteral("en-IN");
        a.keywords = { { QStringLiteral("order"), 2, true }, { QStringLiteral("haan"), 1, false } };
        const QByteArray saved = saveAgent(a);
        QCOMPARE(saved, QByteArray("{\n  \"agent\": {\n    \"name\": \"Scratch\",\n    \"language\": \"en-IN\",\n"
                                   "    \"sttConfig\": {\n      \"keywords\": [\n        \"order:2\",\n        \"haan\"\n      ]\n    },\n"
                                   "    \"greetingMessage\": \"Hello from {{storeName}}\",\n    \"prompt\": \"Be brief.\"\n  }\n}\n"));
        const AgentLoadResult back = loadAgent(saved);
        QVERIFY(back.ok());
        Agent expected = a;
        expected.document = back.agent.document;
        QCOMPARE(back.agent, expected);
        QCOMPARE(saveAgent(back.agent), saved);
    }
};

QTEST_GUILESS_MAIN(TestAgentSave)
#include "tst_agentsave.moc"
