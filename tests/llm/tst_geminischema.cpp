// JSON Schema → Gemini's OpenAPI subset: what is kept, translated and dropped.
#include "engine/llm/geminischema.h"

#include <QTest>

using namespace ringside;

class TestGeminiSchema : public QObject
{
    Q_OBJECT
private slots:
    void convertsOneNode_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::addRow("drops unknown keywords")
            << QByteArray(R"({"type":"string","description":"d","minLength":3,"pattern":"^O","default":"x","title":"T","examples":["a"]})")
            << QByteArray(R"({"type":"STRING","description":"d"})");
        QTest::addRow("nullable from type list")
            << QByteArray(R"({"type":["string","null"]})") << QByteArray(R"({"type":"STRING","nullable":true})");
        QTest::addRow("nullable kept") << QByteArray(R"({"type":"integer","nullable":true})")
                                       << QByteArray(R"({"type":"INTEGER","nullable":true})");
        QTest::addRow("anyOf with null")
            << QByteArray(R"({"anyOf":[{"type":"number"},{"type":"null"}],"description":"amount"})")
            << QByteArray(R"({"type":"NUMBER","description":"amount","nullable":true})");
        QTest::addRow("const becomes enum") << QByteArray(R"({"const":"cod"})")
                                            << QByteArray(R"({"type":"STRING","enum":["cod"]})");
        QTest::addRow("number enum becomes words")
            << QByteArray(R"({"type":"integer","enum":[1,2,3],"description":"slot"})")
            << QByteArray::fromStdString(json({{"type", "INTEGER"}, {"description", "slot (one of: [1,2,3])"}}).dump());
        QTest::addRow("allowed formats")
            << QByteArray(R"({"type":"object","properties":{"at":{"type":"string","format":"date-time"},
                 "day":{"type":"string","format":"date"},"n":{"type":"integer","format":"int64"},
                 "mail":{"type":"string","format":"email"}}})")
            << QByteArray(R"({"type":"OBJECT","properties":{"at":{"type":"STRING","format":"date-time"},
                 "day":{"type":"STRING"},"n":{"type":"INTEGER","format":"int64"},"mail":{"type":"STRING"}}})");
        QTest::addRow("required only if declared")
            << QByteArray(R"({"type":"object","properties":{"a":{"type":"string"}},"required":["a","ghost"],"additionalProperties":false})")
            << QByteArray(R"({"type":"OBJECT","properties":{"a":{"type":"STRING"}},"required":["a"]})");
        QTest::addRow("nested arrays of objects")
            << QByteArray(R"({"type":"array","items":{"type":"object","properties":{"sku":{"type":"string"},"qty":{"type":"integer","minimum":1}},"required":["sku"]}})")
            << QByteArray(R"({"type":"ARRAY","items":{"type":"OBJECT","properties":{"sku":{"type":"STRING"},"qty":{"type":"INTEGER"}},"required":["sku"]}})");
        QTest::addRow("types inferred")
            << QByteArray(R"({"properties":{"tags":{"items":{"enum":["a","b"]}}}})")
            << QByteArray(R"({"type":"OBJECT","properties":{"tags":{"type":"ARRAY","items":{"type":"STRING","enum":["a","b"]}}}})");
        QTest::addRow("array without items") << QByteArray(R"({"type":"array"})")
                                             << QByteArray(R"({"type":"ARRAY","items":{"type":"STRING"}})");
        QTest::addRow("not an object") << QByteArray("true") << QByteArray("{}");
    }
    void convertsOneNode()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        const json converted = toGeminiSchema(json::parse(in.toStdString()));
        const json expected = json::parse(out.toStdString());
        QVERIFY2(converted == expected, converted.dump().c_str());
    }

    void functionsWithoutParametersLeaveThemOut()
    {
        const json tools = json::parse(R"([
          {"type":"function","function":{"name":"end_call","description":"Hang up",
            "parameters":{"type":"object","properties":{}}}},
          {"type":"function","function":{"name":"transfer_to_human"}},
          {"type":"function","function":{"name":"apply_discount","description":"Apply a code",
            "parameters":{"type":"object","properties":{"code":{"type":"string"}},"required":["code"]}}}])");
        const json declarations = toGeminiFunctionDeclarations(tools);
        QVERIFY2(declarations == json::parse(R"([
          {"name":"end_call","description":"Hang up"},
          {"name":"transfer_to_human"},
          {"name":"apply_discount","description":"Apply a code",
           "parameters":{"type":"OBJECT","properties":{"code":{"type":"STRING"}},"required":["code"]}}])"),
                 declarations.dump().c_str());
    }
};

QTEST_GUILESS_MAIN(TestGeminiSchema)
#include "tst_geminischema.moc"
