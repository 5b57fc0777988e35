#include "analyticsworkspace.h"

#include "kpitiles.h"
#include "roipanel.h"

#include "common/emptystate.h"
#include "common/format.h"
#include "common/labels.h"
#include "common/messagebar.h"
#include "services/backend.h"

#include "util/clock.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace ringside::ui {

AnalyticsWorkspace::AnalyticsWorkspace(Backend &backend, const Clock &clock, QWidget *parent)
    : Workspace(parent)
    , m_backend(backend)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("analytics"));
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout;
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("periodCombo"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->addItem(tr("Custom range"), 0);
    m_period->setCurrentIndex(1);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_useCase = new QComboBox(this);
    m_useCase->setObjectName(QStringLiteral("useCaseFilter"));
    m_useCase->addItem(tr("All use cases"), QString());
    for (const QString &u : analytics::useCases())
        m_useCase->addItem(useCaseLabel(u), u);
    auto *refreshButton = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    refreshButton->setShortcut(QKeySequence::Refresh);
    refreshButton->setToolTip(tr("Query again (F5)"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    auto *csv = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Export CSV…"), this);
    csv->setObjectName(QStringLiteral("exportCsvButton"));
    filters->addWidget(new QLabel(tr("Period:"), this));
    filters->addWidget(m_period);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_to);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Use case:"), this));
    filters->addWidget(m_useCase);
    filters->addWidget(refreshButton);
    filters->addWidget(m_busy);
    filters->addStretch(1);
    filters->addWidget(csv);
    layout->addLayout(filters);

    m_summary = new QLabel(this);
    m_summary->setEnabled(false);
    layout->addWidget(m_summary);
    m_messages = new MessageBar(this);
    layout->addWidget(m_messages);

    m_pages = new QStackedWidget(this);
    m_empty = new EmptyState(m_pages);
    m_pages->addWidget(m_empty);
    auto *scroll = new QScrollArea(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_dashboard = new QWidget;
    auto *dashboard = new QVBoxLayout(m_dashboard);
    dashboard->setContentsMargins(0, 0, 8, 0);
    m_tiles = new KpiTiles(m_dashboard);
    m_charts = new AnalyticsCharts(m_dashboard);
    m_roi = new RoiPanel(m_backend, m_dashboard);
    dashboard->addWidget(m_tiles);
    dashboard->addWidget(m_charts);
    dashboard->addWidget(m_roi);
    scroll->setWidget(m_dashboard);
    m_pages->addWidget(scroll);
    m_pages->setCurrentWidget(scroll);
    layout->addWidget(m_pages, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_period->currentData().toInt() == 0;
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
        refresh();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (m_from->isEnabled())
            refresh();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (m_to->isEnabled())
            refresh();
    });
    connect(m_useCase, &QComboBox::currentIndexChanged, this, &AnalyticsWorkspace::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &AnalyticsWorkspace::refresh);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export calls as CSV"), QStringLiteral("calls.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_charts, &AnalyticsCharts::savePngRequested, this, [this](AnalyticsCharts::ChartId id) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), AnalyticsCharts::fileStem(id) + QStringLiteral(".png"),
                                                          tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportChartPng(id, path);
    });
    connect(m_empty, &EmptyState::actionTriggered, this, &AnalyticsWorkspace::demoStoreRequested);
    // New data: query now if visible, else when next shown.
    auto dataChanged = [this] {
        m_dirty = true;
        if (isVisible())
            refresh();
    };
    connect(&m_backend, &Backend::dataChanged, this, dataChanged);
    connect(&m_backend, &Backend::databaseOpened, this, dataChanged);
}

QString AnalyticsWorkspace::title() const
{
    return tr("Analytics");
}

QIcon AnalyticsWorkspace::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogInfoView);
}

void AnalyticsWorkspace::activated()
{
    if (m_dirty)
        refresh();
}

void AnalyticsWorkspace::setLastDays(int days)
{
    const int index = m_period->findData(days);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

void AnalyticsWorkspace::setCustomRange(const QDate &from, const QDate &to)
{
    {
        const QSignalBlocker a(m_from), b(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    const int custom = m_period->findData(0);
    if (m_period->currentIndex() == custom)
        refresh();
    else
        m_period->setCurrentIndex(custom);
}

void AnalyticsWorkspace::setUseCase(const QString &useCase)
{
    const int index = m_useCase->findData(useCase);
    if (index >= 0)
        m_useCase->setCurrentIndex(index);
}

AnalyticsRequest AnalyticsWorkspace::request() const
{
    AnalyticsRequest r;
    r.lastDays = m_period->currentData().toInt();
    r.from = m_from->date();
    r.to = m_to->date();
    r.useCase = m_useCase->currentData().toString();
    r.now = m_clock.now();
    return r;
}

void AnalyticsWorkspace::setLoading(bool loading)
{
    m_loading += loading ? 1 : -1;
    m_busy->setVisible(m_loading > 0);
}

void AnalyticsWorkspace::refresh()
{
    m_dirty = false;
    if (m_backend.databasePath().isEmpty()) {
        m_empty->setContent(style()->standardIcon(QStyle::SP_DriveHDIcon), tr("No database open"),
                            tr("Choose a database in Settings to see its calls."));
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    const quint64 generation = ++m_generation;
    const AnalyticsRequest req = request();
    setLoading(true);
    whenReady(m_backend.run([req](WorkerServices &s) { return loadAnalytics(s, req); }), this,
              [this, generation](const Result<AnalyticsSnapshot> &result) {
                  setLoading(false);
                  if (generation != m_generation)
                      return;   // the filters changed while this ran
                  if (result) {
                      m_messages->hide();
                      display(result.value());
                  } else {
                      m_messages->showMessage(MessageBar::Kind::Error, result.error());
                  }
                  Q_EMIT refreshed();
              },
              [this, generation](const QString &error) {
                  setLoading(false);
                  if (generation != m_generation)
                      return;
                  m_messages->showMessage(MessageBar::Kind::Error, error);
                  Q_EMIT refreshed();
              });
}

void AnalyticsWorkspace::display(const AnalyticsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    const analytics::ReportingPeriod &period = snapshot.kpis.query.period;
    if (m_period->currentData().toInt() != 0) {   // show the resolved range in the date boxes
        const QSignalBlocker a(m_from), b(m_to);
        m_from->setDate(period.from);
        m_to->setDate(period.to);
    }
    if (snapshot.callsInDatabase == 0) {
        const bool fresh = snapshot.storeRecords == 0;
        m_empty->setContent(style()->standardIcon(QStyle::SP_FileDialogInfoView), tr("No calls yet"),
                            fresh ? tr("This database is empty. Load the demo store to explore Ringside with 90 days "
                                       "of sample calls, or make a test call.")
                                  : tr("Calls appear here as agents handle them: make a test call, or connect the "
                                       "telephony gateway."),
                            fresh ? tr("Load demo store") : QString());
        m_pages->setCurrentWidget(m_empty);
        m_summary->clear();
        return;
    }
    m_pages->setCurrentIndex(1);
    const QLocale locale;
    m_summary->setText(tr("%1 to %2 (%3) · %4")
                               .arg(locale.toString(period.from, QLocale::LongFormat),
                                    locale.toString(period.to, QLocale::LongFormat), period.zoneId(),
                                    snapshot.kpis.query.useCase.isEmpty() ? tr("all use cases")
                                                                         : useCaseLabel(snapshot.kpis.query.useCase)));
    m_tiles->setReport(snapshot.kpis);
    m_charts->setSnapshot(snapshot);
    m_roi->setReport(snapshot.kpis, snapshot.currency);
}

bool AnalyticsWorkspace::exportCsv(const QString &path)
{
    if (!m_snapshot) {
        m_messages->showMessage(MessageBar::Kind::Warning, tr("Nothing to export yet."));
        return false;
    }
    const analytics::KpiQuery query = m_snapshot->kpis.query;
    setLoading(true);
    whenReady(m_backend.run([query, path](WorkerServices &s) { return exportCallsCsvFile(s, query, path); }), this,
              [this, path](const Result<qint64> &rows) {
                  setLoading(false);
                  if (rows)
                      m_messages->showMessage(MessageBar::Kind::Information,
                                              tr("Exported %1 calls to %2.").arg(formatCount(rows.value()), path));
                  else
                      m_messages->showMessage(MessageBar::Kind::Error, rows.error());
              },
              [this](const QString &error) {
                  setLoading(false);
                  m_messages->showMessage(MessageBar::Kind::Error, error);
              });
    return true;
}

bool AnalyticsWorkspace::exportChartPng(AnalyticsCharts::ChartId id, const QString &path)
{
    const QPixmap image = m_charts->view(id)->grab();
    if (!image.save(path, "PNG")) {
        m_messages->showMessage(MessageBar::Kind::Error, tr("Cannot write %1.").arg(path));
        return false;
    }
    m_messages->showMessage(MessageBar::Kind::Information, tr("Saved %1 to %2.").arg(AnalyticsCharts::title(id), path));
    return true;
}

} // namespace ringside::ui
