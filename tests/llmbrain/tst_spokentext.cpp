// What a caller hears of a model's text: markdown and structured text removed, the sentence cap,
// no repeats after a retry, and how much of a reply was heard. Where sentences end: tst_sentences.
#include "engine/llmbrain/replyspeaker.h"
#include "engine/llmbrain/spokentext.h"

#include <QTest>

using namespace ringside;

class TestSpokenText : public QObject
{
    Q_OBJECT
private slots:
    void markdown_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("spoken");
        QTest::addRow("bold and italics") << QStringLiteral("**Good** news, it _really_ shipped.")
                                          << QStringLiteral("Good news, it really shipped.");
        QTest::addRow("bullet") << QStringLiteral("- Carrier: Blue Dart") << QStringLiteral("Carrier: Blue Dart");
        QTest::addRow("numbered") << QStringLiteral("2) Pick-up tomorrow") << QStringLiteral("Pick-up tomorrow");
        QTest::addRow("heading") << QStringLiteral("## Status") << QStringLiteral("Status");
        QTest::addRow("link") << QStringLiteral("Pay at [the checkout](https://shop.example/c/1).")
                              << QStringLiteral("Pay at the checkout.");
        QTest::addRow("inline code") << QStringLiteral("Use code `SAVE10` today.") << QStringLiteral("Use code SAVE10 today.");
        QTest::addRow("plain ids kept") << QStringLiteral("Order O R D 4 8 2 9 1 3 shipped.")
                                        << QStringLiteral("Order O R D 4 8 2 9 1 3 shipped.");
    }
    void markdown()
    {
        QFETCH(QString, text);
        QFETCH(QString, spoken);
        QCOMPARE(stripMarkdown(text), spoken);
    }

    void machineText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("machine");
        QTest::addRow("json") << QStringLiteral(R"({"order_id": "ORD-1"})") << true;
        QTest::addRow("tag") << QStringLiteral("<tool_call>") << true;
        QTest::addRow("tool name") << QStringLiteral("I will call get_order_status now.") << true;
        QTest::addRow("placeholder") << QStringLiteral("It ships on [date].") << true;
        QTest::addRow("prose") << QStringLiteral("Your order O R D 4 8 2 9 1 3 ships on Friday, 27 November.") << false;
        QTest::addRow("hindi") << QStringLiteral("Aapka order kal tak pahunch jayega.") << false;
    }
    void machineText()
    {
        QFETCH(QString, text);
        QFETCH(bool, machine);
        QCOMPARE(looksLikeMachineText(text), machine);
    }

    void machineBlocksRemoved()
    {
        QCOMPARE(removeMachineBlocks(QStringLiteral("Sure. {\"a\": {\"b\": \"} tricky\"}} Done.")).simplified(),
                 QStringLiteral("Sure. Done."));
        QCOMPARE(removeMachineBlocks(QStringLiteral("Ok. <tool_call>{\"name\":\"x\"}</tool_call> Bye.")).simplified(),
                 QStringLiteral("Ok. Bye."));
        QCOMPARE(removeMachineBlocks(QStringLiteral("Ok. ```json\n{}\n``` Bye.")).simplified(), QStringLiteral("Ok. Bye."));
        QCOMPARE(removeMachineBlocks(QStringLiteral("Hi. [\"unclosed")).simplified(), QStringLiteral("Hi."));
    }

    void heardPrefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("heard");
        QTest::addColumn<QString>("kept");
        const QString reply = QStringLiteral("Your order shipped on Tuesday via Blue Dart. It arrives tomorrow.");
        QTest::addRow("prefix") << reply << QStringLiteral("your order shipped on tuesday") << QStringLiteral("Your order shipped on Tuesday");
        QTest::addRow("everything") << reply << reply << reply;
        QTest::addRow("nothing") << reply << QString() << QString();
        QTest::addRow("a word missed by the recogniser") << reply << QStringLiteral("Your order on Tuesday via")
                                                         << QStringLiteral("Your order shipped on Tuesday via");
        QTest::addRow("holding line before it") << reply << QStringLiteral("One moment please. Your order shipped")
                                                << QStringLiteral("Your order shipped");
        QTest::addRow("devanagari")
                << QStringLiteral("\u0906\u092A\u0915\u093E \u0911\u0930\u094D\u0921\u0930 \u0915\u0932 \u0906\u090F\u0917\u093E\u0964")
                << QStringLiteral("\u0906\u092A\u0915\u093E \u0911\u0930\u094D\u0921\u0930")
                << QStringLiteral("\u0906\u092A\u0915\u093E \u0911\u0930\u094D\u0921\u0930");
    }
    void heardPrefix()
    {
        QFETCH(QString, text);
        QFETCH(QString, heard);
        QFETCH(QString, kept);
        QCOMPARE(text.left(heardPrefixLength(text, heard)), kept);
    }

    void speakerSpeaksSentencesAsTheyComplete()
    {
        ReplySpeaker speaker(3);
        speaker.beginTurn();
        QCOMPARE(speaker.feed(QStringLiteral("Your order ship")), QStringList());
        QCOMPARE(speaker.feed(QStringLiteral("ped on Tuesday. It ")), QStringList{QStringLiteral("Your order shipped on Tuesday.")});
        QCOMPARE(speaker.feed(QStringLiteral("arrives tomorrow")), QStringList());
        QCOMPARE(speaker.finish(), QStringList{QStringLiteral("It arrives tomorrow")});
        QCOMPARE(speaker.spokenText(), QStringLiteral("Your order shipped on Tuesday. It arrives tomorrow"));
        QVERIFY(!speaker.dropped());
    }

    void speakerCapCountsTheWholeTurn()
    {
        ReplySpeaker speaker(3);
        speaker.beginTurn();
        QCOMPARE(speaker.feed(QStringLiteral("Let me check. ")).size(), 1);
        QCOMPARE(speaker.finish().size(), 0);
        speaker.beginRound(); // after a tool round
        speaker.beginAttempt();
        QCOMPARE(speaker.feed(QStringLiteral("It shipped. It arrives Friday. Anything else? ")),
                 (QStringList{QStringLiteral("It shipped."), QStringLiteral("It arrives Friday.")}));
        QVERIFY(speaker.dropped());
        QCOMPARE(speaker.sentencesThisTurn(), 3);
        speaker.beginTurn();
        QCOMPARE(speaker.feed(QStringLiteral("New turn. ")).size(), 1);
    }

    void speakerHoldsStructuredTextAndSpeaksTheProseAround()
    {
        ReplySpeaker speaker(5);
        speaker.beginTurn();
        QCOMPARE(speaker.feed(QStringLiteral("Sure. ")), QStringList{QStringLiteral("Sure.")});
        // A JSON blob whose strings contain sentence ends: nothing of it may be spoken.
        QCOMPARE(speaker.feed(QStringLiteral("{\"message\": \"It shipped. It arrives Friday. Bye\", ")), QStringList());
        QCOMPARE(speaker.feed(QStringLiteral("\"x\": 1} Anything else?")), QStringList());
        QCOMPARE(speaker.finish(), QStringList{QStringLiteral("Anything else?")});
        QVERIFY(speaker.dropped());

        speaker.beginTurn();
        QCOMPARE(speaker.feed(QStringLiteral("<tool_call>{\"name\": \"end_call\"}</tool_call>")), QStringList());
        QCOMPARE(speaker.finish(), QStringList());
        QCOMPARE(speaker.spokenText(), QString());
    }

    void speakerDoesNotRepeatWhatAFailedAttemptSaid()
    {
        ReplySpeaker speaker(3);
        speaker.beginTurn();
        QCOMPARE(speaker.feed(QStringLiteral("Let me check that. Your or")).size(), 1);
        speaker.abandonAttempt();
        QCOMPARE(speaker.heardThisRound(), QStringLiteral("Let me check that."));
        speaker.beginAttempt();
        QCOMPARE(speaker.feed(QStringLiteral("Let me check that. Your order shipped. ")),
                 QStringList{QStringLiteral("Your order shipped.")});
        QCOMPARE(speaker.spokenText(), QStringLiteral("Let me check that. Your order shipped."));

        // A retry that opens differently is spoken in full.
        speaker.beginTurn();
        speaker.feed(QStringLiteral("One moment. "));
        speaker.abandonAttempt();
        speaker.beginAttempt();
        QCOMPARE(speaker.feed(QStringLiteral("Sure. One moment. ")),
                 (QStringList{QStringLiteral("Sure."), QStringLiteral("One moment.")}));
    }
};

QTEST_GUILESS_MAIN(TestSpokenText)
#include "tst_spokentext.moc"
