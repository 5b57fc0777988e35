#include "scenariopanel.h"

#include "scenarios/scenario.h"
#include "scenarios/scenariorunner.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace ringside::ui {

namespace {

struct RunResult {
    QString file;
    QString text;
    bool passed = false;
};

// Runs on the panel's thread: every scenario of every file; a file that cannot be read fails.
QList<RunResult> runScenarios(const QString &folder)
{
    QList<RunResult> results;
    ScenarioRunner runner;
    for (const QString &file : scenarioFiles(folder)) {
        const ScenarioFile read = readScenarioFile(file);
        if (!read.errors.isEmpty()) {
            results.append({ file, read.errors.join(QStringLiteral("; ")), false });
            continue;
        }
        for (const Scenario &scenario : read.scenarios) {
            const ScenarioOutcome outcome = runner.run(scenario);
            results.append({ file,
                             outcome.passed ? outcome.name
                                            : QStringLiteral("%1: %2").arg(outcome.name,
                                                                             outcome.failures.join(QStringLiteral("; "))),
                             outcome.passed });
        }
    }
    return results;
}

} // namespace

ScenarioPanel::ScenarioPanel(QString folder, QWidget *parent)
    : QGroupBox(tr("Regression scenarios"), parent)
    , m_folder(std::move(folder))
{
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_list->setWordWrap(true);
    layout->addWidget(m_list, 1);
    auto *row = new QHBoxLayout;
    m_run = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Run all"), this);
    m_run->setObjectName(QStringLiteral("runScenariosButton"));
    m_run->setToolTip(tr("Replay every saved scenario against a fresh demo store, as ringside-engine test does"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("scenarioSummary"));
    m_summary->setWordWrap(true);
    row->addWidget(m_run);
    row->addWidget(m_summary, 1);
    layout->addLayout(row);
    connect(m_run, &QPushButton::clicked, this, &ScenarioPanel::runAll);
    reload();
}

QString ScenarioPanel::summaryText() const
{
    return m_summary->text();
}

void ScenarioPanel::reload()
{
    m_list->clear();
    const QStringList files = QDir(m_folder).exists() ? scenarioFiles(m_folder) : QStringList();
    for (const QString &file : files) {
        auto *item = new QListWidgetItem(QFileInfo(file).completeBaseName(), m_list);
        item->setData(Qt::UserRole, file);
        item->setToolTip(file);
    }
    m_run->setEnabled(!files.isEmpty() && !m_running);
    if (!m_running)
        m_summary->setText(files.isEmpty() ? tr("None yet: end a test call and save it as a scenario.")
                                           : tr("%n scenario file(s) in %1", nullptr, int(files.size())).arg(m_folder));
}

void ScenarioPanel::runAll()
{
    if (m_running)
        return;
    m_running = true;
    m_run->setEnabled(false);
    m_summary->setText(tr("Running…"));
    auto results = std::make_shared<QList<RunResult>>();
    QThread *thread = QThread::create([results, folder = m_folder] { *results = runScenarios(folder); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, results] {
        m_running = false;
        m_list->clear();
        int passed = 0;
        for (const RunResult &r : *results) {
            auto *item = new QListWidgetItem(style()->standardIcon(r.passed ? QStyle::SP_DialogApplyButton
                                                                            : QStyle::SP_MessageBoxCritical),
                                             (r.passed ? tr("PASS %1") : tr("FAIL %1")).arg(r.text), m_list);
            item->setData(Qt::UserRole, r.file);
            item->setToolTip(r.file);
            passed += r.passed ? 1 : 0;
        }
        const int failed = int(results->size()) - passed;
        m_summary->setText(tr("%1 passed, %2 failed").arg(passed).arg(failed));
        m_run->setEnabled(m_list->count() > 0);
        Q_EMIT finished(passed, failed);
    });
    thread->start();
}

} // namespace ringside::ui
