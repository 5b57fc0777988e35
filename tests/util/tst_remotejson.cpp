// JSON from outside: the nesting is measured before parsing, and typed reads never throw whatever
// a peer put at a key.
#include "util/remotejson.h"

#include <QTest>

using namespace ringside;

class TestRemoteJson : public QObject
{
    Q_OBJECT
private slots:
    void depthIsMeasuredOutsideStrings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("maxDepth");
        QTest::addColumn<bool>("within");
        QTest::addRow("flat") << QByteArray("{\"a\":1}") << 1 << true;
        QTest::addRow("two levels, limit one") << QByteArray("{\"a\":[1]}") << 1 << false;
        QTest::addRow("two levels, limit two") << QByteArray("{\"a\":[1]}") << 2 << true;
        QTest::addRow("brackets inside a string") << QByteArray("{\"a\":\"[[[[{{{{\"}") << 1 << true;
        QTest::addRow("escaped quote keeps the string open") << QByteArray("{\"a\":\"\\\"[[[[\"}") << 1 << true;
        QTest::addRow("escaped backslash closes it") << QByteArray("{\"a\":\"\\\\\",  \"b\":[[1]]}") << 2 << false;
        QTest::addRow("not JSON at all") << QByteArray("[[[[ nonsense") << 3 << false;
        QTest::addRow("closers without openers") << QByteArray("]]]]}}}") << 1 << true;
    }
    void depthIsMeasuredOutsideStrings()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, maxDepth);
        QFETCH(bool, within);
        QCOMPARE(jsonDepthWithin(text, maxDepth), within);
    }

    void aHugelyNestedDocumentIsRefusedWithoutParsing()
    {
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        QVERIFY(!jsonDepthWithin(deep));
        QVERIFY(parseRemoteJson(deep).is_discarded());
        const QByteArray ok = QByteArray(kMaxJsonDepth, '[') + QByteArray(kMaxJsonDepth, ']');
        QVERIFY(!parseRemoteJson(ok).is_discarded());
        const QByteArray over = QByteArray(kMaxJsonDepth + 1, '[') + QByteArray(kMaxJsonDepth + 1, ']');
        QVERIFY(parseRemoteJson(over).is_discarded());
    }

    void invalidTextIsDiscardedNotThrown()
    {
        QVERIFY(parseRemoteJson("{\"a\":").is_discarded());
        QVERIFY(parseRemoteJson("").is_discarded());
        const json doc = parseRemoteJson("{\"event\":\"media\",\"n\":3}");
        QVERIFY(doc.is_object());
        QCOMPARE(doc.at("n").get<int>(), 3);
    }

    void typedReadsFallBackOnAnyOtherType()
    {
        const json doc = json::parse("{\"n\":7,\"f\":2.9,\"huge\":1e300,\"s\":\"7\",\"nul\":null,\"b\":true,\"o\":{\"k\":1},\"a\":[1,2]}");
        QCOMPARE(intAt(doc, "n", -1), 7);
        QCOMPARE(intAt(doc, "f", -1), 2);
        QCOMPARE(intAt(doc, "huge", -1), -1);
        QCOMPARE(intAt(doc, "s", -1), -1);
        QCOMPARE(intAt(doc, "nul", -1), -1);
        QCOMPARE(intAt(doc, "missing", -1), -1);
        QCOMPARE(intAt(json::array({ 1 }), "n", -1), -1);
        QCOMPARE(numberAt(doc, "f", -1), 2.9);
        QCOMPARE(numberAt(doc, "s", -1), -1.0);
        QCOMPARE(boolAt(doc, "b", false), true);
        QCOMPARE(boolAt(doc, "n", false), false);
        QCOMPARE(boolAt(doc, "nul", true), true);
        QCOMPARE(objectAt(doc, "o").value("k", 0), 1);
        QVERIFY(objectAt(doc, "a").is_object() && objectAt(doc, "a").empty());
        QVERIFY(objectAt(doc, "nul").empty());
        QCOMPARE(arrayAt(doc, "a").size(), std::size_t(2));
        QVERIFY(arrayAt(doc, "o").is_array() && arrayAt(doc, "o").empty());
        QVERIFY(arrayAt(json("text"), "a").empty());
    }
};

QTEST_APPLESS_MAIN(TestRemoteJson)
#include "tst_remotejson.moc"
