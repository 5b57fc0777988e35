// A Hindi call never hears an English line from a tool: every tool's message, refusals and
// not-found answers included, in romanized Hindi when the call's language is hi-IN.
#include "toolharness.h"

#include <QRegularExpression>
#include <QTest>

using namespace ringside;
using namespace ringside::test;

namespace {

// Words that only an English sentence has (Hindi sentences borrow nouns such as "order", "refund"
// or "cart", never these).
bool soundsEnglish(const QString &message)
{
    static const QRegularExpression english(QStringLiteral(
            "\\b(I|I've|I'm|I'll|Your|you|you'd|you'll|the|is|are|was|will|can't|couldn't|please|Please|with|there|There's|"
            "We've|We|Could|would|has|have|been|Good news|Done)\\b"));
    // A code spelled letter by letter ("W I N T E R 3 8 0") has a lone "I" that is no English word.
    static const QRegularExpression spelled(QStringLiteral("\\b(?:[A-Z0-9] ){2,}[A-Z0-9]\\b"));
    QString words = message;
    words.remove(spelled);
    return english.match(words).hasMatch();
}

} // namespace

class TestHindiTools : public QObject
{
    Q_OBJECT
private slots:
    void messages_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("arguments");
        const auto row = [](const char *name, const char *tool, const char *arguments) {
            QTest::addRow("%s", name) << QString::fromLatin1(tool) << QString::fromLatin1(arguments);
        };
        row("status", "get_order_status", R"({"order_id":"ORD-482913"})");
        row("status not found", "get_order_status", R"({"order_id":"ORD-999999"})");
        row("status by phone", "get_order_status", R"({"phone_number":"+919876543210"})");
        row("tracking", "get_tracking_details", R"({"tracking_number":"81234567890","carrier":"bluedart"})");
        row("tracking not found", "get_tracking_details", R"({"tracking_number":"XX1","carrier":"bluedart"})");
        row("return", "initiate_return", R"({"order_id":"ORD-500002","items":[{"sku":"MUG-CER","quantity":1,"reason":"damaged"}]})");
        row("return not delivered", "initiate_return", R"({"order_id":"ORD-500001","items":[{"sku":"KURTA-RED-L","quantity":1,"reason":"damaged"}]})");
        row("return window closed", "initiate_return", R"({"order_id":"ORD-500003","items":[{"sku":"LAMP-01","quantity":1,"reason":"damaged"}]})");
        row("return wrong sku", "initiate_return", R"({"order_id":"ORD-500002","items":[{"sku":"NOPE","quantity":1,"reason":"damaged"}]})");
        row("pickup", "schedule_pickup", R"({"return_id":"RET-0001","pickup_date":"2026-11-28","time_slot":"morning"})");
        row("pickup too far", "schedule_pickup", R"({"return_id":"RET-0001","pickup_date":"2026-12-20"})");
        row("pickup not found", "schedule_pickup", R"({"return_id":"RET-9999","pickup_date":"2026-11-28"})");
        row("return status", "check_return_status", R"({"return_id":"RET-0001"})");
        row("cart", "get_abandoned_cart", R"({"customer_id":"CUST-1003"})");
        row("offers", "check_available_offers", R"({"cart_id":"CART-3001"})");
        row("discount", "apply_discount", R"({"cart_id":"CART-3001","discount_code":"SAVE10"})");
        row("discount unknown", "apply_discount", R"({"cart_id":"CART-3001","discount_code":"NOPE99"})");
        row("link", "send_checkout_link", R"({"cart_id":"CART-3001","phone_number":"+919876543210"})");
        row("reason", "record_cart_abandonment_reason", R"({"cart_id":"CART-3001","reason":"price_too_high"})");
        row("confirm", "confirm_cod_order", R"({"order_id":"ORD-500001","confirmed":true})");
        row("cancel", "cancel_order", R"({"order_id":"ORD-500001","reason":"changed_mind"})");
        row("reschedule", "reschedule_delivery", R"({"order_id":"ORD-500001","new_date":"2026-11-28"})");
        row("verify", "verify_caller", R"({"order_id":"ORD-500002","pin_code":"111111"})");
        row("transfer", "transfer_to_human", R"({"reason":"complaint","summary":"x"})");
    }
    void messages()
    {
        QFETCH(QString, tool);
        QFETCH(QString, arguments);
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json hindi = h.call(tool, arguments, QStringLiteral("hi-IN"));
        const QString message = stringAt(hindi, "message");
        QVERIFY2(!message.isEmpty(), qPrintable(qs(hindi.dump())));
        QVERIFY2(!soundsEnglish(message), qPrintable(message));
        // The same call in English really is English, so the check above can fail.
        ToolHarness e;
        const QString english = stringAt(e.call(tool, arguments, QStringLiteral("en-US")), "message");
        QVERIFY2(english != message, qPrintable(english));
    }
};

QTEST_GUILESS_MAIN(TestHindiTools)
#include "tst_hinditools.moc"
