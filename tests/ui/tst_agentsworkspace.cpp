// The Agents workspace clicked through as a user would: pick a shipped agent, duplicate it, edit,
// see the validator's error beside the field, fix it, undo/redo (buttons and keys), save and read
// the file back; preview and Try it against the demo store; delete and undo; the unsaved-changes
// guard; import of good and broken files.
#include "agents/agentdocument.h"
#include "agents/agenteditor.h"
#include "agents/agentlistmodel.h"
#include "agents/agentsworkspace.h"
#include "agents/conversationsection.h"
#include "agents/fielderrors.h"
#include "agents/greetingpreview.h"
#include "agents/toolssection.h"
#include "agents/tryitpanel.h"
#include "common/messagebar.h"
#include "services/backend.h"
#include "services/demodata.h"
#include "uitestutil.h"

#include "storage/database.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;

namespace {
const QString kTemperature = QStringLiteral("/agent/llmTemperature");
const QString kTracker = QStringLiteral(":/ringside/agents/order-tracker.json");

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void clickRow(QTreeView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

// Replaces a spin box's text the way a user does: select all, type, Enter.
void typeInto(QDoubleSpinBox *spin, const QString &text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}
} // namespace

class TestAgentsWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    Clock m_clock { fixedNow() };
    std::unique_ptr<AgentsWorkspace> m_workspace;

    QString agentsFolder() const { return m_dir.filePath(QStringLiteral("agents")); }
    AgentEditor *editor() const { return m_workspace->editor(); }

    void openAgent(const QString &path)
    {
        const int row = m_workspace->model()->rowOfPath(path);
        QVERIFY(row >= 0);
        clickRow(m_workspace->list(), row);
        QVERIFY(editor());
        QCOMPARE(editor()->document()->path(), path);
    }

    QString duplicateTracker()
    {
        openAgent(kTracker);
        if (!clickButton(m_workspace.get(), QStringLiteral("duplicateButton")) || !editor())
            return {};
        // A fresh copy is the shipped agent under a new name, with nothing to save.
        const Agent copy = editor()->document()->agent();
        const AgentLoadResult shipped = loadAgentFile(kTracker);
        if (editor()->isModified() || editor()->document()->undoStack()->count() != 0 || copy.tools != shipped.agent.tools
            || copy.prompt != shipped.agent.prompt || copy.keywords != shipped.agent.keywords)
            return {};
        return editor()->document()->path();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_backend = std::make_unique<Backend>();
        QCOMPARE(await(m_backend->openDatabase(m_dir.filePath(QStringLiteral("ringside.db")))), QString());
        const DemoLoadReport demo = await(m_backend->run([](WorkerServices &s) { return loadDemoData(s, fixedNow(), 1); }));
        QVERIFY2(demo.loaded, qPrintable(demo.error));
    }

    void init()
    {
        m_workspace = std::make_unique<AgentsWorkspace>(*m_backend, m_clock, agentsFolder());
        m_workspace->resize(1200, 800);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    }

    void cleanup()
    {
        if (editor() && editor()->isModified()) {
            answerNextMessageBox(QMessageBox::Discard);
            QVERIFY(m_workspace->canLeave());
        }
        m_workspace.reset();
    }

    void shippedAgentsAreReadOnlyTemplates()
    {
        QVERIFY(m_workspace->model()->rowCount() >= 5);
        openAgent(kTracker);
        QVERIFY(editor()->document()->isReadOnly());
        auto *name = editor()->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        QVERIFY(name->isReadOnly());
        QCOMPARE(name->text(), QStringLiteral("Order Tracker"));
        QVERIFY(!m_workspace->findChild<QAbstractButton *>(QStringLiteral("deleteButton"))->isEnabled());
        QVERIFY(!m_workspace->findChild<QAbstractButton *>(QStringLiteral("saveButton"))->isEnabled());
        // The banner's button duplicates.
        auto *bar = editor()->findChild<MessageBar *>();
        QVERIFY(bar && !bar->isHidden());
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QVERIFY(editor() && !editor()->document()->isReadOnly());
        QVERIFY(QFile::exists(editor()->document()->path()));
    }

    void editValidateFixUndoRedoSaveAndReload()
    {
        const QString path = duplicateTracker();
        QVERIFY(!path.isEmpty());
        QVERIFY(path.startsWith(agentsFolder()));
        QCOMPARE(editor()->document()->agent().name, QStringLiteral("Order Tracker (copy)"));
        const QByteArray original = fileBytes(path);

        auto *temperature = editor()->findChild<QDoubleSpinBox *>(QStringLiteral("temperatureSpin"));
        QVERIFY(temperature);
        QVERIFY(editor()->fieldErrors()->errorText(kTemperature).isEmpty());
        QVERIFY(editor()->issueList()->isHidden());

        typeInto(temperature, QStringLiteral("3"));
        QCOMPARE(editor()->document()->agent().llmTemperature, 3.0);
        const QString error = editor()->fieldErrors()->errorText(kTemperature);
        QVERIFY2(error.contains(QStringLiteral("between 0 and 2")), qPrintable(error));
        QVERIFY(!editor()->issueList()->isHidden());
        QCOMPARE(editor()->issueList()->count(), 1);
        QVERIFY(editor()->issueList()->item(0)->text().startsWith(kTemperature));
        QVERIFY(editor()->isModified());

        typeInto(temperature, QStringLiteral("1.5"));
        QCOMPARE(editor()->document()->agent().llmTemperature, 1.5);
        QVERIFY(editor()->fieldErrors()->errorText(kTemperature).isEmpty());
        QVERIFY(editor()->issueList()->isHidden());

        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("undoButton")));
        QCOMPARE(temperature->value(), 3.0);
        QVERIFY(!editor()->fieldErrors()->errorText(kTemperature).isEmpty());
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("redoButton")));
        QCOMPARE(temperature->value(), 1.5);
        QVERIFY(editor()->fieldErrors()->errorText(kTemperature).isEmpty());

        // Ctrl+Z from inside the spin box reaches the document's stack, not the spin box's own.
        temperature->setFocus();
        QTest::keyClick(temperature, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor()->document()->agent().llmTemperature, 3.0);
        QTest::keyClick(temperature, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor()->document()->agent().llmTemperature, 1.5);

        auto *name = editor()->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Night Shift Tracker"));
        QCOMPARE(editor()->document()->agent().name, QStringLiteral("Night Shift Tracker"));
        QCOMPARE(fileBytes(path), original);   // nothing written before Save

        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("saveButton")));
        QVERIFY(!editor()->isModified());
        const QByteArray saved = fileBytes(path);
        const AgentLoadResult reloaded = loadAgentFile(path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.issues.isEmpty() ? QString() : formatIssue(reloaded.issues.first())));
        QCOMPARE(reloaded.agent.name, QStringLiteral("Night Shift Tracker"));
        QCOMPARE(reloaded.agent.llmTemperature, 1.5);
        QCOMPARE(reloaded.agent.prompt, editor()->document()->agent().prompt);
        const Agent shipped = loadAgentFile(kTracker).agent;
        QCOMPARE(reloaded.agent.tools, shipped.tools);
        QCOMPARE(reloaded.agent.keywords, shipped.keywords);
        QCOMPARE(reloaded.agent.greetingMessage, shipped.greetingMessage);
        QCOMPARE(saveAgent(reloaded.agent), saved);   // byte-stable
        const int row = m_workspace->model()->rowOfPath(path);
        QCOMPARE(m_workspace->model()->index(row, 0).data().toString(), QStringLiteral("Night Shift Tracker"));
    }

    void greetingWarningsAndLivePreview()
    {
        const QString path = duplicateTracker();
        QVERIFY(!path.isEmpty());
        GreetingPreview *preview = editor()->conversation()->preview();
        QSignalSpy updated(preview, &GreetingPreview::previewUpdated);
        preview->setRecord(QStringLiteral("ORD-482913"));
        QTRY_VERIFY(preview->renderedText().contains(QStringLiteral("Kiran Stores")));

        QPlainTextEdit *greeting = editor()->conversation()->greetingEdit();
        greeting->setFocus();
        greeting->moveCursor(QTextCursor::End);
        QTest::keyClicks(greeting, QStringLiteral(" Your order {{orderId}} for {{productNam}}."));
        const QString warning = editor()->fieldErrors()->errorText(QStringLiteral("/agent/greetingMessage"));
        QVERIFY2(warning.contains(QStringLiteral("{{productName}}")), qPrintable(warning));   // did you mean
        QTRY_VERIFY(preview->renderedText().contains(QStringLiteral("ORD-482913")));
        QVERIFY(!preview->renderedText().contains(QStringLiteral("{{")));
        QVERIFY(preview->missingVariables().contains(QStringLiteral("productNam")));

        // A cart fills cart variables; the order id is then missing, never spoken as a placeholder.
        preview->setRecord(QStringLiteral("CART-0001"));
        QTRY_VERIFY(preview->missingVariables().contains(QStringLiteral("orderId")));
        QVERIFY(!preview->renderedText().contains(QStringLiteral("ORD-482913")));
    }

    void tryItRunsAToolAgainstTheStore()
    {
        openAgent(kTracker);
        ToolsSection *tools = editor()->tools();
        editor()->tabs()->setCurrentWidget(tools);
        tools->showTool(QStringLiteral("get_order_status"));
        TryItPanel *tryIt = tools->tryIt();
        QVERIFY(tryIt->argumentsEdit()->toPlainText().contains(QStringLiteral("ORD-482913")));
        QSignalSpy finished(tryIt, &TryItPanel::finished);
        QTest::mouseClick(tryIt->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        const json result = json::parse(tryIt->resultText().toStdString(), nullptr, false);
        QVERIFY2(result.is_object() && !result.contains("error"), qPrintable(tryIt->resultText()));
        QVERIFY2(tryIt->resultText().contains(QStringLiteral("bluedart"), Qt::CaseInsensitive)
                         || tryIt->resultText().contains(QStringLiteral("Blue Dart")),
                 qPrintable(tryIt->resultText()));

        // Broken JSON is reported without running anything.
        tryIt->argumentsEdit()->setPlainText(QStringLiteral("{\"order_id\": "));
        QTest::mouseClick(tryIt->runButton(), Qt::LeftButton);
        QVERIFY(tryIt->statusText().contains(QStringLiteral("not valid JSON")));
        // Arguments the tool refuses come back as its structured error.
        tryIt->argumentsEdit()->setPlainText(QStringLiteral("{\"order_id\": 42}"));
        QTest::mouseClick(tryIt->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(tryIt->statusText().contains(QStringLiteral("refused")), qPrintable(tryIt->statusText()));
    }

    void deleteAndUndoRestoresTheFile()
    {
        const QString path = duplicateTracker();
        QVERIFY(!path.isEmpty());
        const QByteArray bytes = fileBytes(path);
        const int rows = m_workspace->model()->rowCount();
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("deleteButton")));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(m_workspace->model()->rowCount(), rows - 1);
        MessageBar *bar = m_workspace->messageBar();
        QVERIFY(!bar->isHidden());
        QVERIFY(bar->text().contains(QStringLiteral("Deleted")));
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);   // Undo
        QVERIFY(QFile::exists(path));
        QCOMPARE(fileBytes(path), bytes);
        QCOMPARE(m_workspace->model()->rowCount(), rows);
        QVERIFY(editor());
        QCOMPARE(editor()->document()->path(), path);
        QVERIFY(m_workspace->fileHistory()->canRedo());
    }

    void unsavedChangesAreGuarded()
    {
        const QString path = duplicateTracker();
        QVERIFY(!path.isEmpty());
        auto *name = editor()->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral(" draft"));
        QVERIFY(editor()->isModified());

        int asked = 0;
        answerNextMessageBox(QMessageBox::Cancel, &asked);
        clickRow(m_workspace->list(), m_workspace->model()->rowOfPath(kTracker));
        QCOMPARE(asked, 1);
        QCOMPARE(editor()->document()->path(), path);   // stayed
        QVERIFY(editor()->isModified());
        QCOMPARE(m_workspace->list()->currentIndex().row(), m_workspace->model()->rowOfPath(path));

        answerNextMessageBox(QMessageBox::Save, &asked);
        clickRow(m_workspace->list(), m_workspace->model()->rowOfPath(kTracker));
        QCOMPARE(asked, 2);
        QCOMPARE(editor()->document()->path(), kTracker);
        QVERIFY(loadAgentFile(path).agent.name.endsWith(QStringLiteral(" draft")));
    }

    void importsGoodFilesAndRefusesBrokenOnes()
    {
        const QString good = m_dir.filePath(QStringLiteral("incoming.json"));
        {
            Agent agent;
            agent.name = QStringLiteral("Festival Caller");
            agent.greetingMessage = QStringLiteral("Hi {{customerName}}!");
            agent.prompt = QStringLiteral("Be brief.");
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(saveAgent(agent));
        }
        const int rows = m_workspace->model()->rowCount();
        QVERIFY(m_workspace->importFile(good));
        QCOMPARE(m_workspace->model()->rowCount(), rows + 1);
        QCOMPARE(editor()->document()->agent().name, QStringLiteral("Festival Caller"));
        QCOMPARE(fileBytes(editor()->document()->path()), fileBytes(good));

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"agent\": {\"name\": ");
        }
        const QStringList before = QDir(agentsFolder()).entryList(QDir::Files);
        QVERIFY(!m_workspace->importFile(broken));
        QVERIFY(m_workspace->messageBar()->text().contains(QStringLiteral("not an agent file")));
        QCOMPARE(QDir(agentsFolder()).entryList(QDir::Files), before);
        QCOMPARE(m_workspace->model()->rowCount(), rows + 1);
    }

    void storeWorkStaysOnTheWorker()
    {
        // Everything above (preview lookups, Try it) used the store: one worker connection only.
        QCOMPARE(await(m_backend->run([](WorkerServices &s) { return s.database().connectionCount(); })), 1);
    }
};

QTEST_MAIN(TestAgentsWorkspace)
#include "tst_agentsworkspace.moc"
