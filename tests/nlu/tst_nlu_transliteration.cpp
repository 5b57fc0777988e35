// Devanagari words meet the lexicons' Latin words: spelled out as Hinglish is typed, then matched
// by spelling or, for loan words, by sound.
#include "nlutestsupport.h"

#include "engine/nlu/transliteration.h"

using namespace ringside;
using namespace ringside::nlu;

class TestNluTransliteration : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void spelledOut_data()
    {
        QTest::addColumn<QString>("devanagari");
        QTest::addColumn<QString>("latin");
        QTest::addRow("inherent vowel dropped at the end") << QStringLiteral("भेज") << QStringLiteral("bhej");
        QTest::addRow("and between vowels") << QStringLiteral("करना") << QStringLiteral("karna");
        QTest::addRow("apna") << QStringLiteral("अपना") << QStringLiteral("apna");
        QTest::addRow("kept before a final consonant") << QStringLiteral("समझ") << QStringLiteral("samajh");
        QTest::addRow("glide after a vowel") << QStringLiteral("चाहिए") << QStringLiteral("chaahiye");
        QTest::addRow("final long vowel short") << QStringLiteral("कितना") << QStringLiteral("kitna");
        QTest::addRow("final long i short") << QStringLiteral("कभी") << QStringLiteral("kabhi");
        QTest::addRow("final long i after a vowel sign") << QStringLiteral("किसी") << QStringLiteral("kisi");
        QTest::addRow("final long u short") << QStringLiteral("आलू") << QStringLiteral("aalu");
        QTest::addRow("vowel kept after a conjunct") << QStringLiteral("व्यस्त") << QStringLiteral("vyast");
        QTest::addRow("cluster") << QStringLiteral("एक्सचेंज") << QStringLiteral("ekschenj");
        QTest::addRow("anusvara before b") << QStringLiteral("नंबर") << QStringLiteral("nambar");
        QTest::addRow("vowel letter") << QStringLiteral("आज") << QStringLiteral("aaj");
    }
    void spelledOut()
    {
        QFETCH(QString, devanagari);
        QFETCH(QString, latin);
        QCOMPARE(devanagariToLatin(devanagari), latin);
    }

    void vocabulary()
    {
        Vocabulary v;
        for (const char *w : { "cancel", "wapas", "order", "damage", "shikayat", "delivery", "payment", "kal" })
            v.add(QLatin1String(w));
        QCOMPARE(v.findExact(QStringLiteral("vaapas")), QStringLiteral("wapas"));
        QCOMPARE(v.findExact(QStringLiteral("ordar")), QString());
        QCOMPARE(v.findSimilar(QStringLiteral("kainsal")), QStringLiteral("cancel"));
        QCOMPARE(v.findSimilar(QStringLiteral("dilivari")), QStringLiteral("delivery"));
        QCOMPARE(v.findSimilar(QStringLiteral("pement")), QStringLiteral("payment"));
        // Hindi's own words are not taken for English ones that share their consonants.
        QCOMPARE(v.findSimilar(QStringLiteral("dimaag")), QString());
        QCOMPARE(v.findSimilar(QStringLiteral("sakta")), QString());
        // Short words are never guessed by sound.
        QCOMPARE(v.findSimilar(QStringLiteral("kol")), QString());
    }

    void loanWordsAndHindiWordsKeptApart()
    {
        Vocabulary v;
        for (const char *w : { "paying", "login", "rang", "chalega", "damage", "manager", "exchange", "bata" })
            v.add(QLatin1String(w));
        // A Hindi verb's ending is no loan word's; another form of a Hindi verb may still be.
        QCOMPARE(v.findSimilar(QStringLiteral("paaoonga")), QString());
        QCOMPARE(v.findSimilar(QStringLiteral("lagaane")), QString());
        QCOMPARE(v.findSimilar(QStringLiteral("chalegi")), QStringLiteral("chalega"));
        // An English -ing form keeps its -ing.
        QCOMPARE(v.findSimilar(QStringLiteral("raning")), QString());
        // English "-ge" is written with a j.
        QCOMPARE(v.findSimilar(QStringLiteral("demej")), QStringLiteral("damage"));
        QCOMPARE(v.findSimilar(QStringLiteral("menejar")), QStringLiteral("manager"));
        QCOMPARE(v.findSimilar(QStringLiteral("ekschainj")), QStringLiteral("exchange"));
        // A final n drops only when it is a nasal sign.
        QCOMPARE(v.findExact(QStringLiteral("batan"), false), QString());
        QCOMPARE(v.findExact(QStringLiteral("batan"), true), QStringLiteral("bata"));
    }

    void spellingsReachedBySound()
    {
        Vocabulary v;
        for (const char *w : { "kijiye", "wrong", "rang", "hello", "halo" })
            v.add(QLatin1String(w));
        v.addSpelling(QStringLiteral("kijiyega"), QStringLiteral("kijiye"));
        v.addSpelling(devanagariToLatin(QStringLiteral("रॉन्ग")), QStringLiteral("wrong"));
        QCOMPARE(v.findExact(devanagariToLatin(QStringLiteral("कीजिएगा"))), QStringLiteral("kijiye"));
        QCOMPARE(v.findExact(devanagariToLatin(QStringLiteral("रॉंग"))), QStringLiteral("wrong"));
        // A known word keeps its own spelling; two spellings of one sound guess neither.
        v.addSpelling(QStringLiteral("rang"), QStringLiteral("wrong"));
        QCOMPARE(v.findExact(QStringLiteral("rang")), QStringLiteral("rang"));
        v.addSpelling(QStringLiteral("hailo"), QStringLiteral("hello"));
        v.addSpelling(QStringLiteral("haillo"), QStringLiteral("halo"));
        QCOMPARE(v.findExact(QStringLiteral("hailo")), QString());
    }

    void devanagariWordForms_data()
    {
        QTest::addColumn<QString>("devanagari");
        QTest::addColumn<QString>("canonical");
        QTest::addRow("deferential future read as the polite form") << QStringLiteral("करवाइएगा") << QStringLiteral("karwao");
        QTest::addRow("English plural read as its singular") << QStringLiteral("अपडेट्स") << QStringLiteral("update");
        QTest::addRow("nasal sign left out") << QStringLiteral("रॉंग") << QStringLiteral("wrong");
        QTest::addRow("a consonant n is not") << QStringLiteral("बटन") << QStringLiteral("batan");
        QTest::addRow("formal word") << QStringLiteral("प्रतीक्षा") << QStringLiteral("intezaar");
    }
    void devanagariWordForms()
    {
        QFETCH(QString, devanagari);
        QFETCH(QString, canonical);
        const NormalisedText t = nlu->normalise(devanagari);
        QCOMPARE(t.size(), 1);
        QCOMPARE(t.at(0).canon, canonical);
    }

    void peIsPayOnlyBeforeKar()
    {
        QCOMPARE(nlu->normalise(QStringLiteral("ऑनलाइन पे कर दिया")).at(1).canon, QStringLiteral("pay"));
        QCOMPARE(nlu->normalise(QStringLiteral("पहले ही पे किया था")).at(2).canon, QStringLiteral("pay"));
        QCOMPARE(nlu->normalise(QStringLiteral("घर पे दे देना")).at(1).canon, QStringLiteral("pe"));
    }

    void vocabularyWithSpellingsAlike()
    {
        Vocabulary v;
        for (const char *w : { "sawal", "sawaal", "man", "mann", "maan", "bat", "baat" })
            v.add(QLatin1String(w));
        // Two spellings of one sound: findExact guesses neither, findClosest the nearer one.
        QCOMPARE(v.findExact(QStringLiteral("savaal")), QString());
        QCOMPARE(v.findClosest(QStringLiteral("savaal")), QStringLiteral("sawaal"));
        QCOMPARE(v.findClosest(QStringLiteral("maan")), QStringLiteral("maan"));
        // Equally far from both: still no guess.
        QCOMPARE(v.findClosest(QStringLiteral("baet")), QString());
        QCOMPARE(v.findClosest(QStringLiteral("kuch")), QString());
    }

    void devanagariWordWithTwoLatinSpellings()
    {
        // The lexicon has both "naraz" and "naraaz": "नाराज़" is still read as one of them.
        QCOMPARE(nlu->universalIntent(QStringLiteral("मैं बहुत नाराज़ हूँ")).intent, QStringLiteral("complaint"));
    }

    void sentencesMeetLatinCues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("intent");
        QTest::addRow("cancel") << QStringLiteral("मेरा ऑर्डर कैंसल कर दीजिए") << QStringLiteral("cancel");
        QTest::addRow("where") << QStringLiteral("मेरा पार्सल कब तक आएगा") << QStringLiteral("where_is_order");
        QTest::addRow("return") << QStringLiteral("यह वापस करना है") << QStringLiteral("return");
        QTest::addRow("not received") << QStringLiteral("डिलीवर्ड दिखा रहा है पर मुझे मिला नहीं") << QStringLiteral("not_received");
    }
    void sentencesMeetLatinCues()
    {
        QFETCH(QString, text);
        QFETCH(QString, intent);
        const IntentResult r = nlu->universalIntent(text);
        QCOMPARE(r.intent, intent);
        QVERIFY(r.sure);
    }

    void spelledLettersInDevanagari()
    {
        const Result<OrderIdPattern> ret = OrderIdPattern::fromExample(QStringLiteral("RET-0001"));
        QVERIFY(ret.ok());
        OrderIdPattern p = ret.value();
        p.acceptBareDigits = false;
        QCOMPARE(nlu->orderId(QStringLiteral("आर ई टी शून्य शून्य शून्य एक"), p).id, QStringLiteral("RET-0001"));
        QCOMPARE(nlu->orderId(QStringLiteral("ओ आर डी 482913")).id, QStringLiteral("ORD-482913"));
        // Letter names count only as a whole spelled prefix: "are" alone is a word.
        QCOMPARE(nlu->orderId(QStringLiteral("are you there 0001"), p).status, Found::None);
    }
};

QTEST_GUILESS_MAIN(TestNluTransliteration)
#include "tst_nlu_transliteration.moc"
