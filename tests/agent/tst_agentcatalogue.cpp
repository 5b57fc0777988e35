// The catalogue: the five shipped agents as compiled in, the user folder, and lookups.
#include "agent/agentcatalogue.h"
#include "agent/template.h"

#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray minimalAgent(const char *name)
{
    return QByteArray(R"({"agent": {"name": ")") + name + R"(", "greetingMessage": "Hi", "prompt": "Help"}})";
}

} // namespace

class TestAgentCatalogue : public QObject
{
    Q_OBJECT
private slots:
    void shippedAgents_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("useCase");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("tools");
        const QString transfer = QStringLiteral("transfer_to_human");
        const QString end = QStringLiteral("end_call");
        QTest::addRow("order tracker") << QStringLiteral("order-tracker") << QStringLiteral("Order Tracker") << QStringLiteral("inbound")
            << QStringLiteral("wismo") << QStringLiteral("en-US")
            << QStringList{ QStringLiteral("get_order_status"), QStringLiteral("get_tracking_details"), QStringLiteral("reschedule_delivery"),
                            QStringLiteral("verify_caller"), transfer, end };
        QTest::addRow("delivery notifier") << QStringLiteral("delivery-notifier") << QStringLiteral("Delivery Notifier") << QStringLiteral("outbound")
            << QStringLiteral("delivery_update") << QStringLiteral("en-US")
            << QStringList{ QStringLiteral("get_order_status"), QStringLiteral("get_tracking_details"), QStringLiteral("reschedule_delivery"), transfer, end };
        QTest::addRow("cod") << QStringLiteral("cod-confirmation") << QStringLiteral("COD Confirmation") << QStringLiteral("outbound")
            << QStringLiteral("cod_confirmation") << QStringLiteral("hi-IN")
            << QStringList{ QStringLiteral("get_order_status"), QStringLiteral("confirm_cod_order"), QStringLiteral("cancel_order"),
                            QStringLiteral("reschedule_delivery"), transfer, end };
        QTest::addRow("cart") << QStringLiteral("cart-recovery") << QStringLiteral("Cart Recovery") << QStringLiteral("outbound")
            << QStringLiteral("cart_recovery") << QStringLiteral("en-US")
            << QStringList{ QStringLiteral("get_abandoned_cart"), QStringLiteral("check_available_offers"), QStringLiteral("apply_discount"),
                            QStringLiteral("send_checkout_link"), QStringLiteral("record_cart_abandonment_reason"), transfer, end };
        QTest::addRow("returns") << QStringLiteral("returns-handler") << QStringLiteral("Returns Handler") << QStringLiteral("inbound")
            << QStringLiteral("returns") << QStringLiteral("en-US")
            << QStringList{ QStringLiteral("get_order_status"), QStringLiteral("initiate_return"), QStringLiteral("schedule_pickup"),
                            QStringLiteral("check_return_status"), QStringLiteral("verify_caller"), transfer, end };
    }
    void shippedAgents()
    {
        QFETCH(QString, slug);
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, useCase);
        QFETCH(QString, language);
        QFETCH(QStringList, tools);
        const AgentCatalogue catalogue;
        QCOMPARE(catalogue.entries().size(), 5);
        const Result<CatalogueEntry> found = catalogue.find(slug);
        QVERIFY2(found.ok(), qPrintable(found.error()));
        const CatalogueEntry &e = found.value();
        QVERIFY(e.shipped);
        QCOMPARE(e.path, QStringLiteral(":/ringside/agents/%1.json").arg(slug));
        QVERIFY2(e.issues.isEmpty(), qPrintable(e.issues.isEmpty() ? QString() : formatIssue(e.issues.first())));
        const Agent &a = e.agent;
        QCOMPARE(a.name, name);
        QCOMPARE(agentTypeName(a.type), type);
        QCOMPARE(useCaseName(a.useCase), useCase);
        QCOMPARE(a.language, language);
        QCOMPARE(a.tools, tools);
        QCOMPARE(a.playbook, slug + QStringLiteral(".playbook.json"));
        QCOMPARE(agentSlug(a.name), slug);
        // Every tool the agent may use is named in its prompt, so the model knows when to use it.
        for (const QString &tool : tools)
            QVERIFY2(a.prompt.contains(tool), qPrintable(tool));
        QVERIFY(a.prompt.size() > 1500);
        // Rendered with only the store's name, nothing in braces is left to be spoken.
        const RenderResult greeting = renderTemplate(a.greetingMessage, { { QStringLiteral("storeName"), QStringLiteral("Kiran") } });
        QVERIFY(!greeting.text.contains(u'{'));
        QVERIFY(!greeting.text.contains(u'}'));
    }

    void inboundAgentsVerifyCallers()
    {
        const AgentCatalogue catalogue;
        for (const CatalogueEntry &e : catalogue.entries()) {
            const bool inbound = e.agent.type == AgentType::Inbound;
            QCOMPARE(e.agent.callerVerification.required, inbound);
            if (inbound)
                QCOMPARE(e.agent.callerVerification.methods.first(), QStringLiteral("pin_code"));
        }
    }

    // Every shipped agent in the seed's other Indian languages, for the LLM brain.
    void variants_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<QString>("language");
        for (const char *slug : { "order-tracker", "delivery-notifier", "cod-confirmation", "cart-recovery", "returns-handler" })
            for (const char *language : { "mr-IN", "ta-IN", "kn-IN", "gu-IN", "bn-IN", "ml-IN", "te-IN" })
                QTest::addRow("%s %s", slug, language) << QString::fromLatin1(slug) << QString::fromLatin1(language);
    }
    void variants()
    {
        QFETCH(QString, slug);
        QFETCH(QString, language);
        const AgentCatalogue catalogue;
        const CatalogueEntry base = catalogue.find(slug).value();
        bool found = false;
        const CatalogueEntry v = catalogue.variantFor(base, language, &found);
        QVERIFY(found);
        QCOMPARE(v.path, QStringLiteral(":/ringside/agents/variants/%1.%2.json").arg(slug, language));
        QCOMPARE(v.slug, slug);
        QVERIFY2(v.issues.isEmpty(), qPrintable(v.issues.isEmpty() ? QString() : formatIssue(v.issues.first())));
        const Agent &a = v.agent;
        QCOMPARE(a.language, language);
        QCOMPARE(a.sttProvider, QStringLiteral("google"));
        QCOMPARE(a.sttModel, QStringLiteral("chirp"));
        QCOMPARE(a.ttsProvider, QStringLiteral("azure"));
        QVERIFY(a.ttsVoice.startsWith(language + QLatin1Char('-')) && a.ttsVoice.endsWith(QLatin1String("Neural")));
        QCOMPARE(a.tools, base.agent.tools);
        QCOMPARE(a.type, base.agent.type);
        QCOMPARE(a.useCase, base.agent.useCase);
        QCOMPARE(a.callerVerification, base.agent.callerVerification);
        // Written in the language: most letters of the greeting and prompt are not Latin (the
        // tool names, enum values and variables inside stay as they are).
        const auto nativeShare = [](QString text) {
            text.remove(QRegularExpression(QStringLiteral("\\{\\{[^}]*\\}\\}"))); // {{storeName}} stays as written
            int latin = 0, other = 0;
            for (const QChar c : text) {
                if (!c.isLetter() && !c.isMark())
                    continue;
                (c.unicode() < 0x250 ? latin : other)++;
            }
            return double(other) / double(qMax(1, latin + other));
        };
        QVERIFY2(nativeShare(a.greetingMessage) > 0.6, qPrintable(a.greetingMessage));
        QVERIFY2(nativeShare(a.prompt) > 0.6, qPrintable(a.prompt.left(200)));
        for (const QString &tool : a.tools)
            QVERIFY2(a.prompt.contains(tool), qPrintable(tool));
        // Dates and money are phrased in English or Hindi by the engine: a greeting in another
        // language speaks none of them.
        for (const char *var : { "{{deliveryDate}}", "{{orderTotal}}", "{{deliveryUpdate}}", "{{cartTotal}}" })
            QVERIFY2(!a.greetingMessage.contains(QLatin1String(var)), var);
    }

    // The Hindi COD agent in English (issue 16: the seed's languages for every agent): a complete
    // agent of its own, written in English, with an Indian English voice and the same tools.
    void englishVariantOfTheHindiAgent()
    {
        const AgentCatalogue catalogue;
        const CatalogueEntry cod = catalogue.find(QStringLiteral("cod-confirmation")).value();
        bool found = false;
        const CatalogueEntry v = catalogue.variantFor(cod, QStringLiteral("en-IN"), &found);
        QVERIFY(found);
        QCOMPARE(v.path, QStringLiteral(":/ringside/agents/variants/cod-confirmation.en-IN.json"));
        QVERIFY2(v.issues.isEmpty(), qPrintable(v.issues.isEmpty() ? QString() : formatIssue(v.issues.first())));
        const Agent &a = v.agent;
        QCOMPARE(a.language, QStringLiteral("en-IN"));
        QVERIFY(a.ttsVoice.startsWith(QLatin1String("en-IN-")) && a.ttsVoice.endsWith(QLatin1String("Neural")));
        QCOMPARE(a.tools, cod.agent.tools);
        QCOMPARE(a.type, cod.agent.type);
        QCOMPARE(a.useCase, cod.agent.useCase);
        QCOMPARE(a.playbook, cod.agent.playbook);
        for (const QString &tool : a.tools)
            QVERIFY2(a.prompt.contains(tool), qPrintable(tool));
        for (const char *reason : { "changed_mind", "found_cheaper", "delivery_too_slow", "wrong_item", "other" })
            QVERIFY2(a.prompt.contains(QLatin1String(reason)), reason);
        // English, not the Hindi agent's romanised Hindi.
        for (const QString &text : { a.greetingMessage, a.prompt }) {
            for (const char *hindi : { "Namaste", "kijiye", "hai", "aap" })
                QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(hindi)))), hindi);
        }
        QVERIFY(catalogue.variantLanguages(cod).contains(QStringLiteral("en-IN")));
    }

    void variantLookups()
    {
        const AgentCatalogue catalogue;
        const CatalogueEntry tracker = catalogue.find(QStringLiteral("order-tracker")).value();
        bool found = false;
        QCOMPARE(catalogue.variantFor(tracker, QStringLiteral("ta"), &found).agent.language, QStringLiteral("ta-IN"));
        QVERIFY(found);
        QCOMPARE(catalogue.variantFor(tracker, QStringLiteral("en-US"), &found).path, tracker.path);
        QVERIFY(found);
        QCOMPARE(catalogue.variantFor(tracker, QStringLiteral("fr-FR"), &found).path, tracker.path);
        QVERIFY(!found);
        QCOMPARE(catalogue.variantFor(tracker, QString(), &found).path, tracker.path);
        QVERIFY(!found);
        QCOMPARE(catalogue.variantLanguages(tracker),
                 (QStringList{ QStringLiteral("bn-IN"), QStringLiteral("gu-IN"), QStringLiteral("kn-IN"), QStringLiteral("ml-IN"),
                               QStringLiteral("mr-IN"), QStringLiteral("ta-IN"), QStringLiteral("te-IN") }));
        // Variants are the same agents: they are not listed as agents of their own.
        QCOMPARE(catalogue.entries().size(), 5);
    }

    void userVariantWins()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("variants")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("variants/order-tracker.ta-IN.json")),
                          R"({"agent": {"name": "Mine", "language": "ta-IN", "greetingMessage": "வணக்கம்", "prompt": "உதவி"}})"));
        const AgentCatalogue catalogue(dir.path());
        const CatalogueEntry tracker = catalogue.find(QStringLiteral("order-tracker")).value();
        bool found = false;
        const CatalogueEntry v = catalogue.variantFor(tracker, QStringLiteral("ta-IN"), &found);
        QVERIFY(found);
        QCOMPARE(v.agent.name, QStringLiteral("Mine"));
        QVERIFY(!v.shipped);
        // Other languages still come from the shipped variants.
        QCOMPARE(catalogue.variantFor(tracker, QStringLiteral("te-IN"), &found).agent.language, QStringLiteral("te-IN"));
    }

    void compiledInMatchesSourceTree()
    {
        const AgentCatalogue catalogue;
        for (const CatalogueEntry &e : catalogue.entries()) {
            QFile compiled(e.path);
            QFile source(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/agents/%1.json").arg(e.slug));
            QVERIFY(compiled.open(QIODevice::ReadOnly));
            QVERIFY(source.open(QIODevice::ReadOnly));
            QCOMPARE(compiled.readAll(), source.readAll());
        }
    }

    void lookups_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("slug");
        QTest::addRow("slug") << QStringLiteral("cart-recovery") << QStringLiteral("cart-recovery");
        QTest::addRow("name") << QStringLiteral("COD Confirmation") << QStringLiteral("cod-confirmation");
        QTest::addRow("name any case") << QStringLiteral("order tracker") << QStringLiteral("order-tracker");
        QTest::addRow("name with spaces around") << QStringLiteral("  Returns Handler ") << QStringLiteral("returns-handler");
        QTest::addRow("resource path") << QStringLiteral(":/ringside/agents/delivery-notifier.json") << QStringLiteral("delivery-notifier");
        QTest::addRow("source path") << QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/agents/order-tracker.json") << QStringLiteral("order-tracker");
    }
    void lookups()
    {
        QFETCH(QString, key);
        QFETCH(QString, slug);
        const AgentCatalogue catalogue;
        const Result<CatalogueEntry> found = catalogue.find(key);
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found->slug, slug);
        QVERIFY(found->issues.isEmpty());
    }

    void unknownLookupSaysWhatIsKnown()
    {
        const AgentCatalogue catalogue;
        const Result<CatalogueEntry> found = catalogue.find(QStringLiteral("Refund Bot"));
        QVERIFY(!found.ok());
        QVERIFY2(found.error().startsWith(QLatin1String("no agent \"Refund Bot\"")), qPrintable(found.error()));
        QVERIFY2(found.error().contains(QLatin1String("Cart Recovery (cart-recovery)")), qPrintable(found.error()));
    }

    void userFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("order-tracker.json")), minimalAgent("Order Tracker")));   // an edited copy
        QVERIFY(writeFile(dir.filePath(QStringLiteral("festive-sale.json")), minimalAgent("Festive Sale")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("festive-sale.playbook.json")), "{\"steps\": []}"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("broken.json")), "{\"agent\": "));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.txt")), "not an agent"));

        const AgentCatalogue catalogue(dir.path());
        QStringList slugs;
        for (const CatalogueEntry &e : catalogue.entries())
            slugs << e.slug + (e.shipped ? QStringLiteral("*") : QString());
        QCOMPARE(slugs, QStringList({ QStringLiteral("cart-recovery*"), QStringLiteral("cod-confirmation*"),
                                      QStringLiteral("delivery-notifier*"), QStringLiteral("returns-handler*"),
                                      QStringLiteral("broken"), QStringLiteral("festive-sale"), QStringLiteral("order-tracker") }));

        const Result<CatalogueEntry> tracker = catalogue.find(QStringLiteral("Order Tracker"));
        QVERIFY(tracker.ok());
        QVERIFY(!tracker->shipped);
        QCOMPARE(tracker->agent.prompt, QStringLiteral("Help"));

        const Result<CatalogueEntry> broken = catalogue.find(QStringLiteral("broken"));
        QVERIFY(broken.ok());
        QCOMPARE(broken->issues.size(), 1);
        QVERIFY(broken->issues.first().message.startsWith(QLatin1String("not valid JSON at line 1")));

        // A file outside the catalogue is loaded on the spot.
        QTemporaryDir other;
        const QString elsewhere = other.filePath(QStringLiteral("one-off.json"));
        QVERIFY(writeFile(elsewhere, minimalAgent("One Off")));
        const Result<CatalogueEntry> oneOff = catalogue.find(elsewhere);
        QVERIFY(oneOff.ok());
        QCOMPARE(oneOff->agent.name, QStringLiteral("One Off"));
        QCOMPARE(oneOff->slug, QStringLiteral("one-off"));

        // reload() sees files added since.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("late.json")), minimalAgent("Late")));
        AgentCatalogue reloaded(dir.path());
        QVERIFY(!catalogue.find(QStringLiteral("late")).ok());
        QVERIFY(reloaded.find(QStringLiteral("late")).ok());
    }

    void knownToolsFlowIntoEntries()
    {
        const AgentCatalogue catalogue({}, { QStringLiteral("end_call") });
        const Result<CatalogueEntry> tracker = catalogue.find(QStringLiteral("order-tracker"));
        QVERIFY(tracker.ok());
        QCOMPARE(tracker->issues.size(), 5);   // five of its six tools are not in this list
        QCOMPARE(tracker->issues.first().pointer, QStringLiteral("/agent/tools/0"));
    }

    void slugs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("slug");
        QTest::addRow("two words") << QStringLiteral("Order Tracker") << QStringLiteral("order-tracker");
        QTest::addRow("acronym") << QStringLiteral("COD Confirmation") << QStringLiteral("cod-confirmation");
        QTest::addRow("punctuation") << QStringLiteral("  Diwali Sale -- 2026! ") << QStringLiteral("diwali-sale-2026");
        QTest::addRow("empty") << QString() << QString();
    }
    void slugs()
    {
        QFETCH(QString, name);
        QFETCH(QString, slug);
        QCOMPARE(agentSlug(name), slug);
    }
};

QTEST_GUILESS_MAIN(TestAgentCatalogue)
#include "tst_agentcatalogue.moc"
