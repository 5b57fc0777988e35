#include "callfixtures.h"

#include "analytics/csvexport.h"

#include <QBuffer>
#include <QFile>

using namespace fixtures;

namespace {

// Three calls whose fields need every kind of care: commas, quotes, line breaks, Hindi text,
// a currency without minor digits, an unanswered call.
void addTrickyCalls(CallRecordStore &store)
{
    CallRecord a = call(QStringLiteral("cod_confirmation"), QStringLiteral("confirmed"), at("2026-11-20T04:30:00Z"), 95);
    a.id = QStringLiteral("call-a");
    a.agent = QStringLiteral("COD Confirmation, Hindi");
    a.language = QStringLiteral("hi-IN");
    a.orderId = QStringLiteral("ORD-1001");
    a.revenueMinor = 149905;
    a.currency = QStringLiteral("INR");
    a.csat = 5;
    a.turnLatenciesMs = { 700, 500, 900 };
    a.toolCalls = json::array({ { { "name", "get_order_status" } }, { { "name", "confirm_cod_order" } } });
    insertOrFail(store, a);

    CallRecord b = call(QStringLiteral("wismo"), QStringLiteral("escalated"), at("2026-11-20T05:00:00.250Z"), 61, true,
                        QStringLiteral("ai_then_human"));
    b.id = QStringLiteral("call-b");
    b.agent = QStringLiteral("Order \"Tracker\"");
    b.escalationReason = QStringLiteral("ग्राहक ने इंसान से बात करनी चाही\nline two");
    b.answeredAt = b.startedAt.addMSecs(1500);
    b.endedAt = b.answeredAt.addMSecs(61250);
    insertOrFail(store, b);

    CallRecord c = call(QStringLiteral("cart_recovery"), QStringLiteral("no_answer"), at("2026-11-20T06:00:00Z"), 0, false);
    c.id = QStringLiteral("call-c");
    c.cartId = QStringLiteral("CART-9");
    insertOrFail(store, c);

    CallRecord d = call(QStringLiteral("cart_recovery"), QStringLiteral("recovered"), at("2026-11-21T06:00:00Z"), 30);
    d.id = QStringLiteral("call-d");
    d.revenueMinor = 4500;
    d.currency = QStringLiteral("JPY");
    insertOrFail(store, d);
}

QByteArray exported(Database &db, const CallFilter &filter, const QTimeZone &zone)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const qint64 rows = exportCallsCsv(db, filter, zone, buffer);
    if (rows < 0)
        qFatal("export failed");
    return buffer.data();
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private slots:
    void matchesTheGoldenFile()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addTrickyCalls(store);
        const QByteArray csv = exported(*t.db, {}, QTimeZone("Asia/Kolkata"));
        QFile golden(QStringLiteral(RINGSIDE_TEST_DIR "/golden/calls.csv"));
        if (qEnvironmentVariableIsSet("RINGSIDE_UPDATE_GOLDEN")) {
            QVERIFY(golden.open(QIODevice::WriteOnly));
            golden.write(csv);
            QFAIL("golden file rewritten: review the diff, then run again without RINGSIDE_UPDATE_GOLDEN");
        }
        QVERIFY(golden.open(QIODevice::ReadOnly));
        QCOMPARE(csv, golden.readAll());
    }

    void quotesOnlyWhatNeedsIt_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::addRow("plain") << QStringLiteral("wismo") << QStringLiteral("wismo");
        QTest::addRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::addRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::addRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::addRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::addRow("empty") << QString() << QString();
        QTest::addRow("hindi") << QStringLiteral("नमस्ते") << QStringLiteral("नमस्ते");
    }
    void quotesOnlyWhatNeedsIt()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(csvField(in), out);
    }

    void filtersAndOrder()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addTrickyCalls(store);
        CallFilter f;
        f.useCase = QStringLiteral("cart_recovery");
        const QList<QByteArray> lines = exported(*t.db, f, QTimeZone::utc()).split('\n');
        // Header, two rows, and the empty remainder after the last CRLF.
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[1].startsWith("call-c,2026-11-20T06:00:00.000Z,"));
        QVERIFY(lines[2].startsWith("call-d,"));
        QVERIFY(lines[2].contains(",4500,JPY,"));
        f.from = at("2026-11-21T00:00:00Z");
        QCOMPARE(exported(*t.db, f, QTimeZone::utc()).count('\n'), 2);
    }

    // A cell that starts with = + - @ (or a tab or CR) is a formula to a spreadsheet: a caller's
    // words or an agent name must never run as one (CSV injection).
    void textCellsCannotBecomeFormulas()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("escalated"), at("2026-11-20T04:30:00Z"), 30);
        r.id = QStringLiteral("call-f");
        r.agent = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")");
        r.escalationReason = QStringLiteral("+cmd|' /C calc'!A0");
        r.orderId = QStringLiteral("@SUM(A1:A9)");
        r.customerId = QStringLiteral("-2+3");
        r.cartId = QStringLiteral("\t=1+1");
        insertOrFail(store, r);
        const QString csv = QString::fromUtf8(exported(*t.db, {}, QTimeZone::utc()));
        const QString row = csv.section(QStringLiteral("\r\n"), 1, 1);
        QVERIFY2(row.contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")), qPrintable(row));
        QVERIFY2(row.contains(QStringLiteral(",'+cmd|' /C calc'!A0,")), qPrintable(row));
        QVERIFY2(row.contains(QStringLiteral(",'@SUM(A1:A9),")), qPrintable(row));
        QVERIFY2(row.contains(QStringLiteral(",'-2+3,")), qPrintable(row));
        QVERIFY2(row.contains(QStringLiteral(",'\t=1+1,")), qPrintable(row));
        QVERIFY2(row.startsWith(QStringLiteral("call-f,2026-11-20T04:30:00.000Z,")), qPrintable(row)); // ids and instants as they are
    }

    void everyRowHasEveryColumn()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addTrickyCalls(store);
        const QString csv = QString::fromUtf8(exported(*t.db, {}, QTimeZone::utc()));
        // A minimal RFC 4180 reader: count fields per record, honouring quotes.
        QList<int> fieldsPerRecord;
        int fields = 1;
        bool quoted = false;
        for (qsizetype i = 0; i < csv.size(); ++i) {
            const QChar c = csv.at(i);
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('"'))
                    ++i;
                else if (c == QLatin1Char('"'))
                    quoted = false;
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                ++fields;
            } else if (c == QLatin1Char('\r') && csv.mid(i, 2) == QLatin1String("\r\n")) {
                fieldsPerRecord << fields;
                fields = 1;
                ++i;
            }
        }
        QCOMPARE(fieldsPerRecord.size(), 5);
        for (int n : fieldsPerRecord)
            QCOMPARE(n, int(csvColumns().size()));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
