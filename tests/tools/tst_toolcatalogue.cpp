// The catalogue must offer the seed's 13 tools with exactly the seed's schemas (parameter names,
// types, enums, required lists), plus transfer_to_human and end_call.
#include "tools/toolcatalogue.h"

#include <QFile>
#include <QTest>

using namespace ringside;

namespace {

// The schema without prose: descriptions may be improved, everything else is an interface.
json withoutDescriptions(const json &j)
{
    if (j.is_object()) {
        json out = json::object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() != "description")
                out[it.key()] = withoutDescriptions(it.value());
        }
        return out;
    }
    if (j.is_array()) {
        json out = json::array();
        for (const json &e : j)
            out.push_back(withoutDescriptions(e));
        return out;
    }
    return j;
}

json seedSchemas()
{
    QFile f(QStringLiteral(RINGSIDE_TEST_DIR "/golden/seed_tool_schemas.json"));
    if (!f.open(QIODevice::ReadOnly))
        return json();
    return json::parse(f.readAll().toStdString());
}

} // namespace

class TestToolCatalogue : public QObject
{
    Q_OBJECT
private slots:
    void seedTools_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("schema");
        const json seed = seedSchemas();
        QVERIFY2(seed.is_array(), "golden/seed_tool_schemas.json missing or unreadable");
        QCOMPARE(seed.size(), size_t(13));
        for (const json &tool : seed)
            QTest::addRow("%s", tool.at("name").get<std::string>().c_str())
                    << qs(tool.at("name").get<std::string>()) << qs(tool.at("parameters").dump());
    }
    void seedTools()
    {
        QFETCH(QString, name);
        QFETCH(QString, schema);
        const ToolDefinition *def = findTool(name);
        QVERIFY2(def, qPrintable(name));
        const json expected = json::parse(schema.toStdString());
        const json actual = withoutDescriptions(def->parameters);
        // Field by field, so a failure names what differs.
        QCOMPARE(qs(actual.value("type", std::string())), qs(expected.value("type", std::string())));
        QCOMPARE(qs(actual.value("required", json()).dump()), qs(expected.value("required", json()).dump()));
        const json &props = expected.at("properties");
        QCOMPARE(actual.at("properties").size(), props.size());
        for (auto it = props.begin(); it != props.end(); ++it) {
            QVERIFY2(actual.at("properties").contains(it.key()), it.key().c_str());
            QCOMPARE(qs(actual.at("properties").at(it.key()).dump()), qs(it.value().dump()));
        }
        QCOMPARE(qs(actual.dump()), qs(expected.dump()));
        QVERIFY(!def->description.isEmpty());
    }

    void sessionTools()
    {
        const ToolDefinition *transfer = findTool(QStringLiteral("transfer_to_human"));
        QVERIFY(transfer);
        QCOMPARE(qs(transfer->parameters.at("required").dump()), QStringLiteral("[\"reason\",\"summary\"]"));
        const json reasons = transfer->parameters.at("properties").at("reason").at("enum");
        for (const char *r : { "delivered_not_received", "complaint", "delayed_over_7_days", "damaged_item", "customer_request", "other" })
            QVERIFY2(std::find(reasons.begin(), reasons.end(), json(r)) != reasons.end(), r);
        QCOMPARE(qs(transfer->parameters.at("properties").at("summary").at("type").get<std::string>()), QStringLiteral("string"));

        const ToolDefinition *end = findTool(QStringLiteral("end_call"));
        QVERIFY(end);
        QVERIFY(!end->parameters.contains("required"));
        QVERIFY(end->parameters.at("properties").contains("reason"));
    }

    void namesInOrder()
    {
        const QStringList names = toolNames();
        QCOMPARE(names.size(), 16);
        QCOMPARE(names.first(), QStringLiteral("get_order_status"));
        QCOMPARE(names.at(12), QStringLiteral("record_cart_abandonment_reason"));
        QCOMPARE(names.at(13), QStringLiteral("verify_caller"));
        QCOMPARE(names.at(14), QStringLiteral("transfer_to_human"));
        QCOMPARE(names.last(), QStringLiteral("end_call"));
        QCOMPARE(int(toolCatalogue().size()), names.size());
        QVERIFY(!findTool(QStringLiteral("provide_product_details")));
    }

    void declarations()
    {
        const json decl = toolDeclarations({ QStringLiteral("cancel_order"), QStringLiteral("no_such_tool"),
                                             QStringLiteral("get_order_status") });
        QCOMPARE(decl.size(), size_t(2));
        QCOMPARE(qs(decl[0].at("type").get<std::string>()), QStringLiteral("function"));
        QCOMPARE(qs(decl[0].at("function").at("name").get<std::string>()), QStringLiteral("cancel_order"));
        QVERIFY(decl[0].at("function").at("parameters") == findTool(QStringLiteral("cancel_order"))->parameters);
        QVERIFY(decl[0].at("function").at("description").is_string());
        QCOMPARE(qs(decl[1].at("function").at("name").get<std::string>()), QStringLiteral("get_order_status"));
        // Only the OpenAI keys: the catalogue's own rules stay out of what the LLM sees.
        QCOMPARE(decl[1].at("function").size(), size_t(3));
        QCOMPARE(toolDeclarations({}).size(), size_t(0));
    }

    void extraRules()
    {
        const auto oneOf = [](const char *tool) { return findTool(QLatin1String(tool))->requireOneOf.join(QLatin1Char(',')); };
        QCOMPARE(oneOf("get_order_status"), QStringLiteral("order_id,phone_number"));
        QCOMPARE(oneOf("check_return_status"), QStringLiteral("return_id,order_id"));
        QCOMPARE(oneOf("get_abandoned_cart"), QStringLiteral("customer_id,phone_number"));
        QVERIFY(findTool(QStringLiteral("reschedule_delivery"))->checks.contains("new_date"));
    }
};

QTEST_GUILESS_MAIN(TestToolCatalogue)
#include "tst_toolcatalogue.moc"
