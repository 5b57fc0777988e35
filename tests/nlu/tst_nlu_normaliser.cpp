#include "nlutestsupport.h"

#include "engine/nlu/normaliser.h"

using namespace ringside::nlu;

class TestNluNormaliser : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

    QStringList stems(const QString &text) const
    {
        QStringList out;
        for (const Token &t : nlu->normalise(text).tokens)
            out.append(t.stem);
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void joined_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addRow("lower-case, punctuation") << QStringLiteral("Haan JI, Confirm kar do!") << QStringLiteral("haan ji confirm kar do");
        QTest::addRow("collapse whitespace") << QStringLiteral("  yes \t\n  please  ") << QStringLiteral("yes please");
        QTest::addRow("apostrophe joins") << QStringLiteral("I don't want it") << QStringLiteral("i dont want it");
        QTest::addRow("curly apostrophe") << QStringLiteral("didn\u2019t get it") << QStringLiteral("didnt get it");
        QTest::addRow("devanagari digits") << QStringLiteral("४८२९१३") << QStringLiteral("482913");
        QTest::addRow("devanagari digits in words") << QStringLiteral("ऑर्डर ४८२") << QStringLiteral("order 482");
        QTest::addRow("letters and digits split") << QStringLiteral("ORD482913") << QStringLiteral("ord 482913");
        QTest::addRow("dash between letters and digits") << QStringLiteral("ORD-482913") << QStringLiteral("ord 482913");
        QTest::addRow("date kept whole") << QStringLiteral("on 28/12 please") << QStringLiteral("on 28/12 please");
        QTest::addRow("iso date kept whole") << QStringLiteral("2026-12-28") << QStringLiteral("2026-12-28");
        QTest::addRow("time kept whole") << QStringLiteral("at 5:30 pm") << QStringLiteral("at 5:30 pm");
        QTest::addRow("plus country code") << QStringLiteral("+91 98123 45678") << QStringLiteral("+91 98123 45678");
        QTest::addRow("lone plus dropped") << QStringLiteral("a + b") << QStringLiteral("a b");
        QTest::addRow("ordinal suffix split") << QStringLiteral("28th December") << QStringLiteral("28 th december");
        QTest::addRow("pm split") << QStringLiteral("5pm") << QStringLiteral("5 pm");
        QTest::addRow("spelling folded nahin") << QStringLiteral("nahin") << QStringLiteral("nahi");
        QTest::addRow("spelling folded thik") << QStringLiteral("thik hai") << QStringLiteral("theek hai");
        QTest::addRow("devanagari yes") << QStringLiteral("हाँ") << QStringLiteral("haan");
        QTest::addRow("chandrabindu = anusvara") << QStringLiteral("हां") << QStringLiteral("haan");
        QTest::addRow("devanagari no") << QStringLiteral("नहीं") << QStringLiteral("nahi");
        QTest::addRow("devanagari kal parson") << QStringLiteral("कल नहीं, परसों") << QStringLiteral("kal nahi parson");
        QTest::addRow("devanagari shaam") << QStringLiteral("शाम को") << QStringLiteral("shaam ko");
        QTest::addRow("nukta folded") << QStringLiteral("ज़रूर") << QStringLiteral("zaroor");
        QTest::addRow("danda is punctuation") << QStringLiteral("ठीक है। धन्यवाद") << QStringLiteral("theek hai dhanyavaad");
        QTest::addRow("unknown devanagari spelled out") << QStringLiteral("पुस्तक") << QStringLiteral("pustak");
        QTest::addRow("emoji separates") << QStringLiteral("yes\U0001F44Dplease") << QStringLiteral("yes please");
        QTest::addRow("control chars separate") << QStringLiteral("yes\u0001\u0007no") << QStringLiteral("yes no");
        QTest::addRow("accents dropped when decomposed") << QStringLiteral("cafe\u0301") << QStringLiteral("cafe");
        QTest::addRow("precomposed accent kept") << QStringLiteral("Café") << QStringLiteral("café");
        QTest::addRow("mixed script word split") << QStringLiteral("orderकल") << QStringLiteral("order kal");
        QTest::addRow("only punctuation") << QStringLiteral("?!...,,") << QString();
        QTest::addRow("empty") << QString() << QString();
    }
    void joined()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(nlu->normalise(input).joined(), expected);
    }

    void spansQuoteTheOriginal()
    {
        const QString text = QStringLiteral("Mera ORDER: ४८२९१३, thanks");
        const NormalisedText t = nlu->normalise(text);
        QCOMPARE(t.size(), 4);
        QCOMPARE(t.quote(1, 2), QStringLiteral("ORDER: ४८२९१३"));
        QCOMPARE(t.quote(3, 3), QStringLiteral("thanks"));
        QCOMPARE(t.quote(2, 1), QString()); // reversed span
        QCOMPARE(t.quote(0, 9), QString()); // past the end
    }

    void stems_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::addRow("cancel/cancelled") << QStringLiteral("cancel") << QStringLiteral("cancelled") << true;
        QTest::addRow("cancel/cancelling") << QStringLiteral("cancel") << QStringLiteral("cancelling") << true;
        QTest::addRow("change/changed") << QStringLiteral("change") << QStringLiteral("changed") << true;
        QTest::addRow("damage/damaged") << QStringLiteral("damage") << QStringLiteral("damaged") << true;
        QTest::addRow("ship/shipped") << QStringLiteral("ship") << QStringLiteral("shipped") << true;
        QTest::addRow("call/called") << QStringLiteral("call") << QStringLiteral("called") << true;
        QTest::addRow("shoe/shoes") << QStringLiteral("shoe") << QStringLiteral("shoes") << true;
        QTest::addRow("box/boxes") << QStringLiteral("box") << QStringLiteral("boxes") << true;
        QTest::addRow("reply/replies") << QStringLiteral("reply") << QStringLiteral("replies") << true;
        QTest::addRow("receive/received") << QStringLiteral("receive") << QStringLiteral("received") << true;
        QTest::addRow("address stays") << QStringLiteral("address") << QStringLiteral("addres") << false;
        QTest::addRow("status not plural") << QStringLiteral("status") << QStringLiteral("statu") << false;
        QTest::addRow("this not plural") << QStringLiteral("this") << QStringLiteral("thi") << false;
        QTest::addRow("cancel vs call") << QStringLiteral("cancel") << QStringLiteral("call") << false;
    }
    void stems()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(stemWord(a) == stemWord(b), same);
    }

    void stemsLeaveShortAndNonLatinWordsAlone()
    {
        QCOMPARE(stemWord(QStringLiteral("yes")), QStringLiteral("yes"));
        QCOMPARE(stemWord(QStringLiteral("nahi")), QStringLiteral("nahi"));
        QCOMPARE(stemWord(QStringLiteral("पुस्तकें")), QStringLiteral("पुस्तकें"));
        QCOMPARE(stemWord(QStringLiteral("482913")), QStringLiteral("482913"));
    }

    void language_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("mixed");
        QTest::addRow("english") << QStringLiteral("where is my order") << QStringLiteral("en") << false;
        QTest::addRow("hinglish") << QStringLiteral("mera order kahan hai") << QStringLiteral("hi-Latn") << false;
        QTest::addRow("hinglish with english") << QStringLiteral("haan ji confirm kar do") << QStringLiteral("hi-Latn") << true;
        QTest::addRow("hinglish cancel") << QStringLiteral("nahi, cancel kar do, sasta mil gaya") << QStringLiteral("hi-Latn") << true;
        QTest::addRow("devanagari") << QStringLiteral("मेरा ऑर्डर कहाँ है") << QStringLiteral("hi-Deva") << false;
        QTest::addRow("devanagari with latin") << QStringLiteral("मेरा order कहाँ है") << QStringLiteral("hi-Deva") << true;
        QTest::addRow("english mostly with one hindi word") << QStringLiteral("yes please send it, thik hai")
                                                             << QStringLiteral("en") << true;
        QTest::addRow("digits only") << QStringLiteral("482913") << QStringLiteral("und") << false;
        QTest::addRow("empty") << QString() << QStringLiteral("und") << false;
        QTest::addRow("unknown latin word is english") << QStringLiteral("okay") << QStringLiteral("en") << false;
    }
    void language()
    {
        QFETCH(QString, input);
        QFETCH(QString, tag);
        QFETCH(bool, mixed);
        const NormalisedText t = nlu->normalise(input);
        QCOMPARE(languageTag(t.language), tag);
        QCOMPARE(t.mixed, mixed);
    }

    void clauses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QList<int>>("clauses");
        QTest::addRow("comma") << QStringLiteral("no, yes") << QList<int>{0, 1};
        QTest::addRow("i mean marker") << QStringLiteral("no i mean yes") << QList<int>{0, 1, 1, 1};
        QTest::addRow("comma then marker: one break") << QStringLiteral("no, I mean yes") << QList<int>{0, 1, 1, 1};
        QTest::addRow("but") << QStringLiteral("yes but tomorrow") << QList<int>{0, 1, 1};
        QTest::addRow("lekin") << QStringLiteral("haan lekin kal nahi") << QList<int>{0, 1, 1, 1};
        QTest::addRow("danda") << QStringLiteral("नहीं। हाँ") << QList<int>{0, 1};
        QTest::addRow("and is not a clause break") << QStringLiteral("yes and tomorrow") << QList<int>{0, 0, 0};
    }
    void clauses()
    {
        QFETCH(QString, input);
        QFETCH(QList<int>, clauses);
        const NormalisedText t = nlu->normalise(input);
        QList<int> got;
        for (const Token &tok : t.tokens)
            got.append(tok.clause);
        QCOMPARE(got, clauses);
    }

    void negation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("negated");
        QTest::addRow("don't cancel") << QStringLiteral("don't cancel") << QStringLiteral("cancel") << true;
        QTest::addRow("do not want to cancel") << QStringLiteral("I do not want to cancel") << QStringLiteral("cancel") << true;
        QTest::addRow("cancel nahi karna") << QStringLiteral("cancel nahi karna") << QStringLiteral("cancel") << true;
        QTest::addRow("cancel mat karo") << QStringLiteral("cancel mat karo") << QStringLiteral("cancel") << true;
        QTest::addRow("mat cancel karo") << QStringLiteral("mat cancel karo") << QStringLiteral("cancel") << true;
        QTest::addRow("kal nahi") << QStringLiteral("kal nahi, parson") << QStringLiteral("kal") << true;
        QTest::addRow("parson after comma") << QStringLiteral("kal nahi, parson") << QStringLiteral("parson") << false;
        QTest::addRow("nahi then comma") << QStringLiteral("nahi, cancel kar do") << QStringLiteral("cancel") << false;
        QTest::addRow("leading nahi negates nothing after") << QStringLiteral("nahi cancel kar do") << QStringLiteral("cancel") << false;
        QTest::addRow("and ends the scope") << QStringLiteral("don't call and cancel it") << QStringLiteral("cancel") << false;
        QTest::addRow("because ends the scope") << QStringLiteral("I don't want it because found it cheaper")
                                                 << QStringLiteral("cheaper") << false;
        QTest::addRow("too far back") << QStringLiteral("not that I would ever like to cancel") << QStringLiteral("cancel") << false;
        QTest::addRow("plain") << QStringLiteral("please cancel it") << QStringLiteral("cancel") << false;
        QTest::addRow("devanagari nahi") << QStringLiteral("कल नहीं") << QStringLiteral("kal") << true;
        QTest::addRow("na as a tag question") << QStringLiteral("kar do na") << QStringLiteral("kar") << false;
    }
    void negation()
    {
        QFETCH(QString, input);
        QFETCH(QString, word);
        QFETCH(bool, negated);
        const NormalisedText t = nlu->normalise(input);
        int index = -1;
        for (int i = 0; i < t.size() && index < 0; ++i) {
            if (t.at(i).canon == word)
                index = i;
        }
        QVERIFY2(index >= 0, qPrintable(word));
        QCOMPARE(t.isNegated(index, index), negated);
    }

    void truncatesAtTheCap()
    {
        const QString longText = QStringLiteral("yes ").repeated(1000); // 4,000 characters
        const NormalisedText t = nlu->normalise(longText);
        QVERIFY(t.truncated);
        QCOMPARE(t.source.size(), Normaliser::kMaxAnalysedChars);
        QCOMPARE(t.size(), Normaliser::kMaxAnalysedChars / 4);
        QVERIFY(!nlu->normalise(QStringLiteral("yes")).truncated);
    }

    void truncationNeverSplitsASurrogatePair()
    {
        QString text(Normaliser::kMaxAnalysedChars - 1, QLatin1Char('a'));
        text += QStringLiteral("\U0001F600 tail");
        const NormalisedText t = nlu->normalise(text);
        QVERIFY(t.truncated);
        QCOMPARE(t.source.size(), Normaliser::kMaxAnalysedChars - 1);
        QVERIFY(!t.source.back().isHighSurrogate());
    }
};

QTEST_GUILESS_MAIN(TestNluNormaliser)
#include "tst_nlu_normaliser.moc"
