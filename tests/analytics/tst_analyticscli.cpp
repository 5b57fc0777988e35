// `kpi`, `roi` and `export` through the real ringside-engine binary.
#include "callfixtures.h"

#include "analytics/demohistory.h"
#include "analytics/kpis.h"
#include "util/clock.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

using namespace fixtures;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run engine(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    if (!p.waitForFinished(120000))
        qFatal("ringside-engine did not finish");
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

json parsed(const Run &r)
{
    const json j = json::parse(r.out.toStdString(), nullptr, false);
    if (j.is_discarded())
        qFatal("not JSON: %s", qPrintable(r.out.left(400)));
    return j;
}

// Two WISMO calls on 2026-11-20 (IST): resolved (60 s) and escalated (120 s, ai_then_human); one
// chat COD call confirmed (30 s) for INR 1,499.00.
void addCalls(TestDb &t)
{
    CallRecordStore store(*t.db);
    insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T05:00:00Z"), 60));
    insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("escalated"), at("2026-11-20T06:00:00Z"), 120, true,
                             QStringLiteral("ai_then_human")));
    CallRecord chat = call(QStringLiteral("cod_confirmation"), QStringLiteral("confirmed"), at("2026-11-20T07:00:00Z"), 30);
    chat.channel = QStringLiteral("chat");
    chat.revenueMinor = 149900;
    chat.currency = QStringLiteral("INR");
    insertOrFail(store, chat);
}

QString dbPath(TestDb &t) { return t.db->path(); }

} // namespace

class TestAnalyticsCli : public QObject
{
    Q_OBJECT
private slots:
    void kpiJsonHasTheHandComputedFigures()
    {
        TestDb t;
        addCalls(t);
        const Run r = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--from"), QStringLiteral("2026-11-20"),
                               QStringLiteral("--to"), QStringLiteral("2026-11-20"), QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        const json j = parsed(r);
        // WISMO: AI alone handled 1, resolved 1 → 1.0; escalated 1 of 2 → 0.5; AHT (60 + 120) / 2.
        QCOMPARE(j["wismo"]["calls_total"].get<int>(), 2);
        QCOMPARE(j["wismo"]["resolution_rate"].get<double>(), 1.0);
        QCOMPARE(j["wismo"]["escalation_rate"].get<double>(), 0.5);
        QCOMPARE(j["wismo"]["avg_handle_time_seconds"].get<double>(), 90.0);
        QCOMPARE(j["cod"]["confirmation_rate"].get<double>(), 1.0);
        QCOMPARE(j["cod"]["revenue_protected_minor"]["INR"].get<qint64>(), qint64(149900));
        QVERIFY(j["cart_recovery"]["recovery_rate"].is_null());
        QCOMPARE(j["period"]["timezone"].get<std::string>(), std::string("Asia/Kolkata"));
    }

    void kpiTextAndFilters()
    {
        TestDb t;
        addCalls(t);
        const Run text = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--now"),
                                  QStringLiteral("2026-11-26T10:00:00+05:30") });
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("KPIs 2026-10-28 … 2026-11-26 (30 days, Asia/Kolkata)")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("50.0%")));
        QVERIFY(text.out.contains(QStringLiteral("INR 1,499.00")));
        QVERIFY(text.out.contains(QStringLiteral("—"))); // cart recovery has nothing to divide by
        // A call made through chat counts, with its outcome, under --channel chat.
        const Run chat = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--now"),
                                  QStringLiteral("2026-11-26T10:00:00+05:30"), QStringLiteral("--channel"), QStringLiteral("chat"),
                                  QStringLiteral("--json") });
        QCOMPARE(chat.code, 0);
        const json j = parsed(chat);
        QCOMPARE(j["overview"]["calls"].get<int>(), 1);
        QCOMPARE(j["overview"]["outcomes"]["confirmed"].get<int>(), 1);
    }

    void kpiSeries()
    {
        TestDb t;
        addCalls(t);
        const Run r = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--from"), QStringLiteral("2026-11-19"),
                               QStringLiteral("--to"), QStringLiteral("2026-11-21"), QStringLiteral("--series"), QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        const json s = parsed(r)["series"];
        QVERIFY(s["calls"]["wismo"] == json::array({ 0, 2, 0 }));
        QCOMPARE(s["cod_confirmation_rate"][1].get<double>(), 1.0);
        QVERIFY(s["cod_confirmation_rate"][0].is_null());
    }

    void badOptionsAreUsageErrorsNamingTheField_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("use case") << QStringList { QStringLiteral("kpi"), QStringLiteral("--use-case"), QStringLiteral("upsell") }
                                  << QStringLiteral("use_case: 'upsell'");
        QTest::addRow("date") << QStringList { QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-02-30") }
                              << QStringLiteral("from: '2026-02-30' is not a date");
        QTest::addRow("zone") << QStringList { QStringLiteral("kpi"), QStringLiteral("--tz"), QStringLiteral("Mars/Base") }
                              << QStringLiteral("timezone: 'Mars/Base'");
        QTest::addRow("roi number") << QStringList { QStringLiteral("roi"), QStringLiteral("--cost-per-minute"), QStringLiteral("cheap") }
                                    << QStringLiteral("--cost-per-minute: 'cheap' is not a number");
        QTest::addRow("roi currency") << QStringList { QStringLiteral("roi"), QStringLiteral("--currency"), QStringLiteral("EUR") }
                                      << QStringLiteral("no default costs for EUR");
        QTest::addRow("roi share") << QStringList { QStringLiteral("roi"), QStringLiteral("--revenue-share"), QStringLiteral("1.5") }
                                   << QStringLiteral("revenue_share: 1.5");
        QTest::addRow("export format") << QStringList { QStringLiteral("export"), QStringLiteral("calls"), QStringLiteral("--format"),
                                                        QStringLiteral("xlsx") }
                                       << QStringLiteral("--format: 'xlsx' is not supported");
        QTest::addRow("export what") << QStringList { QStringLiteral("export"), QStringLiteral("orders") }
                                     << QStringLiteral("unknown data set 'orders'");
    }
    void badOptionsAreUsageErrorsNamingTheField()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        TestDb t;
        const Run r = engine(args << QStringLiteral("--db") << dbPath(t));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // 60 + 120 + 30 s = 3.5 connected AI minutes × 2 = 7; deflected (wismo, returns): the resolved
    // WISMO call → 1 × 10 = 10; no carts, no RTO figures → benefit 10, ROI (10 − 7) / 7.
    void roiWithChangedAssumptions()
    {
        TestDb t;
        addCalls(t);
        const Run r = engine({ QStringLiteral("roi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--from"), QStringLiteral("2026-11-20"),
                               QStringLiteral("--to"), QStringLiteral("2026-11-20"), QStringLiteral("--cost-per-minute"), QStringLiteral("2"),
                               QStringLiteral("--cost-per-human-call"), QStringLiteral("10"), QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        const json j = parsed(r);
        QCOMPARE(j["currency"].get<std::string>(), std::string("INR"));
        QVERIFY(qAbs(j["costs"]["total_minutes"].get<double>() - 3.5) < 1e-9);
        QVERIFY(qAbs(j["total_cost"].get<double>() - 7.0) < 1e-9);
        QCOMPARE(j["savings"]["calls_deflected"].get<int>(), 1);
        QVERIFY(qAbs(j["total_benefit"].get<double>() - 10.0) < 1e-9);
        QVERIFY(qAbs(j["roi"].get<double>() - 3.0 / 7.0) < 1e-9);
        QCOMPARE(j["assumptions"]["rto_cost_per_order"].get<double>(), 180.0); // INR default kept
        const Run text = engine({ QStringLiteral("roi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--from"), QStringLiteral("2026-11-20"),
                                  QStringLiteral("--to"), QStringLiteral("2026-11-20"), QStringLiteral("--minutes-per-call"), QStringLiteral("2") });
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("INR 24.00")), qPrintable(text.out)); // 3 calls × 2 min × 4.00
        QVERIFY(text.out.contains(QStringLiteral("Note: RTO savings count as 0")));
    }

    void exportWritesAFileOrStdout()
    {
        TestDb t;
        addCalls(t);
        const QString file = t.dir.filePath(QStringLiteral("calls.csv"));
        const Run r = engine({ QStringLiteral("export"), QStringLiteral("calls"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--format"),
                               QStringLiteral("csv"), QStringLiteral("--out"), file });
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QStringLiteral("exported 3 calls")));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 5); // header, 3 rows, empty tail
        QVERIFY(lines[0].startsWith("id,started_at,"));
        QVERIFY(lines[3].contains(",1499.00,INR,"));
        const Run filtered = engine({ QStringLiteral("export"), QStringLiteral("calls"), QStringLiteral("--db"), dbPath(t),
                                      QStringLiteral("--use-case"), QStringLiteral("wismo"), QStringLiteral("--tz"), QStringLiteral("UTC") });
        QCOMPARE(filtered.code, 0);
        QCOMPARE(filtered.out.count(QStringLiteral("\r\n")), 3);
        QVERIFY(filtered.out.contains(QStringLiteral("2026-11-20T05:00:00.000Z")));
    }

    // A new user's path: the demo store, one conversation through `chat`, then `kpi`. The call
    // (on a channel the demo history never uses) shows up with the outcome chat reported.
    void chatCallShowsUpInKpi()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("shop.db"));
        const QString now = QStringLiteral("2026-11-26T10:00:00+05:30");
        const Run init = engine({ QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--db"), db,
                                  QStringLiteral("--now"), now });
        QVERIFY2(init.code == 0, qPrintable(init.err));
        QVERIFY2(init.out.contains(QStringLiteral("demo call history: ")), qPrintable(init.out));

        QProcess chat;
        chat.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"),
                   { QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("--now"), now, QStringLiteral("--agent"),
                     QStringLiteral("order-tracker"), QStringLiteral("--channel"), QStringLiteral("test_call") });
        QVERIFY(chat.waitForStarted());
        chat.write("Where is my order ORD-482913?\n");
        chat.closeWriteChannel();
        QVERIFY(chat.waitForFinished(120000));
        const QString said = QString::fromUtf8(chat.readAllStandardOutput());
        QCOMPARE(chat.exitCode(), 0);
        static const QRegularExpression ended(QStringLiteral("\\[call ended: ([a-z_]+)\\]"));
        const QRegularExpressionMatch m = ended.match(said);
        QVERIFY2(m.hasMatch(), qPrintable(said));

        const Run kpi = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), db, QStringLiteral("--now"), now,
                                 QStringLiteral("--channel"), QStringLiteral("test_call"), QStringLiteral("--json") });
        QCOMPARE(kpi.code, 0);
        const json j = parsed(kpi);
        QCOMPARE(j["overview"]["calls"].get<int>(), 1);
        QCOMPARE(j["wismo"]["calls_total"].get<int>(), 1);
        QCOMPARE(j["overview"]["outcomes"][m.captured(1).toStdString()].get<int>(), 1);
        // And the demo history is there for everything else.
        const Run all = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), db, QStringLiteral("--now"), now, QStringLiteral("--json") });
        QVERIFY(parsed(all)["overview"]["calls"].get<int>() > 1000);
    }

    // The demo history read through the CLI gives exactly what the library computes.
    void demoHistoryThroughTheCli()
    {
        TestDb t;
        execOrThrow(t.db->connection(), QStringLiteral("INSERT INTO customers (id, name) VALUES ('C1', 'Asha')"));
        const QDateTime now = at("2026-11-26T10:00:00+05:30");
        QVERIFY(generateDemoCallHistory(*t.db, now, 3, 30));
        const Run r = engine({ QStringLiteral("kpi"), QStringLiteral("--db"), dbPath(t), QStringLiteral("--now"), toIso(now),
                               QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        const auto query = parseKpiQuery(*t.db, {}, now);
        QVERIFY(query);
        QCOMPARE(qs(parsed(r).dump()), qs(toJson(computeKpis(*t.db, query.value())).dump()));
        QVERIFY(parsed(r)["overview"]["calls"].get<int>() > 1000);
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsCli)
#include "tst_analyticscli.moc"
