// Which agent, language and brain a call runs on (engine/callagent.h): the playbook brain speaks
// English and Hindi; another language goes to the LLM brain when one is configured, else the
// whole call runs in the agent's own language.
#include "engine/brainfactory.h"
#include "engine/callagent.h"
#include "engine/nlu/analyser.h"
#include "tools/toolcatalogue.h"

#include <QTest>

using namespace ringside;

class TestCallAgent : public QObject
{
    Q_OBJECT
private:
    AgentCatalogue catalogue{ QString(), toolNames() };

    static QProcessEnvironment withGeminiKey()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("test-key"));
        return env;
    }

private slots:
    void playbookLanguages()
    {
        QVERIFY(playbookSpeaks(QStringLiteral("en-US")));
        QVERIFY(playbookSpeaks(QStringLiteral("en-IN")));
        QVERIFY(playbookSpeaks(QStringLiteral("hi-IN")));
        for (const char *l : { "mr-IN", "ta-IN", "kn-IN", "gu-IN", "bn-IN", "ml-IN", "te-IN" })
            QVERIFY2(!playbookSpeaks(QLatin1String(l)), l);
    }

    void ownLanguageStaysOnThePlaybook()
    {
        const CatalogueEntry cod = catalogue.find(QStringLiteral("cod-confirmation")).value();
        const CallAgent c = agentForCall(catalogue, cod, QStringLiteral("hi-IN"), QStringLiteral("playbook"), QProcessEnvironment());
        QCOMPARE(c.entry.path, cod.path);
        QCOMPARE(c.brainKind, QStringLiteral("playbook"));
        QCOMPARE(c.language, QStringLiteral("hi-IN"));
        QVERIFY(c.note.isEmpty());
    }

    void anotherLanguageGoesToTheLlmWhenConfigured()
    {
        const CatalogueEntry tracker = catalogue.find(QStringLiteral("order-tracker")).value();
        const CallAgent c = agentForCall(catalogue, tracker, QStringLiteral("ta-IN"), QStringLiteral("playbook"), withGeminiKey());
        QCOMPARE(c.brainKind, QStringLiteral("llm"));
        QCOMPARE(c.language, QStringLiteral("ta-IN"));
        QCOMPARE(c.entry.agent.language, QStringLiteral("ta-IN"));
        QVERIFY(c.note.contains(QStringLiteral("English and Hindi")));
    }

    void withoutAnLlmTheCallStaysInTheAgentsLanguage()
    {
        const CatalogueEntry tracker = catalogue.find(QStringLiteral("order-tracker")).value();
        const CallAgent c = agentForCall(catalogue, tracker, QStringLiteral("kn-IN"), QStringLiteral("playbook"), QProcessEnvironment());
        QCOMPARE(c.brainKind, QStringLiteral("playbook"));
        QCOMPARE(c.entry.path, tracker.path);
        QCOMPARE(c.language, QStringLiteral("en-US"));
        QVERIFY2(c.note.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(c.note));
        QVERIFY(c.note.contains(QStringLiteral("en-US")));
    }

    void theLlmBrainTakesAnyVariant()
    {
        const CatalogueEntry cart = catalogue.find(QStringLiteral("cart-recovery")).value();
        const CallAgent c = agentForCall(catalogue, cart, QStringLiteral("bn"), QStringLiteral("llm"), QProcessEnvironment());
        QCOMPARE(c.brainKind, QStringLiteral("llm"));
        QCOMPARE(c.entry.agent.language, QStringLiteral("bn-IN"));
    }

    void unknownLanguageSaysSo()
    {
        const CatalogueEntry cart = catalogue.find(QStringLiteral("cart-recovery")).value();
        const CallAgent c = agentForCall(catalogue, cart, QStringLiteral("fr-FR"), QStringLiteral("playbook"), QProcessEnvironment());
        QCOMPARE(c.entry.path, cart.path);
        QCOMPARE(c.brainKind, QStringLiteral("playbook"));
        QVERIFY(c.note.contains(QStringLiteral("no fr-FR variant")));
    }

    // Given straight to the playbook brain, a Tamil agent is never half translated.
    void playbookBrainRefusesAnotherLanguageWithoutAnLlm()
    {
        qunsetenv("GEMINI_API_KEY");
        qunsetenv("GOOGLE_API_KEY");
        const CatalogueEntry tracker = catalogue.find(QStringLiteral("order-tracker")).value();
        const CatalogueEntry tamil = catalogue.variantFor(tracker, QStringLiteral("ta-IN"));
        BrainSetup setup;
        setup.agent = tamil.agent;
        setup.agentPath = tamil.path;
        QString error;
        const std::unique_ptr<Brain> brain = createBrain(QStringLiteral("playbook"), setup, &error);
        QVERIFY(!brain);
        QVERIFY2(error.contains(QStringLiteral("English and Hindi")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("ta-IN")));
    }

    void playbookBrainHandsAnotherLanguageToTheLlm()
    {
        qputenv("GEMINI_API_KEY", "test-key");
        const CatalogueEntry tracker = catalogue.find(QStringLiteral("order-tracker")).value();
        const CatalogueEntry tamil = catalogue.variantFor(tracker, QStringLiteral("ta-IN"));
        BrainSetup setup;
        setup.agent = tamil.agent;
        setup.agentPath = tamil.path;
        QString error;
        const std::unique_ptr<Brain> brain = createBrain(QStringLiteral("playbook"), setup, &error);
        qunsetenv("GEMINI_API_KEY");
        QVERIFY2(brain, qPrintable(error));
        QCOMPARE(brain->kind(), QStringLiteral("llm"));
    }
};

QTEST_GUILESS_MAIN(TestCallAgent)
#include "tst_callagent.moc"
