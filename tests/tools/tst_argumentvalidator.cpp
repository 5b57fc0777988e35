// Argument validation for every kind of bad call, from cases/arguments.json; also what a good
// call comes back as (normalised).
#include "tools/argumentvalidator.h"

#include <QFile>
#include <QTest>

using namespace ringside;

class TestArgumentValidator : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messageContains");
        QTest::addColumn<QString>("normalised");
        QFile f(QStringLiteral(RINGSIDE_TEST_DIR "/cases/arguments.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const json &c : json::parse(f.readAll().toStdString())) {
            QTest::addRow("%s", c.at("name").get<std::string>().c_str())
                    << qs(c.at("tool").get<std::string>()) << qs(c.at("arguments").dump())
                    << qs(c.at("code").get<std::string>()) << qs(c.value("field", std::string()))
                    << qs(c.value("message_contains", std::string()))
                    << (c.contains("normalised") ? qs(c.at("normalised").dump()) : QString());
        }
    }
    void cases()
    {
        QFETCH(QString, tool);
        QFETCH(QString, arguments);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QString, messageContains);
        QFETCH(QString, normalised);
        const ToolDefinition *def = findTool(tool);
        QVERIFY(def);
        const ValidatedArguments v = validateArguments(*def, json::parse(arguments.toStdString()));
        if (code.isEmpty()) {
            QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error->message));
            if (!normalised.isEmpty())
                QCOMPARE(qs(v.arguments.dump()), qs(json::parse(normalised.toStdString()).dump()));
            return;
        }
        QVERIFY2(!v.ok(), qPrintable(QStringLiteral("accepted: ") + qs(v.arguments.dump())));
        QCOMPARE(v.error->code, code);
        QCOMPARE(v.error->field, field);
        // Every message names the field it is about.
        if (!field.isEmpty() && !field.contains(QLatin1Char('|')))
            QVERIFY2(v.error->message.contains(field), qPrintable(v.error->message));
        if (!messageContains.isEmpty())
            QVERIFY2(v.error->message.contains(messageContains), qPrintable(v.error->message));
        const json asJson = v.error->toJson();
        QCOMPARE(qs(asJson.at("error").at("code").get<std::string>()), code);
        QCOMPARE(qs(asJson.at("error").at("field").get<std::string>()), field);
    }

    void everyToolAcceptsAMinimalCall()
    {
        // Built from the schema itself, so a new tool cannot slip in without a working schema.
        for (const ToolDefinition &def : toolCatalogue()) {
            json args = json::object();
            for (const json &name : def.parameters.value("required", json::array())) {
                const json &prop = def.parameters.at("properties").at(name.get<std::string>());
                const std::string type = prop.value("type", std::string("string"));
                if (prop.contains("enum"))
                    args[name.get<std::string>()] = prop.at("enum").at(0);
                else if (type == "boolean")
                    args[name.get<std::string>()] = true;
                else if (type == "array")
                    args[name.get<std::string>()] = json::array({ { { "sku", "A" }, { "quantity", 1 }, { "reason", "damaged" } } });
                else if (name == "phone_number")
                    args[name.get<std::string>()] = "+919800000003";
                else if (name == "new_date" || name == "pickup_date")
                    args[name.get<std::string>()] = "2026-12-01";
                else
                    args[name.get<std::string>()] = "X-1";
            }
            if (!def.requireOneOf.isEmpty())
                args[def.requireOneOf.first().toStdString()] = "X-1";
            const ValidatedArguments v = validateArguments(def, args);
            QVERIFY2(v.ok(), qPrintable(def.name + QStringLiteral(": ") + (v.ok() ? QString() : v.error->message)));
        }
    }

    void dates()
    {
        QDate d;
        QVERIFY(parseIsoDate(QStringLiteral("2028-02-29"), &d));
        QCOMPARE(d, QDate(2028, 2, 29));
        QVERIFY(!parseIsoDate(QStringLiteral("2027-02-29")));
        QVERIFY(!parseIsoDate(QStringLiteral("2027-2-3")));
        QVERIFY(!parseIsoDate(QString()));
    }
};

QTEST_GUILESS_MAIN(TestArgumentValidator)
#include "tst_argumentvalidator.moc"
