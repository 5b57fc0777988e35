// The shop commands through the real binary against the loopback FakeShop: connect (and its
// precise failures), sync with progress (killed with SIGKILL midway, then resumed), a cancel in
// `chat` that reaches Shopify exactly once although the engine is killed right after the tool call
// (before the platform call, and during it), and a signed webhook on `serve` changing what
// `tool get_order_status` answers.
#include "platformfixture.h"

#include "platforms/webhooksignature.h"
#include "storage/sqlutil.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>

using namespace ringside;
using namespace ringside::testing;

namespace {

const QString kEngine = QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

class Cli
{
public:
    explicit Cli(fakes::FakeShop &shop) : m_shop(shop) { QVERIFY(m_dir.isValid()); }

    QString db() const { return m_dir.filePath(QStringLiteral("shop.db")); }
    QProcessEnvironment env(const QByteArray &token = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "EXOTEL_ACCOUNT_SID", "WOOCOMMERCE_API_BASE" })
            e.remove(QLatin1String(name));
        e.insert(QStringLiteral("SHOPIFY_API_BASE"), m_shop.url().toString() + QStringLiteral("/{shop}"));
        e.insert(QStringLiteral("SHOPIFY_ACCESS_TOKEN"), QString::fromLatin1(token.isEmpty() ? m_shop.accessToken : token));
        e.insert(QStringLiteral("SHOPIFY_WEBHOOK_SECRET"), QStringLiteral("whsec_cli"));
        e.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ringside.platforms.*=true"));
        return e;
    }
    // Runs to the end while the fake (in this process) keeps answering.
    Run run(const QStringList &args, const QByteArray &token = {}, int timeoutMs = 60000)
    {
        QProcess p;
        p.setProcessEnvironment(env(token));
        p.start(kEngine, args);
        p.closeWriteChannel();
        (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
        Run r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    void connectAndSync()
    {
        const Run c = run({ QStringLiteral("store"), QStringLiteral("connect"), QStringLiteral("--db"), db(), QStringLiteral("shopify"),
                            QStringLiteral("--shop"), m_shop.shopDomain });
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        const Run s = run({ QStringLiteral("store"), QStringLiteral("sync"), QStringLiteral("--db"), db() });
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    }
    qint64 count(const QString &sql)
    {
        QString error;
        auto database = Database::open(db(), &error);
        QSqlQuery q = execOrThrow(database->connection(), sql);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private:
    fakes::FakeShop &m_shop;
    QTemporaryDir m_dir;
};

} // namespace

class TestPlatformCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectSyncAndTool()
    {
        fakes::FakeShop shop;
        shop.seedShopify(30, 2);
        QVERIFY(shop.listen());
        Cli cli(shop);
        const Run bad = cli.run({ QStringLiteral("store"), QStringLiteral("connect"), QStringLiteral("--db"), cli.db(), QStringLiteral("shopify"),
                                  QStringLiteral("--shop"), QStringLiteral("ringside-demo") }, "shpat_not_the_token");
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QLatin1String("bad token")), qPrintable(bad.err));
        QVERIFY(!bad.err.contains(QLatin1String("shpat_not_the_token")) && !bad.out.contains(QLatin1String("shpat_not_the_token")));
        const Run unknown = cli.run({ QStringLiteral("store"), QStringLiteral("connect"), QStringLiteral("--db"), cli.db(), QStringLiteral("shopify"),
                                      QStringLiteral("--shop"), QStringLiteral("nobody.myshopify.com") });
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("unknown shop")), qPrintable(unknown.err));

        const Run ok = cli.run({ QStringLiteral("store"), QStringLiteral("connect"), QStringLiteral("--db"), cli.db(), QStringLiteral("shopify"),
                                 QStringLiteral("--shop"), QStringLiteral("ringside-demo") });
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY2(ok.out.contains(QLatin1String("Ringside Demo Shop")) && ok.out.contains(QLatin1String("INR")), qPrintable(ok.out));
        const Run sync = cli.run({ QStringLiteral("store"), QStringLiteral("sync"), QStringLiteral("--db"), cli.db() });
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QVERIFY2(sync.err.contains(QLatin1String("sync orders: 30 records")), qPrintable(sync.err));
        QVERIFY2(sync.out.contains(QLatin1String("orders: 30 written")), qPrintable(sync.out));
        const Run again = cli.run({ QStringLiteral("store"), QStringLiteral("sync"), QStringLiteral("--db"), cli.db() });
        QVERIFY2(again.out.contains(QLatin1String("orders: 0 written")), qPrintable(again.out));
        // No secret reached the database file.
        QFile file(cli.db());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(shop.accessToken));

        const Run tool = cli.run({ QStringLiteral("tool"), QStringLiteral("--db"), cli.db(), QStringLiteral("get_order_status"),
                                   QStringLiteral("{\"order_id\":\"1001\"}") });
        QCOMPARE(tool.exitCode, 0);
        const nlohmann::json result = nlohmann::json::parse(tool.out.toStdString());
        QVERIFY2(result.value("found", false), tool.out.toUtf8().constData());
        QCOMPARE(result.value("order_id_raw", std::string()), std::string("1001"));
        const Run stats = cli.run({ QStringLiteral("store"), QStringLiteral("stats"), QStringLiteral("--db"), cli.db() });
        QVERIFY2(stats.out.contains(QLatin1String("shop: shopify ringside-demo.myshopify.com")), qPrintable(stats.out));
        QVERIFY2(stats.out.contains(QLatin1String("no SMS provider")) || stats.out.contains(QLatin1String("sms: 0 total")), qPrintable(stats.out));
    }

    void syncKilledMidwayLosesAndDoublesNothing()
    {
        fakes::FakeShop shop;
        shop.seedShopify(100, 0);
        shop.queryDelayMs = 150;
        QVERIFY(shop.listen());
        Cli cli(shop);
        const Run c = cli.run({ QStringLiteral("store"), QStringLiteral("connect"), QStringLiteral("--db"), cli.db(), QStringLiteral("shopify"),
                                QStringLiteral("--shop"), shop.shopDomain });
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        QProcess sync;
        sync.setProcessEnvironment(cli.env());
        sync.start(kEngine, { QStringLiteral("store"), QStringLiteral("sync"), QStringLiteral("--db"), cli.db(), QStringLiteral("--page-size"), QStringLiteral("10") });
        QString err;
        // Kill it once at least three order pages are stored (lines come at most once a second).
        static const QRegularExpression orders(QStringLiteral("sync orders: (\\d+) records"));
        QVERIFY2(QTest::qWaitFor([&] {
            err += QString::fromUtf8(sync.readAllStandardError());
            auto it = orders.globalMatch(err);
            int stored = 0;
            while (it.hasNext())
                stored = it.next().captured(1).toInt();
            return stored >= 30;
        }, 30000), qPrintable(err));
        ::kill(pid_t(sync.processId()), SIGKILL);
        QVERIFY(sync.waitForFinished(5000));
        const qint64 partial = cli.count(QStringLiteral("SELECT COUNT(*) FROM orders"));
        QVERIFY2(partial >= 30 && partial < 100, qPrintable(QString::number(partial)));
        shop.queryDelayMs = 0;
        const Run resumed = cli.run({ QStringLiteral("store"), QStringLiteral("sync"), QStringLiteral("--db"), cli.db(), QStringLiteral("--page-size"), QStringLiteral("10") });
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.err.contains(QLatin1String("(resumed)")), qPrintable(resumed.err));
        QCOMPARE(cli.count(QStringLiteral("SELECT COUNT(*) FROM orders")), 100);
        QCOMPARE(cli.count(QStringLiteral("SELECT COUNT(*) FROM order_items")), 100);
        QCOMPARE(cli.count(QStringLiteral("SELECT COUNT(DISTINCT platform_id) FROM platform_records WHERE kind = 'order'")), 100);
    }

    void cancelInChatReachesShopifyOnceDespiteKill_data()
    {
        QTest::addColumn<bool>("duringTheCall");
        QTest::addRow("killed before the platform call") << false;
        QTest::addRow("killed while the platform call is answered") << true;
    }

    void cancelInChatReachesShopifyOnceDespiteKill()
    {
        QFETCH(bool, duringTheCall);
        fakes::FakeShop shop;
        shop.seedShopify(6, 0);
        QVERIFY(shop.listen());
        Cli cli(shop);
        cli.connectAndSync();
        if (duringTheCall)
            shop.mutationDelayMs = 4000;
        const QString key = QStringLiteral("orderCancel:") + fakes::FakeShop::orderGid(0);
        QProcess chat;
        chat.setProcessEnvironment(cli.env());
        chat.start(kEngine, { QStringLiteral("chat"), QStringLiteral("--db"), cli.db(), QStringLiteral("--agent"), QStringLiteral("cod-confirmation"),
                              QStringLiteral("--order"), QStringLiteral("1001"), QStringLiteral("--jsonl") });
        QVERIFY(chat.waitForStarted());
        chat.write("nahi, cancel kar do, sasta mil gaya\n");
        QString out;
        QVERIFY2(QTest::qWaitFor([&] {
            out += QString::fromUtf8(chat.readAllStandardOutput());
            // The greeting looks the order up first; the kill comes right after cancel_order's result.
            return duringTheCall ? shop.mutationCalls.value(key) > 0 : out.contains(QLatin1String("\"name\":\"cancel_order\",\"result\""));
        }, 30000), qPrintable(out + QString::fromUtf8(chat.readAllStandardError())));
        ::kill(pid_t(chat.processId()), SIGKILL);
        QVERIFY(chat.waitForFinished(5000));
        out += QString::fromUtf8(chat.readAllStandardOutput());
        // The reply did not claim the shop had done it.
        QVERIFY2(out.contains(QLatin1String("request shop ko bhej diya")), qPrintable(out));
        QCOMPARE(cli.count(QStringLiteral("SELECT COUNT(*) FROM platform_outbox WHERE action = 'cancel_order'")), 1);

        // The next engine to run the outbox (serve would; here by hand, after the interrupted lease ran out).
        shop.mutationDelayMs = 0;
        const QString later = QDateTime::currentDateTimeUtc().addSecs(300).toString(Qt::ISODate);
        const Run drain = cli.run({ QStringLiteral("store"), QStringLiteral("outbox"), QStringLiteral("--db"), cli.db(), QStringLiteral("--run"),
                                    QStringLiteral("--now"), later });
        QVERIFY2(drain.exitCode == 0, qPrintable(drain.err));
        QCOMPARE(shop.mutationCalls.value(key), 1);
        QVERIFY(!shop.shopifyOrder(QStringLiteral("#1001"))["cancelledAt"].is_null());
        QCOMPARE(cli.count(QStringLiteral("SELECT COUNT(*) FROM platform_outbox WHERE action = 'cancel_order' AND status = 'done'")), 1);
        const Run again = cli.run({ QStringLiteral("store"), QStringLiteral("outbox"), QStringLiteral("--db"), cli.db(), QStringLiteral("--run"),
                                    QStringLiteral("--now"), later });
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(shop.mutationCalls.value(key), 1);
    }

    void serveAppliesSignedWebhooks()
    {
        fakes::FakeShop shop;
        shop.seedShopify(3, 0);
        QVERIFY(shop.listen());
        Cli cli(shop);
        cli.connectAndSync();
        QProcess serve;
        serve.setProcessEnvironment(cli.env());
        serve.start(kEngine, { QStringLiteral("serve"), QStringLiteral("--db"), cli.db(), QStringLiteral("--port"), QStringLiteral("0"),
                               QStringLiteral("--no-stt") });
        QString line;
        QVERIFY(QTest::qWaitFor([&] { line += QString::fromUtf8(serve.readAllStandardOutput()); return line.contains(QLatin1Char('\n')); }, 30000));
        const auto m = QRegularExpression(QStringLiteral("http://127.0.0.1:(\\d+)")).match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/webhooks/shopify").arg(m.captured(1)));

        const QByteArray body = shopifyOrderPayload(fakes::FakeShop::orderLegacyId(0), 1001, QStringLiteral("2026-12-02T10:00:00+05:30"),
                                                    QStringLiteral("pending"), QString(), QStringLiteral("2026-12-02T10:00:00+05:30"));
        QNetworkAccessManager net;
        auto post = [&](const QByteArray &signature, const QByteArray &id) {
            QNetworkRequest req(url);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            req.setRawHeader("X-Shopify-Topic", "orders/cancelled");
            req.setRawHeader("X-Shopify-Hmac-Sha256", signature);
            req.setRawHeader("X-Shopify-Shop-Domain", shop.shopDomain.toUtf8());
            req.setRawHeader("X-Shopify-Webhook-Id", id);
            QNetworkReply *reply = net.post(req, body);
            (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 10000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            return status;
        };
        QCOMPARE(post(platforms::webhookSignature("not-the-secret", body), "w-0"), 401);
        QElapsedTimer answered;
        answered.start();
        QCOMPARE(post(platforms::webhookSignature("whsec_cli", body), "w-1"), 200);
        QVERIFY2(answered.elapsed() < 1000, qPrintable(QString::number(answered.elapsed())));
        QCOMPARE(post(platforms::webhookSignature("whsec_cli", body), "w-1"), 200); // Shopify's retry: a duplicate
        QVERIFY(QTest::qWaitFor([&] {
            return cli.count(QStringLiteral("SELECT COUNT(*) FROM webhook_events WHERE status = 'applied'")) == 1;
        }, 10000));
        const Run tool = cli.run({ QStringLiteral("tool"), QStringLiteral("--db"), cli.db(), QStringLiteral("get_order_status"),
                                   QStringLiteral("{\"order_id\":\"1001\"}") });
        QCOMPARE(nlohmann::json::parse(tool.out.toStdString()).value("status", std::string()), std::string("cancelled"));
        const Run events = cli.run({ QStringLiteral("store"), QStringLiteral("events"), QStringLiteral("--db"), cli.db() });
        QVERIFY2(events.out.contains(QLatin1String("duplicate")) && events.out.contains(QLatin1String("rejected"))
                         && events.out.contains(QLatin1String("applied")), qPrintable(events.out));
        serve.terminate();
        QVERIFY(serve.waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestPlatformCli)
#include "tst_platformcli.moc"
