#include "nlutestsupport.h"

#include <QDir>
#include <QFile>

using namespace ringside;
using namespace ringside::nlu;

class TestNluLexicon : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

    static json parse(const char *text) { return json::parse(text); }

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void builtinHasEverySection()
    {
        const json &doc = nlu->lexicon().document();
        for (const char *section : {"language", "numbers", "calendar", "yesno", "reasons", "entities", "intents"})
            QVERIFY2(doc.contains(section), section);
        QVERIFY(nlu->lexicon().intents().intents().contains(QStringLiteral("human")));
        QVERIFY(nlu->lexicon().reasons(ReasonSet::Return).size() > 50);
    }

    void designerAddsReasonCues()
    {
        const QString text = QStringLiteral("the zip is stuck");
        QVERIFY(!nlu->reason(text, ReasonSet::Return).matched());
        Result<Analyser> extended = nlu->extended(parse("{\"reasons\": {\"return\": {\"damaged\": [\"zip is stuck\", \"zip stuck\"]}}}"));
        QVERIFY2(extended, qPrintable(extended.error()));
        const ReasonMatch m = extended->reason(text, ReasonSet::Return);
        QCOMPARE(m.reason, QStringLiteral("damaged"));
        QCOMPARE(m.cue, QStringLiteral("zip is stuck"));
        // The built-in cues are still there, and the original analyser is unchanged.
        QCOMPARE(extended->reason(QStringLiteral("toota hua"), ReasonSet::Return).reason, QStringLiteral("damaged"));
        QVERIFY(!nlu->reason(text, ReasonSet::Return).matched());
    }

    void designerAddsSpellingsThatReachEveryLexicon()
    {
        // "haanji" already folds; teach "ha-ji" style variant "hanji" via a spelling and a new yes cue.
        QCOMPARE(answerName(nlu->yesNo(QStringLiteral("hanjee")).answer), QStringLiteral("unknown"));
        Result<Analyser> extended = nlu->extended(parse("{\"language\": {\"spellings\": {\"haan\": [\"hanjee\"]}}}"));
        QVERIFY2(extended, qPrintable(extended.error()));
        QCOMPARE(answerName(extended->yesNo(QStringLiteral("hanjee")).answer), QStringLiteral("yes"));
    }

    void designerAddsIntentsAndPhrases()
    {
        Result<Analyser> extended = nlu->extended(parse("{\"intents\": [ "
            "{\"name\": \"human\", \"phrases\": [\"get me your boss\"]}, "
            "{\"name\": \"gift_wrap\", \"phrases\": [\"gift wrap it\", \"gift pack kar do\"]}]}"));
        QVERIFY2(extended, qPrintable(extended.error()));
        QCOMPARE(extended->universalIntent(QStringLiteral("get me your boss")).intent, QStringLiteral("human"));
        QCOMPARE(extended->universalIntent(QStringLiteral("please gift pack kar do")).intent, QStringLiteral("gift_wrap"));
        QCOMPARE(extended->universalIntent(QStringLiteral("talk to a human")).intent, QStringLiteral("human"));
    }

    void designerAddsWeekdaySpellingsAndNumbers()
    {
        Result<Analyser> extended = nlu->extended(parse("{\"calendar\": {\"weekdays\": {\"monday\": [\"somwaar ko\"]}}, "
            "\"numbers\": {\"cardinals\": {\"pacchees\": 25}}}"));
        QVERIFY2(extended, qPrintable(extended.error()));
        QCOMPARE(extended->date(QStringLiteral("pacchees tarikh"), {test::testToday()}).date, QDate(2026, 12, 25));
    }

    void mergeAppendsListsAndMergesObjects()
    {
        const json base = parse("{\"a\": {\"list\": [1, 2], \"keep\": true, \"value\": 1}}");
        const json extra = parse("{\"a\": {\"list\": [3], \"value\": 2, \"new\": \"x\"}, \"b\": []}");
        const json merged = Lexicon::merged(base, extra);
        QCOMPARE(int(merged["a"]["list"].size()), 3);
        QCOMPARE(merged["a"]["list"][2].get<int>(), 3);
        QCOMPARE(merged["a"]["value"].get<int>(), 2);
        QCOMPARE(merged["a"]["keep"].get<bool>(), true);
        QCOMPARE(qs(merged["a"]["new"].get<std::string>()), QStringLiteral("x"));
        QVERIFY(merged.contains("b"));
    }

    void badAdditionsExplainAndLoseNothing_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("error");
        QTest::addRow("not an object") << QStringLiteral("[1]") << QStringLiteral("/: a lexicon addition must be an object");
        QTest::addRow("unknown section") << QStringLiteral("{\"reasonz\": {}}") << QStringLiteral("/reasonz: unknown key");
        QTest::addRow("unknown reason set")
            << QStringLiteral("{\"reasons\": {\"refund\": {}}}") << QStringLiteral("/reasons/refund: unknown key");
        QTest::addRow("unknown reason code")
            << QStringLiteral("{\"reasons\": {\"return\": {\"size_isue\": [\"tight\"]}}}")
            << QStringLiteral("/reasons/return/size_isue: unknown label; expected one of damaged, wrong_item");
        QTest::addRow("cue not a string")
            << QStringLiteral("{\"reasons\": {\"return\": {\"damaged\": [\"ok\", 5]}}}")
            << QStringLiteral("/reasons/return/damaged/1: must be a phrase string");
        QTest::addRow("cue list not an array")
            << QStringLiteral("{\"yesno\": {\"yes\": \"haan\"}}") << QStringLiteral("/yesno/yes: must be an array of phrases");
        QTest::addRow("yes/no label")
            << QStringLiteral("{\"yesno\": {\"maybe\": [\"perhaps\"]}}") << QStringLiteral("/yesno/maybe: unknown label; expected one of yes, no, settle, unsure, correction");
        QTest::addRow("slot label")
            << QStringLiteral("{\"calendar\": {\"slots\": {\"night\": [\"raat\"]}}}")
            << QStringLiteral("/calendar/slots/night: unknown label; expected one of morning, afternoon, evening");
        QTest::addRow("relative day not a number")
            << QStringLiteral("{\"calendar\": {\"relativeDays\": {\"soon\": [\"jaldi\"]}}}")
            << QStringLiteral("/calendar/relativeDays/soon: is not a valid key here");
        QTest::addRow("cardinal out of range")
            << QStringLiteral("{\"numbers\": {\"cardinals\": {\"sau\": 100}}}")
            << QStringLiteral("/numbers/cardinals/sau: must be a whole number from 0 to 99");
        QTest::addRow("cardinal clash")
            << QStringLiteral("{\"numbers\": {\"cardinals\": {\"sevens\": 8}}}")
            << QStringLiteral("/numbers/cardinals/sevens: reads the same as another word with a different value");
        QTest::addRow("scale not a power of ten")
            << QStringLiteral("{\"numbers\": {\"scales\": {\"dozen\": 120}}}") << QStringLiteral("/numbers/scales: 'dozen' must be a power of ten");
        QTest::addRow("spelling of two words")
            << QStringLiteral("{\"language\": {\"spellings\": {\"haan\": [\"haan ji\"]}}}")
            << QStringLiteral("/language/spellings/haan/0: must be a single word");
        QTest::addRow("spelling claimed twice")
            << QStringLiteral("{\"language\": {\"spellings\": {\"haan\": [\"nahin\"]}}}")
            << QStringLiteral("/language/spellings/nahi/0: 'nahin' is already a spelling of 'haan'");
        QTest::addRow("refund label")
            << QStringLiteral("{\"entities\": {\"refundMethods\": {\"cash\": [\"cash\"]}}}")
            << QStringLiteral("/entities/refundMethods/cash: unknown label");
        QTest::addRow("intent without name")
            << QStringLiteral("{\"intents\": [{\"phrases\": [\"x\"]}]}") << QStringLiteral("/intents/0/name: must be a non-empty string");
        QTest::addRow("weight too big")
            << QStringLiteral("{\"reasons\": {\"return\": {\"damaged\": [{\"phrase\": \"x y\", \"weight\": 1.5}]}}}")
            << QStringLiteral("/reasons/return/damaged/");
    }
    void badAdditionsExplainAndLoseNothing()
    {
        QFETCH(QString, extra);
        QFETCH(QString, error);
        const Result<Analyser> extended = nlu->extended(json::parse(extra.toStdString()));
        QVERIFY(!extended);
        QVERIFY2(extended.error().startsWith(error), qPrintable(extended.error()));
        // The analyser it was asked of still works exactly as before.
        QCOMPARE(nlu->reason(QStringLiteral("toota hua"), ReasonSet::Return).reason, QStringLiteral("damaged"));
    }

    void emptyDocumentIsAnEmptyButWorkingAnalyser()
    {
        Result<Analyser> empty = Analyser::fromDocument(json::object());
        QVERIFY2(empty, qPrintable(empty.error()));
        const Analysis a = empty->analyse(QStringLiteral("haan ji, 482913"), {});
        QCOMPARE(a.yesNo.answer, Answer::Unknown);
        QCOMPARE(a.text.joined(), QStringLiteral("haan ji 482913"));
        QCOMPARE(a.orderId.id, QStringLiteral("ORD-482913")); // digits need no words
    }

    // Every lexicon file in the source tree is compiled in unchanged, and the built-in lexicon
    // reads them all: a file missing from a resource list makes Analyser::builtin() fail (the fuzz
    // tree once lacked paraphrases.json, and its targets then used a lexicon that was never built).
    void everyLexiconFileIsCompiledIn()
    {
        const QDir source(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/nlu"));
        const QStringList files = source.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QVERIFY(files.contains(QStringLiteral("paraphrases.json")));
        const QStringList compiled = QDir(QStringLiteral(":/ringside/nlu")).entryList(QDir::Files, QDir::Name);
        QCOMPARE(compiled, files);
        for (const QString &name : files) {
            QFile onDisk(source.filePath(name));
            QFile resource(QStringLiteral(":/ringside/nlu/") + name);
            QVERIFY2(onDisk.open(QIODevice::ReadOnly) && resource.open(QIODevice::ReadOnly), qPrintable(name));
            QVERIFY2(onDisk.readAll() == resource.readAll(), qPrintable(name + QStringLiteral(" differs from its compiled copy")));
        }
        // A cue that only paraphrases.json holds ("you were breaking up" → repeat) is known.
        QVERIFY(!nlu->lexicon().intents().intents().isEmpty());
        QCOMPARE(nlu->universalIntent(QStringLiteral("sorry you were breaking up")).intent, QStringLiteral("repeat"));
    }

    // A JSON object keeps only the last of two equal keys, so a spelling (or section) written
    // twice in one file silently loses the first one's variants: none may be.
    void lexiconFilesRepeatNoKey()
    {
        const QDir source(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/nlu"));
        for (const QString &name : source.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
            QFile file(source.filePath(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            const QByteArray bytes = file.readAll();
            QList<QSet<std::string>> open;
            QStringList repeated;
            json::parse(bytes.constBegin(), bytes.constEnd(),
                        [&](int, json::parse_event_t event, json &parsed) {
                            if (event == json::parse_event_t::object_start)
                                open.append(QSet<std::string>());
                            else if (event == json::parse_event_t::object_end && !open.isEmpty())
                                open.removeLast();
                            else if (event == json::parse_event_t::key && !open.isEmpty()) {
                                const std::string key = parsed.get<std::string>();
                                if (open.last().contains(key))
                                    repeated << QString::fromStdString(key);
                                open.last().insert(key);
                            }
                            return true;
                        });
            QVERIFY2(repeated.isEmpty(), qPrintable(name + QStringLiteral(" repeats ") + repeated.join(QStringLiteral(", "))));
        }
    }

    void builtinLoadsRepeatably()
    {
        Result<Analyser> again = Analyser::builtin();
        QVERIFY2(again, qPrintable(again.error()));
        QVERIFY(again->lexicon().document() == nlu->lexicon().document());
    }
};

QTEST_GUILESS_MAIN(TestNluLexicon)
#include "tst_nlu_lexicon.moc"
