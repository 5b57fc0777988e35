// Choosing and configuring a client from an agent's llmProvider and the environment.
#include "engine/llm/geminiclient.h"
#include "engine/llm/llmfactory.h"
#include "engine/llm/openaicompatibleclient.h"

#include <QTest>

using namespace ringside;

namespace {
QProcessEnvironment env(const QList<QPair<QString, QString>> &vars)
{
    QProcessEnvironment e;
    for (const auto &[name, value] : vars)
        e.insert(name, value);
    return e;
}
} // namespace

class TestLlmFactory : public QObject
{
    Q_OBJECT
private slots:
    void providerNamesMapToClients_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("baseUrl");
        QTest::addRow("gemini") << QStringLiteral("gemini") << QStringLiteral("gemini")
                                << QStringLiteral("https://generativelanguage.googleapis.com/v1beta");
        QTest::addRow("gemini-2.5 (the seed's)") << QStringLiteral("gemini-2.5") << QStringLiteral("gemini")
                                                 << QStringLiteral("https://generativelanguage.googleapis.com/v1beta");
        QTest::addRow("openai-compatible") << QStringLiteral("openai-compatible") << QStringLiteral("openai-compatible")
                                           << QStringLiteral("http://localhost:11434/v1");
        QTest::addRow("ollama") << QStringLiteral("Ollama") << QStringLiteral("openai-compatible")
                                << QStringLiteral("http://localhost:11434/v1");
        QTest::addRow("llama.cpp") << QStringLiteral("llama.cpp") << QStringLiteral("openai-compatible")
                                   << QStringLiteral("http://localhost:8080/v1");
        QTest::addRow("vllm") << QStringLiteral(" vllm ") << QStringLiteral("openai-compatible")
                              << QStringLiteral("http://localhost:8000/v1");
    }
    void providerNamesMapToClients()
    {
        QFETCH(QString, provider);
        QFETCH(QString, client);
        QFETCH(QString, baseUrl);
        QString error;
        auto made = createLlmClient(provider, env({{QStringLiteral("GEMINI_API_KEY"), QStringLiteral("k")}}), &error);
        QVERIFY2(made, qPrintable(error));
        QCOMPARE(made->providerName(), client);
        QCOMPARE(made->options().baseUrl.toString(), baseUrl);
    }

    void unknownProviderListsTheKnownOnes()
    {
        QString error;
        QVERIFY(!createLlmClient(QStringLiteral("gpt-please"), QProcessEnvironment(), &error));
        QVERIFY2(error.contains(QStringLiteral("llmProvider: \"gpt-please\"")), qPrintable(error));
        for (const QString &known : remoteLlmProviders())
            QVERIFY2(error.contains(known), qPrintable(error));
    }

    void geminiNeedsAKey()
    {
        QString error;
        QVERIFY(!createLlmClient(QStringLiteral("gemini-2.5"), QProcessEnvironment(), &error));
        QVERIFY2(error.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("GOOGLE_API_KEY")), qPrintable(error));
        QVERIFY(!createLlmClient(QStringLiteral("gemini"), env({{QStringLiteral("GEMINI_API_KEY"), QStringLiteral("  ")}}), &error));
    }

    void googleKeyIsTheFallbackAndGeminiKeyWins()
    {
        QString error;
        auto a = llmOptionsFromEnvironment(QStringLiteral("gemini"),
                                           env({{QStringLiteral("GOOGLE_API_KEY"), QStringLiteral("g-key")}}), &error);
        QVERIFY2(a, qPrintable(error));
        QCOMPARE(a->apiKey, QStringLiteral("g-key"));
        auto b = llmOptionsFromEnvironment(QStringLiteral("gemini"),
                                           env({{QStringLiteral("GOOGLE_API_KEY"), QStringLiteral("g-key")},
                                                {QStringLiteral("GEMINI_API_KEY"), QStringLiteral("gem-key")}}), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->apiKey, QStringLiteral("gem-key"));
    }

    void localServersNeedNoKeyButUseOneWhenSet()
    {
        QString error;
        auto none = llmOptionsFromEnvironment(QStringLiteral("ollama"), QProcessEnvironment(), &error);
        QVERIFY2(none, qPrintable(error));
        QVERIFY(none->apiKey.isEmpty());
        auto some = llmOptionsFromEnvironment(QStringLiteral("vllm"),
                                              env({{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-1")}}), &error);
        QVERIFY2(some, qPrintable(error));
        QCOMPARE(some->apiKey, QStringLiteral("sk-1"));
    }

    void baseUrlsComeFromTheEnvironment()
    {
        QString error;
        auto openai = llmOptionsFromEnvironment(
            QStringLiteral("llama.cpp"),
            env({{QStringLiteral("RINGSIDE_OPENAI_BASE_URL"), QStringLiteral("http://10.0.0.5:9000/v1")}}), &error);
        QVERIFY2(openai, qPrintable(error));
        QCOMPARE(openai->baseUrl.toString(), QStringLiteral("http://10.0.0.5:9000/v1"));
        auto gemini = llmOptionsFromEnvironment(
            QStringLiteral("gemini"),
            env({{QStringLiteral("RINGSIDE_GEMINI_BASE_URL"), QStringLiteral("http://127.0.0.1:7000/v1beta")},
                 {QStringLiteral("GEMINI_API_KEY"), QStringLiteral("k")}}), &error);
        QVERIFY2(gemini, qPrintable(error));
        QCOMPARE(gemini->baseUrl.toString(), QStringLiteral("http://127.0.0.1:7000/v1beta"));
    }

    void badBaseUrlNamesTheVariable_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addRow("no scheme") << QStringLiteral("localhost:11434/v1");
        QTest::addRow("ftp") << QStringLiteral("ftp://host/v1");
        QTest::addRow("no host") << QStringLiteral("http:///v1");
    }
    void badBaseUrlNamesTheVariable()
    {
        QFETCH(QString, value);
        QString error;
        QVERIFY(!createLlmClient(QStringLiteral("ollama"), env({{QStringLiteral("RINGSIDE_OPENAI_BASE_URL"), value}}), &error));
        QVERIFY2(error.startsWith(QStringLiteral("RINGSIDE_OPENAI_BASE_URL:")), qPrintable(error));
        QVERIFY2(error.contains(value), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLlmFactory)
#include "tst_llmfactory.moc"
