// The tables every producer and consumer of call events share (conversation/eventtype.h,
// conversation/outcomes.h): each event type has one wire name and back, unknown names are
// Unknown, and the outcomes that carry revenue are outcomes.
#include "conversation/eventtype.h"
#include "conversation/outcomes.h"

#include <QSet>
#include <QTest>

using namespace ringside;

class TestConversationTables : public QObject
{
    Q_OBJECT
private slots:
    void everyTypeRoundTrips()
    {
        QSet<QString> names;
        for (int i = 0; i < int(EventType::Unknown); ++i) {
            const auto type = EventType(i);
            const QString name = eventTypeName(type);
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            QCOMPARE(eventTypeOf(name), type);
            names.insert(name);
        }
        QCOMPARE(names.size(), int(EventType::Unknown)); // no two types share a name
    }

    void wireNamesAreTheDocumentedOnes()
    {
        QCOMPARE(eventTypeName(EventType::Agent), QStringLiteral("agent"));
        QCOMPARE(eventTypeName(EventType::ToolCall), QStringLiteral("tool_call"));
        QCOMPARE(eventTypeName(EventType::ToolResult), QStringLiteral("tool_result"));
        QCOMPARE(eventTypeName(EventType::End), QStringLiteral("end"));
        QCOMPARE(eventTypeName(EventType::UserPartial), QStringLiteral("user_partial"));
        QCOMPARE(eventTypeName(EventType::SpeechError), QStringLiteral("speech_error"));
    }

    void unknownNames()
    {
        QCOMPARE(eventTypeOf(u"tool-call"), EventType::Unknown);
        QCOMPARE(eventTypeOf(u"Agent"), EventType::Unknown);
        QCOMPARE(eventTypeOf(u""), EventType::Unknown);
        QCOMPARE(eventTypeName(EventType::Unknown), QString());
    }

    void revenueOutcomesAreOutcomes()
    {
        QCOMPARE(revenueOutcomes(), (QStringList{ QStringLiteral("recovered"), QStringLiteral("confirmed"), QStringLiteral("modified") }));
        for (const QString &o : revenueOutcomes()) {
            QVERIFY2(callOutcomes().contains(o), qPrintable(o));
            QVERIFY(carriesRevenue(o));
        }
        QVERIFY(!carriesRevenue(QStringLiteral("resolved")));
        QVERIFY(!carriesRevenue(QStringLiteral("in_progress")));
        QCOMPARE(QSet<QString>(callOutcomes().cbegin(), callOutcomes().cend()).size(), callOutcomes().size());
    }
};

QTEST_GUILESS_MAIN(TestConversationTables)
#include "tst_conversationtables.moc"
