#include "speech/arpalanguagemodel.h"
#include "speech/domainlanguagemodel.h"
#include "speech/pocketsphinxmodel.h"

#include <QTemporaryDir>
#include <QTest>

#include <ngram_model.h>

#include <cmath>

using namespace ringside;

namespace {
QStringList w(const char *s) { return QString::fromUtf8(s).split(QLatin1Char(' ')); }

ArpaLanguageModel sample()
{
    ArpaLanguageModel lm;
    lm.addSentence(w("where is my order"));
    lm.addSentence(w("where is my parcel"), 2.0);
    lm.addSentence(w("cancel my order"));
    lm.addSentence(w("yes"), 0.5);
    lm.addWord(QStringLiteral("refund"));
    return lm;
}

double sumOver(const ArpaLanguageModel &lm, const QStringList &history)
{
    QStringList words = lm.vocabulary();
    words << QStringLiteral("</s>");
    double total = 0.0;
    for (const QString &word : words)
        total += std::pow(10.0, lm.log10Prob(word, history));
    return total;
}
} // namespace

class TestArpaLanguageModel : public QObject
{
    Q_OBJECT
private slots:
    // Every history's next-word distribution sums to one (seen and unseen histories, all orders).
    void distributionsSumToOne_data()
    {
        QTest::addColumn<QStringList>("history");
        QTest::addRow("unigram") << QStringList{};
        QTest::addRow("after <s>") << QStringList{QStringLiteral("<s>")};
        QTest::addRow("after my") << QStringList{QStringLiteral("my")};
        QTest::addRow("after is my") << QStringList{QStringLiteral("is"), QStringLiteral("my")};
        QTest::addRow("unseen history") << QStringList{QStringLiteral("refund"), QStringLiteral("yes")};
        QTest::addRow("after <s> where") << QStringList{QStringLiteral("<s>"), QStringLiteral("where")};
    }
    void distributionsSumToOne()
    {
        QFETCH(QStringList, history);
        const double total = sumOver(sample(), history);
        QVERIFY2(std::abs(total - 1.0) < 1e-6, qPrintable(QString::number(total, 'g', 10)));
    }

    void weightsAndContextMatter()
    {
        const ArpaLanguageModel lm = sample();
        const QStringList isMy = {QStringLiteral("is"), QStringLiteral("my")};
        // "parcel" was seen twice as often after "is my" as "order".
        QVERIFY(lm.log10Prob(QStringLiteral("parcel"), isMy) > lm.log10Prob(QStringLiteral("order"), isMy));
        // A vocabulary-only word is possible but unlikely.
        QVERIFY(lm.log10Prob(QStringLiteral("refund"), {}) > -10.0);
        QVERIFY(lm.log10Prob(QStringLiteral("refund"), {}) < lm.log10Prob(QStringLiteral("my"), {}));
        QVERIFY(lm.vocabulary().contains(QStringLiteral("refund")));
        QVERIFY(!lm.vocabulary().contains(QStringLiteral("</s>")));
    }

    // The ARPA text is what sphinxbase reads, and its counts match the sections.
    void sphinxbaseReadsIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lm.arpa"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray arpa = sample().toArpa();
        f.write(arpa);
        f.close();
        QVERIFY(arpa.contains("-99.000000 <s>"));
        logmath_t *lmath = logmath_init(1.0001, 0, 0);
        ngram_model_t *model = ngram_model_read(nullptr, path.toUtf8().constData(), NGRAM_ARPA, lmath);
        QVERIFY(model);
        const uint32 *counts = ngram_model_get_counts(model);
        QCOMPARE(int(counts[0]), sample().vocabulary().size() + 2);
        QVERIFY(counts[1] > 0 && counts[2] > 0);
        QVERIFY(ngram_wid(model, "refund") != ngram_unknown_wid(model));
        ngram_model_free(model);
        logmath_free(lmath);
    }

    // The domain model drops words the dictionary lacks and says so, naming the source.
    void domainModelReportsUnknownWords()
    {
        auto model = PocketsphinxModel::load();
        QVERIFY2(model.ok(), qPrintable(model.error()));
        SttConfig cfg;
        cfg.keywords = {QStringLiteral("order:2"), QStringLiteral("bluedartx:3"), QStringLiteral("tracking:abc")};
        cfg.phrases = {QStringLiteral("I want my zzyzxq back")};
        cfg.identifierFormats = {QStringLiteral("ORD-######"), QStringLiteral("[2-9]#########"), QStringLiteral("AB[x]")};
        const auto &m = *model.value();
        DomainLanguageModel domain(cfg, [&m](const QString &word) { return m.contains(word); });
        const QString warnings = domain.warnings().join(QLatin1Char('\n'));
        QVERIFY2(warnings.contains(QLatin1String("keywords[1]: 'bluedartx' is not in the pronunciation dictionary; dropped")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("keywords[2]: boost 'abc' is not a number")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("phrases[0]: 'zzyzxq'")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("identifierFormats[2]:")), qPrintable(warnings));
        QVERIFY(!warnings.contains(QLatin1String("identifierFormats[1]")));
        const QString grammar = domain.identifierGrammar();
        QVERIFY2(grammar.contains(QLatin1String("o r d <digit> <digit>")), qPrintable(grammar));
        QVERIFY2(grammar.contains(QLatin1String("(two | three | four | five | six | seven | eight | nine) <digit>")), qPrintable(grammar));
        const QStringList vocab = domain.vocabulary();
        QVERIFY(vocab.contains(QStringLiteral("order")));
        QVERIFY(vocab.contains(QStringLiteral("browsing")));
        QVERIFY(!vocab.contains(QStringLiteral("zzyzxq")));
    }
};

QTEST_GUILESS_MAIN(TestArpaLanguageModel)
#include "tst_arpalanguagemodel.moc"
