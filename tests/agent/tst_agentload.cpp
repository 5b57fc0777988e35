// Loading and validating agent files: every field, defaults, and one row per kind of problem.
#include "agent/agent.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ringside;

namespace {

// A valid agent with `extra` members spliced into the agent object; a required field that
// `extra` sets itself is left out of the defaults, so no key is written twice.
QByteArray agentWith(const QByteArray &extra)
{
    QByteArrayList members;
    const std::pair<const char *, const char *> required[] = {
        { "name", "T" }, { "greetingMessage", "Hi there" }, { "prompt", "Be kind" } };
    for (const auto &[key, value] : required) {
        if (!extra.contains(QByteArray(QByteArray("\"") + key + "\":")))
            members << QByteArray("\"") + key + "\": \"" + value + "\"";
    }
    if (!extra.isEmpty())
        members << extra;
    return "{\"agent\": {" + members.join(", ") + "}}";
}

QStringList lines(const QList<AgentIssue> &issues)
{
    QStringList out;
    for (const AgentIssue &i : issues)
        out << formatIssue(i);
    return out;
}

} // namespace

class TestAgentLoad : public QObject
{
    Q_OBJECT
private slots:
    void defaultsForOmittedFields()
    {
        const AgentLoadResult r = loadAgent(agentWith({}));
        QVERIFY2(r.ok(), qPrintable(lines(r.issues).join(u'\n')));
        const Agent &a = r.agent;
        QCOMPARE(a.name, QStringLiteral("T"));
        QCOMPARE(a.type, AgentType::Inbound);
        QCOMPARE(a.language, QStringLiteral("en-US"));
        QCOMPARE(a.useCase, UseCase::Other);
        QCOMPARE(a.llmProvider, QStringLiteral("embedded"));
        QCOMPARE(a.llmModel, QString());
        QCOMPARE(a.llmTemperature, 0.3);
        QCOMPARE(a.sttProvider, QStringLiteral("embedded"));
        QCOMPARE(a.endpointingMs, 250);
        QCOMPARE(a.interimResults, true);
        QVERIFY(a.keywords.isEmpty());
        QCOMPARE(a.ttsProvider, QStringLiteral("embedded"));
        QCOMPARE(a.ttsSpeed, 1.0);
        QCOMPARE(a.allowInterruptions, true);
        QVERIFY(a.tools.isEmpty());
        QVERIFY(a.variables.isEmpty());
        QCOMPARE(a.playbook, QString());
    }

    void everyFieldIsRead()
    {
        const QByteArray text = R"({"agent": {
            "name": "Full", "type": "outbound", "language": "hi-IN", "useCase": "cod_confirmation",
            "llmProvider": "ollama", "llmModel": "qwen2.5:7b", "llmTemperature": 1.25,
            "sttProvider": "deepgram", "sttModel": "nova-2",
            "sttConfig": {"endpointing": 0, "interimResults": false, "keywords": ["order:2", "cash on delivery:-1.5", "haan"]},
            "ttsProvider": "cartesia", "ttsVoice": "v-1", "ttsConfig": {"speed": 0.6},
            "greetingMessage": "Namaste {{customerName}} ji", "allowInterruptions": false, "prompt": "{{storeName}} {{promo}}",
            "tools": ["get_order_status", "end_call"],
            "variables": {"promo": {"description": "Festive offer", "default": "none today"}, "agentName": {"description": "who speaks"}},
            "playbook": "full.playbook.json"}})";
        const AgentLoadResult r = loadAgent(text);
        QVERIFY2(r.ok(), qPrintable(lines(r.issues).join(u'\n')));
        const Agent &a = r.agent;
        QCOMPARE(a.type, AgentType::Outbound);
        QCOMPARE(a.language, QStringLiteral("hi-IN"));
        QCOMPARE(a.useCase, UseCase::CodConfirmation);
        QCOMPARE(a.llmProvider, QStringLiteral("ollama"));
        QCOMPARE(a.llmModel, QStringLiteral("qwen2.5:7b"));
        QCOMPARE(a.llmTemperature, 1.25);
        QCOMPARE(a.sttProvider, QStringLiteral("deepgram"));
        QCOMPARE(a.sttModel, QStringLiteral("nova-2"));
        QCOMPARE(a.endpointingMs, 0);
        QCOMPARE(a.interimResults, false);
        QCOMPARE(a.keywords.size(), 3);
        QCOMPARE(a.keywords.at(1).word, QStringLiteral("cash on delivery"));
        QCOMPARE(a.keywords.at(1).boost, -1.5);
        QVERIFY(a.keywords.at(1).hasBoost);
        QCOMPARE(a.keywords.at(2).word, QStringLiteral("haan"));
        QVERIFY(!a.keywords.at(2).hasBoost);
        QCOMPARE(a.keywords.at(2).boost, 1.0);
        QCOMPARE(a.ttsProvider, QStringLiteral("cartesia"));
        QCOMPARE(a.ttsVoice, QStringLiteral("v-1"));
        QCOMPARE(a.ttsSpeed, 0.6);
        QCOMPARE(a.greetingMessage, QStringLiteral("Namaste {{customerName}} ji"));
        QCOMPARE(a.allowInterruptions, false);
        QCOMPARE(a.tools, QStringList({ QStringLiteral("get_order_status"), QStringLiteral("end_call") }));
        QCOMPARE(a.variables.size(), 2);
        QCOMPARE(a.variables.at(0).name, QStringLiteral("promo"));
        QCOMPARE(a.variables.at(0).description, QStringLiteral("Festive offer"));
        QCOMPARE(a.variables.at(0).defaultValue, QStringLiteral("none today"));
        QVERIFY(a.variables.at(0).hasDefault);
        QVERIFY(!a.variables.at(1).hasDefault);
        QCOMPARE(a.playbook, QStringLiteral("full.playbook.json"));

        const QHash<QString, QString> values = templateValues(a, { { QStringLiteral("storeName"), QStringLiteral("Kiran") } });
        QCOMPARE(values.value(QStringLiteral("promo")), QStringLiteral("none today"));
        QCOMPARE(values.value(QStringLiteral("storeName")), QStringLiteral("Kiran"));
        QVERIFY(!values.contains(QStringLiteral("agentName")));
        const QHash<QString, QString> overridden = templateValues(a, { { QStringLiteral("promo"), QStringLiteral("10% off") } });
        QCOMPARE(overridden.value(QStringLiteral("promo")), QStringLiteral("10% off"));
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, const QByteArray &text, const QStringList &expected) {
            QTest::addRow("%s", name) << text << expected;
        };
        row("broken json", "{\"agent\": {\n  \"name\": \"x\",\n}}",
            { QStringLiteral("/: not valid JSON at line 3, column 1: syntax error while parsing object key - unexpected '}'; expected string literal") });
        row("empty file", "", { QStringLiteral("/: not valid JSON at line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal") });
        row("top level array", "[1]", { QStringLiteral("/: the top level must be an object {\"agent\": {...}}, got array") });
        row("no agent wrapper", R"({"name": "T", "prompt": "p"})",
            { QStringLiteral("/agent: required field is missing: an agent file is {\"agent\": {...}}") });
        row("agent not object", R"({"agent": "T"})", { QStringLiteral("/agent: must be an object, got string") });
        row("missing required", R"({"agent": {"type": "inbound"}})",
            { QStringLiteral("/agent/name: required field is missing"),
              QStringLiteral("/agent/greetingMessage: required field is missing"),
              QStringLiteral("/agent/prompt: required field is missing") });
        row("empty required", R"({"agent": {"name": " ", "greetingMessage": "", "prompt": "p"}})",
            { QStringLiteral("/agent/name: must not be empty"), QStringLiteral("/agent/greetingMessage: must not be empty") });
        row("wrong types", agentWith(R"("llmTemperature": "0.3", "allowInterruptions": "yes", "sttConfig": [], "ttsVoice": 7)"),
            { QStringLiteral("/agent/llmTemperature: must be a number, got string"),
              QStringLiteral("/agent/sttConfig: must be an object, got array"),
              QStringLiteral("/agent/ttsVoice: must be a string, got number"),
              QStringLiteral("/agent/allowInterruptions: must be true or false, got string") });
        row("temperature range", agentWith(R"("llmTemperature": 2.5)"),
            { QStringLiteral("/agent/llmTemperature: must be between 0 and 2, got 2.5") });
        row("negative temperature", agentWith(R"("llmTemperature": -0.1)"),
            { QStringLiteral("/agent/llmTemperature: must be between 0 and 2, got -0.1") });
        row("endpointing negative", agentWith(R"("sttConfig": {"endpointing": -10})"),
            { QStringLiteral("/agent/sttConfig/endpointing: must be 0 or more milliseconds, got -10") });
        row("endpointing fraction", agentWith(R"("sttConfig": {"endpointing": 12.5})"),
            { QStringLiteral("/agent/sttConfig/endpointing: must be a whole number of milliseconds up to 600000, got 12.5") });
        row("speed cartesia", agentWith(R"("ttsProvider": "cartesia", "ttsConfig": {"speed": 1.8})"),
            { QStringLiteral("/agent/ttsConfig/speed: must be between 0.6 and 1.5 for ttsProvider cartesia, got 1.8") });
        row("speed default provider", agentWith(R"("ttsConfig": {"speed": 0.4})"),
            { QStringLiteral("/agent/ttsConfig/speed: must be between 0.5 and 2 for ttsProvider embedded, got 0.4") });
        row("speed azure ok", agentWith(R"("ttsProvider": "azure", "ttsConfig": {"speed": 1.9})"), {});
        row("azure voice of another language", agentWith(R"("language": "ta-IN", "ttsProvider": "azure", "ttsVoice": "hi-IN-SwaraNeural")"),
            { QStringLiteral("/agent/ttsVoice: Azure voice \"hi-IN-SwaraNeural\" speaks hi-IN, but the agent's language is ta-IN") });
        row("azure voice of the language", agentWith(R"("language": "ta-IN", "ttsProvider": "azure", "ttsVoice": "ta-IN-PallaviNeural")"), {});
        row("verification ok", agentWith(R"("callerVerification": {"required": true, "methods": ["phone_last4"], "maxAttempts": 3})"), {});
        row("verification wrong types", agentWith(R"("callerVerification": {"required": "yes", "methods": "pin_code", "maxAttempts": "2"})"),
            { QStringLiteral("/agent/callerVerification/required: must be true or false, got string"),
              QStringLiteral("/agent/callerVerification/methods: must be an array of method names, got string"),
              QStringLiteral("/agent/callerVerification/maxAttempts: must be a whole number, got string") });
        row("verification methods", agentWith(R"("callerVerification": {"methods": ["pin_code", "aadhaar", "pin_code", 4]})"),
            { QStringLiteral("/agent/callerVerification/methods/1: unknown method \"aadhaar\"; known: pin_code, phone_last4, email"),
              QStringLiteral("/agent/callerVerification/methods/2: method \"pin_code\" is listed twice"),
              QStringLiteral("/agent/callerVerification/methods/3: must be a method name, got number") });
        row("verification no methods", agentWith(R"("callerVerification": {"required": true, "methods": []})"),
            { QStringLiteral("/agent/callerVerification/methods: must name at least one method (pin_code, phone_last4, email)") });
        row("verification attempts", agentWith(R"("callerVerification": {"maxAttempts": 9})"),
            { QStringLiteral("/agent/callerVerification/maxAttempts: must be a whole number from 1 to 5, got 9") });
        row("verification not an object", agentWith(R"("callerVerification": true)"),
            { QStringLiteral("/agent/callerVerification: must be an object {\"required\": true, \"methods\": [...], \"maxAttempts\": 2}, got boolean") });
        row("verification misspelt key", agentWith(R"("callerVerification": {"maxAttempt": 2})"),
            { QStringLiteral("/agent/callerVerification/maxAttempt: unknown key; did you mean \"maxAttempts\"?") });
        row("speed unknown provider not judged", agentWith(R"("ttsProvider": "elevenlabs", "ttsConfig": {"speed": 9})"),
            { QStringLiteral("/agent/ttsProvider: unknown TTS provider \"elevenlabs\"; known: embedded, cartesia, azure") });
        row("unknown enums", agentWith(R"("type": "inbond", "useCase": "sales", "llmProvider": "claude", "sttProvider": "whisper")"),
            { QStringLiteral("/agent/type: unknown type \"inbond\"; known: inbound, outbound"),
              QStringLiteral("/agent/useCase: unknown useCase \"sales\"; known: wismo, delivery_update, cod_confirmation, cart_recovery, returns, other"),
              QStringLiteral("/agent/llmProvider: unknown LLM provider \"claude\"; known: embedded, gemini, gemini-2.5, openai-compatible, ollama, llama.cpp, vllm"),
              QStringLiteral("/agent/sttProvider: unknown STT provider \"whisper\"; known: embedded, deepgram, google") });
        row("language shape", agentWith(R"("language": "english")"),
            { QStringLiteral("/agent/language: \"english\" is not a BCP 47 language tag like en-US, en-IN or hi-IN") });
        row("language lower region", agentWith(R"("language": "en-us")"),
            { QStringLiteral("/agent/language: \"en-us\" is not a BCP 47 language tag like en-US, en-IN or hi-IN") });
        row("keywords", agentWith(R"("sttConfig": {"keywords": ["order:", ":2", "track:high", "rush:11", 5, "  ", "12:30:1"]})"),
            { QStringLiteral("/agent/sttConfig/keywords/0: \"order:\" has no boost after ':' (write \"word:boost\" or just \"word\")"),
              QStringLiteral("/agent/sttConfig/keywords/1: \":2\" has no word before ':'"),
              QStringLiteral("/agent/sttConfig/keywords/2: boost \"high\" in \"track:high\" is not a number"),
              QStringLiteral("/agent/sttConfig/keywords/3: boost 11 in \"rush:11\" is out of range -10 to 10"),
              QStringLiteral("/agent/sttConfig/keywords/4: must be a \"word:boost\" string, got number"),
              QStringLiteral("/agent/sttConfig/keywords/5: keyword is empty") });
        row("keywords not array", agentWith(R"("sttConfig": {"keywords": "order:2"})"),
            { QStringLiteral("/agent/sttConfig/keywords: must be an array of \"word:boost\" strings, got string") });
        row("placeholders", agentWith("\"greetingMessage\": \"Hi {{customerName}, {{}} and {{ first name }}\""),
            { QStringLiteral("/agent/greetingMessage: column 4: '{{' is never closed with '}}'"),
              QStringLiteral("/agent/greetingMessage: column 21: empty placeholder '{{}}'"),
              QStringLiteral("/agent/greetingMessage: column 30: '{{ first name }}' is not a variable name (use letters, digits and _)") });
        row("unknown variable multi-line prompt", agentWith(R"("prompt": "Line one\nCall {{custmerName}} and {{promoCode}}.")"),
            { QStringLiteral("/agent/prompt: line 2, column 6: unknown variable {{custmerName}}; did you mean {{customerName}}?"),
              QStringLiteral("/agent/prompt: line 2, column 26: unknown variable {{promoCode}}; declare it in /agent/variables or use a built-in one") });
        row("declared variable ok", agentWith(R"("prompt": "Use {{promoCode}}", "variables": {"promoCode": {"description": "code"}})"), {});
        row("tools", agentWith(R"("tools": ["end_call", "end_call", "get order", 3])"),
            { QStringLiteral("/agent/tools/1: tool \"end_call\" is listed twice"),
              QStringLiteral("/agent/tools/2: \"get order\" is not a tool name (letters, digits and _)"),
              QStringLiteral("/agent/tools/3: must be a tool name, got number") });
        row("tools not array", agentWith(R"("tools": "end_call")"),
            { QStringLiteral("/agent/tools: must be an array of tool names, got string") });
        row("variables", agentWith(R"("variables": {"bad name": {}, "x": "text", "y": {"default": 5}, "z": {"descripton": "d"}})"),
            { QStringLiteral("/agent/variables/bad name: \"bad name\" is not a variable name (letters, digits and _)"),
              QStringLiteral("/agent/variables/x: must be an object {\"description\": ..., \"default\": ...}, got string"),
              QStringLiteral("/agent/variables/y/default: must be a string, got number"),
              QStringLiteral("/agent/variables/z/descripton: unknown key; did you mean \"description\"?") });
        row("playbook", agentWith(R"("playbook": "tracker.yaml")"),
            { QStringLiteral("/agent/playbook: must name a .json file, got \"tracker.yaml\"") });
        row("playbook empty", agentWith(R"("playbook": "")"),
            { QStringLiteral("/agent/playbook: must not be empty (leave the key out for no playbook)") });
        row("misspelled keys", agentWith(R"("llmTemprature": 0.5, "Language": "en-US", "ttsConfig": {"sped": 1}, "x-notes": "kept")"),
            { QStringLiteral("/agent/ttsConfig/sped: unknown key; did you mean \"speed\"?"),
              QStringLiteral("/agent/llmTemprature: unknown key; did you mean \"llmTemperature\"?"),
              QStringLiteral("/agent/Language: unknown key; did you mean \"language\"?") });
        row("duplicate keys", R"({"agent": {"name": "A", "greetingMessage": "g", "prompt": "p", "name": "B", "sttConfig": {"keywords": [{"a": 1, "a": 2}]}}})",
            { QStringLiteral("/agent/name: key \"name\" appears more than once in this object; only the last value is used"),
              QStringLiteral("/agent/sttConfig/keywords/0/a: key \"a\" appears more than once in this object; only the last value is used"),
              QStringLiteral("/agent/sttConfig/keywords/0: must be a \"word:boost\" string, got object") });
        row("pointer escaping", R"({"agent": {"name": "A", "greetingMessage": "g", "prompt": "p", "variables": {"a/b~c": {}}}})",
            { QStringLiteral("/agent/variables/a~1b~0c: \"a/b~c\" is not a variable name (letters, digits and _)") });
    }
    void problems()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        QCOMPARE(lines(loadAgent(text).issues), expected);
    }

    void knownToolsAreChecked()
    {
        const QByteArray text = agentWith(R"("tools": ["get_order_status", "refund_everything"])");
        const QStringList known = { QStringLiteral("get_order_status"), QStringLiteral("end_call") };
        QCOMPARE(lines(loadAgent(text, known).issues),
                 QStringList({ QStringLiteral("/agent/tools/1: unknown tool \"refund_everything\"; known: get_order_status, end_call") }));
        QVERIFY(loadAgent(text).ok());   // no known list: any well-formed name passes
    }

    void invalidValuesFallBackToDefaults()
    {
        const AgentLoadResult r = loadAgent(agentWith(R"("llmTemperature": 9, "type": "sideways", "ttsConfig": {"speed": 5})"));
        QCOMPARE(r.issues.size(), 3);
        QCOMPARE(r.agent.llmTemperature, 0.3);
        QCOMPARE(r.agent.type, AgentType::Inbound);
        QCOMPARE(r.agent.ttsSpeed, 1.0);
        QCOMPARE(r.agent.name, QStringLiteral("T"));   // valid fields are still read
    }

    void missingFile()
    {
        const AgentLoadResult r = loadAgentFile(QDir::temp().filePath(QStringLiteral("no-such-agent-8f3a.json")));
        QCOMPARE(r.issues.size(), 1);
        QCOMPARE(r.issues.at(0).pointer, QString());
        QVERIFY2(r.issues.at(0).message.startsWith(QLatin1String("cannot read the file: ")), qPrintable(r.issues.at(0).message));
    }

    void keywordParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("word");
        QTest::addColumn<double>("boost");
        QTest::addColumn<QString>("written");
        QTest::addRow("plain") << QStringLiteral("order:2") << true << QStringLiteral("order") << 2.0 << QStringLiteral("order:2");
        QTest::addRow("spaces") << QStringLiteral(" cash on delivery : 1.5 ") << true << QStringLiteral("cash on delivery") << 1.5
                                << QStringLiteral("cash on delivery:1.5");
        QTest::addRow("bare") << QStringLiteral("haan") << true << QStringLiteral("haan") << 1.0 << QStringLiteral("haan");
        QTest::addRow("negative") << QStringLiteral("spam:-10") << true << QStringLiteral("spam") << -10.0 << QStringLiteral("spam:-10");
        QTest::addRow("colon in word") << QStringLiteral("12:30:1") << true << QStringLiteral("12:30") << 1.0 << QStringLiteral("12:30:1");
        QTest::addRow("inf") << QStringLiteral("x:inf") << false << QString() << 0.0 << QString();
        QTest::addRow("too big") << QStringLiteral("x:10.5") << false << QString() << 0.0 << QString();
    }
    void keywordParsing()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        KeywordBoost k;
        QString error;
        QCOMPARE(parseKeyword(text, &k, &error), ok);
        QCOMPARE(error.isEmpty(), ok);
        if (!ok)
            return;
        QFETCH(QString, word);
        QFETCH(double, boost);
        QFETCH(QString, written);
        QCOMPARE(k.word, word);
        QCOMPARE(k.boost, boost);
        QCOMPARE(k.toString(), written);
    }

    // The seed's five agent blocks, with their "..." prompts, are valid agent files.
    void seedAgentsValidate_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(RINGSIDE_TEST_DIR "/seed"));
        const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 5);
        for (const QString &f : files)
            QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
    }
    void seedAgentsValidate()
    {
        QFETCH(QString, path);
        const AgentLoadResult r = loadAgentFile(path);
        QVERIFY2(r.ok(), qPrintable(lines(r.issues).join(u'\n')));
        QVERIFY(!r.agent.name.isEmpty());
        QCOMPARE(r.agent.prompt, QStringLiteral("..."));
    }
};

QTEST_GUILESS_MAIN(TestAgentLoad)
#include "tst_agentload.moc"
