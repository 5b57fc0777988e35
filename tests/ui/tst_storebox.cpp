// Settings → Store, offscreen, against the loopback FakeShop: Test connection and Connect clicked for
// real (the token goes to the secret store, never the settings), Sync now with the progress bar and
// counts, the webhook address shown, webhook events listed, a failed write-back retried with the
// Retry button, and why text messages are still queued.
#include "fakeshop.h"
#include "commerce/sqlstore.h"
#include "platforms/outbox.h"
#include "platforms/webhookevents.h"
#include "services/backend.h"
#include "services/secretstore.h"
#include "settings/storebox.h"
#include "storage/database.h"
#include "uitestutil.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;

class TestStoreBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectSyncRetry()
    {
        qunsetenv("TWILIO_ACCOUNT_SID");
        qunsetenv("EXOTEL_ACCOUNT_SID");
        fakes::FakeShop shop;
        shop.seedShopify(30, 2);
        QVERIFY(shop.listen());
        qputenv("SHOPIFY_API_BASE", (shop.url().toString() + QStringLiteral("/{shop}")).toUtf8());
        QTemporaryDir dir;
        Backend backend;
        QCOMPARE(await(backend.openDatabase(dir.filePath(QStringLiteral("store.db")))), QString());
        MemorySecretStore secrets;
        StoreBox box(backend, secrets);
        box.resize(900, 1000);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QTRY_VERIFY(box.statusText().contains(QLatin1String("No shop connected")));
        QVERIFY(box.findChild<QLabel *>(QStringLiteral("storeWebhookUrls"))->text().contains(QLatin1String("/webhooks/shopify")));

        box.findChild<QLineEdit *>(QStringLiteral("storeShopEdit"))->setText(QStringLiteral("ringside-demo"));
        box.findChild<QLineEdit *>(QStringLiteral("storeTokenEdit"))->setText(QStringLiteral("shpat_wrong"));
        QVERIFY(clickButton(&box, QStringLiteral("storeTestButton")));
        QTRY_VERIFY_WITH_TIMEOUT(box.statusText().contains(QLatin1String("bad token")), 15000);
        QVERIFY(!box.statusText().contains(QLatin1String("shpat_wrong")));

        box.findChild<QLineEdit *>(QStringLiteral("storeTokenEdit"))->setText(QString::fromLatin1(shop.accessToken));
        box.findChild<QLineEdit *>(QStringLiteral("storeWebhookSecretEdit"))->setText(QStringLiteral("whsec"));
        QVERIFY(clickButton(&box, QStringLiteral("storeTestButton")));
        QTRY_VERIFY_WITH_TIMEOUT(box.statusText().contains(QLatin1String("Ringside Demo Shop")), 15000);
        QVERIFY(clickButton(&box, QStringLiteral("storeConnectButton")));
        QTRY_VERIFY_WITH_TIMEOUT(box.statusText().startsWith(QLatin1String("Connected to ringside-demo.myshopify.com")), 15000);
        QTRY_COMPARE(secrets.contents().value(StoreBox::secretKey("token")), QString::fromLatin1(shop.accessToken));
        QCOMPARE(secrets.contents().value(StoreBox::secretKey("webhook-secret")), QStringLiteral("whsec"));

        QSignalSpy synced(&box, &StoreBox::syncFinished);
        auto *progress = box.findChild<QProgressBar *>(QStringLiteral("storeSyncProgress"));
        QVERIFY(progress->isHidden()); // no "0%" while nothing syncs
        QVERIFY(clickButton(&box, QStringLiteral("storeSyncButton")));
        QVERIFY(!progress->isHidden());
        QVERIFY(!box.findChild<QPushButton *>(QStringLiteral("storeSyncButton"))->isEnabled()); // one at a time
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 30000);
        QVERIFY(synced.first().at(0).toBool());
        QVERIFY(!progress->isHidden());
        QCOMPARE(progress->value(), progress->maximum());
        QVERIFY2(box.findChild<QLabel *>(QStringLiteral("storeCounts"))->text().contains(QLatin1String("orders: 30 written")),
                 qPrintable(box.findChild<QLabel *>(QStringLiteral("storeCounts"))->text()));

        // A webhook event, a write-back that failed for good, and a text message without a provider.
        await(backend.run([](WorkerServices &s) {
            platforms::WebhookEvent e;
            e.platform = platforms::Platform::Shopify;
            e.deliveryId = QStringLiteral("d1");
            e.topic = QStringLiteral("orders/updated");
            e.receivedAt = QDateTime::currentDateTimeUtc();
            e.body = "{}";
            e.status = QStringLiteral("stale");
            e.detail = QStringLiteral("older than the stored copy of order #1001");
            qint64 dup = 0;
            platforms::recordDelivery(s.database(), e, &dup);
            s.database().transaction([](QSqlDatabase sql) {
                platforms::OutboxAction a;
                a.key = QStringLiteral("k1");
                a.action = QStringLiteral("cancel_order");
                a.subject = QStringLiteral("1002");
                a.platformId = QStringLiteral("820982911946154509");
                platforms::enqueueAction(sql, a, QDateTime::currentMSecsSinceEpoch());
                return true;
            });
            bool inDoubt = false;
            auto claimed = platforms::claimNextAction(s.database(), QDateTime::currentMSecsSinceEpoch(), &inDoubt);
            platforms::failAction(s.database(), *claimed, platforms::PlatformError::make(platforms::PlatformError::Kind::Rejected, QStringLiteral("Order has already been fulfilled")),
                                  QDateTime::currentMSecsSinceEpoch());
            SmsMessage m;
            m.toPhone = QStringLiteral("+919812345678");
            m.body = QStringLiteral("hi");
            m.createdAt = QDateTime::currentDateTimeUtc();
            SqlStore(s.database()).queueSms(m);
        }));
        QSignalSpy refreshed(&box, &StoreBox::refreshed);
        box.refresh();
        QTRY_COMPARE(refreshed.size(), 1);
        auto *events = box.findChild<QTreeWidget *>(QStringLiteral("storeEvents"));
        QCOMPARE(events->topLevelItemCount(), 1);
        QCOMPARE(events->topLevelItem(0)->text(2), QStringLiteral("stale"));
        auto *outbox = box.findChild<QTreeWidget *>(QStringLiteral("storeOutbox"));
        QCOMPARE(outbox->topLevelItemCount(), 1);
        QCOMPARE(outbox->topLevelItem(0)->text(2), QStringLiteral("failed"));
        QVERIFY(outbox->topLevelItem(0)->text(3).contains(QLatin1String("already been fulfilled")));
        QVERIFY(box.findChild<QLabel *>(QStringLiteral("storeSms"))->text().contains(QLatin1String("still queued because no SMS provider")));

        QVERIFY(!clickButton(&box, QStringLiteral("storeRetryButton"))); // nothing chosen yet
        outbox->setCurrentItem(outbox->topLevelItem(0));
        QVERIFY(clickButton(&box, QStringLiteral("storeRetryButton")));
        QTRY_VERIFY(box.statusText().contains(QLatin1String("Queued again")));
        QTRY_COMPARE(outbox->topLevelItem(0)->text(2), QStringLiteral("queued"));
        qunsetenv("SHOPIFY_API_BASE");
    }
};

QTEST_MAIN(TestStoreBox)
#include "tst_storebox.moc"
