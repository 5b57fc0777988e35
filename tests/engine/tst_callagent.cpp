// Which agent, language and brain a call runs on (engine/callagent.h): the playbook brain speaks
// English and Hindi; another language goes to the LLM brain when one is configured, else the
// whole call runs in the agent's own language.
#include "engine/brainfactory.h"
#include "engine/callagent.h"
#include "engine/playbooktextlanguage.h"
#include "engine/nlu/analyser.h"
#include "tools/toolcatalogue.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;

class TestCallAgent : public QObject
{
    Q_OBJECT
private:
    AgentCatalogue catalogue{ QString(), toolNames() };

    // A hi-IN variant of the Order Tracker in a user folder, using `playbook` (a shipped one, or a
    // file written beside it when `playbookText` is given).
    static bool writeHindiTracker(const QString &folder, const QString &playbook, const QByteArray &playbookText = {})
    {
        QFile shipped(QStringLiteral(":/ringside/agents/order-tracker.json"));
        if (!shipped.open(QIODevice::ReadOnly))
            return false;
        json doc = json::parse(shipped.readAll().toStdString());
        doc["agent"]["language"] = "hi-IN";
        doc["agent"]["playbook"] = playbook.toStdString();
        if (!QDir(folder).mkpath(QStringLiteral("variants")))
            return false;
        QFile variant(folder + QStringLiteral("/variants/order-tracker.hi-IN.json"));
        if (!variant.open(QIODevice::WriteOnly) || variant.write(QByteArray::fromStdString(doc.dump(2))) < 0)
            return false;
        if (playbookText.isEmpty())
            return true;
        QFile pb(folder + QStringLiteral("/variants/") + playbook);
        return pb.open(QIODevice::WriteOnly) && pb.write(playbookText) == playbookText.size();
    }

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

    // The four English agents' playbooks have no Hindi texts; the COD playbook has English ones.
    void playbookTextLanguages()
    {
        for (const char *slug : { "order-tracker", "delivery-notifier", "cart-recovery", "returns-handler" }) {
            const QString path = QStringLiteral(":/ringside/agents/%1.playbook.json").arg(QLatin1String(slug));
            QVERIFY2(!playbook::firstTextMissingInFile(path, QStringLiteral("hi-IN"), QStringLiteral("en-US")).isEmpty(), slug);
            QCOMPARE(playbook::firstTextMissingInFile(path, QStringLiteral("en-IN"), QStringLiteral("en-US")), QString());
        }
        const QString cod = QStringLiteral(":/ringside/agents/cod-confirmation.playbook.json");
        QCOMPARE(playbook::firstTextMissingInFile(cod, QStringLiteral("en-IN"), QStringLiteral("hi-IN")), QString());
        QCOMPARE(playbook::firstTextMissingInFile(cod, QStringLiteral("hi"), QStringLiteral("hi-IN")), QString());

        const json mixed = json::parse(R"({"playbook": {"texts": {"goodbye": {"en": "Bye", "hi": "Alvida"}},
            "steps": {"a": {"ask": {"en": "Which?", "hi": "Kaunsa?"}, "on": [{"do": [{"say": "{{done.message}}"}]},
                                                                           {"do": [{"say": "Only English"}]}]}}}})");
        QCOMPARE(playbook::firstTextMissing(mixed, QStringLiteral("hi-IN"), QStringLiteral("en-US")),
                 QStringLiteral("/playbook/steps/a/on/1/do/0/say"));
        QCOMPARE(playbook::firstTextMissing(mixed, QStringLiteral("en"), QStringLiteral("en-US")), QString());
        QCOMPARE(playbook::firstTextMissingInFile(QStringLiteral("/no/such/file.json"), QStringLiteral("hi"), QStringLiteral("en")),
                 QStringLiteral("/"));
    }

    // A Hindi variant of an agent whose playbook is English only is never run half in Hindi.
    void hindiVariantNeedsHindiPlaybookTexts()
    {
        QTemporaryDir user;
        QVERIFY(writeHindiTracker(user.path(), QStringLiteral("order-tracker.playbook.json")));
        AgentCatalogue withVariant(user.path(), toolNames());
        const CatalogueEntry tracker = withVariant.find(QStringLiteral("order-tracker")).value();
        QVERIFY(withVariant.variantLanguages(tracker).contains(QStringLiteral("hi-IN")));

        const CallAgent offline = agentForCall(withVariant, tracker, QStringLiteral("hi-IN"), QStringLiteral("playbook"),
                                               QProcessEnvironment());
        QCOMPARE(offline.brainKind, QStringLiteral("playbook"));
        QCOMPARE(offline.entry.path, tracker.path);
        QCOMPARE(offline.language, QStringLiteral("en-US"));
        QVERIFY2(offline.note.contains(QStringLiteral("no hi-IN text")), qPrintable(offline.note));
        QVERIFY2(offline.note.contains(QStringLiteral("order-tracker.playbook.json")), qPrintable(offline.note));

        const CallAgent withLlm = agentForCall(withVariant, tracker, QStringLiteral("hi-IN"), QStringLiteral("playbook"),
                                               withGeminiKey());
        QCOMPARE(withLlm.brainKind, QStringLiteral("llm"));
        QCOMPARE(withLlm.entry.agent.language, QStringLiteral("hi-IN"));
    }

    void hindiVariantWithHindiPlaybookTextsRunsOnThePlaybook()
    {
        QTemporaryDir user;
        QVERIFY(writeHindiTracker(user.path(), QStringLiteral("tracker-hi.playbook.json"), QByteArrayLiteral(R"({"playbook": {
            "steps": {"a": {"ask": {"en": "Your order number?", "hi": "Aapka order number?"}, "on": []}}}})")));
        AgentCatalogue withVariant(user.path(), toolNames());
        const CatalogueEntry tracker = withVariant.find(QStringLiteral("order-tracker")).value();
        const CallAgent c = agentForCall(withVariant, tracker, QStringLiteral("hi-IN"), QStringLiteral("playbook"),
                                         QProcessEnvironment());
        QCOMPARE(c.brainKind, QStringLiteral("playbook"));
        QCOMPARE(c.language, QStringLiteral("hi-IN"));
        QVERIFY2(c.entry.path.startsWith(user.path()), qPrintable(c.entry.path));
        QVERIFY2(c.note.isEmpty(), qPrintable(c.note));
    }

    void englishCodVariantStillRunsOnThePlaybook()
    {
        const CatalogueEntry cod = catalogue.find(QStringLiteral("cod-confirmation")).value();
        const CallAgent c = agentForCall(catalogue, cod, QStringLiteral("en-IN"), QStringLiteral("playbook"), QProcessEnvironment());
        QCOMPARE(c.brainKind, QStringLiteral("playbook"));
        QCOMPARE(c.language, QStringLiteral("en-IN"));
        QVERIFY2(c.note.isEmpty(), qPrintable(c.note));
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
