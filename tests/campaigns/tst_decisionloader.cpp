// DecisionLoader's reads: the whole batch (loadDue, as a claim is read) and the paged one
// (forEachDue, keyset pages) hand decideCall the same calls in the same order with the same
// state — every skip reason the read feeds, moves out of quiet hours, ties on the due time across
// page ends — and a call placed (or noted as placed) counts for the per-day cap of the calls
// after it, in the paged read and in a claim.
#include "campaignfixture.h"

#include "campaigns/calldecider.h"
#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/claimround.h"
#include "campaigns/decisionloader.h"
#include "campaigns/dndlist.h"

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

struct Decided
{
    qint64 id = 0;
    Decision decision;
};

QString describe(const Decided &d)
{
    return QStringLiteral("%1 %2 %3 [%4] %5")
            .arg(d.id)
            .arg(int(d.decision.action))
            .arg(d.decision.reason, d.decision.detail, d.decision.due.toString(Qt::ISODateWithMs));
}

// A call due at `due`.
qint64 plan(Database &db, const QString &useCase, const QString &key, const QString &subject, const QString &customer, const QString &phone,
            const char *zone, const QDateTime &due, const QDateTime &now)
{
    ScheduledCall c;
    c.useCase = useCase;
    c.subjectKey = key;
    c.agent = useCase == kCart ? QStringLiteral("cart-recovery") : QStringLiteral("cod-confirmation");
    (useCase == kCart ? c.cartId : c.orderId) = subject;
    c.customerId = customer;
    c.phone = phone;
    c.timezone = QString::fromLatin1(zone);
    c.dueAt = due;
    return CallQueue(db).schedule(c, now);
}

} // namespace

class TestDecisionLoader : public QObject
{
    Q_OBJECT

private slots:
    void pagedReadDecidesAsTheWholeBatch()
    {
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30"); // 01:30 in New York
        const QDateTime due = t.addSecs(-600);
        s.codOrder(QStringLiteral("ORD-DND"), QStringLiteral("C-PUNE"), t.addSecs(-3600));
        s.codOrder(QStringLiteral("ORD-CANCEL"), QStringLiteral("C-CHN"), t.addSecs(-3600), QStringLiteral("cancelled"));
        s.codOrder(QStringLiteral("ORD-SHIPPED"), QStringLiteral("C-LKO"), t.addSecs(-3600), QStringLiteral("shipped"));
        s.codOrder(QStringLiteral("ORD-CONFIRMED"), QStringLiteral("C-BIZ"), t.addSecs(-3600));
        execOrThrow(s.db->connection(), QStringLiteral("UPDATE orders SET cod_confirmation = 'confirmed' WHERE id = 'ORD-CONFIRMED'"));
        s.codOrder(QStringLiteral("ORD-NIGHT"), QStringLiteral("C-NYC"), t.addSecs(-3600));
        s.cart(QStringLiteral("CART-US"), QStringLiteral("C-CHI"), t.addSecs(-7200), 90000, QStringLiteral("USD"));
        s.cart(QStringLiteral("CART-CONSENT"), QStringLiteral("C-NYC"), t.addSecs(-7200), 90000, QStringLiteral("USD"));
        s.cart(QStringLiteral("CART-BOUGHT"), QStringLiteral("C-BIZ"), t.addSecs(-7200), 900000);
        execOrThrow(s.db->connection(), QStringLiteral("UPDATE carts SET status = 'completed' WHERE id = 'CART-BOUGHT'"));
        DndList lists(*s.db);
        QVERIFY(lists.add(QStringLiteral("+919812345678"), QStringLiteral("manual"), QString(), QString(), t));
        lists.addConsent(QStringLiteral("+12125550100"), QStringLiteral("C-NYC"), QString(), QStringLiteral("checkout checkbox"), t.addDays(-3));

        Database &db = *s.db;
        plan(db, kCod, QStringLiteral("cod:ORD-DND"), QStringLiteral("ORD-DND"), QStringLiteral("C-PUNE"), QStringLiteral("+919812345678"), "Asia/Kolkata", due, t);
        plan(db, kCod, QStringLiteral("cod:ORD-CANCEL"), QStringLiteral("ORD-CANCEL"), QStringLiteral("C-CHN"), QStringLiteral("+919845012345"), "Asia/Kolkata", due, t);
        plan(db, kCod, QStringLiteral("cod:ORD-SHIPPED"), QStringLiteral("ORD-SHIPPED"), QStringLiteral("C-LKO"), QStringLiteral("+919935012345"), "Asia/Kolkata", due, t);
        plan(db, kCod, QStringLiteral("cod:ORD-CONFIRMED"), QStringLiteral("ORD-CONFIRMED"), QStringLiteral("C-BIZ"), QStringLiteral("+919876500001"), "Asia/Kolkata", due, t);
        plan(db, kCod, QStringLiteral("cod:ORD-GONE"), QStringLiteral("ORD-GONE"), QStringLiteral("C-CHN"), QStringLiteral("+919845012345"), "Asia/Kolkata", due, t);
        plan(db, kCod, QStringLiteral("cod:ORD-NIGHT"), QStringLiteral("ORD-NIGHT"), QStringLiteral("C-NYC"), QStringLiteral("+12125550100"), "America/New_York", due, t);
        plan(db, kCart, QStringLiteral("cart:CART-US"), QStringLiteral("CART-US"), QStringLiteral("C-CHI"), QStringLiteral("+13125550147"), "America/Chicago", due, t);
        plan(db, kCart, QStringLiteral("cart:CART-CONSENT"), QStringLiteral("CART-CONSENT"), QStringLiteral("C-NYC"), QStringLiteral("+12125550100"), "America/New_York", due, t);
        plan(db, kCart, QStringLiteral("cart:CART-BOUGHT"), QStringLiteral("CART-BOUGHT"), QStringLiteral("C-BIZ"), QStringLiteral("+919876500001"), "Asia/Kolkata", due, t);
        // Calls to place, most due at one instant: page ends fall inside the tie (ids order it).
        for (int i = 0; i < 8; ++i) {
            const QString id = QStringLiteral("ORD-OK%1").arg(i);
            s.codOrder(id, QStringLiteral("C-LKO"), t.addSecs(-3600));
            plan(db, kCod, QStringLiteral("cod:") + id, id, QStringLiteral("C-LKO"), QStringLiteral("+919935012345"), "Asia/Kolkata",
                 i < 6 ? t.addSecs(-300) : due.addSecs(-60), t);
        }
        // Not due yet: neither read hands it over.
        plan(db, kCod, QStringLiteral("cod:ORD-LATER"), QStringLiteral("ORD-OK0"), QStringLiteral("C-LKO"), QStringLiteral("+919935012345"), "Asia/Kolkata",
             t.addSecs(60), t);

        const CampaignRules rules = CampaignSettings(db).rules();
        std::vector<Decided> whole;
        {
            DecisionLoader loader(db, &agents());
            const DecisionBatch batch = loader.loadDue(t, rules);
            for (const DecisionInput &in : batch.inputs)
                whole.push_back({ in.call->id, decideCall(in, rules, t) });
        }
        QCOMPARE(int(whole.size()), 17);
        QMap<QString, int> reasons;
        int placed = 0;
        for (const Decided &d : whole) {
            if (d.decision.action == Decision::Action::Place)
                ++placed;
            else
                reasons[d.decision.reason] += 1;
        }
        QCOMPARE(placed, 8);
        QCOMPARE(reasons.value(reason::dnd), 1);
        QCOMPARE(reasons.value(reason::cancelled), 2);   // cancelled, and an order no longer in the store
        QCOMPARE(reasons.value(reason::completed), 3);   // shipped, COD confirmed, cart bought
        QCOMPARE(reasons.value(reason::noConsent), 1);   // the Chicago cart
        QCOMPARE(reasons.value(reason::quietHours), 2);  // New York at 01:30: the COD call and the cart with consent
        // In due order, ids breaking ties.
        QSqlQuery order = execOrThrow(db.connection(), QStringLiteral("SELECT id FROM scheduled_calls WHERE status = 'scheduled' AND due_at <= ? ORDER BY due_at, id"),
                                      t.toMSecsSinceEpoch());
        for (const Decided &d : whole)
            QVERIFY(order.next() && order.value(0).toLongLong() == d.id);

        for (int pageSize : { 1, 3, 6, 17, 100 }) {
            std::vector<Decided> paged;
            DecisionLoader loader(db, &agents());
            loader.forEachDue(
                    t, rules, [&](const DecisionInput &in) { paged.push_back({ in.call->id, decideCall(in, rules, t) }); }, pageSize);
            QCOMPARE(int(paged.size()), int(whole.size()));
            for (std::size_t i = 0; i < whole.size(); ++i)
                QCOMPARE(describe(paged[i]), describe(whole[i]));
        }
    }

    void aCallNotedAsPlacedCountsForTheNextOnes()
    {
        CampaignStore s;
        Database &db = *s.db;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        CampaignRules rules = CampaignSettings(db).rules();
        rules.perCustomerPerDay = 2;
        for (int i = 0; i < 4; ++i) {
            const QString id = QStringLiteral("ORD-%1").arg(i);
            s.codOrder(id, QStringLiteral("C-PUNE"), t.addSecs(-3600));
            plan(db, kCod, QStringLiteral("cod:") + id, id, QStringLiteral("C-PUNE"), QStringLiteral("+919812345678"), "Asia/Kolkata", t.addSecs(-600 + i), t);
        }
        // One placed earlier today: one more fits under the cap of two.
        execOrThrow(db.connection(), QStringLiteral("UPDATE scheduled_calls SET status = 'done', placed_at = ? WHERE subject_key = 'cod:ORD-0'"),
                    t.addSecs(-3000).toMSecsSinceEpoch());
        QStringList seen;
        DecisionLoader loader(db, &agents());
        loader.forEachDue(
                t, rules,
                [&](const DecisionInput &in) {
                    const Decision d = decideCall(in, rules, t);
                    seen << (d.action == Decision::Action::Place ? QStringLiteral("place") : d.reason);
                    if (d.action == Decision::Action::Place)
                        loader.notePlaced(in.call->phone, t);
                },
                2);
        QCOMPARE(seen, QStringList({ QStringLiteral("place"), reason::cap, reason::cap }));

        // A claim of the same calls, as the dialer makes it: the call it places counts for the
        // others in the same claim, which are skipped for the cap instead of placed too.
        const ClaimRound round = claimAndDecide(db, agents(), rules, t, { QStringLiteral("test"), 120, 10, {} });
        QCOMPARE(round.claimed, 3);
        QCOMPARE(int(round.toPlace.size()), 1);
        QCOMPARE(round.toPlace.front().subjectKey, QStringLiteral("cod:ORD-1"));
        QCOMPARE(round.skipped().value(reason::cap), 2);
    }
};

QTEST_GUILESS_MAIN(TestDecisionLoader)
#include "tst_decisionloader.moc"
