// The SMS sender against stand-in Twilio Messages and Exotel SMS: the exact form each provider
// documents, delivery status recorded, 5xx retried, an interrupted send looked up instead of sent
// twice, and a clear "why still queued" without keys.
#include "platformfixture.h"

#include "commerce/sqlstore.h"
#include "platforms/smssender.h"
#include "storage/sqlutil.h"

using namespace ringside;
using namespace ringside::platforms;
using namespace ringside::testing;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00Z"), Qt::ISODate);

SmsProviderConfig twilio(const fakes::FakeShop &shop)
{
    SmsProviderConfig c;
    c.provider = QStringLiteral("twilio");
    c.accountSid = QStringLiteral("AC123");
    c.user = "AC123";
    c.secret = "auth-token";
    c.from = QStringLiteral("+15005550006");
    c.apiBase = shop.url().toString();
    c.statusCallback = QStringLiteral("https://voice.example.com/sms/twilio/status");
    return c;
}

qint64 queue(Database &db, const QString &to, const QString &body)
{
    SmsMessage m;
    m.toPhone = to;
    m.body = body;
    m.link = QStringLiteral("https://shop.example.com/c/1");
    m.createdAt = kNow;
    return SqlStore(db).queueSms(m);
}

QString sent(const fakes::FakeShop &shop, int i, const char *key)
{
    const json &m = shop.smsSent.at(i);
    return m.contains(key) && m[key].is_string() ? QString::fromStdString(m[key].get<std::string>()) : QString();
}

QString deliveryStatus(Database &db, qint64 id)
{
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT status FROM sms_delivery WHERE sms_id = ?"), id);
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

class TestSmsSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twilioSendsOnceWithStatus()
    {
        fakes::FakeShop shop;
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        const qint64 a = queue(*db, QStringLiteral("+919812345678"), QStringLiteral("Kiran Stores: your cart is waiting"));
        const qint64 b = queue(*db, QStringLiteral("+919812345679"), QStringLiteral("Kiran Stores: pay here"));
        SmsSender sender(*db, twilio(shop), Clock(kNow));
        QCOMPARE(sender.runDue(), 2);
        QCOMPARE(shop.smsSent.size(), 2);
        QCOMPARE(sent(shop, 0, "to"), QStringLiteral("+919812345678"));
        QCOMPARE(sent(shop, 0, "from"), QStringLiteral("+15005550006"));
        QCOMPARE(sent(shop, 0, "body"), QStringLiteral("Kiran Stores: your cart is waiting"));
        QCOMPARE(sent(shop, 0, "status_callback"), QStringLiteral("https://voice.example.com/sms/twilio/status"));
        const auto &request = shop.server().requests().first();
        QCOMPARE(request.path(), QStringLiteral("/2010-04-01/Accounts/AC123/Messages.json"));
        QCOMPARE(request.header("authorization"), "Basic " + QByteArray("AC123:auth-token").toBase64());
        QCOMPARE(deliveryStatus(*db, a), QStringLiteral("queued"));
        QCOMPARE(sender.runDue(), 0); // never twice
        QCOMPARE(shop.smsSent.size(), 2);
        // Twilio's status callback moves it on.
        QVERIFY(recordSmsStatus(*db, QString::fromStdString(shop.smsSent[1]["sid"].get<std::string>()), QStringLiteral("delivered"), QString(), kNow.toMSecsSinceEpoch()));
        QCOMPARE(deliveryStatus(*db, b), QStringLiteral("delivered"));
        const json status = smsStatus(*db, twilio(shop), kNow.toMSecsSinceEpoch());
        QCOMPARE(status["delivered"].get<qint64>(), 1);
        QCOMPARE(status["sent"].get<qint64>(), 1);
        QCOMPARE(status["waiting"].get<qint64>(), 0);
    }

    void serverErrorIsRetriedLater()
    {
        fakes::FakeShop shop;
        shop.failNextSms = 1;
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        const qint64 id = queue(*db, QStringLiteral("+919812345678"), QStringLiteral("hello"));
        SmsSender now(*db, twilio(shop), Clock(kNow));
        QCOMPARE(now.runDue(), 1);
        QCOMPARE(deliveryStatus(*db, id), QStringLiteral("retry"));
        QCOMPARE(shop.smsSent.size(), 0);
        const json waiting = smsStatus(*db, twilio(shop), kNow.toMSecsSinceEpoch());
        QVERIFY2(QString::fromStdString(waiting["why_waiting"].get<std::string>()).contains(QLatin1String("503")), waiting.dump().c_str());
        QCOMPARE(now.runDue(), 0); // not due yet
        SmsSender later(*db, twilio(shop), Clock(kNow.addSecs(60)));
        QCOMPARE(later.runDue(), 1);
        QCOMPARE(shop.smsSent.size(), 1);
        QCOMPARE(deliveryStatus(*db, id), QStringLiteral("queued"));
    }

    void interruptedSendIsLookedUpNotRepeated()
    {
        fakes::FakeShop shop;
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        const qint64 id = queue(*db, QStringLiteral("+919812345678"), QStringLiteral("the link"));
        // An earlier process marked it sending, Twilio took it, and the process died.
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO sms_delivery (sms_id, provider, status, attempts, next_attempt_at, updated_at) "
                                                     "VALUES (?, 'twilio', 'sending', 1, ?, ?)"),
                    id, kNow.toMSecsSinceEpoch() - 1, kNow.toMSecsSinceEpoch() - 200000);
        shop.smsSent.append(json{ { "provider", "twilio" }, { "to", "+919812345678" }, { "body", "the link" }, { "sid", "SM-earlier" } });
        SmsSender sender(*db, twilio(shop), Clock(kNow));
        QCOMPARE(sender.runDue(), 1);
        QCOMPARE(shop.smsSent.size(), 1); // looked up, not sent again
        QCOMPARE(deliveryStatus(*db, id), QStringLiteral("sent"));
    }

    void exotelSendsWithTheDltTemplate()
    {
        fakes::FakeShop shop;
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        const qint64 id = queue(*db, QStringLiteral("+919812345678"), QStringLiteral("Your order is confirmed"));
        SmsProviderConfig c;
        c.provider = QStringLiteral("exotel");
        c.accountSid = QStringLiteral("kiran1");
        c.user = "key";
        c.secret = "token";
        c.from = QStringLiteral("KIRANS");
        c.dltEntityId = QStringLiteral("1101000000000001");
        c.dltTemplateId = QStringLiteral("1107000000000042");
        c.apiBase = shop.url().toString();
        SmsSender sender(*db, c, Clock(kNow));
        QCOMPARE(sender.runDue(), 1);
        QCOMPARE(shop.server().requests().first().path(), QStringLiteral("/v1/Accounts/kiran1/Sms/send.json"));
        QCOMPARE(sent(shop, 0, "dlt_template_id"), QStringLiteral("1107000000000042"));
        QCOMPARE(sent(shop, 0, "from"), QStringLiteral("KIRANS"));
        QCOMPARE(deliveryStatus(*db, id), QStringLiteral("queued"));
    }

    void withoutKeysItSaysWhy()
    {
        qunsetenv("TWILIO_ACCOUNT_SID");
        qunsetenv("EXOTEL_ACCOUNT_SID");
        qunsetenv("RINGSIDE_SMS_PROVIDER");
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        queue(*db, QStringLiteral("+919812345678"), QStringLiteral("x"));
        const SmsProviderConfig none = SmsProviderConfig::fromEnvironment();
        QVERIFY(none.provider.isEmpty());
        SmsSender sender(*db, none, Clock(kNow));
        QCOMPARE(sender.runDue(), 0);
        const json status = smsStatus(*db, none, kNow.toMSecsSinceEpoch());
        QCOMPARE(status["waiting"].get<qint64>(), 1);
        QVERIFY2(QString::fromStdString(status["why_waiting"].get<std::string>()).contains(QLatin1String("TWILIO_ACCOUNT_SID")), status.dump().c_str());
        qputenv("RINGSIDE_SMS_PROVIDER", "exotel");
        qputenv("EXOTEL_ACCOUNT_SID", "sid");
        qputenv("EXOTEL_API_KEY", "k");
        qputenv("EXOTEL_API_TOKEN", "t");
        qputenv("EXOTEL_SMS_FROM", "KIRANS");
        const SmsProviderConfig noDlt = SmsProviderConfig::fromEnvironment();
        QVERIFY(noDlt.provider.isEmpty());
        QVERIFY2(noDlt.missing.contains(QLatin1String("EXOTEL_DLT_TEMPLATE_ID")), qPrintable(noDlt.missing));
        for (const char *v : { "RINGSIDE_SMS_PROVIDER", "EXOTEL_ACCOUNT_SID", "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_SMS_FROM" })
            qunsetenv(v);
    }
};

QTEST_GUILESS_MAIN(TestSmsSender)
#include "tst_smssender.moc"
