// How well the playbook brain's NLU understands callers it was not tuned on.
//
// tests/nlu/validation is held out: lexicons are never tuned on it, so this test prints only its
// totals (per language, intents and slots), never the phrases it misses. tests/nlu/development is
// the tuning set: set RINGSIDE_PARAPHRASE_FAILURES=1 to list what it misses.
// RINGSIDE_PARAPHRASE_BY_NAME=1 prints both sets' totals per intent and slot (no phrasings).
// RINGSIDE_PARAPHRASE_WORDS=1 lists every Devanagari word of the development set with the Latin
// word it is read as (and how often it occurs), to find words that reach the wrong lexicon word.

#include "nlutestsupport.h"
#include "paraphrasecorpus.h"

#include <QFile>

using namespace ringside;

namespace {

// The accuracy each language must keep on the validation set (docs/nlu.md, "Paraphrase sets").
// Raise a floor when the NLU gets better; never lower one to get green.
const QHash<QString, double> kValidationFloor = {
    { QStringLiteral("en"), 0.9602 },       // 1,522 of 1,585 at stop 26 (development rounds 23–34 merged)
    { QStringLiteral("hinglish"), 0.9621 }, // 1,524 of 1,584
    { QStringLiteral("hindi"), 0.957 },     // 1,516 of 1,584
};
// The same on the held-out cases never tuned on (those validation/once-tuned.lst does not list):
// the figure the target is read against (docs/nlu.md). 4,037 of 4,219 at stop 26.
const double kNeverTunedFloor = 0.9568;
const QHash<QString, double> kDevelopmentFloor = {
    { QStringLiteral("en"), 0.967 },
    { QStringLiteral("hinglish"), 0.986 },
    { QStringLiteral("hindi"), 0.977 },
};

QString percent(const test::ParaphraseScore &s)
{
    return QStringLiteral("%1/%2 = %3 %").arg(s.correct).arg(s.total).arg(100.0 * s.accuracy(), 0, 'f', 1);
}

} // namespace

class TestNluParaphrases : public QObject
{
    Q_OBJECT
private:
    std::optional<nlu::Analyser> nlu;

    test::ParaphraseReport check(const QString &folder, const QHash<QString, double> &floors, bool listFailures)
    {
        test::ParaphraseReport out;
        checkInto(folder, floors, listFailures, &out);
        return out;
    }

    void checkInto(const QString &folder, const QHash<QString, double> &floors, bool listFailures, test::ParaphraseReport *out)
    {
        const test::ParaphraseCorpus corpus(QStringLiteral(RINGSIDE_TEST_DIR "/") + folder);
        *out = corpus.evaluate(*nlu, QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/playbooks"));
        const test::ParaphraseReport &report = *out;
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(QLatin1Char('\n'))));
        QVERIFY2(report.overall.total > 0, "no phrasings read");
        qInfo().noquote() << folder << "overall" << percent(report.overall);
        for (auto it = report.byLanguageAndKind.cbegin(); it != report.byLanguageAndKind.cend(); ++it)
            qInfo().noquote() << folder << it.key() << percent(it.value());
        // Per intent and slot totals (never the phrasings) say where development work is due.
        if (listFailures || qEnvironmentVariableIntValue("RINGSIDE_PARAPHRASE_BY_NAME") != 0) {
            for (auto it = report.byName.cbegin(); it != report.byName.cend(); ++it) {
                if (it.value().correct < it.value().total)
                    qInfo().noquote() << "  " << it.key() << percent(it.value());
            }
        }
        if (listFailures) {
            for (const QString &f : report.failures)
                qInfo().noquote() << "  MISS" << f;
        }
        for (auto it = floors.cbegin(); it != floors.cend(); ++it) {
            const test::ParaphraseScore s = report.byLanguage.value(it.key());
            QVERIFY2(s.total > 0, qPrintable(QStringLiteral("%1: no %2 phrasings").arg(folder, it.key())));
            qInfo().noquote() << folder << it.key() << percent(s);
            QVERIFY2(s.accuracy() >= it.value(),
                     qPrintable(QStringLiteral("%1 %2: %3 is below the floor of %4 %")
                                    .arg(folder, it.key(), percent(s)).arg(100.0 * it.value(), 0, 'f', 1)));
        }
    }

    // Development only (RINGSIDE_PARAPHRASE_WORDS=1): each Devanagari word, its plain
    // transliteration and the word it reaches. A tuning aid; it asserts nothing.
    void listDevelopmentWords()
    {
        const test::ParaphraseCorpus development(QStringLiteral(RINGSIDE_TEST_DIR "/development"));
        QMap<QString, int> seen;
        QHash<QString, QString> readAs;
        QHash<QString, std::shared_ptr<const Playbook>> playbooks;
        for (const test::ParaphraseCase &c : development.cases()) {
            if (c.language != QLatin1String("hindi"))
                continue;
            // Read as the case is scored: a playbook's own words may fit a word the lexicon lacks.
            nlu::AnalysisContext context;
            if (!c.playbook.isEmpty()) {
                if (!playbooks.contains(c.playbook))
                    playbooks.insert(c.playbook, loadPlaybookFile(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/playbooks/")
                                                                      + c.playbook + QStringLiteral(".playbook.json"), *nlu).playbook);
                if (const Playbook *pb = playbooks.value(c.playbook).get(); pb && !pb->intents.isEmpty())
                    context.intents = &pb->intents;
            }
            for (const nlu::Token &t : nlu->analyse(c.text, context).text.tokens) {
                if (t.script != nlu::Script::Devanagari)
                    continue;
                ++seen[t.text];
                // Playbooks may read a word differently: each reading once.
                const QString reading = t.canon + (t.transliterated ? QStringLiteral("?") : QString());
                QStringList readings = readAs.value(t.text).split(QLatin1Char('|'), Qt::SkipEmptyParts);
                if (!readings.contains(reading))
                    readAs.insert(t.text, (readings << reading).join(QLatin1Char('|')));
            }
        }
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            qInfo().noquote() << "  WORD" << it.key() << nlu::devanagariToLatin(it.key()) << "->" << readAs.value(it.key()) << it.value();
    }

private slots:
    void initTestCase()
    {
        // RINGSIDE_NLU_LEXICON_DIR=resources/nlu reads the lexicon files from the source tree, so
        // a tuning round needs no rebuild; the test itself always checks the compiled-in lexicon.
        const QString dir = qEnvironmentVariable("RINGSIDE_NLU_LEXICON_DIR");
        if (dir.isEmpty()) {
            QVERIFY(nlu::test::loadBuiltin(&nlu));
            return;
        }
        json document = json::object();
        for (const char *name : { "language", "numbers", "calendar", "yesno", "reasons", "entities", "intents", "paraphrases" }) {
            QFile file(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".json"));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray bytes = file.readAll();
            document = nlu::Lexicon::merged(document, json::parse(bytes.constBegin(), bytes.constEnd()));
        }
        Result<nlu::Analyser> a = nlu::Analyser::fromDocument(document);
        QVERIFY2(a, qPrintable(a.error()));
        nlu.emplace(std::move(a).value());
    }

    // Held out: only totals are shown.
    void validation()
    {
        const test::ParaphraseReport report = check(QStringLiteral("validation"), kValidationFloor, false);
        if (QTest::currentTestFailed())
            return;
        // The cases once tuned on are marked; without them is how the NLU does on new callers.
        QVERIFY(report.neverTuned.total > 0 && report.neverTuned.total < report.overall.total);
        for (auto it = report.neverTunedByLanguage.cbegin(); it != report.neverTunedByLanguage.cend(); ++it)
            qInfo().noquote() << "validation never tuned" << it.key() << percent(it.value());
        qInfo().noquote() << "validation never tuned overall" << percent(report.neverTuned);
        QVERIFY2(report.neverTuned.accuracy() >= kNeverTunedFloor,
                 qPrintable(QStringLiteral("never-tuned held-out cases: %1 is below the floor of %2 %")
                                .arg(percent(report.neverTuned)).arg(100.0 * kNeverTunedFloor, 0, 'f', 1)));
    }

    void development()
    {
        check(QStringLiteral("development"), kDevelopmentFloor, qEnvironmentVariableIntValue("RINGSIDE_PARAPHRASE_FAILURES") != 0);
        if (qEnvironmentVariableIntValue("RINGSIDE_PARAPHRASE_WORDS") != 0)
            listDevelopmentWords();
    }

    // The development set is what the lexicons are tuned on, so a phrasing it shares with the
    // held-out set would be tuned on too. Named by its development line only.
    void developmentRepeatsNoHeldOutPhrasing()
    {
        const auto key = [](const test::ParaphraseCase &c) -> QString { return test::phrasingKey(c.language, c.text); };
        const test::ParaphraseCorpus validation(QStringLiteral(RINGSIDE_TEST_DIR "/validation"));
        const test::ParaphraseCorpus development(QStringLiteral(RINGSIDE_TEST_DIR "/development"));
        QVERIFY(!validation.cases().isEmpty() && !development.cases().isEmpty());
        QSet<QString> heldOut;
        for (const test::ParaphraseCase &c : validation.cases())
            heldOut.insert(key(c));
        QStringList repeated;
        for (const test::ParaphraseCase &c : development.cases())
            if (heldOut.contains(key(c)))
                repeated << c.where;
        QVERIFY2(repeated.isEmpty(), qPrintable(QStringLiteral("development phrasings also held out: ") + repeated.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestNluParaphrases)
#include "tst_nlu_paraphrases.moc"
