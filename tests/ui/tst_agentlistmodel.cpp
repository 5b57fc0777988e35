// The agent list model under QAbstractItemModelTester: a catalogue read, inserts in catalogue
// order, updates in place, removals, with the row signals a view relies on.
#include "agents/agentlistmodel.h"

#include "agent/agentcatalogue.h"
#include "tools/toolcatalogue.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ringside;
using namespace ringside::ui;

namespace {
CatalogueEntry userEntry(const QString &slug, const QString &name)
{
    CatalogueEntry e;
    e.slug = slug;
    e.path = QStringLiteral("/agents/%1.json").arg(slug);
    e.agent.name = name;
    e.agent.useCase = UseCase::CartRecovery;
    return e;
}
} // namespace

class TestAgentListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheShippedCatalogue()
    {
        AgentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const AgentCatalogue catalogue(QString(), toolNames());
        model.setEntries(catalogue.entries());
        QCOMPARE(model.rowCount(), int(catalogue.entries().size()));
        QVERIFY(model.rowCount() >= 5);
        QCOMPARE(model.columnCount(), int(AgentListModel::ColumnCount));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex name = model.index(row, AgentListModel::NameColumn);
            QCOMPARE(name.data().toString(), catalogue.entries().at(row).agent.name);
            QCOMPARE(name.data(AgentListModel::ShippedRole).toBool(), true);
            QCOMPARE(model.index(row, AgentListModel::SourceColumn).data().toString(), QStringLiteral("Shipped"));
            QCOMPARE(name.data(AgentListModel::IssueCountRole).toInt(), 0);
        }
        const int tracker = model.rowOfPath(QStringLiteral(":/ringside/agents/order-tracker.json"));
        QVERIFY(tracker >= 0);
        QCOMPARE(model.index(tracker, AgentListModel::UseCaseColumn).data().toString(),
                 QStringLiteral("Order status (WISMO)"));
    }

    void insertsUpdatesAndRemovesInCatalogueOrder()
    {
        AgentListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(AgentCatalogue(QString(), toolNames()).entries());
        const int shipped = model.rowCount();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QCOMPARE(model.upsert(userEntry(QStringLiteral("b-agent"), QStringLiteral("B"))), shipped);
        QCOMPARE(model.upsert(userEntry(QStringLiteral("a-agent"), QStringLiteral("A"))), shipped);   // before b
        QCOMPARE(model.upsert(userEntry(QStringLiteral("c-agent"), QStringLiteral("C"))), shipped + 2);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.index(shipped, 0).data(AgentListModel::SlugRole).toString(), QStringLiteral("a-agent"));
        QCOMPARE(model.index(shipped, AgentListModel::SourceColumn).data().toString(), QStringLiteral("Yours"));

        // A shipped entry goes before every user entry.
        CatalogueEntry extra = userEntry(QStringLiteral("zz-shipped"), QStringLiteral("Z"));
        extra.shipped = true;
        QCOMPARE(model.upsert(extra), shipped);
        QCOMPARE(inserted.count(), 4);

        CatalogueEntry renamed = userEntry(QStringLiteral("b-agent"), QStringLiteral("B renamed"));
        renamed.issues.append({ QStringLiteral("/agent/llmTemperature"), QStringLiteral("must be between 0 and 2") });
        const int row = model.upsert(renamed);
        QCOMPARE(inserted.count(), 4);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("B renamed"));
        QCOMPARE(model.index(row, 0).data(AgentListModel::IssueCountRole).toInt(), 1);
        QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 problem")));

        QVERIFY(model.remove(renamed.path));
        QVERIFY(!model.remove(renamed.path));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowOfPath(renamed.path), -1);
        QCOMPARE(model.rowCount(), shipped + 3);
        QVERIFY(!model.entryAt(model.rowCount()));
    }
};

QTEST_MAIN(TestAgentListModel)
#include "tst_agentlistmodel.moc"
