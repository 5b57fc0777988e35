// The store's tables → planned calls (idempotent), the decision before dialling with every skip
// reason, leases between two claimers on one database, and what provider statuses do: order by
// SequenceNumber, retries per class, the COD chain ending "unconfirmed", a record per attempt.
#include "campaignfixture.h"

#include "campaigns/calldecider.h"
#include "campaigns/callprogress.h"
#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/claimround.h"
#include "campaigns/dndlist.h"
#include "campaigns/triggerscanner.h"

#include "analytics/callrecordstore.h"
#include "analytics/kpis.h"
#include "engine/nlu/analyser.h"

#include <QThread>

#include <atomic>

using namespace ringside;
using namespace ringside::campaigns;
using ringside::test::at;
using ringside::test::CampaignStore;

namespace {

const CampaignAgents &agents()
{
    static const CampaignAgents a;
    return a;
}

std::optional<ScheduledCall> bySubject(Database &db, const QString &key, int attempt = 1)
{
    for (const ScheduledCall &c : CallQueue(db).attempts(key))
        if (c.attempt == attempt)
            return c;
    return std::nullopt;
}

QString local(const QDateTime &t, const char *zone = "Asia/Kolkata")
{
    return t.toTimeZone(QTimeZone(QByteArray(zone))).toString(Qt::ISODate);
}

// Claims and decides everything due at `now`, as the dialer does; returns the calls to place.
std::vector<ScheduledCall> decideDue(Database &db, const QDateTime &now, QMap<QString, int> *skips = nullptr, int *moved = nullptr)
{
    const CampaignRules rules = CampaignSettings(db).rules();
    const ClaimRound round = claimAndDecide(db, agents(), rules, now, { QStringLiteral("test"), 120, 1000, CampaignSettings(db).pausedUseCases() });
    if (skips) {
        const QMap<QString, int> skipped = round.skipped();
        for (auto it = skipped.cbegin(); it != skipped.cend(); ++it)
            (*skips)[it.key()] += it.value();
    }
    if (moved)
        *moved += round.rescheduled();
    return round.toPlace;
}

// A call planned directly on the queue (not by the scanner), in India's zone.
ScheduledCall plannedCall(const QString &useCase, const QString &subjectKey, const QString &agent, const QString &phone, const QDateTime &due)
{
    ScheduledCall c;
    c.useCase = useCase;
    c.subjectKey = subjectKey;
    c.agent = agent;
    c.phone = phone;
    c.timezone = QStringLiteral("Asia/Kolkata");
    c.dueAt = due;
    return c;
}

// The test store with its queue as the dialer drives it: plans from the store's tables, claims and
// decides what is due, records the calls placed at the provider, and applies their statuses.
struct DialledStore : CampaignStore
{
    CallQueue q{ *db };
    CallProgress progress{ *db, agents() };

    void scan(const QDateTime &t) { TriggerScanner(*db, agents()).scan(t); }
    // Claims and decides what is due at `t` into *placed, and records each as placed with provider
    // call id "CA-<order id>". False when the queue refused to record one.
    bool placeDue(const QDateTime &t, std::vector<ScheduledCall> *placed)
    {
        *placed = decideDue(*db, t);
        bool recorded = true;
        for (const ScheduledCall &c : *placed)
            recorded = q.recordPlaced(c.id, c.leaseGen, QStringLiteral("twilio"), QStringLiteral("CA-") + c.orderId, QStringLiteral("queued"), t) && recorded;
        return recorded;
    }
};

StatusUpdate status(const QString &sid, const QString &s, int seq, const QString &answeredBy = QString())
{
    StatusUpdate u;
    u.provider = QStringLiteral("twilio");
    u.callId = sid;
    u.status = s;
    u.sequence = seq;
    u.answeredBy = answeredBy;
    return u;
}

} // namespace

class TestCampaignQueue : public QObject
{
    Q_OBJECT

private slots:
    void codScheduledInTheCustomersTime()
    {
        CampaignStore s;
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T19:50:00+05:30"));
        s.codOrder(QStringLiteral("ORD-2"), QStringLiteral("C-LKO"), at("2026-11-26T12:00:00+05:30"));
        s.codOrder(QStringLiteral("ORD-3"), QStringLiteral("C-NYC"), at("2026-11-26T19:45:00-05:00"));
        const auto analyser = nlu::Analyser::builtin();
        TriggerScanner scanner(*s.db, agents(), &analyser.value());
        const ScanReport r = scanner.scan(at("2026-11-26T20:30:00+05:30"));
        QCOMPARE(r.cod, 2); // ORD-3 is created in the scan's future (01:45 UTC+1 day)
        QCOMPARE(scanner.scan(at("2026-11-26T20:31:00+05:30")).total(), 0); // idempotent
        const auto one = bySubject(*s.db, QStringLiteral("cod:ORD-1"));
        QVERIFY(one);
        QCOMPARE(local(one->dueAt), QStringLiteral("2026-11-27T10:00:00+05:30"));
        QCOMPARE(local(one->firstDueAt), QStringLiteral("2026-11-26T20:20:00+05:30"));
        QCOMPARE(one->language, QStringLiteral("mr-IN"));
        QCOMPARE(one->languageSource, QStringLiteral("state"));
        QCOMPARE(one->agent, QStringLiteral("cod-confirmation"));
        QCOMPARE(one->agentLanguage, QStringLiteral("hi-IN")); // no Marathi variant: the agent's own, recorded
        const auto two = bySubject(*s.db, QStringLiteral("cod:ORD-2"));
        QCOMPARE(local(two->dueAt), QStringLiteral("2026-11-26T12:30:00+05:30"));
        QCOMPARE(two->timezoneSource, QStringLiteral("phone")); // 'UTC' on record means unknown: +91 says India
        QCOMPARE(two->language, QStringLiteral("hi-IN"));
        QCOMPARE(two->languageSource, QStringLiteral("northern_state"));
        // New York: 19:45 EST + 30 min = 20:15 → 10:00 the next morning, New York time.
        scanner.scan(at("2026-11-27T09:00:00+05:30"));
        const auto three = bySubject(*s.db, QStringLiteral("cod:ORD-3"));
        QVERIFY(three);
        QCOMPARE(local(three->dueAt, "America/New_York"), QStringLiteral("2026-11-27T10:00:00-05:00"));
        QCOMPARE(three->language, QStringLiteral("en-US"));
    }

    void deliveryOncePerEventKind()
    {
        CampaignStore s;
        s.shippedOrder(QStringLiteral("ORD-S"), QStringLiteral("C-CHN"), QStringLiteral("shipped"), at("2026-11-26T11:00:00+05:30"));
        TriggerScanner scanner(*s.db, agents());
        QCOMPARE(scanner.scan(at("2026-11-26T11:05:00+05:30")).delivery, 1);
        QCOMPARE(scanner.scan(at("2026-11-26T12:00:00+05:30")).delivery, 0);
        s.setOrderStatus(QStringLiteral("ORD-S"), QStringLiteral("out_for_delivery"), at("2026-11-27T08:00:00+05:30"));
        QCOMPARE(scanner.scan(at("2026-11-27T08:05:00+05:30")).delivery, 1);
        const auto ofd = bySubject(*s.db, QStringLiteral("delivery:ORD-S:out_for_delivery"));
        QVERIFY(ofd);
        QCOMPARE(ofd->eventKind, QStringLiteral("out_for_delivery"));
        QCOMPARE(local(ofd->dueAt), QStringLiteral("2026-11-27T09:00:00+05:30")); // 08:05 is before the window
        QCOMPARE(ofd->language, QStringLiteral("en-IN"));                         // preferred en-IN beats Tamil Nadu
        // The "fulfilled" call was never made and the parcel moved on: skipped as completed.
        QMap<QString, int> skips;
        const auto place = decideDue(*s.db, at("2026-11-27T09:00:00+05:30"), &skips);
        QCOMPARE(int(place.size()), 1);
        QCOMPARE(place.front().subjectKey, QStringLiteral("delivery:ORD-S:out_for_delivery"));
        QCOMPARE(skips.value(reason::completed), 1);
    }

    void cartRulesAndOnePerCart()
    {
        CampaignStore s;
        s.cart(QStringLiteral("CART-HIGH"), QStringLiteral("C-PUNE"), at("2026-11-26T10:00:00+05:30"), 5499900);
        s.cart(QStringLiteral("CART-LOW"), QStringLiteral("C-CHN"), at("2026-11-26T10:00:00+05:30"), 89800);
        // Friday 18:30 for a business customer: +2 h lands at 20:30 → not Saturday or Sunday → Monday 09:00.
        s.cart(QStringLiteral("CART-BIZ"), QStringLiteral("C-BIZ"), at("2026-11-27T18:30:00+05:30"), 200000);
        s.cart(QStringLiteral("CART-US"), QStringLiteral("C-NYC"), at("2026-11-27T10:00:00-05:00"), 60000, QStringLiteral("USD"));
        TriggerScanner scanner(*s.db, agents());
        QCOMPARE(scanner.scan(at("2026-11-28T00:00:00Z")).cart, 4);
        QCOMPARE(local(bySubject(*s.db, QStringLiteral("cart:CART-HIGH"))->dueAt), QStringLiteral("2026-11-26T11:00:00+05:30"));
        QCOMPARE(local(bySubject(*s.db, QStringLiteral("cart:CART-LOW"))->dueAt), QStringLiteral("2026-11-26T14:00:00+05:30"));
        QCOMPARE(local(bySubject(*s.db, QStringLiteral("cart:CART-BIZ"))->dueAt), QStringLiteral("2026-11-30T09:00:00+05:30"));
        QCOMPARE(local(bySubject(*s.db, QStringLiteral("cart:CART-US"))->dueAt, "America/New_York"), QStringLiteral("2026-11-27T11:00:00-05:00"));

        // Right before dialling: CART-LOW was bought meanwhile; the US cart has no consent.
        execOrThrow(s.db->connection(), QStringLiteral("UPDATE carts SET status = 'completed' WHERE id = 'CART-LOW'"));
        QMap<QString, int> skips;
        auto place = decideDue(*s.db, at("2026-11-28T10:00:00+05:30"), &skips); // a Saturday: fine for a consumer
        QCOMPARE(skips.value(reason::completed), 1);
        QCOMPARE(skips.value(reason::noConsent), 1);
        QCOMPARE(int(place.size()), 1);
        QCOMPARE(place.front().cartId, QStringLiteral("CART-HIGH"));
        // With a recorded consent the US cart would have gone; it is skipped for good, never retried.
        QCOMPARE(bySubject(*s.db, QStringLiteral("cart:CART-US"))->status, kSkipped);
        // One call per cart: a second plan for the same cart is a no-op.
        QCOMPARE(scanner.scan(at("2026-11-28T00:10:00Z")).cart, 0);
    }

    void callbacksAtTheAskedTime()
    {
        CampaignStore s;
        analytics::CallRecordStore records(*s.db);
        auto record = [&](const QString &customer, const QDateTime &ended, const QString &said) {
            analytics::CallRecord r;
            r.agent = QStringLiteral("Delivery Notifier");
            r.useCase = QStringLiteral("delivery_update");
            r.direction = QStringLiteral("outbound");
            r.channel = QStringLiteral("twilio");
            r.customerId = customer;
            r.startedAt = ended.addSecs(-60);
            r.answeredAt = ended.addSecs(-55);
            r.endedAt = ended;
            r.outcome = QStringLiteral("callback");
            r.transcript = json::array({ { { "type", "agent" }, { "text", "Hello" }, { "t_ms", 0 } },
                                         { { "type", "user" }, { "text", said }, { "t_ms", 1000 } } });
            return records.insert(r).value();
        };
        const QString six = record(QStringLiteral("C-PUNE"), at("2026-11-26T11:00:00+05:30"), QStringLiteral("I'm busy, call me at 6"));
        const QString kal = record(QStringLiteral("C-LKO"), at("2026-11-26T19:00:00+05:30"), QStringLiteral("abhi nahi, kal subah call karna"));
        const QString later = record(QStringLiteral("C-CHN"), at("2026-11-26T19:30:00+05:30"), QStringLiteral("call me later please"));
        const auto analyser = nlu::Analyser::builtin();
        TriggerScanner scanner(*s.db, agents(), &analyser.value());
        QCOMPARE(scanner.scan(at("2026-11-26T11:05:00+05:30")).callback, 1);  // only the 11:00 call had happened
        QCOMPARE(scanner.scan(at("2026-11-26T19:45:00+05:30")).callback, 2);
        const auto a = bySubject(*s.db, QStringLiteral("callback:") + six);
        QCOMPARE(local(a->dueAt), QStringLiteral("2026-11-26T18:00:00+05:30"));
        QCOMPARE(a->agent, QStringLiteral("delivery-notifier"));
        const auto b = bySubject(*s.db, QStringLiteral("callback:") + kal);
        QCOMPARE(local(b->dueAt), QStringLiteral("2026-11-27T10:00:00+05:30"));
        // No time said: the default hour later is 20:30, outside the window → 09:00 next day.
        const auto c = bySubject(*s.db, QStringLiteral("callback:") + later);
        QCOMPARE(local(c->dueAt), QStringLiteral("2026-11-27T09:00:00+05:30"));
    }

    void everySkipHasItsReason()
    {
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        s.codOrder(QStringLiteral("ORD-DND"), QStringLiteral("C-PUNE"), t.addSecs(-3600));
        s.codOrder(QStringLiteral("ORD-OPT"), QStringLiteral("C-LKO"), t.addSecs(-3600));
        s.codOrder(QStringLiteral("ORD-CANCEL"), QStringLiteral("C-CHN"), t.addSecs(-3600));
        s.codOrder(QStringLiteral("ORD-NOPHONE"), QStringLiteral("C-NOPHONE"), t.addSecs(-3600));
        s.codOrder(QStringLiteral("ORD-CAP"), QStringLiteral("C-BIZ"), t.addSecs(-3600));
        s.codOrder(QStringLiteral("ORD-OK"), QStringLiteral("C-NYC"), t.addSecs(-3600));
        TriggerScanner(*s.db, agents()).scan(t);
        DndList dnd(*s.db);
        QVERIFY(dnd.add(QStringLiteral("9812345678"), QStringLiteral("manual"), QString(), QString(), t));
        QVERIFY(dnd.add(QStringLiteral("+919935012345"), QStringLiteral("opt_out"), QString(), QStringLiteral("said stop"), t));
        s.setOrderStatus(QStringLiteral("ORD-CANCEL"), QStringLiteral("cancelled"), t);
        // C-BIZ already had three campaign calls today.
        for (int i = 0; i < 3; ++i) {
            const qint64 id = CallQueue(*s.db).schedule(plannedCall(kDelivery, QStringLiteral("delivery:X%1:fulfilled").arg(i), QStringLiteral("delivery-notifier"),
                                                                    QStringLiteral("+919876500001"), t.addSecs(-7200)),
                                                        t);
            execOrThrow(s.db->connection(), QStringLiteral("UPDATE scheduled_calls SET status = 'done', placed_at = ? WHERE id = ?"),
                        t.addSecs(-7000 + i).toMSecsSinceEpoch(), id);
        }
        // The New York call fell due while the dialer was paused; at 12:00 IST it is 01:30 there.
        execOrThrow(s.db->connection(), QStringLiteral("UPDATE scheduled_calls SET due_at = ? WHERE subject_key = 'cod:ORD-OK'"),
                    t.addSecs(-1800).toMSecsSinceEpoch());
        QMap<QString, int> skips;
        int moved = 0;
        // Outside its window → moved, not dropped.
        const auto place = decideDue(*s.db, t, &skips, &moved);
        QCOMPARE(skips.value(reason::dnd), 1);
        QCOMPARE(skips.value(reason::optedOut), 1);
        QCOMPARE(skips.value(reason::cancelled), 1);
        QCOMPARE(skips.value(reason::cap), 1);
        QCOMPARE(moved, 1);
        QCOMPARE(int(place.size()), 0);
        QCOMPARE(bySubject(*s.db, QStringLiteral("cod:ORD-NOPHONE"))->reason, reason::noPhone); // planned as skipped at once
        const auto ny = bySubject(*s.db, QStringLiteral("cod:ORD-OK"));
        QCOMPARE(ny->status, kScheduled);
        QCOMPARE(ny->reason, reason::quietHours);
        QCOMPARE(local(ny->dueAt, "America/New_York"), QStringLiteral("2026-11-26T09:00:00-05:00"));
        // The history says why.
        const auto events = CallQueue(*s.db).events(bySubject(*s.db, QStringLiteral("cod:ORD-DND"))->id);
        QCOMPARE(events.back().kind, QStringLiteral("skipped"));
        QVERIFY(events.back().detail.contains(QLatin1String("+919812345678 is on the do-not-call list")));
    }

    void twoClaimersNeverShareACall()
    {
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        for (int i = 0; i < 200; ++i)
            CallQueue(*s.db).schedule(plannedCall(kCod, QStringLiteral("cod:LOAD-%1").arg(i), QStringLiteral("cod-confirmation"),
                                                  QStringLiteral("+9198%1").arg(10000000 + i), t.addSecs(-i)),
                                      t);
        // Two threads, each with its own connection (as two processes would have), claim in small bites.
        std::atomic<int> total{ 0 };
        std::atomic<int> ready{ 0 };
        QSet<qint64> seen[2];
        auto claimer = [&](int who) {
            QString error;
            auto db = Database::open(s.path(), &error);
            CallQueue q(*db);
            ++ready;
            while (ready.load() < 2) // both start claiming together
                QThread::yieldCurrentThread();
            for (;;) {
                const auto got = q.claimDue(t, QStringLiteral("dialer-%1").arg(who), 120, 3, {});
                if (got.empty())
                    break;
                for (const ScheduledCall &c : got)
                    seen[who].insert(c.id);
                total += int(got.size());
                QThread::msleep(3); // placing what it claimed, as a dialer would
            }
        };
        QThread *a = QThread::create(claimer, 0);
        QThread *b = QThread::create(claimer, 1);
        a->start();
        b->start();
        QVERIFY(a->wait(60000) && b->wait(60000));
        delete a;
        delete b;
        QCOMPARE(total.load(), 200);
        QVERIFY(!seen[0].intersects(seen[1]));
        QVERIFY(!seen[0].isEmpty() && !seen[1].isEmpty());
    }

    void leasesAreFenced()
    {
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        CallQueue q(*s.db);
        q.schedule(plannedCall(kCod, QStringLiteral("cod:FENCE"), QStringLiteral("cod-confirmation"), QStringLiteral("+919812345678"), t), t);
        ScheduledCall mine = q.claimDue(t, QStringLiteral("a"), 120, 1, {}).front();
        QVERIFY(q.holdsLease(mine.id, mine.leaseGen, t, 30000));
        QVERIFY(!q.holdsLease(mine.id, mine.leaseGen, t.addSecs(100), 30000)); // too little left to send
        QVERIFY(q.expiredLeases(t.addSecs(60), 10).empty());
        ScheduledCall theirs = q.expiredLeases(t.addSecs(121), 10).front();
        QVERIFY(q.takeOverLease(theirs, QStringLiteral("b"), t.addSecs(121), 120));
        QVERIFY(!q.takeOverLease(mine, QStringLiteral("a"), t.addSecs(122), 120)); // generation moved on
        QVERIFY(!q.skip(mine.id, reason::dnd, QString(), t.addSecs(122), mine.leaseGen)); // fenced
        QVERIFY(q.reschedule(theirs.id, t, QString(), QStringLiteral("no call at the provider"), t.addSecs(123), theirs.leaseGen));
        QCOMPARE(q.byId(mine.id)->status, kScheduled);
    }

    void statusesRetriesAndUnconfirmed()
    {
        DialledStore s;
        const QDateTime created = at("2026-11-26T19:50:00+05:30");
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), created);
        s.scan(created.addSecs(60));
        const QDateTime ten = at("2026-11-27T10:00:00+05:30");
        std::vector<ScheduledCall> first;
        QVERIFY(s.placeDue(ten, &first));
        QCOMPARE(int(first.size()), 1);
        // Out of order: ringing (1) after no-answer (2) changes nothing; a repeat neither.
        QVERIFY(!s.progress.apply(status(QStringLiteral("CA-ORD-1"), QStringLiteral("initiated"), 0), ten).ignored);
        const auto done = s.progress.apply(status(QStringLiteral("CA-ORD-1"), QStringLiteral("no-answer"), 2), ten.addSecs(40));
        QVERIFY(done.finished);
        QVERIFY(done.nextAttempt > 0);
        QVERIFY(s.progress.apply(status(QStringLiteral("CA-ORD-1"), QStringLiteral("ringing"), 1), ten.addSecs(41)).ignored);
        QVERIFY(s.progress.apply(status(QStringLiteral("CA-ORD-1"), QStringLiteral("no-answer"), 2), ten.addSecs(42)).ignored);
        QCOMPARE(s.q.byId(first[0].id)->outcome, QStringLiteral("no_answer"));
        QCOMPARE(s.q.byId(first[0].id)->status, kDone);
        const auto second = s.q.byId(done.nextAttempt);
        QCOMPARE(second->attempt, 2);
        QCOMPARE(local(second->dueAt), QStringLiteral("2026-11-27T12:00:00+05:30")); // two hours after the first
        QCOMPARE(s.orderField(QStringLiteral("ORD-1"), QStringLiteral("cod_confirmation")), QStringLiteral("pending"));
        // The unanswered attempt is a call record of its own.
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-1' AND outcome = 'no_answer' AND answered_at IS NULL")), 1);

        // The second attempt goes unanswered too: no third, the order is unconfirmed.
        const QDateTime noon = at("2026-11-27T12:00:00+05:30");
        auto again = decideDue(*s.db, noon);
        QCOMPARE(int(again.size()), 1);
        s.q.recordPlaced(again[0].id, again[0].leaseGen, QStringLiteral("twilio"), QStringLiteral("CA2"), QStringLiteral("queued"), noon);
        const auto end = s.progress.apply(status(QStringLiteral("CA2"), QStringLiteral("busy"), 3), noon.addSecs(20));
        QVERIFY(end.finished);
        QCOMPARE(end.nextAttempt, qint64(0));
        QCOMPARE(s.orderField(QStringLiteral("ORD-1"), QStringLiteral("cod_confirmation")), QStringLiteral("unconfirmed"));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-1' AND answered_at IS NULL")), 2);
        // The KPIs see both attempts and the unconfirmed order.
        analytics::KpiQueryText text;
        text.from = text.to = QStringLiteral("2026-11-27");
        const auto query = analytics::parseKpiQuery(*s.db, text, noon);
        const analytics::KpiReport report = analytics::computeKpis(*s.db, query.value());
        QCOMPARE(report.cod.callsAttempted, qint64(2));
        QCOMPARE(report.cod.callsConnected, qint64(0));
        QCOMPARE(report.cod.unconfirmed, qint64(1));
    }

    void failedOnceMoreMachineLaterCompletedIsTheConversation()
    {
        DialledStore s;
        const QDateTime t = at("2026-11-26T11:00:00+05:30");
        s.shippedOrder(QStringLiteral("ORD-F"), QStringLiteral("C-PUNE"), QStringLiteral("shipped"), t);
        s.shippedOrder(QStringLiteral("ORD-M"), QStringLiteral("C-CHN"), QStringLiteral("shipped"), t);
        s.scan(t);
        std::vector<ScheduledCall> placed;
        QVERIFY(s.placeDue(t, &placed));
        QCOMPARE(int(placed.size()), 2);
        // failed → once more after 15 minutes, even though delivery calls have one attempt.
        const auto f1 = s.progress.apply(status(QStringLiteral("CA-ORD-F"), QStringLiteral("failed"), 1), t.addSecs(5));
        QVERIFY(f1.nextAttempt > 0);
        QCOMPARE(local(s.q.byId(f1.nextAttempt)->dueAt), QStringLiteral("2026-11-26T11:15:00+05:30"));
        // machine (AMD) → later, within the cap: delivery allows one attempt, so it ends here.
        const auto m1 = s.progress.apply(status(QStringLiteral("CA-ORD-M"), QStringLiteral("completed"), 2, QStringLiteral("machine_end_beep")), t.addSecs(30));
        QCOMPARE(s.q.byId(m1.id)->outcome, QStringLiteral("machine"));
        QCOMPARE(m1.nextAttempt, qint64(0));
        // The failed one's retry fails too: stop.
        auto retry = decideDue(*s.db, t.addSecs(15 * 60));
        QCOMPARE(int(retry.size()), 1);
        s.q.recordPlaced(retry[0].id, retry[0].leaseGen, QStringLiteral("twilio"), QStringLiteral("CA-F2"), QStringLiteral("queued"), t.addSecs(900));
        const auto f2 = s.progress.apply(status(QStringLiteral("CA-F2"), QStringLiteral("failed"), 1), t.addSecs(905));
        QCOMPARE(f2.nextAttempt, qint64(0));
        QCOMPARE(s.q.byId(f2.id)->status, kFailed);

        // A conversation: the gateway's outcome wins over the bare "completed".
        s.shippedOrder(QStringLiteral("ORD-C"), QStringLiteral("C-LKO"), QStringLiteral("shipped"), t.addSecs(3600));
        s.scan(t.addSecs(3600));
        std::vector<ScheduledCall> c;
        QVERIFY(s.placeDue(t.addSecs(3600), &c));
        QCOMPARE(int(c.size()), 1);
        s.progress.apply(status(QStringLiteral("CA-ORD-C"), QStringLiteral("in-progress"), 2), t.addSecs(3610));
        s.progress.conversationEnded(QStringLiteral("CA-ORD-C"), QStringLiteral("resolved"), QStringLiteral("rec-1"), t.addSecs(3700));
        QVERIFY(s.progress.apply(status(QStringLiteral("CA-ORD-C"), QStringLiteral("completed"), 3), t.addSecs(3701)).ignored == false);
        QCOMPARE(s.q.byId(c[0].id)->outcome, QStringLiteral("resolved"));
        QCOMPARE(s.q.byId(c[0].id)->recordId, QStringLiteral("rec-1"));
        QCOMPARE(s.q.byId(c[0].id)->status, kDone);
    }

    void completedWithoutTheAgentIsNoConversation()
    {
        DialledStore s;
        const QDateTime t = at("2026-11-26T11:00:00+05:30");
        s.codOrder(QStringLiteral("ORD-S"), QStringLiteral("C-PUNE"), t.addSecs(-3600)); // answered, our agent never came on
        s.codOrder(QStringLiteral("ORD-Z"), QStringLiteral("C-LKO"), t.addSecs(-3600));  // "completed" without talk time
        s.codOrder(QStringLiteral("ORD-L"), QStringLiteral("C-CHN"), t.addSecs(-3600));  // the agent came on; the conversation ends later
        s.scan(t);
        std::vector<ScheduledCall> placed;
        QVERIFY(s.placeDue(t, &placed));
        QCOMPARE(int(placed.size()), 3);

        // Twelve seconds of a line with nobody of ours on it: a failed call, tried once more.
        StatusUpdate silent = status(QStringLiteral("CA-ORD-S"), QStringLiteral("completed"), 3);
        silent.durationS = 12;
        const auto a = s.progress.apply(silent, t.addSecs(40));
        QVERIFY(a.finished);
        QCOMPARE(a.outcome, QStringLiteral("failed"));
        QCOMPARE(s.q.byId(a.id)->status, kFailed);
        QCOMPARE(s.q.byId(a.id)->outcome, QStringLiteral("failed"));
        QVERIFY(a.nextAttempt > 0);
        QCOMPARE(local(s.q.byId(a.nextAttempt)->dueAt), QStringLiteral("2026-11-26T11:15:00+05:30")); // dialer.failedRetryMinutes
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-S' AND outcome = 'failed' AND answered_at IS NULL")), 1);
        bool noted = false;
        for (const CampaignEvent &e : s.q.events(a.id))
            noted = noted || (e.kind == QLatin1String("no_conversation") && e.reason == QLatin1String("failed"));
        QVERIFY(noted);

        // No talk time at all: nobody picked up; the COD rule's next attempt two hours later.
        StatusUpdate zero = status(QStringLiteral("CA-ORD-Z"), QStringLiteral("completed"), 3);
        zero.durationS = 0;
        const auto b = s.progress.apply(zero, t.addSecs(40));
        QCOMPARE(b.outcome, QStringLiteral("no_answer"));
        QCOMPARE(s.q.byId(b.id)->status, kDone);
        QVERIFY(b.nextAttempt > 0);
        QCOMPARE(local(s.q.byId(b.nextAttempt)->dueAt), QStringLiteral("2026-11-26T13:00:00+05:30"));

        // The gateway saw the agent come on: "completed" waits for the conversation's outcome.
        QVERIFY(s.progress.mediaConnected(QStringLiteral("CA-ORD-L"), t.addSecs(10)).known);
        QVERIFY(s.progress.mediaConnected(QStringLiteral("CA-ORD-L"), t.addSecs(11)).known); // once in the history
        StatusUpdate live = status(QStringLiteral("CA-ORD-L"), QStringLiteral("completed"), 3);
        live.durationS = 30;
        const auto c = s.progress.apply(live, t.addSecs(45));
        QVERIFY(c.finished);
        QCOMPARE(c.nextAttempt, qint64(0));
        QCOMPARE(s.q.byId(c.id)->status, kDone);
        s.progress.conversationEnded(QStringLiteral("CA-ORD-L"), QStringLiteral("confirmed"), QStringLiteral("rec-L"), t.addSecs(46));
        QCOMPARE(s.q.byId(c.id)->outcome, QStringLiteral("confirmed"));
        int connected = 0;
        for (const CampaignEvent &e : s.q.events(c.id))
            connected += e.kind == QLatin1String("connected") ? 1 : 0;
        QCOMPARE(connected, 1);
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-L'")), 0); // the gateway writes that one
    }

    void anAttemptRecordLostToACrashIsWrittenOnTheNextPass()
    {
        DialledStore s;
        const QDateTime t = at("2026-11-26T11:00:00+05:30");
        s.codOrder(QStringLiteral("ORD-R"), QStringLiteral("C-PUNE"), t.addSecs(-3600));
        s.scan(t);
        std::vector<ScheduledCall> placed;
        QVERIFY(s.placeDue(t, &placed));
        QCOMPARE(int(placed.size()), 1);
        const auto a = s.progress.apply(status(QStringLiteral("CA-ORD-R"), QStringLiteral("no-answer"), 2), t.addSecs(40));
        QVERIFY(a.finished);
        const QString recordId = s.q.byId(a.id)->recordId;
        QVERIFY(!recordId.isEmpty());
        const QString recordCount = QStringLiteral("SELECT COUNT(*) FROM call_records WHERE id = '%1' AND outcome = 'no_answer'").arg(recordId);
        QCOMPARE(s.count(recordCount), 1);
        // Written with the attempt: nothing waits for the repair.
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE record_pending = 1")), 0);
        QCOMPARE(s.progress.repairMissingRecords(t.addSecs(41)), 0);
        // The state a crash between the two writes leaves: the attempt finished and waiting, no record.
        execOrThrow(s.db->connection(), QStringLiteral("DELETE FROM call_records WHERE id = ?"), recordId);
        execOrThrow(s.db->connection(), QStringLiteral("UPDATE scheduled_calls SET record_pending = 1 WHERE id = ?"), a.id);
        QCOMPARE(s.progress.repairMissingRecords(t.addSecs(42)), 1);
        QCOMPARE(s.count(recordCount), 1);
        QCOMPARE(s.progress.repairMissingRecords(t.addSecs(43)), 0);
        // A conversation's record is the gateway's: never waited for.
        s.codOrder(QStringLiteral("ORD-R2"), QStringLiteral("C-CHN"), t);
        s.scan(t.addSecs(3600));
        std::vector<ScheduledCall> next;
        QVERIFY(s.placeDue(t.addSecs(3600), &next));
        QCOMPARE(int(next.size()), 1);
        s.progress.conversationEnded(QStringLiteral("CA-ORD-R2"), QStringLiteral("confirmed"), QStringLiteral("rec-R2"), t.addSecs(3700));
        QCOMPARE(s.progress.repairMissingRecords(t.addSecs(3701)), 0);
    }

    void adoptsACallNamedBeforeItsIdWasRecorded()
    {
        DialledStore s;
        const QDateTime t = at("2026-11-26T11:00:00+05:30");
        s.shippedOrder(QStringLiteral("ORD-A"), QStringLiteral("C-PUNE"), QStringLiteral("shipped"), t);
        s.scan(t);
        auto placed = decideDue(*s.db, t);
        QCOMPARE(int(placed.size()), 1);
        // The dialer died after the provider made the call; its callback names our row (sc=).
        StatusUpdate u = status(QStringLiteral("CA-ADOPT"), QStringLiteral("ringing"), 1);
        u.scheduledId = placed[0].id;
        const auto a = s.progress.apply(u, t.addSecs(5));
        QVERIFY(a.known);
        const auto row = s.q.byId(placed[0].id);
        QCOMPARE(row->providerCallId, QStringLiteral("CA-ADOPT"));
        QVERIFY(s.q.expiredLeases(t.addSecs(1000), 10).empty()); // never retried now
        // The dialer's own answer for that call arrives after the callback: one 'placed' event still.
        QVERIFY(!s.q.recordPlaced(placed[0].id, placed[0].leaseGen, QStringLiteral("twilio"), QStringLiteral("CA-ADOPT"),
                                  QStringLiteral("queued"), t.addSecs(6)));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'placed' AND scheduled_call_id = %1").arg(placed[0].id)),
                 qint64(1));
        // A callback naming another row's sc= for a different call is not taken for this one.
        StatusUpdate other = status(QStringLiteral("CA-OTHER"), QStringLiteral("ringing"), 1);
        other.scheduledId = placed[0].id;
        QVERIFY(!s.progress.apply(other, t.addSecs(6)).known);
    }
};

QTEST_GUILESS_MAIN(TestCampaignQueue)
#include "tst_campaignqueue.moc"
