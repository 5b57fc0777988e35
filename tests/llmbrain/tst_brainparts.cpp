// The LLM brain's smaller parts: the tool-call guard, the history kept true to what was heard,
// the operator's summary line, outcomes from tool results, the system prompt and the stock lines.
#include "engine/llmbrain/brainlines.h"
#include "engine/llmbrain/brainprompt.h"
#include "engine/llmbrain/callsummary.h"
#include "engine/llmbrain/calloutcome.h"
#include "engine/llmbrain/conversationhistory.h"
#include "engine/llmbrain/toolcallguard.h"

#include <QTest>

using namespace ringside;

namespace {

LlmToolCall makeCall(const QString &id, const QString &name, const QString &raw)
{
    LlmToolCall c;
    c.id = id;
    c.name = name;
    parseToolArguments(raw, &c);
    c.rawArguments = raw;
    return c;
}

} // namespace

class TestBrainParts : public QObject
{
    Q_OBJECT
private slots:
    void guardVerdicts()
    {
        ToolCallGuard guard({QStringLiteral("get_order_status"), QStringLiteral("end_call")});
        guard.beginTurn();
        const LlmToolCall a = makeCall(QStringLiteral("1"), QStringLiteral("get_order_status"),
                                       QStringLiteral(R"({"order_id":"ORD-1","phone_number":"98"})"));
        const LlmToolCall sameReordered = makeCall(QStringLiteral("2"), QStringLiteral("get_order_status"),
                                                   QStringLiteral(R"({ "phone_number": "98", "order_id": "ORD-1" })"));
        const LlmToolCall other = makeCall(QStringLiteral("3"), QStringLiteral("get_order_status"),
                                           QStringLiteral(R"({"order_id":"ORD-2"})"));
        const LlmToolCall broken = makeCall(QStringLiteral("4"), QStringLiteral("get_order_status"),
                                            QStringLiteral("{\"order_id\":"));
        const LlmToolCall foreign = makeCall(QStringLiteral("5"), QStringLiteral("cancel_order"), QStringLiteral("{}"));

        QCOMPARE(guard.check(a), ToolCallGuard::Verdict::Run);
        guard.noteRan(a);
        QCOMPARE(guard.check(sameReordered), ToolCallGuard::Verdict::Repeated);
        QCOMPARE(guard.check(other), ToolCallGuard::Verdict::Run);
        QCOMPARE(guard.check(broken), ToolCallGuard::Verdict::InvalidArguments);
        QCOMPARE(guard.check(foreign), ToolCallGuard::Verdict::NotAllowed);
        guard.beginTurn();
        QCOMPARE(guard.check(sameReordered), ToolCallGuard::Verdict::Run);

        const json refusal = guard.refusal(ToolCallGuard::Verdict::InvalidArguments, broken);
        QCOMPARE(stringAt(refusal["error"], "code"), QStringLiteral("invalid_arguments"));
        QVERIFY(stringAt(refusal["error"], "message").contains(broken.argumentsError));
        const json notAllowed = guard.refusal(ToolCallGuard::Verdict::NotAllowed, foreign);
        QVERIFY(stringAt(notAllowed["error"], "message").contains(QStringLiteral("get_order_status, end_call")));
        QCOMPARE(stringAt(guard.refusal(ToolCallGuard::Verdict::Repeated, a)["error"], "code"),
                 QStringLiteral("repeated_call"));
    }

    void historyMergesUnansweredUserWords()
    {
        ConversationHistory h;
        h.addUser(QStringLiteral("Where is my order"));
        h.addNote(QStringLiteral("note"));
        h.addUser(QStringLiteral("ORD-482913"));
        QCOMPARE(h.messages().size(), size_t(2));
        QCOMPARE(h.messages()[0].text, QStringLiteral("Where is my order\nORD-482913"));
        QCOMPARE(h.userTurns(), 2);
        QCOMPARE(h.firstUserText(), QStringLiteral("Where is my order"));
        QCOMPARE(h.lastUserText(), QStringLiteral("ORD-482913"));
        h.addSpokenLine(QStringLiteral("Let me check."));
        h.addUser(QStringLiteral("Thanks"));
        QCOMPARE(h.messages().size(), size_t(4));
    }

    void historyKeepsWhatWasSpoken()
    {
        ConversationHistory h;
        h.addUser(QStringLiteral("Status?"));
        LlmMessage reply = LlmMessage::assistant(QStringLiteral("**Shipped.** Arrives Friday."));
        reply.providerData = {{"gemini", {{"content", {{"role", "model"}}}}}};
        h.addReply(reply, QStringLiteral("Shipped. Arrives Friday."));
        QCOMPARE(h.messages().back().text, QStringLiteral("**Shipped.** Arrives Friday.")); // same words: untouched
        QVERIFY(!h.messages().back().providerData.is_null());

        h.addReply(reply, QStringLiteral("Shipped."));
        QCOMPARE(h.messages().back().text, QStringLiteral("Shipped."));
        QVERIFY(h.messages().back().providerData.is_null());

        // A reply with calls keeps the model's content (signatures) whatever was spoken.
        LlmMessage withCall = reply;
        withCall.toolCalls = {makeCall(QStringLiteral("c1"), QStringLiteral("end_call"), QStringLiteral("{}"))};
        h.addReply(withCall, QString());
        QCOMPARE(h.messages().back().text, reply.text);
        QVERIFY(!h.messages().back().providerData.is_null());
    }

    void bargeInCutsAcrossTheTurnsReplies()
    {
        ConversationHistory h;
        h.addUser(QStringLiteral("Old question"));
        h.addSpokenLine(QStringLiteral("Old answer."));
        h.addUser(QStringLiteral("Where is my order?"));
        LlmMessage asked = LlmMessage::assistant(QStringLiteral("Let me check."));
        asked.toolCalls = {makeCall(QStringLiteral("c1"), QStringLiteral("get_order_status"),
                                    QStringLiteral(R"({"order_id":"ORD-1"})"))};
        asked.providerData = {{"gemini", "x"}};
        h.addReply(asked, QStringLiteral("Let me check."));
        h.addToolResult(asked.toolCalls[0], {{"status", "shipped"}});
        h.addSpokenLine(QStringLiteral("It shipped on Tuesday. It arrives Friday."));

        QVERIFY(h.cutLastReplyTo(QStringLiteral("let me check it shipped")));
        const auto &m = h.messages();
        QCOMPARE(m[1].text, QStringLiteral("Old answer.")); // an earlier turn is never touched
        QCOMPARE(m[3].text, QStringLiteral("Let me check."));
        QVERIFY(!m[3].providerData.is_null()); // fully heard: unchanged
        QCOMPARE(m.back().text, QStringLiteral("It shipped"));

        // Heard nothing: a text-only reply disappears, a reply with calls keeps its calls.
        QVERIFY(h.cutLastReplyTo(QString()));
        QCOMPARE(h.messages().back().role, LlmRole::Tool);
        QCOMPARE(h.messages()[3].text, QString());
        QCOMPARE(h.messages()[3].toolCalls.size(), size_t(1));
        QVERIFY(h.messages()[3].providerData.is_null());

        ConversationHistory fresh;
        QVERIFY(!fresh.cutLastReplyTo(QStringLiteral("Hello")));
    }

    void operatorSummary()
    {
        ConversationHistory h;
        h.addUser(QStringLiteral("Where is order ORD-482913?"));
        LlmMessage asked = LlmMessage::assistant(QString());
        asked.toolCalls = {makeCall(QStringLiteral("c1"), QStringLiteral("get_order_status"),
                                    QStringLiteral(R"({"order_id":"ORD-482913"})")),
                           makeCall(QStringLiteral("c2"), QStringLiteral("get_order_status"),
                                    QStringLiteral(R"({"order_id":"ORD-999999"})"))};
        h.addReply(asked, QString());
        h.addToolResult(asked.toolCalls[0], {{"found", true}, {"status", "delayed"}});
        h.addToolResult(asked.toolCalls[1], {{"found", false}});
        h.addUser(QStringLiteral("Hello?"));
        const QString line = summarizeForOperator(h.messages(), QStringLiteral("HTTP 503; 2 failed turns in a row"));
        QVERIFY2(line.contains(QStringLiteral("HTTP 503")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("\"Where is order ORD-482913?\"")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("latest: \"Hello?\"")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("get_order_status(order_id=ORD-482913) \u2192 delayed")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("(order_id=ORD-999999) \u2192 not found")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("2 caller turn(s)")), qPrintable(line));
        QVERIFY(!line.contains(QLatin1Char('\n')));

        // Long calls still give one bounded line that starts with the problem.
        ConversationHistory longCall;
        longCall.addUser(QString(500, QLatin1Char('a')));
        const QString bounded = summarizeForOperator(longCall.messages(), QStringLiteral("timeout"), 120);
        QVERIFY2(bounded.size() <= 120, qPrintable(bounded));
        QVERIFY(bounded.startsWith(QStringLiteral("AI agent unavailable (timeout)")));

        QCOMPARE(summarizeForOperator({}, QStringLiteral("timeout")),
                 QStringLiteral("AI agent unavailable (timeout). The caller has not spoken yet. 0 caller turn(s)."));
    }

    void outcomesFollowTheTools()
    {
        CallOutcome o;
        QCOMPARE(o.endOutcome(QStringLiteral("customer_goodbye")), QStringLiteral("resolved"));
        QCOMPARE(o.endOutcome(QStringLiteral("wrong_number")), QStringLiteral("failed"));
        QVERIFY(!o.noteTool(QStringLiteral("get_order_status"), json::object(), {{"found", false}}).any());
        QCOMPARE(o.noteTool(QStringLiteral("get_order_status"), json::object(), {{"found", true}}).outcome.value_or(QString()),
                 QStringLiteral("resolved"));
        QCOMPARE(o.endOutcome(QStringLiteral("not_interested")), QStringLiteral("not_interested"));
        // Refusals and errors change nothing.
        QVERIFY(!o.noteTool(QStringLiteral("cancel_order"), json::object(),
                            {{"success", false}, {"reason", "already_shipped"}}).any());
        QVERIFY(!o.noteTool(QStringLiteral("cancel_order"), json::object(),
                            {{"error", {{"code", "missing_argument"}}}}).any());
        const auto confirmed = o.noteTool(QStringLiteral("confirm_cod_order"), {{"confirmed", true}},
                                          {{"success", true}, {"amount_due", 1499.5}, {"currency", "INR"}});
        QCOMPARE(confirmed.outcome.value_or(QString()), QStringLiteral("confirmed"));
        QCOMPARE(confirmed.revenue->minor, qint64(149950));
        // A later lookup does not weaken it; the model's goodbye does not replace it.
        QVERIFY(!o.noteTool(QStringLiteral("get_order_status"), json::object(), {{"found", true}}).any());
        QCOMPARE(o.endOutcome(QStringLiteral("customer_goodbye")), QStringLiteral("confirmed"));
        QCOMPARE(o.noteTool(QStringLiteral("cancel_order"), json::object(), {{"success", true}}).outcome.value_or(QString()),
                 QStringLiteral("cancelled"));

        CallOutcome cart;
        cart.noteTool(QStringLiteral("get_abandoned_cart"), json::object(), {{"found", true}, {"total", 3798}, {"currency", "INR"}});
        cart.noteTool(QStringLiteral("apply_discount"), json::object(), {{"success", true}, {"new_total", 3418.2}, {"currency", "INR"}});
        const auto sent = cart.noteTool(QStringLiteral("send_checkout_link"), json::object(), {{"success", true}});
        QCOMPARE(sent.outcome.value_or(QString()), QStringLiteral("recovered"));
        QCOMPARE(sent.revenue->minor, qint64(341820));
        QVERIFY(!cart.noteTool(QStringLiteral("record_cart_abandonment_reason"), json::object(), {{"success", true}}).any());
        QCOMPARE(cart.endOutcome(QStringLiteral("not_interested")), QStringLiteral("recovered"));
    }

    void failureDescriptions()
    {
        QCOMPARE(describeFailure(LlmError::make(LlmError::Http5xx, {}, 503)), QStringLiteral("HTTP 503"));
        QCOMPARE(describeFailure(LlmError::make(LlmError::Timeout, {})), QStringLiteral("timeout"));
        QCOMPARE(describeFailure(LlmError::make(LlmError::Malformed, {})), QStringLiteral("malformed output"));
    }

    void systemPrompt()
    {
        const QHash<QString, QString> vars = {{QStringLiteral("storeName"), QStringLiteral("Kiran Stores")}};
        const VariableLookup lookup = [&vars](const QString &n) { return vars.value(n); };
        QCOMPARE(renderWithVariables(QStringLiteral("Welcome to {{storeName}}, {{customerName}}!"), lookup),
                 QStringLiteral("Welcome to Kiran Stores!"));

        const QString withTools = buildSystemPrompt(QStringLiteral("You track orders."),
                                                    {QStringLiteral("get_order_status"), QStringLiteral("transfer_to_human"),
                                                     QStringLiteral("end_call")},
                                                    QStringLiteral("Hello from Kiran Stores!"));
        QVERIFY(withTools.startsWith(QStringLiteral("You track orders.")));
        QVERIFY(withTools.contains(QStringLiteral("transfer_to_human")));
        QVERIFY(withTools.contains(QStringLiteral("end_call")));
        QVERIFY(withTools.contains(QStringLiteral("\"Hello from Kiran Stores!\" Do not greet")));

        const QString bare = buildSystemPrompt(QStringLiteral("You chat."), {QStringLiteral("get_order_status")}, QString());
        QVERIFY(!bare.contains(QStringLiteral("transfer_to_human")));
        QVERIFY(!bare.contains(QStringLiteral("end_call")));
        QVERIFY(!bare.contains(QStringLiteral("opened the call")));
        QVERIFY(bare.contains(QStringLiteral("under three sentences")));
    }

    void linesFollowTheLanguage()
    {
        QCOMPARE(BrainLines::forLanguage(QStringLiteral("hi-IN")).holding, QStringLiteral("Ek pal rukiye, main dekh rahi hoon."));
        QCOMPARE(BrainLines::forLanguage(QStringLiteral("hi")).holding, BrainLines::forLanguage(QStringLiteral("hi-IN")).holding);
        QCOMPARE(BrainLines::forLanguage(QStringLiteral("en-US")).holding, QStringLiteral("One moment while I check that."));
        QCOMPARE(BrainLines::forLanguage(QStringLiteral("ta-IN")).holding, BrainLines::forLanguage(QStringLiteral("en-IN")).holding);
    }
};

QTEST_GUILESS_MAIN(TestBrainParts)
#include "tst_brainparts.moc"
