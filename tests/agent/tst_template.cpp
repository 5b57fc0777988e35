// {{variable}} templates: substitution, missing values tidied away, placeholder syntax.
#include "agent/template.h"

#include <QTest>

using namespace ringside;

using Vars = QHash<QString, QString>;

class TestTemplate : public QObject
{
    Q_OBJECT
private slots:
    void render_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Vars>("vars");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("missing");
        const Vars store = { { QStringLiteral("storeName"), QStringLiteral("Kiran Stores") } };
        const Vars full = { { QStringLiteral("storeName"), QStringLiteral("Kiran Stores") },
                            { QStringLiteral("customerName"), QStringLiteral("Asha") },
                            { QStringLiteral("orderId"), QStringLiteral("ORD-1") } };
        auto row = [](const char *name, const char *text, const Vars &vars, const char *expected, const QStringList &missing) {
            QTest::addRow("%s", name) << QString::fromUtf8(text) << vars << QString::fromUtf8(expected) << missing;
        };
        const QStringList customer = { QStringLiteral("customerName") };
        row("all present", "Hi {{customerName}}! This is {{storeName}} about {{orderId}}.", full,
            "Hi Asha! This is Kiran Stores about ORD-1.", {});
        row("spaces inside braces", "Hi {{ customerName }}.", full, "Hi Asha.", {});
        row("missing before !", "Hi {{customerName}}! This is {{storeName}}.", store, "Hi! This is Kiran Stores.", customer);
        row("missing mid sentence", "Your order {{orderId}} is ready", store, "Your order is ready", { QStringLiteral("orderId") });
        row("missing whole sentence", "Calling about your order. {{deliveryUpdate}}. Any questions?", store,
            "Calling about your order. Any questions?", { QStringLiteral("deliveryUpdate") });
        row("missing at start", "{{deliveryUpdate}}. Any questions?", store, "Any questions?", { QStringLiteral("deliveryUpdate") });
        row("missing after comma", "Hello, {{customerName}}!", store, "Hello!", customer);
        row("missing between commas", "Thanks, {{customerName}}, for waiting", store, "Thanks, for waiting", customer);
        row("missing in brackets", "Your order ({{orderId}}) ships today", store, "Your order ships today", { QStringLiteral("orderId") });
        row("missing at line end", "- Order number: {{orderId}}\n- Amount: 5", store, "- Order number:\n- Amount: 5",
            { QStringLiteral("orderId") });
        row("missing at end", "Namaste {{customerName}}", store, "Namaste", customer);
        row("two missing in a row", "Hi {{customerName}} {{orderId}}!", store, "Hi!",
            { QStringLiteral("customerName"), QStringLiteral("orderId") });
        row("repeated missing listed once", "{{customerName}} and {{customerName}}", store, "and", customer);
        row("empty value tidied but not missing", "Hi {{customerName}}!", Vars{ { QStringLiteral("customerName"), QString() } }, "Hi!", {});
        row("malformed braces dropped", "Hi {{}} there {{ bad name }}, {{storeName", store, "Hi there, storeName", {});
        row("values not expanded twice", "Say {{customerName}}", Vars{ { QStringLiteral("customerName"), QStringLiteral("{{storeName}}") } },
            "Say {{storeName}}", {});
        row("value ending its sentence", "About your order. {{deliveryUpdate}}. Any questions?",
            Vars{ { QStringLiteral("deliveryUpdate"), QStringLiteral("It arrives today!") } },
            "About your order. It arrives today! Any questions?", {});
        row("value without full stop", "Update: {{deliveryUpdate}}. Bye.",
            Vars{ { QStringLiteral("deliveryUpdate"), QStringLiteral("It arrives today") } }, "Update: It arrives today. Bye.", {});
        row("no placeholders", "Plain text, unchanged.  Spaces too.", {}, "Plain text, unchanged.  Spaces too.", {});
        row("json braces are literal", R"(Example: {"a": {"b": 1}})", {}, R"(Example: {"a": {"b": 1}})", {});
    }
    void render()
    {
        QFETCH(QString, text);
        QFETCH(Vars, vars);
        QFETCH(QString, expected);
        QFETCH(QStringList, missing);
        const RenderResult r = renderTemplate(text, vars);
        QCOMPARE(r.text, expected);
        QCOMPARE(r.missing, missing);
        QCOMPARE(r.complete(), missing.isEmpty());
        for (const QString &name : missing)   // never spoken literally
            QVERIFY2(!r.text.contains(name), qPrintable(r.text));
    }

    void placeholderNames()
    {
        QCOMPARE(placeholders(QStringLiteral("{{a}} {{b}} {{ a }} {{}} {{c")), QStringList({ QStringLiteral("a"), QStringLiteral("b") }));
        QVERIFY(placeholders(QStringLiteral("no templates")).isEmpty());
    }

    void scanPositions()
    {
        const TemplateScan scan = scanTemplate(QStringLiteral("ab\ncd {{x}} {{ y z }}\n{{"));
        QCOMPARE(scan.placeholders.size(), 1);
        QCOMPARE(scan.placeholders.at(0).start, 6);
        QCOMPARE(scan.placeholders.at(0).length, 5);
        QCOMPARE(scan.placeholders.at(0).name, QStringLiteral("x"));
        QCOMPARE(scan.issues.size(), 2);
        QCOMPARE(scan.issues.at(0).line, 2);
        QCOMPARE(scan.issues.at(0).column, 10);
        QCOMPARE(scan.issues.at(0).message, QStringLiteral("'{{ y z }}' is not a variable name (use letters, digits and _)"));
        QCOMPARE(scan.issues.at(1).line, 3);
        QCOMPARE(scan.issues.at(1).column, 1);
        QCOMPARE(scan.issues.at(1).message, QStringLiteral("'{{' is never closed with '}}'"));
    }
};

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
