// Playbook templates: paths, helpers that format for speech, missing values, argument rendering,
// and the sentence counter replies are held to.
#include "engine/playbooktemplate.h"
#include "engine/universaltexts.h"
#include "util/clock.h"

#include <QTest>

using namespace ringside;
using namespace ringside::playbook;

class TestPlaybookTemplate : public QObject
{
    Q_OBJECT

private:
    json root() const
    {
        return json::parse(R"({
            "vars": {"storeName": "Kiran Stores", "currency": "INR"},
            "slots": {"order_id": "ORD-482913"},
            "order": {"status": "out_for_delivery", "carrier": "ecom_express", "total": 1499.5,
                      "shipped_at": "2026-11-25T08:30:00+05:30", "estimated_delivery": "2026-11-28T18:00:00+05:30",
                      "delivered_at": null, "delay_reason": "Dense fog at the hub", "acronym": "DHL held it",
                      "items": [{"name": "Running Shoes"}, {"name": "Socks"}], "names": ["Shoes", "Socks", "Cap"],
                      "found": true, "count": 3}
        })");
    }
    SpeechStyle style(const QString &language = QStringLiteral("en-US")) const
    {
        SpeechStyle s;
        s.language = language;
        s.zone = QTimeZone(QByteArrayLiteral("Asia/Kolkata"));
        s.now = parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
        s.currency = QStringLiteral("INR");
        return s;
    }

private Q_SLOTS:
    void render_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        const QString en = QStringLiteral("en-US");
        QTest::addRow("variable by bare name") << "Thanks for calling {{storeName}}." << en << "Thanks for calling Kiran Stores.";
        QTest::addRow("variable by vars path") << "{{vars.storeName}}" << en << "Kiran Stores";
        QTest::addRow("nested path") << "{{order.items.1.name}}" << en << "Socks";
        QTest::addRow("spaces inside braces") << "{{ order.status }}" << en << "out_for_delivery";
        QTest::addRow("number") << "{{order.count}} orders" << en << "3 orders";
        QTest::addRow("spell") << "{{spell(slots.order_id)}}" << en << "O R D 4 8 2 9 1 3";
        QTest::addRow("status") << "{{status(order.status)}}" << en << "out for delivery";
        QTest::addRow("carrier") << "{{carrier(order.carrier)}}" << en << "Ecom Express";
        QTest::addRow("date") << "{{date(order.estimated_delivery)}}" << en << "Saturday, November 28";
        QTest::addRow("day tomorrow") << "{{day(order.estimated_delivery)}}" << en << "Saturday, November 28";
        QTest::addRow("onday yesterday") << "shipped {{onday(order.shipped_at)}}" << en << "shipped yesterday";
        QTest::addRow("time") << "by {{time(order.estimated_delivery)}}" << en << "by 6 PM";
        QTest::addRow("money") << "{{money(order.total)}}" << en << "1,499 rupees and 50 paise";
        QTest::addRow("hindi date") << "{{date(order.estimated_delivery)}}" << "hi-IN" << "Shanivaar, 28 Navambar";
        QTest::addRow("lcfirst") << "due to {{lcfirst(order.delay_reason)}}" << en << "due to dense fog at the hub";
        QTest::addRow("lcfirst keeps acronyms") << "{{lcfirst(order.acronym)}}" << en << "DHL held it";
        QTest::addRow("count") << "{{count(order.items)}} items" << en << "2 items";
        QTest::addRow("list of strings") << "{{order.names}}" << en << "Shoes, Socks, and Cap";
        QTest::addRow("missing is left out") << "Delivered {{order.delivered_at}}, thanks." << en << "Delivered, thanks.";
        QTest::addRow("unknown root is a variable") << "Hi {{customerName}}!" << en << "Hi!";
    }

    void render()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(QString, expected);
        QCOMPARE(playbook::render(text, root(), style(language)).text, expected);
    }

    void missingValuesAreReported()
    {
        const Rendered r = playbook::render(QStringLiteral("A {{order.nope}} B {{spell(order.delivered_at)}} C"), root(), style());
        QCOMPARE(r.missing, (QStringList{ QStringLiteral("order.nope"), QStringLiteral("spell(order.delivered_at)") }));
        QVERIFY(!r.text.contains(QLatin1String("{{")));
    }

    void templateProblemsAreFound()
    {
        QVERIFY(templateProblems(QStringLiteral("fine {{a.b}} {{spell(c)}}")).isEmpty());
        QCOMPARE(templateProblems(QStringLiteral("{{}}")).size(), 1);
        QVERIFY(templateProblems(QStringLiteral("{{a b}}")).first().contains(QStringLiteral("not a path")));
        QVERIFY(templateProblems(QStringLiteral("{{yell(a)}}")).first().contains(QStringLiteral("unknown helper")));
        QVERIFY(templateProblems(QStringLiteral("{{spell(a}}")).first().contains(QStringLiteral("must end with")));
        QVERIFY(templateProblems(QStringLiteral("x {{a")).first().contains(QStringLiteral("never closed")));
    }

    void lookupAndPresence()
    {
        const json r = root();
        QVERIFY(lookup(r, QStringLiteral("order.found")));
        QVERIFY(!lookup(r, QStringLiteral("order.items.5.name")));
        QVERIFY(!lookup(r, QStringLiteral("order.status.deeper")));
        QVERIFY(isPresent(lookup(r, QStringLiteral("order.found"))));
        QVERIFY(!isPresent(lookup(r, QStringLiteral("order.delivered_at"))));
        QVERIFY(!isPresent(lookup(r, QStringLiteral("missing.path"))));
        const json f = json::parse(R"({"a": false, "b": "", "c": [], "d": 0})");
        QVERIFY(!isPresent(lookup(f, QStringLiteral("a"))));
        QVERIFY(!isPresent(lookup(f, QStringLiteral("b"))));
        QVERIFY(!isPresent(lookup(f, QStringLiteral("c"))));
        QVERIFY(isPresent(lookup(f, QStringLiteral("d"))));
    }

    void argumentValues()
    {
        QStringList missing;
        const json args = json::parse(R"({"order_id": "{{slots.order_id}}", "phone_number": "{{slots.phone}}",
                                          "items": "{{order.items}}", "confirmed": true, "note": "about {{order.status}}",
                                          "nested": {"n": "{{order.count}}"}})");
        const json out = renderValue(args, root(), style(), &missing);
        QVERIFY(out["order_id"] == json("ORD-482913"));
        QVERIFY(!out.contains("phone_number"));
        QCOMPARE(out["items"].size(), size_t(2));
        QVERIFY(out["confirmed"] == json(true));
        QVERIFY(out["note"] == json("about out_for_delivery"));
        QVERIFY(out["nested"]["n"] == json(3));
        QCOMPARE(missing, QStringList{ QStringLiteral("slots.phone") });
    }

    void textsPickTheLanguage()
    {
        const json t = json::parse(R"({"en": "Hello", "hi": "Namaste"})");
        QCOMPARE(pickText(t, QStringLiteral("hi-IN")), QStringLiteral("Namaste"));
        QCOMPARE(pickText(t, QStringLiteral("en-US")), QStringLiteral("Hello"));
        QCOMPARE(pickText(t, QStringLiteral("ta-IN")), QStringLiteral("Hello"));
        QCOMPARE(pickText(json::parse(R"({"hi-IN": "Namaste"})"), QStringLiteral("hi")), QStringLiteral("Namaste"));
        QCOMPARE(pickText(json("plain"), QStringLiteral("hi-IN")), QStringLiteral("plain"));
        QVERIFY(builtinText(QStringLiteral("wait"), QStringLiteral("hi-IN")).contains(QStringLiteral("aaram se")));
        QVERIFY(builtinText(QStringLiteral("nope"), QStringLiteral("en-US")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlaybookTemplate)
#include "tst_playbooktemplate.moc"
