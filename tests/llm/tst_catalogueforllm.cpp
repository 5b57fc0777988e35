// The real tool catalogue (core/tools) must reach both providers intact: accepted by the request
// checks, and converted for Gemini into schemas that keep every parameter and obey Gemini's rules.
#include "engine/llm/geminischema.h"
#include "engine/llm/requestchecks.h"
#include "tools/toolcatalogue.h"

#include <QSet>
#include <QTest>

using namespace ringside;

namespace {

const QSet<QString> kAllowedKeys = {QStringLiteral("type"), QStringLiteral("properties"), QStringLiteral("required"),
                                    QStringLiteral("items"), QStringLiteral("enum"), QStringLiteral("description"),
                                    QStringLiteral("nullable"), QStringLiteral("format")};
const QSet<QString> kTypes = {QStringLiteral("STRING"), QStringLiteral("NUMBER"), QStringLiteral("INTEGER"),
                              QStringLiteral("BOOLEAN"), QStringLiteral("ARRAY"), QStringLiteral("OBJECT")};

// Every rule Gemini enforces on a Schema node, checked recursively; returns the first breach.
QString breach(const json &node, const QString &path)
{
    if (!node.is_object())
        return path + QStringLiteral(": not an object");
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!kAllowedKeys.contains(qs(it.key())))
            return path + QStringLiteral(": keyword ") + qs(it.key()) + QStringLiteral(" is outside the subset");
    }
    const QString type = stringAt(node, "type");
    if (!kTypes.contains(type))
        return path + QStringLiteral(": type \"") + type + QStringLiteral("\"");
    if (node.contains("enum")) {
        if (type != QLatin1String("STRING"))
            return path + QStringLiteral(": enum on ") + type;
        for (const json &v : node["enum"])
            if (!v.is_string())
                return path + QStringLiteral(": enum value not a string");
    }
    if (type == QLatin1String("OBJECT") && node.contains("properties")) {
        const json &props = node["properties"];
        if (!props.is_object() || props.empty())
            return path + QStringLiteral(": empty properties");
        for (const json &r : node.value("required", json::array()))
            if (!r.is_string() || !props.contains(r.get<std::string>()))
                return path + QStringLiteral(": required names an undeclared property");
        for (auto it = props.begin(); it != props.end(); ++it) {
            const QString inner = breach(it.value(), path + QLatin1Char('.') + qs(it.key()));
            if (!inner.isEmpty())
                return inner;
        }
    }
    if (type == QLatin1String("ARRAY")) {
        if (!node.contains("items"))
            return path + QStringLiteral(": array without items");
        return breach(node["items"], path + QStringLiteral("[]"));
    }
    return {};
}

// Property paths and enum values of a schema, so conversion can be shown to lose none.
void collect(const json &node, const QString &path, QStringList *out)
{
    if (!node.is_object())
        return;
    if (node.contains("enum") && node["enum"].is_array())
        for (const json &v : node["enum"])
            *out << path + QStringLiteral("=") + qs(v.dump());
    if (node.contains("properties") && node["properties"].is_object())
        for (auto it = node["properties"].begin(); it != node["properties"].end(); ++it) {
            *out << path + QLatin1Char('.') + qs(it.key());
            collect(it.value(), path + QLatin1Char('.') + qs(it.key()), out);
        }
    if (node.contains("items"))
        collect(node["items"], path + QStringLiteral("[]"), out);
}

} // namespace

class TestCatalogueForLlm : public QObject
{
    Q_OBJECT
private slots:
    void catalogueIsAValidToolsList()
    {
        LlmRequest request;
        request.model = QStringLiteral("m");
        request.messages = {LlmMessage::user(QStringLiteral("hi"))};
        request.tools = toolDeclarations(toolNames());
        QVERIFY(request.tools.size() >= 15);
        const auto error = checkRequest(request);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
    }

    void everyToolConvertsForGeminiWithoutLoss()
    {
        const json tools = toolDeclarations(toolNames());
        const json declarations = toGeminiFunctionDeclarations(tools);
        QCOMPARE(declarations.size(), tools.size());
        for (size_t i = 0; i < tools.size(); ++i) {
            const json &source = tools[i]["function"];
            const json &converted = declarations[i];
            const QString name = stringAt(source, "name");
            QCOMPARE(stringAt(converted, "name"), name);
            QCOMPARE(stringAt(converted, "description"), stringAt(source, "description"));
            QStringList before, after;
            collect(source.value("parameters", json::object()), name, &before);
            if (!converted.contains("parameters")) {
                QVERIFY2(before.isEmpty(), qPrintable(name + QStringLiteral(" lost its parameters")));
                continue;
            }
            const QString problem = breach(converted["parameters"], name);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(stringAt(converted["parameters"], "type"), QStringLiteral("OBJECT"));
            collect(converted["parameters"], name, &after);
            QCOMPARE(after, before);
        }
    }
};

QTEST_GUILESS_MAIN(TestCatalogueForLlm)
#include "tst_catalogueforllm.moc"
