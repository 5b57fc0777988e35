// Caller verification in the tool layer: who is verified, what is masked for who is not, which
// actions wait for verification, and verify_caller's answers and attempts.
#include "toolharness.h"

#include "tools/callerverification.h"

#include <QTest>

using namespace ringside;
using namespace ringside::test;

namespace {

// A call on an agent that requires verification, from `callerPhone`.
struct VerifiedCall
{
    ToolHarness &harness;
    ToolContext context;
    CallerVerification state;

    VerifiedCall(ToolHarness &h, const QString &callerPhone, int maxAttempts = 2) : harness(h)
    {
        context.now = fixtureNow();
        context.callerPhone = callerPhone;
        context.verification.required = true;
        context.verification.maxAttempts = maxAttempts;
        context.verificationState = &state;
    }
    json call(const QString &name, const char *arguments)
    {
        return harness.registry().call(name, json::parse(arguments), context);
    }
};

} // namespace

class TestCallerVerification : public QObject
{
    Q_OBJECT
private slots:
    void helpers()
    {
        Customer c;
        c.phone = QStringLiteral("+919876543210");
        c.country = QStringLiteral("IN");
        QVERIFY(callerIsCustomer(QStringLiteral("098765 43210"), c));
        QVERIFY(callerIsCustomer(QStringLiteral("+91 98765-43210"), c));
        QVERIFY(!callerIsCustomer(QStringLiteral("+919876543211"), c));
        QVERIFY(!callerIsCustomer(QString(), c));
        QCOMPARE(postalCodeOf(QStringLiteral("4 MG Road, Bengaluru 560001")), QStringLiteral("560001"));
        QCOMPARE(postalCodeOf(QStringLiteral("12 Oak St, Chicago, IL 60601")), QStringLiteral("60601"));
        QCOMPARE(postalCodeOf(QStringLiteral("no number here")), QString());
        QCOMPARE(maskedAddress(QStringLiteral("4 MG Road, Bengaluru 560001")),
                 QStringLiteral("an address in Bengaluru (hidden until the caller is verified)"));
        QVERIFY(!maskedPhone(QStringLiteral("+919876543210")).contains(QStringLiteral("3210")));
        QVERIFY(!maskedEmail(QStringLiteral("priya.sharma@gmail.com")).contains(QStringLiteral("sharma")));
    }

    void callerFromTheOrdersPhoneIsVerified()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        VerifiedCall call(h, QStringLiteral("+91 98765 43210"));
        const json r = call.call(QStringLiteral("get_order_status"), R"({"order_id":"ORD-500002"})");
        QCOMPARE(r.value("caller_verified", false), true);
        QCOMPARE(stringAt(r, "delivery_address"), QStringLiteral("4 MG Road, Bengaluru 560001"));
        QVERIFY(!r.contains("verify_with"));
    }

    void anotherCallerHearsTheStatusWithPersonalFieldsMasked()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        VerifiedCall call(h, QStringLiteral("+919000000001"));
        const json r = call.call(QStringLiteral("get_order_status"), R"({"order_id":"ORD-500002"})");
        QCOMPARE(r.value("found", false), true);
        QCOMPARE(stringAt(r, "status"), QStringLiteral("delivered"));
        QCOMPARE(r.value("caller_verified", true), false);
        QVERIFY(!qs(r.dump()).contains(QStringLiteral("MG Road")));
        QVERIFY(!qs(r.dump()).contains(QStringLiteral("560001")));
        QVERIFY(stringAt(r, "delivery_address").contains(QStringLiteral("Bengaluru")));
        QCOMPARE(r["verify_with"].size(), size_t(3));
    }

    void actionsWaitForVerification()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        VerifiedCall call(h, QStringLiteral("+919000000001"));
        const json refused = call.call(QStringLiteral("initiate_return"),
                                       R"({"order_id":"ORD-500002","items":[{"sku":"MUG-CER","quantity":1,"reason":"damaged"}]})");
        QCOMPARE(stringAt(refused, "reason"), QStringLiteral("caller_not_verified"));
        QVERIFY(stringAt(refused, "message").contains(QStringLiteral("PIN code")));
        const auto before = h.store().returnsForOrder(QStringLiteral("ORD-500002")).size();

        const json wrong = call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500002","pin_code":"560002"})");
        QCOMPARE(wrong.value("verified", true), false);
        QCOMPARE(wrong.value("attempts_left", -1), 1);
        QVERIFY(!qs(wrong.dump()).contains(QStringLiteral("560001")));

        const json right = call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500002","pin_code":"5 6 0 0 0 1"})");
        QCOMPARE(right.value("verified", false), true);

        const json done = call.call(QStringLiteral("initiate_return"),
                                    R"({"order_id":"ORD-500002","items":[{"sku":"MUG-CER","quantity":1,"reason":"damaged"}]})");
        QCOMPARE(done.value("success", false), true);
        QCOMPARE(h.store().returnsForOrder(QStringLiteral("ORD-500002")).size(), before + 1);
        const json status = call.call(QStringLiteral("get_order_status"), R"({"order_id":"ORD-500002"})");
        QCOMPARE(status.value("caller_verified", false), true);
        QCOMPARE(stringAt(status, "delivery_address"), QStringLiteral("4 MG Road, Bengaluru 560001"));
    }

    void lastDigitsAndEmail()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        VerifiedCall call(h, QString());
        QCOMPARE(call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500002","phone_last4":"three two one zero"})")
                         .value("verified", true), false); // words are the brain's job: the tool takes digits
        QCOMPARE(call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500002","phone_last4":"3210"})").value("verified", false),
                 true);
    }

    void attemptsRunOut()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        VerifiedCall call(h, QString(), 2);
        call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500012","pin_code":"111111"})");
        const json second = call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500012","pin_code":"222222"})");
        QCOMPARE(second.value("locked", false), true);
        // Even the right answer is refused now: guessing is not a way in.
        const json third = call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500012","pin_code":"302006"})");
        QCOMPARE(stringAt(third, "reason"), QStringLiteral("too_many_attempts"));
        QCOMPARE(third.value("verified", true), false);
        QCOMPARE(stringAt(call.call(QStringLiteral("cancel_order"), R"({"order_id":"ORD-500012","reason":"other"})"), "reason"),
                 QStringLiteral("caller_not_verified"));
    }

    void agentsThatDoNotVerifyAreUnchanged()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("get_order_status"), QStringLiteral(R"({"order_id":"ORD-500002"})"));
        QVERIFY(!r.contains("caller_verified"));
        QCOMPARE(stringAt(r, "delivery_address"), QStringLiteral("4 MG Road, Bengaluru 560001"));
    }

    void methodsTheAgentDoesNotAcceptAreAnError()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        VerifiedCall call(h, QString());
        call.context.verification.methods = { QStringLiteral("pin_code") };
        const json r = call.call(QStringLiteral("verify_caller"), R"({"order_id":"ORD-500002","phone_last4":"3210"})");
        QCOMPARE(stringAt(r["error"], "code"), QStringLiteral("invalid_value"));
        QCOMPARE(stringAt(r["error"], "field"), QStringLiteral("phone_last4"));
    }
};

QTEST_GUILESS_MAIN(TestCallerVerification)
#include "tst_callerverification.moc"
