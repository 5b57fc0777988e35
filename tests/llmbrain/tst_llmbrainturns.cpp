// LlmBrain conversations against a loopback OpenAI-compatible server: the function-call loop
// through the real registry and store, the guards on tool calls, hand-over and hang-up tools,
// operator whispers, barge-in and what is (and is not) spoken.
#include "llmscripts.h"
#include "recordingcontext.h"

#include <QTest>

using namespace ringside;
using namespace ringside::testing;

namespace {

// The tool message answering `callId` in a request, its content parsed.
json toolContentFor(const json &messages, const QString &callId)
{
    for (const json &m : messages) {
        if (m.value("role", "") == "tool" && stringAt(m, "tool_call_id") == callId)
            return json::parse(m.value("content", "null"));
    }
    return nullptr;
}

int countSystemMessagesContaining(const json &messages, const QString &needle)
{
    int n = 0;
    for (const json &m : messages)
        n += m.value("role", "") == "system" && stringAt(m, "content").contains(needle) ? 1 : 0;
    return n;
}

} // namespace

class TestLlmBrainTurns : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        server = std::make_unique<FakeHttpServer>();
        QVERIFY(server->listen());
        store = std::make_unique<FixtureStore>();
        QVERIFY2(store->ok(), qPrintable(store->error()));
    }
    void cleanup() { brain.reset(); }

    void wismoTurnLooksTheOrderUpAndAnswers()
    {
        server->enqueue(oaCall(QStringLiteral("get_order_status"), {{"order_id", "ORD-482913"}}));
        server->enqueue(oaText({QStringLiteral("Your order O R D 4 8 2 9 1 3 shipped on "),
                                QStringLiteral("Tuesday via Blue Dart. It should "), QStringLiteral("arrive tomorrow.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->begin(ctx);
        brain->respond(QStringLiteral("Where is my order ORD-482913?"), ctx);
        QVERIFY(ctx.waitForTurns(1));

        // The tool ran against the store, and its result is what the model saw next.
        QCOMPARE(ctx.toolCalls.size(), 1);
        QCOMPARE(ctx.toolCalls[0].name, QStringLiteral("get_order_status"));
        QCOMPARE(stringAt(ctx.toolCalls[0].result, "status"), QStringLiteral("shipped"));
        QCOMPARE(stringAt(ctx.toolCalls[0].result, "tracking_number"), QStringLiteral("81234567890"));
        QCOMPARE(server->requests().size(), 2);
        const json second = sentMessages(*server, 1);
        QVERIFY(toolContentFor(second, QStringLiteral("call_1")) == ctx.toolCalls[0].result);
        const json asked = second[second.size() - 2];
        QCOMPARE(stringAt(asked, "role"), QStringLiteral("assistant"));
        QCOMPARE(stringAt(asked["tool_calls"][0]["function"], "name"), QStringLiteral("get_order_status"));

        // Spoken a sentence at a time, after the tool ran; one turn, nothing else.
        QCOMPARE(ctx.said, (QStringList{QStringLiteral("Your order O R D 4 8 2 9 1 3 shipped on Tuesday via Blue Dart."),
                                        QStringLiteral("It should arrive tomorrow.")}));
        QCOMPARE(ctx.typeSequence(), QStringLiteral("tool_call tool_result outcome agent agent finish"));
        QCOMPARE(ctx.outcomes, QStringList{QStringLiteral("resolved")});
        QVERIFY(!brain->turnInProgress());

        // The first request: rendered prompt with house rules and greeting, the agent's tools, the words.
        const json first = server->requests().at(0).json();
        QCOMPARE(server->requests().at(0).path(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(stringAt(first, "model"), QStringLiteral("qwen2.5:7b"));
        QCOMPARE(stringAt(first, "tool_choice"), QStringLiteral("auto"));
        const QString system = stringAt(first["messages"][0], "content");
        QVERIFY2(system.contains(QStringLiteral("customers of Kiran Stores track")), qPrintable(system));
        QVERIFY2(system.contains(QStringLiteral("ORD followed by six digits")), qPrintable(system));
        QVERIFY(system.contains(QStringLiteral("under three sentences")));
        QVERIFY(system.contains(QStringLiteral("Thanks for calling Kiran Stores. What's your order number?")));
        QVERIFY(!system.contains(QStringLiteral("{{")));
        QStringList toolNames;
        for (const json &t : first["tools"])
            toolNames << stringAt(t["function"], "name");
        QCOMPARE(toolNames, trackerAgent().tools);
        QCOMPARE(stringAt(first["messages"].back(), "content"), QStringLiteral("Where is my order ORD-482913?"));
    }

    void firstSentenceIsSpokenBeforeTheStreamEnds()
    {
        server->enqueue(oaText({QStringLiteral("Let me see. "), QStringLiteral("Your order is on its way.")}, 250));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.said, (QStringList{QStringLiteral("Let me see."), QStringLiteral("Your order is on its way.")}));
        // Chunks are 250 ms apart and three follow the first sentence: it must not wait for them.
        QVERIFY2(ctx.timeOf(QStringLiteral("finish")) - ctx.timeOf(QStringLiteral("agent")) >= 400,
                 qPrintable(ctx.typeSequence()));
    }

    void roundCapAsksForWordsOnly()
    {
        LlmBrainOptions options = quickOptions();
        options.maxToolRoundsPerTurn = 2;
        server->enqueue(oaCall(QStringLiteral("get_order_status"), {{"order_id", "ORD-482913"}}));
        server->enqueue(oaCall(QStringLiteral("get_order_status"), {{"order_id", "ORD-500001"}}));
        server->enqueue(oaText({QStringLiteral("One order shipped and one is being prepared.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        brain->respond(QStringLiteral("What about both my orders?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(server->requests().size(), 3);
        QCOMPARE(stringAt(server->requests().at(0).json(), "tool_choice"), QStringLiteral("auto"));
        QCOMPARE(stringAt(server->requests().at(1).json(), "tool_choice"), QStringLiteral("auto"));
        QCOMPARE(stringAt(server->requests().at(2).json(), "tool_choice"), QStringLiteral("none"));
        QCOMPARE(server->requests().at(2).json()["tools"].size(), size_t(4));
        QCOMPARE(ctx.toolCalls.size(), 2);
        QCOMPARE(ctx.said, QStringList{QStringLiteral("One order shipped and one is being prepared.")});
    }

    void callsAfterTheCapAreNotRunAndTheCallerStillHearsSomething()
    {
        LlmBrainOptions options = quickOptions();
        options.maxToolRoundsPerTurn = 1;
        server->enqueue(oaCall(QStringLiteral("get_order_status"), {{"order_id", "ORD-482913"}}));
        // Told to answer in words, the model calls a tool anyway.
        server->enqueue(oaCall(QStringLiteral("get_tracking_details"), {{"tracking_number", "81234567890"},
                                                                        {"carrier", "bluedart"}}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server, trackerAgent(), options);
        brain->respond(QStringLiteral("Where is it exactly?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(server->requests().size(), 2);
        QCOMPARE(ctx.toolCalls.size(), 1);
        QCOMPARE(ctx.said, QStringList{BrainLines::forLanguage(QStringLiteral("en-US")).fallback});
        // The unanswered call is not in the history: the next request would otherwise be refused.
        const LlmMessage &last = brain->history().messages().back();
        QCOMPARE(last.role, LlmRole::Assistant);
        QVERIFY(last.toolCalls.empty());
        QCOMPARE(last.text, BrainLines::forLanguage(QStringLiteral("en-US")).fallback);
    }

    void identicalCallRunsOnceAndTheModelIsTold()
    {
        server->enqueue(oaCalls({{QStringLiteral("get_tracking_details"),
                                  QStringLiteral(R"({"tracking_number":"81234567890","carrier":"bluedart"})"),
                                  QStringLiteral("call_a")}}));
        server->enqueue(oaCalls({{QStringLiteral("get_tracking_details"),
                                  QStringLiteral(R"({ "carrier": "bluedart", "tracking_number": "81234567890" })"),
                                  QStringLiteral("call_b")}}));
        server->enqueue(oaText({QStringLiteral("It was picked up in Mumbai.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is the parcel now?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.toolCalls.size(), 1);
        QCOMPARE(server->requests().size(), 3);
        const json messages = sentMessages(*server, 2);
        QVERIFY(toolContentFor(messages, QStringLiteral("call_a")) == ctx.toolCalls[0].result);
        const json refusal = toolContentFor(messages, QStringLiteral("call_b"));
        QCOMPARE(stringAt(refusal["error"], "code"), QStringLiteral("repeated_call"));
        QCOMPARE(ctx.said, QStringList{QStringLiteral("It was picked up in Mumbai.")});

        // A new turn may run the same call again.
        server->enqueue(oaCalls({{QStringLiteral("get_tracking_details"),
                                  QStringLiteral(R"({"tracking_number":"81234567890","carrier":"bluedart"})")}}));
        server->enqueue(oaText({QStringLiteral("Still in Mumbai.")}));
        brain->respond(QStringLiteral("And now?"), ctx);
        QVERIFY(ctx.waitForTurns(2));
        QCOMPARE(ctx.toolCalls.size(), 2);
    }

    void unreadableArgumentsGoBackAndTheModelCorrects()
    {
        server->enqueue(oaCalls({{QStringLiteral("get_order_status"), QStringLiteral("{\"order_id\": \"ORD-482913\"")}}));
        server->enqueue(oaCall(QStringLiteral("get_order_status"), {{"order_id", "ORD-482913"}}));
        server->enqueue(oaText({QStringLiteral("It shipped on Tuesday.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Order 482913 please"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.toolCalls.size(), 1); // only the corrected call reached the registry
        QCOMPARE(stringAt(ctx.toolCalls[0].result, "status"), QStringLiteral("shipped"));
        const json error = toolContentFor(sentMessages(*server, 1), QStringLiteral("call_1"));
        QCOMPARE(stringAt(error["error"], "code"), QStringLiteral("invalid_arguments"));
        QVERIFY2(stringAt(error["error"], "message").contains(QStringLiteral("not a JSON object")), error.dump().c_str());
        // The model's own broken text is echoed back as it wrote it.
        const json asked = sentMessages(*server, 1)[2];
        QCOMPARE(stringAt(asked["tool_calls"][0]["function"], "arguments"), QStringLiteral("{\"order_id\": \"ORD-482913\""));
        QCOMPARE(ctx.said, QStringList{QStringLiteral("It shipped on Tuesday.")});
    }

    void registryValidationErrorsReachTheModel()
    {
        // Valid JSON of the wrong type: the registry's validator answers, not the brain.
        server->enqueue(oaCall(QStringLiteral("get_tracking_details"), {{"tracking_number", "81234567890"},
                                                                        {"carrier", "royal_mail"}}));
        server->enqueue(oaText({QStringLiteral("Which courier was it?")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Track 81234567890"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.toolCalls.size(), 1);
        const json sent = toolContentFor(sentMessages(*server, 1), QStringLiteral("call_1"));
        QVERIFY(sent == ctx.toolCalls[0].result);
        QCOMPARE(stringAt(sent["error"], "field"), QStringLiteral("carrier"));
    }

    void toolsOutsideTheAgentAreRefused()
    {
        server->enqueue(oaCall(QStringLiteral("cancel_order"), {{"order_id", "ORD-500001"}, {"reason", "changed_mind"}}));
        server->enqueue(oaText({QStringLiteral("I can't cancel orders on this line.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Cancel ORD-500001"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QVERIFY(ctx.toolCalls.isEmpty());
        const json error = toolContentFor(sentMessages(*server, 1), QStringLiteral("call_1"));
        QCOMPARE(stringAt(error["error"], "code"), QStringLiteral("unknown_tool"));
        // The order is untouched in the store.
        ToolContext tc;
        tc.now = brainTestNow();
        const json status = store->registry().call(QStringLiteral("get_order_status"), {{"order_id", "ORD-500001"}}, tc);
        QCOMPARE(stringAt(status, "status"), QStringLiteral("processing"));
    }

    void transferToHumanEscalatesWithTheModelsSummary()
    {
        const json args = {{"reason", "delivered_not_received"},
                           {"summary", "ORD-482913 marked delivered, caller has not received it"}};
        server->enqueue(oaCall(QStringLiteral("transfer_to_human"), args));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("It says delivered but I never got it"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.escalations.size(), 1);
        QCOMPARE(ctx.escalations[0].first, QStringLiteral("delivered_not_received"));
        QCOMPARE(ctx.escalations[0].second, QStringLiteral("ORD-482913 marked delivered, caller has not received it"));
        // The caller hears the tool's hand-over line; no further request is made.
        QCOMPARE(ctx.said, QStringList{stringAt(ctx.toolCalls[0].result, "message")});
        QVERIFY(!ctx.said[0].isEmpty());
        QCOMPARE(server->requests().size(), 1);
        QCOMPARE(ctx.typeSequence(), QStringLiteral("tool_call tool_result agent escalation finish"));
    }

    void endCallSaysGoodbyeAndEnds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedLine");
        QTest::addRow("model says goodbye") << QStringLiteral("Thanks for calling Kiran Stores. Goodbye!")
                                            << QStringLiteral("Thanks for calling Kiran Stores.");
        QTest::addRow("model says nothing") << QString() << BrainLines::forLanguage(QStringLiteral("en")).goodbye;
    }
    void endCallSaysGoodbyeAndEnds()
    {
        QFETCH(QString, text);
        QFETCH(QString, expectedLine);
        server->enqueue(oaCall(QStringLiteral("end_call"), {{"reason", "customer_goodbye"}}, text));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("That's all, bye"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.endedWith, QStringList{QStringLiteral("resolved")}); // the record's word for a goodbye
        QVERIFY(!ctx.said.isEmpty());
        QCOMPARE(ctx.said[0], expectedLine);
        QCOMPARE(server->requests().size(), 1);
        QVERIFY(ctx.typeSequence().endsWith(QStringLiteral("end finish")));
        QVERIFY(ctx.escalations.isEmpty());
    }

    void codConfirmationSetsOutcomeAndRevenueFromTheStore()
    {
        Agent agent = trackerAgent(QStringLiteral("hi-IN"));
        agent.tools = {QStringLiteral("get_order_status"), QStringLiteral("confirm_cod_order"),
                       QStringLiteral("cancel_order"), QStringLiteral("end_call")};
        server->enqueue(oaCall(QStringLiteral("confirm_cod_order"), {{"order_id", "ORD-500001"}, {"confirmed", true}}));
        server->enqueue(oaText({QStringLiteral("Bahut dhanyavaad! Aapka order confirm ho gaya hai.")}));
        server->enqueue(oaCall(QStringLiteral("end_call"), {{"reason", "customer_goodbye"}},
                               QStringLiteral("Kiran Stores se shopping ke liye shukriya!")));
        RecordingContext ctx(store->registry(), QStringLiteral("hi-IN"));
        brain = openAiBrain(*server, agent);
        brain->respond(QStringLiteral("Haan ji, confirm hai"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(stringAt(ctx.toolCalls[0].result, "cod_confirmation"), QStringLiteral("confirmed"));
        QCOMPARE(ctx.outcomes, QStringList{QStringLiteral("confirmed")});
        QCOMPARE(ctx.revenue.first, qint64(149900)); // 1,499 rupees due on delivery, in paise
        QCOMPARE(ctx.revenue.second, QStringLiteral("INR"));
        brain->respond(QStringLiteral("Bas, dhanyavaad"), ctx);
        QVERIFY(ctx.waitForTurns(2));
        QCOMPARE(ctx.endedWith, QStringList{QStringLiteral("confirmed")}); // not overwritten by the goodbye
    }

    void whispersGuideTheNextRequestAndAreNeverSpoken()
    {
        const QString whisper = QStringLiteral("Offer SMS tracking updates");
        server->enqueue(oaText({QStringLiteral("Would you like tracking updates by SMS?")}));
        server->enqueue(oaText({QStringLiteral("Done.")}));
        RecordingContext ctx(store->registry());
        ctx.whispers = {whisper};
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Okay thanks"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        const json first = sentMessages(*server, 0);
        QCOMPARE(countSystemMessagesContaining(first, whisper), 1);
        QVERIFY(stringAt(first.back(), "content") == QStringLiteral("Okay thanks")); // not mixed into the words
        for (const QString &line : ctx.said)
            QVERIFY2(!line.contains(whisper), qPrintable(line));
        QVERIFY(ctx.whispers.isEmpty());

        brain->respond(QStringLiteral("Yes please"), ctx);
        QVERIFY(ctx.waitForTurns(2));
        QCOMPARE(countSystemMessagesContaining(sentMessages(*server, 1), whisper), 1); // kept, not repeated
    }

    void bargeInCutsTheReplyToWhatWasHeard()
    {
        server->enqueue(oaText({QStringLiteral("Your order shipped on Tuesday via Blue Dart. It should arrive "
                                               "tomorrow by evening.")}));
        server->enqueue(oaText({QStringLiteral("It is with Blue Dart.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        brain->agentInterrupted(QStringLiteral("your order shipped on tuesday"));
        brain->respond(QStringLiteral("Sorry, which courier?"), ctx);
        QVERIFY(ctx.waitForTurns(2));
        const json sent = sentMessages(*server, 1);
        const json reply = sent[2];
        QCOMPARE(stringAt(reply, "role"), QStringLiteral("assistant"));
        QCOMPARE(stringAt(reply, "content"), QStringLiteral("Your order shipped on Tuesday"));
        QCOMPARE(countSystemMessagesContaining(sent, QStringLiteral("heard only: \"your order shipped on tuesday\"")), 1);
        QCOMPARE(stringAt(sent.back(), "content"), QStringLiteral("Sorry, which courier?"));
    }

    void bargeInDuringAStreamClosesTheTurn()
    {
        server->enqueue(oaText({QStringLiteral("Your order shipped on Tuesday. "), QStringLiteral("It arrives "),
                                QStringLiteral("tomorrow. "), QStringLiteral("Anything else?")}, 300));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Where is my order?"), ctx);
        QVERIFY(QTest::qWaitFor([&] { return !ctx.said.isEmpty(); }, 5000));
        brain->agentInterrupted(QStringLiteral("Your order shipped"));
        QCOMPARE(ctx.finishedTurns, 1); // the interrupted turn is closed at once
        QVERIFY(!brain->turnInProgress());
        QVERIFY(server->waitForClientCloses(1));
        QTest::qWait(400);
        QCOMPARE(ctx.said, QStringList{QStringLiteral("Your order shipped on Tuesday.")});
        const auto &history = brain->history().messages();
        QCOMPARE(history[history.size() - 2].text, QStringLiteral("Your order shipped"));
        QCOMPARE(history.back().role, LlmRole::System);
    }

    void markdownAndStructuredTextAreNotSpoken()
    {
        server->enqueue(oaText({QStringLiteral("**Good news!** Your order has *shipped*.\n- Carrier: Blue Dart\n"),
                                QStringLiteral(R"({"order_id": "ORD-482913", "note": "Call ended. Bye"})")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Status?"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.said, (QStringList{QStringLiteral("Good news!"), QStringLiteral("Your order has shipped."),
                                        QStringLiteral("Carrier: Blue Dart")}));
        // The history holds what the caller heard, not the JSON.
        QCOMPARE(brain->history().messages().back().text,
                 QStringLiteral("Good news! Your order has shipped. Carrier: Blue Dart"));
    }

    void longRepliesStopAtTheSentenceCap()
    {
        server->enqueue(oaText({QStringLiteral("One. Two! Three? Four. Five.")}));
        RecordingContext ctx(store->registry());
        brain = openAiBrain(*server);
        brain->respond(QStringLiteral("Tell me everything"), ctx);
        QVERIFY(ctx.waitForTurns(1));
        QCOMPARE(ctx.said, (QStringList{QStringLiteral("One."), QStringLiteral("Two!"), QStringLiteral("Three?")}));
        QCOMPARE(brain->history().messages().back().text, QStringLiteral("One. Two! Three?"));
    }

private:
    std::unique_ptr<FakeHttpServer> server;
    std::unique_ptr<FixtureStore> store;
    std::unique_ptr<LlmBrain> brain;
};

QTEST_GUILESS_MAIN(TestLlmBrainTurns)
#include "tst_llmbrainturns.moc"
