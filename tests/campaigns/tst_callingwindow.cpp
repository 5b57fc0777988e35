// Calling windows in the called party's zone: the seed's COD timing, the law's windows for India
// and the US, DST on US numbers, area codes that span zones, weekends for business customers.
#include "campaigns/calledparty.h"
#include "campaigns/callingwindow.h"
#include "campaigns/campaignjson.h"
#include "campaigns/campaignrules.h"

#include "commerce/commercetypes.h"
#include "util/clock.h"

#include <QTest>

using namespace ringside;
using namespace ringside::campaigns;

namespace {

QDateTime iso(const QString &s)
{
    return parseIso(s);
}

CalledParty partyFor(const QString &phone, const QString &zone = QString())
{
    Customer c;
    c.phone = phone;
    c.timezone = zone.isEmpty() ? QStringLiteral("UTC") : zone;
    return resolveCalledParty(&c, phone, QTimeZone(QByteArrayLiteral("Asia/Kolkata")));
}

QString localIso(const QDateTime &t, const char *zone)
{
    return t.toTimeZone(QTimeZone(QByteArray(zone))).toString(Qt::ISODate);
}

} // namespace

class TestCallingWindow : public QObject
{
    Q_OBJECT

private slots:
    void codDueTime_data()
    {
        QTest::addColumn<QString>("created");
        QTest::addColumn<QString>("due");
        // The seed: 30 minutes after the order; before 09:00 → 09:00; at or after 20:00 → 10:00 next day.
        QTest::addRow("midday: +30 min") << QStringLiteral("2026-11-26T12:00:00+05:30") << QStringLiteral("2026-11-26T12:30:00+05:30");
        QTest::addRow("19:29 → 19:59 still in") << QStringLiteral("2026-11-26T19:29:00+05:30") << QStringLiteral("2026-11-26T19:59:00+05:30");
        QTest::addRow("19:30 → 20:00 is out → 10:00 next day") << QStringLiteral("2026-11-26T19:30:00+05:30") << QStringLiteral("2026-11-27T10:00:00+05:30");
        QTest::addRow("19:50 (Done-when) → 10:00 next day") << QStringLiteral("2026-11-26T19:50:00+05:30") << QStringLiteral("2026-11-27T10:00:00+05:30");
        QTest::addRow("23:10 → 10:00 next day") << QStringLiteral("2026-11-26T23:10:00+05:30") << QStringLiteral("2026-11-27T10:00:00+05:30");
        QTest::addRow("02:00 → 09:00 same day") << QStringLiteral("2026-11-26T02:00:00+05:30") << QStringLiteral("2026-11-26T09:00:00+05:30");
        QTest::addRow("08:40 → 09:10") << QStringLiteral("2026-11-26T08:40:00+05:30") << QStringLiteral("2026-11-26T09:10:00+05:30");
        QTest::addRow("08:29 → 09:00") << QStringLiteral("2026-11-26T08:29:00+05:30") << QStringLiteral("2026-11-26T09:00:00+05:30");
        QTest::addRow("given in UTC, judged in IST") << QStringLiteral("2026-11-26T14:20:00Z") << QStringLiteral("2026-11-27T10:00:00+05:30");
    }
    void codDueTime()
    {
        QFETCH(QString, created);
        QFETCH(QString, due);
        const CampaignRules rules;
        const CalledParty party = partyFor(QStringLiteral("+919812345678"), QStringLiteral("Asia/Kolkata"));
        const WindowRule window = windowFor(party, CallKind::Service, rules.windowOpen, rules.windowClose);
        const QDateTime got = campaigns::codDueTime(iso(created).addSecs(rules.cod.delayMinutes * 60), party, window, rules.cod.nextMorning);
        QCOMPARE(localIso(got, "Asia/Kolkata"), due);
    }

    void legalWindows()
    {
        // India promotional 09–21 narrows nothing of the seed's 09–20; the US 08–21 neither.
        QCOMPARE(legalWindow(QStringLiteral("IN"), CallKind::Promotional).close, QTime(21, 0));
        QVERIFY(!legalWindow(QStringLiteral("IN"), CallKind::Service).close.isValid());
        QCOMPARE(legalWindow(QStringLiteral("US"), CallKind::Service).open, QTime(8, 0));
        // A store that widens its own window cannot widen the law's.
        const CalledParty in = partyFor(QStringLiteral("+919812345678"), QStringLiteral("Asia/Kolkata"));
        const WindowRule promo = windowFor(in, CallKind::Promotional, QTime(7, 0), QTime(23, 0));
        QCOMPARE(promo.window.open, QTime(9, 0));
        QCOMPARE(promo.window.close, QTime(21, 0));
        const WindowRule service = windowFor(in, CallKind::Service, QTime(7, 0), QTime(23, 0));
        QCOMPARE(service.window.open, QTime(7, 0));
        QCOMPARE(service.window.close, QTime(23, 0));
        const CalledParty us = partyFor(QStringLiteral("+12125550100"), QStringLiteral("America/New_York"));
        const WindowRule usWide = windowFor(us, CallKind::Service, QTime(6, 0), QTime(23, 30));
        QCOMPARE(usWide.window.open, QTime(8, 0));
        QCOMPARE(usWide.window.close, QTime(21, 0));
        QVERIFY(!isAllowed(iso(QStringLiteral("2026-11-26T21:00:00-05:00")), us, usWide));
        QVERIFY(isAllowed(iso(QStringLiteral("2026-11-26T20:59:00-05:00")), us, usWide));
    }

    void usDaylightSaving_data()
    {
        QTest::addColumn<QString>("instant");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("next");
        // Chicago from its area code: CST is UTC−6, CDT (from 8 March 2026, 02:00) UTC−5.
        // 14:30 UTC is 08:30 CST in winter (outside the seed's 09:00) and 09:30 CDT after the change.
        QTest::addRow("before DST: 14:30Z = 08:30 CST") << QStringLiteral("2026-03-07T14:30:00Z") << false << QStringLiteral("2026-03-07T09:00:00-06:00");
        QTest::addRow("after DST: 14:30Z = 09:30 CDT") << QStringLiteral("2026-03-09T14:30:00Z") << true << QStringLiteral("2026-03-09T09:30:00-05:00");
        QTest::addRow("the change night: Sunday 01:30Z-6 → 09:00 CDT") << QStringLiteral("2026-03-08T07:30:00Z") << false << QStringLiteral("2026-03-08T09:00:00-05:00");
        QTest::addRow("fall back: 1 Nov 2026 13:59Z = 07:59 CST") << QStringLiteral("2026-11-01T13:59:00Z") << false << QStringLiteral("2026-11-01T09:00:00-06:00");
        QTest::addRow("20:00 CDT is closed") << QStringLiteral("2026-06-02T01:00:00Z") << false << QStringLiteral("2026-06-02T09:00:00-05:00");
    }
    void usDaylightSaving()
    {
        QFETCH(QString, instant);
        QFETCH(bool, allowed);
        QFETCH(QString, next);
        const CampaignRules rules;
        const CalledParty party = partyFor(QStringLiteral("+13125550147")); // no zone on record: area code 312
        QCOMPARE(party.zoneSource, QStringLiteral("phone"));
        QCOMPARE(party.zoneName(), QStringLiteral("America/Chicago"));
        const WindowRule window = windowFor(party, CallKind::Service, rules.windowOpen, rules.windowClose);
        QCOMPARE(isAllowed(iso(instant), party, window), allowed);
        QCOMPARE(localIso(nextAllowed(iso(instant), party, window), "America/Chicago"), next);
    }

    void zoneSources()
    {
        const QTimeZone store(QByteArrayLiteral("Asia/Kolkata"));
        Customer c;
        c.timezone = QStringLiteral("America/Los_Angeles");
        QCOMPARE(resolveCalledParty(&c, QStringLiteral("+13125550147"), store).zoneName(), QStringLiteral("America/Los_Angeles"));
        QCOMPARE(resolveCalledParty(&c, QStringLiteral("+13125550147"), store).zoneSource, QStringLiteral("customer"));
        c.timezone = QStringLiteral("UTC"); // the store's "unknown"
        QCOMPARE(resolveCalledParty(&c, QStringLiteral("+919812345678"), store).zoneName(), QStringLiteral("Asia/Kolkata"));
        QCOMPARE(resolveCalledParty(&c, QStringLiteral("+919812345678"), store).zoneSource, QStringLiteral("phone"));
        QCOMPARE(resolveCalledParty(&c, QStringLiteral("+442071234567"), store).zoneSource, QStringLiteral("store"));
        QCOMPARE(resolveCalledParty(nullptr, QStringLiteral("+16025550100"), store).zoneName(), QStringLiteral("America/Phoenix"));
        // 850 (Florida panhandle) spans Central and Eastern: both are kept.
        const CalledParty split = resolveCalledParty(nullptr, QStringLiteral("+18505550100"), store);
        QCOMPARE(split.zones.size(), 2);
        // An unknown area code keeps every US zone.
        QCOMPARE(resolveCalledParty(nullptr, QStringLiteral("+19995550100"), store).zones.size(), 7);
    }

    void splitZonesMustAllFit()
    {
        const CampaignRules rules;
        const CalledParty split = resolveCalledParty(nullptr, QStringLiteral("+18505550100"), QTimeZone::utc());
        const WindowRule window = windowFor(split, CallKind::Service, rules.windowOpen, rules.windowClose);
        // 09:00 Eastern is 08:00 Central: too early for half the area code.
        const QDateTime nineEastern = iso(QStringLiteral("2026-11-26T09:00:00-05:00"));
        QVERIFY(!isAllowed(nineEastern, split, window));
        QCOMPARE(localIso(nextAllowed(nineEastern, split, window), "America/New_York"), QStringLiteral("2026-11-26T10:00:00-05:00"));
        // 19:30 Eastern is fine for both; 20:00 Eastern is not (Eastern closed).
        QVERIFY(isAllowed(iso(QStringLiteral("2026-11-26T19:30:00-05:00")), split, window));
        QVERIFY(!isAllowed(iso(QStringLiteral("2026-11-26T20:00:00-05:00")), split, window));
        // Every US zone: 09:00 Hawaii is 14:00 Eastern.
        const CalledParty any = resolveCalledParty(nullptr, QStringLiteral("+19995550100"), QTimeZone::utc());
        const WindowRule all = windowFor(any, CallKind::Service, rules.windowOpen, rules.windowClose);
        QCOMPARE(localIso(nextAllowed(iso(QStringLiteral("2026-11-26T09:00:00-05:00")), any, all), "America/New_York"),
                 QStringLiteral("2026-11-26T14:00:00-05:00"));
    }

    void weekendsForBusiness()
    {
        const CampaignRules rules;
        const CalledParty party = partyFor(QStringLiteral("+919876500001"), QStringLiteral("Asia/Kolkata"));
        const WindowRule window = windowFor(party, CallKind::Promotional, rules.windowOpen, rules.windowClose, true);
        // Saturday 28 November 2026, 11:00 → Monday 30th, 09:00.
        const QDateTime saturday = iso(QStringLiteral("2026-11-28T11:00:00+05:30"));
        QVERIFY(!isAllowed(saturday, party, window));
        QCOMPARE(localIso(nextAllowed(saturday, party, window), "Asia/Kolkata"), QStringLiteral("2026-11-30T09:00:00+05:30"));
        // Friday 20:30 → Monday too.
        QCOMPARE(localIso(nextAllowed(iso(QStringLiteral("2026-11-27T20:30:00+05:30")), party, window), "Asia/Kolkata"),
                 QStringLiteral("2026-11-30T09:00:00+05:30"));
        const WindowRule consumer = windowFor(party, CallKind::Promotional, rules.windowOpen, rules.windowClose, false);
        QVERIFY(isAllowed(saturday, party, consumer));
    }

    void fastLocalTimesMatchQt_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("instant");
        QTest::addRow("IST") << QStringLiteral("Asia/Kolkata") << QStringLiteral("2026-11-27T04:30:00Z");
        QTest::addRow("Chicago, winter") << QStringLiteral("America/Chicago") << QStringLiteral("2026-03-08T07:59:59Z");
        QTest::addRow("Chicago, the first DST second") << QStringLiteral("America/Chicago") << QStringLiteral("2026-03-08T08:00:00Z");
        QTest::addRow("Chicago, fall back") << QStringLiteral("America/Chicago") << QStringLiteral("2026-11-01T06:30:00Z");
        QTest::addRow("Kathmandu +05:45") << QStringLiteral("Asia/Kathmandu") << QStringLiteral("2026-01-01T00:00:00Z");
        QTest::addRow("before 1970") << QStringLiteral("America/New_York") << QStringLiteral("1969-07-20T20:17:40Z");
    }
    void fastLocalTimesMatchQt()
    {
        QFETCH(QString, zone);
        QFETCH(QString, instant);
        const QDateTime t = iso(instant);
        const QTimeZone z(zone.toUtf8());
        CallJson view;
        // The cached interval path, a second call and one far away, all agree with Qt's own conversion.
        for (const QDateTime &probe : { t, t.addSecs(1), t.addDays(200), t }) {
            const QDateTime local = probe.toTimeZone(z);
            QString expected = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
            const int off = local.offsetFromUtc();
            expected += off == 0 ? QStringLiteral("Z")
                                 : QStringLiteral("%1%2:%3").arg(off < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                           .arg(qAbs(off) / 3600, 2, 10, QLatin1Char('0')).arg(qAbs(off) / 60 % 60, 2, 10, QLatin1Char('0'));
            QCOMPARE(view.local(probe, zone), expected);
        }
    }

    void listJsonIsTheSameObject()
    {
        ScheduledCall c;
        c.id = 7;
        c.useCase = kCod;
        c.agent = QStringLiteral("cod-confirmation");
        c.orderId = QStringLiteral("ORD-\"1\"");
        c.phone = QStringLiteral("+919812345678");
        c.timezone = QStringLiteral("Asia/Kolkata");
        c.dueAt = iso(QStringLiteral("2026-11-27T04:30:00Z"));
        c.attempt = 2;
        c.status = kScheduled;
        c.language = QStringLiteral("mr-IN");
        c.reason = QStringLiteral("quiet_hours");
        CallJson view;
        std::string text;
        view.appendJson(text, c);
        const json j = json::parse(text);
        QCOMPARE(j.value("id", 0), 7);
        QCOMPARE(stringAt(j, "order_id"), QStringLiteral("ORD-\"1\""));
        QCOMPARE(stringAt(j, "due_at"), QStringLiteral("2026-11-27T10:00:00+05:30"));
        QCOMPARE(j.value("attempt", 0), 2);
        QVERIFY(j["cart_id"].is_null());
        QVERIFY(j["placed_at"].is_null());
        QCOMPARE(stringAt(j, "reason"), QStringLiteral("quiet_hours"));
    }

    void emptyWindowHasNoTime()
    {
        const CalledParty party = partyFor(QStringLiteral("+919812345678"), QStringLiteral("Asia/Kolkata"));
        const WindowRule closed = windowFor(party, CallKind::Promotional, QTime(21, 30), QTime(22, 0));
        QVERIFY(!nextAllowed(iso(QStringLiteral("2026-11-26T10:00:00+05:30")), party, closed).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCallingWindow)
#include "tst_callingwindow.moc"
