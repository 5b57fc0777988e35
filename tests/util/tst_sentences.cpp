// The one sentence rule (util/sentences.h): where a sentence ends in a stream and in a complete
// text, what does not end one, and the counts and the last question built on it.
#include "util/sentences.h"

#include <QTest>

using namespace ringside;

class TestSentences : public QObject
{
    Q_OBJECT
private slots:
    void sentenceEnds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("atEnd");
        QTest::addColumn<QString>("first"); // the first sentence; "<none>" when undecided
        QTest::addRow("period") << QStringLiteral("It shipped. It arrives") << false << QStringLiteral("It shipped.");
        QTest::addRow("question") << QStringLiteral("Is that all? Yes") << false << QStringLiteral("Is that all?");
        QTest::addRow("hindi danda") << QStringLiteral("Order confirm ho gaya\u0964 Dhanyavaad") << false
                                     << QStringLiteral("Order confirm ho gaya\u0964");
        QTest::addRow("decimal") << QStringLiteral("It weighs 1.5 kg. Next") << false << QStringLiteral("It weighs 1.5 kg.");
        QTest::addRow("abbreviation") << QStringLiteral("Dr. Rao called. Next") << false << QStringLiteral("Dr. Rao called.");
        QTest::addRow("month") << QStringLiteral("It ships on 3 Dec. as planned. Next") << false
                               << QStringLiteral("It ships on 3 Dec. as planned.");
        QTest::addRow("initial") << QStringLiteral("A. Kumar signed. Next") << false << QStringLiteral("A. Kumar signed.");
        QTest::addRow("list number") << QStringLiteral("1. Shirt\n2. Shoes") << false << QStringLiteral("1. Shirt\n");
        QTest::addRow("line break") << QStringLiteral("Your order shipped\nIt arrives") << false
                                    << QStringLiteral("Your order shipped\n");
        QTest::addRow("number at sentence end") << QStringLiteral("The total is 998. Anything else?") << false
                                                << QStringLiteral("The total is 998.");
        QTest::addRow("closing quote") << QStringLiteral("He said \"done.\" Then") << false
                                       << QStringLiteral("He said \"done.\"");
        QTest::addRow("emphasis") << QStringLiteral("**Done!** Next") << false << QStringLiteral("**Done!**");
        QTest::addRow("ellipsis") << QStringLiteral("Let me look... Found it") << false << QStringLiteral("Let me look...");
        QTest::addRow("undecided at the end") << QStringLiteral("It costs 1.") << false << QStringLiteral("<none>");
        QTest::addRow("complete at the end") << QStringLiteral("It shipped.") << true << QStringLiteral("It shipped.");
        QTest::addRow("no terminator, complete") << QStringLiteral("Thanks") << true << QStringLiteral("Thanks");
        QTest::addRow("no terminator, streaming") << QStringLiteral("Your order") << false << QStringLiteral("<none>");
    }
    void sentenceEnds()
    {
        QFETCH(QString, text);
        QFETCH(bool, atEnd);
        QFETCH(QString, first);
        const qsizetype end = findSentenceEnd(text, 0, atEnd);
        QCOMPARE(end < 0 ? QStringLiteral("<none>") : text.left(end), first);
    }

    // A later sentence is looked for from where the last one ended.
    void sentenceEndsFromAnOffset()
    {
        const QString text = QStringLiteral("Hi. Dr. Rao is here. Bye");
        const qsizetype first = findSentenceEnd(text, 0, false);
        QCOMPARE(text.left(first), QStringLiteral("Hi."));
        const qsizetype second = findSentenceEnd(text, first, false);
        QCOMPARE(text.mid(first, second - first), QStringLiteral(" Dr. Rao is here."));
        QCOMPARE(findSentenceEnd(text, second, false), qsizetype(-1));
        QCOMPARE(findSentenceEnd(text, second, true), text.size());
    }

    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("sentences");
        QTest::addRow("two") << QStringLiteral("Your order shipped. It arrives Thursday!")
                             << QStringList{ QStringLiteral("Your order shipped."), QStringLiteral("It arrives Thursday!") };
        QTest::addRow("decimal and abbreviation")
            << QStringLiteral("Dr. Rao paid Rs. 1.5 lakh. Thanks?")
            << QStringList{ QStringLiteral("Dr. Rao paid Rs. 1.5 lakh."), QStringLiteral("Thanks?") };
        QTest::addRow("spelled id") << QStringLiteral("Your order is O. R. D. 4 8. Anything else?")
                                    << QStringList{ QStringLiteral("Your order is O. R. D. 4 8."), QStringLiteral("Anything else?") };
        QTest::addRow("hindi danda") << QStringLiteral("नमस्ते जी। आपका ऑर्डर कन्फर्म है।")
                                     << QStringList{ QStringLiteral("नमस्ते जी।"), QStringLiteral("आपका ऑर्डर कन्फर्म है।") };
        QTest::addRow("white space collapsed") << QStringLiteral("  hello   there ") << QStringList{ QStringLiteral("hello there") };
        QTest::addRow("punctuation alone dropped") << QStringLiteral("Wait ... ! Done.")
                                                   << QStringList{ QStringLiteral("Wait ..."), QStringLiteral("Done.") };
        QTest::addRow("empty") << QString() << QStringList{};
    }
    void split()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, sentences);
        QCOMPARE(splitSentences(text), sentences);
    }

    void count_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::addRow("three") << QStringLiteral("One. Two! Three?") << 3;
        QTest::addRow("decimals and domains") << QStringLiteral("It costs 1.5 dollars at shop.example.com today.") << 1;
        QTest::addRow("ellipsis") << QStringLiteral("Let me look that up... Found it.") << 2;
        QTest::addRow("no stop") << QStringLiteral("Hello there") << 1;
        QTest::addRow("spelled id") << QStringLiteral("Your order O R D 4 8 2 9 1 3 shipped.") << 1;
        QTest::addRow("danda") << QStringLiteral("Aapka order aa gaya। Dhanyavaad।") << 2;
        QTest::addRow("empty") << QStringLiteral("  ") << 0;
    }
    void count()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        QCOMPARE(countSentences(text), count);
    }

    void lastQuestionIsFound()
    {
        QCOMPARE(lastQuestion(QStringLiteral("Hi! What's your order number? Thanks.")), QStringLiteral("What's your order number?"));
        QCOMPARE(lastQuestion(QStringLiteral("Is it one? Or is it two?")), QStringLiteral("Or is it two?"));
        QCOMPARE(lastQuestion(QStringLiteral("No question here.")), QString());
    }
};

QTEST_GUILESS_MAIN(TestSentences)
#include "tst_sentences.moc"
