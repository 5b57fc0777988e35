// The Campaigns workspace over the demo store and its day of campaigns: the timeline and table
// show placed, skipped and upcoming calls; clicking a dot shows that call's attempts and history;
// Pause and Resume (real clicks) change what the dialer may place; the rules editor refuses bad
// values by field, undoes and redoes with the keyboard and saves, and shows the cart tiers as money
// in the user's locale with the currency (typed back with or without grouping); Cancel takes a planned call out;
// the DND import runs on the worker with its progress bar and lands in the list.
#include "campaigns/campaigncallsmodel.h"
#include "campaigns/campaignruleseditor.h"
#include "campaigns/campaignsworkspace.h"
#include "campaigns/campaigntimeline.h"
#include "common/messagebar.h"
#include "common/moneyspinbox.h"
#include "services/backend.h"
#include "services/demodata.h"
#include "uitestutil.h"

#include "campaigns/callqueue.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/dndlist.h"
#include "storage/database.h"
#include "util/clock.h"

#include <QComboBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;

class TestCampaignsWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    Clock m_clock{ fixedNow() };
    std::unique_ptr<CampaignsWorkspace> m_workspace;

    bool refreshAndWait(const std::function<void()> &action)
    {
        QSignalSpy refreshed(m_workspace.get(), &CampaignsWorkspace::refreshed);
        action();
        return refreshed.wait(60000) || refreshed.count() > 0;
    }

    template <typename T>
    T workerJob(std::function<T(Database &)> job)
    {
        return await(m_backend->run([job](WorkerServices &s) { return job(s.database()); }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<Backend>();
        QCOMPARE(await(m_backend->openDatabase(m_dir.filePath(QStringLiteral("ringside.db")))), QString());
        const DemoLoadReport demo = await(m_backend->run([](WorkerServices &s) { return loadDemoData(s, fixedNow()); }));
        QVERIFY2(demo.loaded, qPrintable(demo.error));
        QVERIFY2(demo.summary.contains(QLatin1String("Campaigns:")), qPrintable(demo.summary));
        m_workspace = std::make_unique<CampaignsWorkspace>(*m_backend, m_clock);
        m_workspace->resize(1300, 900);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        QVERIFY(refreshAndWait([this] { m_workspace->activated(); }));
    }

    void showsADayOfCampaigns()
    {
        const auto &calls = m_workspace->snapshot().calls;
        QVERIFY(calls.size() >= 10);
        QSet<QString> statuses, useCases;
        for (const campaigns::ScheduledCall &c : calls) {
            statuses.insert(c.status);
            useCases.insert(c.useCase);
        }
        QVERIFY2(statuses.contains(campaigns::kDone), qPrintable(statuses.values().join(QLatin1Char(','))));
        QVERIFY(statuses.contains(campaigns::kScheduled));
        QVERIFY(useCases.contains(campaigns::kCod));
        QVERIFY(useCases.contains(campaigns::kCart));
        QCOMPARE(m_workspace->model()->rowCount(), int(calls.size()));
        QVERIFY(m_workspace->timeline()->plottedCalls() > 0);
        QVERIFY(m_workspace->summaryText().contains(QLatin1String("upcoming")));
        // The showcase COD order never answered: attempt 1 done (no answer), attempt 2 planned.
        const auto attempts = workerJob<std::vector<campaigns::ScheduledCall>>(
                [](Database &db) { return campaigns::CallQueue(db).attempts(QStringLiteral("cod:ORD-482950")); });
        QCOMPARE(int(attempts.size()), 2);
        QCOMPARE(attempts[0].outcome, QStringLiteral("no_answer"));
        QCOMPARE(attempts[1].status, campaigns::kScheduled);
    }

    void clickingACallShowsItsHistory()
    {
        // The most recent call that was placed: its dot is on the timeline (the last 24 hours).
        const auto &calls = m_workspace->snapshot().calls;
        const auto done = std::find_if(calls.rbegin(), calls.rend(), [this](const campaigns::ScheduledCall &c) {
            return c.status == campaigns::kDone && !m_workspace->timeline()->pointOf(c.id).isNull();
        });
        QVERIFY(done != calls.rend());
        const QPoint dot = m_workspace->timeline()->pointOf(done->id);
        // Dots can sit on one another: what counts is that the call under the mouse is shown.
        const qint64 clicked = m_workspace->timeline()->callAt(dot);
        const auto shown = std::find_if(calls.begin(), calls.end(), [clicked](const campaigns::ScheduledCall &c) { return c.id == clicked; });
        QVERIFY(shown != calls.end());
        QTest::mouseClick(m_workspace->timeline(), Qt::LeftButton, {}, dot);
        QVERIFY(QTest::qWaitFor([&] { return m_workspace->historyText().contains(shown->subjectKey); }, 20000));
        QVERIFY(m_workspace->historyText().contains(QLatin1String("Placed")));
        QVERIFY(m_workspace->historyText().contains(QLatin1String("Attempt 1")));
    }

    void theDialersSafetyStopsReadAsWords()
    {
        // The dialer's events when it holds back (a lease running short, a request without a clear
        // answer, a provider it could not ask) are shown in words, not as their codes.
        const auto &calls = m_workspace->snapshot().calls;
        const auto done = std::find_if(calls.begin(), calls.end(), [](const campaigns::ScheduledCall &c) { return c.status == campaigns::kDone; });
        QVERIFY(done != calls.end());
        const qint64 id = done->id;
        const QString key = done->subjectKey;
        const QStringList kinds = { QStringLiteral("lease_lost"), QStringLiteral("placement_unknown"), QStringLiteral("lease_check_failed") };
        QVERIFY(workerJob<bool>([id, kinds](Database &db) {
            for (const QString &kind : kinds)
                campaigns::CallQueue(db).addEvent(id, kind, QString(), QStringLiteral("detail of %1").arg(kind), fixedNow());
            // Not sent because its engine was shutting down: the reason is said, not the lease's.
            campaigns::CallQueue(db).addEvent(id, QStringLiteral("lease_lost"), campaigns::reason::engineDraining, QStringLiteral("detail of draining"),
                                              fixedNow());
            return true;
        }));
        // A real click on the call's row in the table.
        auto *show = m_workspace->findChild<QComboBox *>(QStringLiteral("campaignShow"));
        show->setCurrentIndex(show->findData(QStringLiteral("all")));
        auto *table = m_workspace->findChild<QTableView *>(QStringLiteral("campaignCalls"));
        QModelIndex row;
        for (int r = 0; r < table->model()->rowCount() && !row.isValid(); ++r)
            if (table->model()->index(r, 0).data(CampaignCallsModel::IdRole).toLongLong() == id)
                row = table->model()->index(r, CampaignCallsModel::SubjectColumn);
        QVERIFY(row.isValid());
        table->scrollTo(row);
        table->setCurrentIndex(QModelIndex()); // a click on the row already current would load nothing new
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(row).center());
        QVERIFY(QTest::qWaitFor([&] { return m_workspace->historyText().contains(QLatin1String("detail of lease_check_failed")); }, 20000));
        const QString history = m_workspace->historyText();
        QVERIFY2(history.contains(key), qPrintable(history));
        for (const QString &kind : kinds) {
            QVERIFY2(history.contains(QStringLiteral("detail of %1").arg(kind)), qPrintable(history));
            // The code appears only inside its detail line, never as the event's label.
            QVERIFY2(!history.contains(QStringLiteral("%1: detail of").arg(kind)), qPrintable(history));
        }
        QVERIFY(history.contains(QLatin1String("Not sent: the dialer's hold on the call was running out")));
        QVERIFY2(history.contains(QLatin1String("(This engine was shutting down)")), qPrintable(history));
        QVERIFY2(!history.contains(QLatin1String("engine_draining")), qPrintable(history));
        QVERIFY(history.contains(QLatin1String("No clear answer when placing")));
        QVERIFY(history.contains(QLatin1String("The provider could not be asked whether the call was placed")));
    }

    void everyColumnFitsAt1360PixelsWide()
    {
        // In a 1360 px window the workspace gets what the sidebar leaves (about 1180 px): every
        // column is in view, Language whole, and no status elides (the first rows are all past calls).
        m_workspace->resize(1180, 860);
        QVERIFY(refreshAndWait([this] { m_workspace->refresh(); }));
        QCoreApplication::processEvents(); // the resize and the scroll bars settle
        auto *table = m_workspace->findChild<QTableView *>(QStringLiteral("campaignCalls"));
        const QHeaderView *header = table->horizontalHeader();
        const int language = CampaignCallsModel::LanguageColumn;
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        QVERIFY2(header->sectionViewportPosition(language) + header->sectionSize(language) <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1 + %2 > %3").arg(header->sectionViewportPosition(language)).arg(header->sectionSize(language)).arg(table->viewport()->width())));
        QVERIFY(header->sectionSize(language) >= header->sectionSizeHint(language));
        const QFontMetrics metrics(table->font());
        for (const QString &status : campaigns::statuses())
            QVERIFY(header->sectionSize(CampaignCallsModel::StatusColumn) > metrics.horizontalAdvance(CampaignCallsModel::statusLabel(status)));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString text = table->model()->index(row, language).data().toString();
            QVERIFY2(header->sectionSize(language) > metrics.horizontalAdvance(text), qPrintable(text));
        }
        m_workspace->resize(1300, 900);
    }

    void skippedCallsSayWhy()
    {
        auto *show = m_workspace->findChild<QComboBox *>(QStringLiteral("campaignShow"));
        show->setCurrentIndex(show->findData(QStringLiteral("skipped")));
        auto *table = m_workspace->findChild<QTableView *>(QStringLiteral("campaignCalls"));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString status = table->model()->index(row, CampaignCallsModel::StatusColumn).data().toString();
            QVERIFY(status == CampaignCallsModel::statusLabel(campaigns::kSkipped) || status == CampaignCallsModel::statusLabel(campaigns::kCancelled));
            QVERIFY(!table->model()->index(row, CampaignCallsModel::DetailColumn).data().toString().isEmpty());
        }
        show->setCurrentIndex(show->findData(QStringLiteral("all")));
    }

    void pauseAndResumeAUseCase()
    {
        auto *useCase = m_workspace->findChild<QComboBox *>(QStringLiteral("campaignUseCase"));
        useCase->setCurrentIndex(useCase->findData(campaigns::kCart));
        QVERIFY(refreshAndWait([this] { QVERIFY(clickButton(m_workspace.get(), QStringLiteral("pauseButton"))); }));
        QCOMPARE(m_workspace->snapshot().paused, QStringList{ campaigns::kCart });
        QVERIFY(m_workspace->summaryText().contains(QLatin1String("paused")));
        QVERIFY(!m_workspace->findChild<QPushButton *>(QStringLiteral("pauseButton"))->isEnabled());
        QVERIFY(refreshAndWait([this] { QVERIFY(clickButton(m_workspace.get(), QStringLiteral("resumeButton"))); }));
        QVERIFY(m_workspace->snapshot().paused.isEmpty());
        useCase->setCurrentIndex(0);
    }

    void rulesEditorValidatesUndoesAndSaves()
    {
        CampaignRulesEditor *editor = m_workspace->rulesEditor();
        auto *gap = editor->findChild<QSpinBox *>(QStringLiteral("codRetryGap"));
        auto *save = editor->findChild<QPushButton *>(QStringLiteral("saveRulesButton"));
        auto *problems = editor->findChild<QLabel *>(QStringLiteral("rulesProblems"));
        QCOMPARE(gap->value(), 120);
        gap->setValue(5);
        QVERIFY(!save->isEnabled());
        QVERIFY(problems->text().contains(QLatin1String("cod.retryGapMinutes")));
        QVERIFY(editor->isModified());
        editor->undoStack()->undo(); // what Ctrl+Z triggers
        QCOMPARE(gap->value(), 120);
        QVERIFY(save->isEnabled());
        QVERIFY(!editor->isModified());
        editor->undoStack()->redo();
        QCOMPARE(gap->value(), 5);
        gap->setValue(90);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !editor->isModified(); }, 20000));
        const auto stored = workerJob<campaigns::CampaignRules>([](Database &db) { return campaigns::CampaignSettings(db).rules(); });
        QCOMPARE(stored.cod.retryGapMinutes, 90);
    }

    void cartTiersAreMoneyInTheUsersLocale()
    {
        CampaignRulesEditor *editor = m_workspace->rulesEditor();
        auto *inr = editor->findChild<MoneySpinBox *>(QStringLiteral("inrHigh"));
        auto *usd = editor->findChild<MoneySpinBox *>(QStringLiteral("usdHigh"));
        QVERIFY(inr && usd);
        QCOMPARE(inr->currency(), QStringLiteral("INR"));
        // An English user in India: rupees with Indian grouping (the defaults, ₹5,000 and $500).
        inr->setLocale(QLocale(QLocale::English, QLocale::India));
        QCOMPARE(inr->text(), QStringLiteral("₹5,000.00"));
        inr->setValue(500000);
        QCOMPARE(inr->text(), QStringLiteral("₹5,00,000.00"));
        editor->undoStack()->undo();
        QCOMPARE(inr->value(), 5000.0);
        QVERIFY(!editor->isModified());
        // A German user: their grouping and decimal comma, the dollar sign where they write it.
        usd->setLocale(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(usd->text(), QStringLiteral("500,00\u00A0$")); // German puts a no-break space before the sign
        auto *edit = usd->findChild<QLineEdit *>();
        QVERIFY(edit);
        usd->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("1.234,5"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(usd->value(), 1234.5);
        QCOMPARE(usd->text(), QStringLiteral("1.234,50\u00A0$"));
        // Letters are refused as they are typed; the figure stays.
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("abc"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(usd->value(), 1234.5);
        while (editor->isModified() && editor->undoStack()->canUndo())
            editor->undoStack()->undo();
        QCOMPARE(usd->value(), 500.0);
        usd->setLocale(QLocale());
        inr->setLocale(QLocale());
    }

    void cancelAPlannedCall()
    {
        auto *table = m_workspace->findChild<QTableView *>(QStringLiteral("campaignCalls"));
        auto *show = m_workspace->findChild<QComboBox *>(QStringLiteral("campaignShow"));
        show->setCurrentIndex(show->findData(QStringLiteral("upcoming")));
        QVERIFY(table->model()->rowCount() > 0);
        table->setCurrentIndex(table->model()->index(0, 0));
        const qint64 id = table->model()->index(0, 0).data(CampaignCallsModel::IdRole).toLongLong();
        QVERIFY(refreshAndWait([this] { QVERIFY(clickButton(m_workspace.get(), QStringLiteral("cancelCallButton"))); }));
        const auto row = workerJob<std::optional<campaigns::ScheduledCall>>([id](Database &db) { return campaigns::CallQueue(db).byId(id); });
        QCOMPARE(row->status, campaigns::kCancelled);
        show->setCurrentIndex(show->findData(QStringLiteral("all")));
    }

    void dndImportWithProgress()
    {
        const QString path = m_dir.filePath(QStringLiteral("ncpr.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Phone Number,Preference\n");
        for (int i = 0; i < 6000; ++i)
            f.write(QStringLiteral("97%1,0\n").arg(10000000 + i).toUtf8());
        f.write("bad,0\n");
        f.close();
        auto *progress = m_workspace->findChild<QProgressBar *>(QStringLiteral("dndProgress"));
        QSignalSpy imported(m_workspace.get(), &CampaignsWorkspace::dndImported);
        QList<int> seen;
        connect(progress, &QProgressBar::valueChanged, this, [&](int v) { seen << v; });
        m_workspace->importDnd(path);
        QVERIFY(progress->isVisible());
        QVERIFY(imported.wait(60000));
        QCOMPARE(progress->value(), 1000);
        QVERIFY2(seen.size() >= 3, "the bar moved while the file was read"); // 0, every 2000 lines, the end
        QCOMPARE(m_workspace->lastImport().added, qint64(6000));
        QCOMPARE(m_workspace->lastImport().invalid, qint64(1));
        QCOMPARE(workerJob<qint64>([](Database &db) { return campaigns::DndList(db).count(); }), qint64(6000));
        QVERIFY(QTest::qWaitFor([&] { return m_workspace->summaryText().contains(QLatin1String("6000 on the do-not-call list")); }, 20000));
    }
};

QTEST_MAIN(TestCampaignsWorkspace)
#include "tst_campaignsworkspace.moc"
