// createLlmBrain: a brain for agents that can run on a language model, and an error naming the
// field or environment variable for those that cannot.
#include "engine/llmbrain/llmbrainfactory.h"

#include <QTest>

using namespace ringside;

class TestLlmBrainFactory : public QObject
{
    Q_OBJECT
private slots:
    void buildingFromAnAgent_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("errorMentions"); // empty: a brain is built
        QTest::addRow("ollama") << QStringLiteral("ollama") << QStringLiteral("qwen2.5:7b") << QStringList() << QString();
        QTest::addRow("gemini with key") << QStringLiteral("gemini-2.5") << QStringLiteral("gemini-2.5-flash-lite")
                                         << QStringList{QStringLiteral("GEMINI_API_KEY=k")} << QString();
        QTest::addRow("gemini without key") << QStringLiteral("gemini-2.5") << QStringLiteral("gemini-2.5-flash-lite")
                                            << QStringList() << QStringLiteral("GEMINI_API_KEY");
        QTest::addRow("embedded") << QStringLiteral("embedded") << QStringLiteral("x") << QStringList()
                                  << QStringLiteral("llmProvider");
        QTest::addRow("no model") << QStringLiteral("ollama") << QString() << QStringList() << QStringLiteral("llmModel");
        QTest::addRow("unknown provider") << QStringLiteral("clippy") << QStringLiteral("m") << QStringList()
                                          << QStringLiteral("clippy");
        QTest::addRow("bad base url") << QStringLiteral("vllm") << QStringLiteral("m")
                                      << QStringList{QStringLiteral("RINGSIDE_OPENAI_BASE_URL=ftp://x")}
                                      << QStringLiteral("RINGSIDE_OPENAI_BASE_URL");
    }
    void buildingFromAnAgent()
    {
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(QStringList, environment);
        QFETCH(QString, errorMentions);
        Agent agent;
        agent.llmProvider = provider;
        agent.llmModel = model;
        QProcessEnvironment env;
        for (const QString &kv : environment)
            env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        QString error;
        const auto brain = createLlmBrain(agent, env, &error);
        if (errorMentions.isEmpty()) {
            QVERIFY2(brain, qPrintable(error));
            QCOMPARE(brain->kind(), QStringLiteral("llm"));
        } else {
            QVERIFY(!brain);
            QVERIFY2(error.contains(errorMentions), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestLlmBrainFactory)
#include "tst_llmbrainfactory.moc"
