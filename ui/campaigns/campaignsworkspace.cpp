#include "campaignsworkspace.h"

#include "campaigncallsmodel.h"
#include "campaigncallstable.h"
#include "campaignruleseditor.h"
#include "campaigntimeline.h"

#include "common/labels.h"
#include "common/messagebar.h"
#include "services/backend.h"

#include "util/clock.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimeZone>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {

QString eventKindLabel(const QString &kind)
{
    static const QHash<QString, QString> words = {
        { QStringLiteral("scheduled"), CampaignsWorkspace::tr("Planned") },           { QStringLiteral("rescheduled"), CampaignsWorkspace::tr("Moved") },
        { QStringLiteral("claimed"), CampaignsWorkspace::tr("Picked up by the dialer") }, { QStringLiteral("placed"), CampaignsWorkspace::tr("Placed") },
        { QStringLiteral("status"), CampaignsWorkspace::tr("Provider status") },       { QStringLiteral("status_ignored"), CampaignsWorkspace::tr("Late or repeated status ignored") },
        { QStringLiteral("skipped"), CampaignsWorkspace::tr("Skipped") },             { QStringLiteral("finished"), CampaignsWorkspace::tr("Finished") },
        { QStringLiteral("conversation"), CampaignsWorkspace::tr("Conversation ended") }, { QStringLiteral("chain_ended"), CampaignsWorkspace::tr("No attempts left") },
        { QStringLiteral("order_unconfirmed"), CampaignsWorkspace::tr("Order marked unconfirmed") }, { QStringLiteral("adopted"), CampaignsWorkspace::tr("Call found at the provider") },
        { QStringLiteral("lease_recovered"), CampaignsWorkspace::tr("Taken over from a stopped dialer") }, { QStringLiteral("cancelled"), CampaignsWorkspace::tr("Cancelled") },
        { QStringLiteral("failed"), CampaignsWorkspace::tr("Failed") },               { QStringLiteral("refused"), CampaignsWorkspace::tr("Refused by the provider") },
        { QStringLiteral("cart_check_failed"), CampaignsWorkspace::tr("The shop could not be asked about the cart") },
        { QStringLiteral("connected"), CampaignsWorkspace::tr("Agent on the line") },
        { QStringLiteral("no_conversation"), CampaignsWorkspace::tr("Completed without reaching the agent") },
        // The dialer's safety stops (docs/campaigns.md, "The dialer: each call at most once").
        { QStringLiteral("lease_lost"), CampaignsWorkspace::tr("Not sent: the dialer's hold on the call was running out") },
        { QStringLiteral("placement_unknown"), CampaignsWorkspace::tr("No clear answer when placing: the provider will be asked before any retry") },
        { QStringLiteral("lease_check_failed"), CampaignsWorkspace::tr("The provider could not be asked whether the call was placed") },
    };
    return words.value(kind, kind);
}

} // namespace

CampaignsWorkspace::CampaignsWorkspace(Backend &backend, const Clock &clock, QWidget *parent)
    : Workspace(parent), m_backend(backend), m_clock(clock)
{
    setObjectName(QStringLiteral("campaigns"));
    auto *layout = new QVBoxLayout(this);
    m_message = new MessageBar(this);
    layout->addWidget(m_message);

    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("campaignSummary"));
    m_useCase = new QComboBox(this);
    m_useCase->setObjectName(QStringLiteral("campaignUseCase"));
    m_useCase->addItem(tr("All use cases"), QString());
    for (const QString &u : campaigns::useCases())
        m_useCase->addItem(u == campaigns::kCallback ? tr("Callbacks") : useCaseLabel(u), u);
    m_pause = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Stop placing calls of the chosen use case; planned calls wait"));
    m_resume = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Res&ume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    auto *refresh = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    refresh->setShortcut(QKeySequence::Refresh);
    m_import = new QPushButton(tr("Import &DND list…"), this);
    m_import->setObjectName(QStringLiteral("importDndButton"));
    m_import->setToolTip(tr("An NCPR/DND export (CSV): numbers, and the preference categories if present"));
    m_importProgress = new QProgressBar(this);
    m_importProgress->setObjectName(QStringLiteral("dndProgress"));
    m_importProgress->setRange(0, 1000);
    m_importProgress->setMaximumWidth(160);
    m_importProgress->hide();
    bar->addWidget(m_useCase);
    bar->addWidget(m_pause);
    bar->addWidget(m_resume);
    bar->addWidget(refresh);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_importProgress);
    bar->addWidget(m_import);
    layout->addLayout(bar);

    m_timeline = new CampaignTimeline(this);
    m_timeline->setObjectName(QStringLiteral("campaignTimeline"));
    layout->addWidget(m_timeline);

    m_tabs = new QTabWidget(this);
    auto *callsPage = new QWidget(m_tabs);
    auto *callsLayout = new QVBoxLayout(callsPage);
    auto *showRow = new QHBoxLayout;
    m_show = new QComboBox(callsPage);
    m_show->setObjectName(QStringLiteral("campaignShow"));
    m_show->addItem(tr("Upcoming"), QStringLiteral("upcoming"));
    m_show->addItem(tr("Done and failed"), QStringLiteral("done"));
    m_show->addItem(tr("Skipped, with reasons"), QStringLiteral("skipped"));
    m_show->addItem(tr("Everything"), QStringLiteral("all"));
    m_show->setCurrentIndex(3);
    m_cancel = new QPushButton(tr("&Cancel call"), callsPage);
    m_cancel->setObjectName(QStringLiteral("cancelCallButton"));
    m_cancel->setEnabled(false);
    showRow->addWidget(new QLabel(tr("Show:"), callsPage));
    showRow->addWidget(m_show);
    showRow->addStretch(1);
    showRow->addWidget(m_cancel);
    callsLayout->addLayout(showRow);
    auto *split = new QSplitter(callsPage);
    m_model = new CampaignCallsModel(this);
    m_table = new CampaignCallsTable(m_model, split);
    m_table->setObjectName(QStringLiteral("campaignCalls"));
    m_history = new QTextBrowser(split);
    m_history->setObjectName(QStringLiteral("campaignHistory"));
    m_history->setPlaceholderText(tr("Select a call to see its attempts and what happened to each."));
    // The table needs its eight columns; the history wraps.
    m_history->setMinimumWidth(200);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    callsLayout->addWidget(split, 1);
    m_tabs->addTab(callsPage, tr("Calls"));
    m_rules = new CampaignRulesEditor(m_tabs);
    m_rules->setObjectName(QStringLiteral("campaignRules"));
    m_tabs->addTab(m_rules, tr("Rules"));
    layout->addWidget(m_tabs, 1);

    connect(refresh, &QPushButton::clicked, this, &CampaignsWorkspace::refresh);
    connect(m_pause, &QPushButton::clicked, this, [this] { pauseOrResume(true); });
    connect(m_resume, &QPushButton::clicked, this, [this] { pauseOrResume(false); });
    connect(m_import, &QPushButton::clicked, this, &CampaignsWorkspace::importDndFile);
    connect(m_cancel, &QPushButton::clicked, this, &CampaignsWorkspace::cancelSelected);
    connect(m_show, &QComboBox::currentIndexChanged, this, &CampaignsWorkspace::applyFilter);
    connect(m_useCase, &QComboBox::currentIndexChanged, this, &CampaignsWorkspace::applyFilter);
    connect(m_timeline, &CampaignTimeline::callClicked, this, &CampaignsWorkspace::selectCall);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const campaigns::ScheduledCall *c = m_table->currentCall();
        m_cancel->setEnabled(c && c->status == campaigns::kScheduled);
        if (c)
            showHistory(c->subjectKey);
    });
    connect(m_rules, &CampaignRulesEditor::saveRequested, this, &CampaignsWorkspace::saveRules);
    connect(&m_backend, &Backend::dataChanged, this, &CampaignsWorkspace::refresh);
    connect(&m_backend, &Backend::databaseOpened, this, &CampaignsWorkspace::refresh);
    connect(&m_backend, &Backend::progress, this, [this](const QString &, int done, int total) {
        if (!m_importing || total <= 0)
            return;
        m_importProgress->setValue(int(qint64(done) * 1000 / total));
    });
}

QString CampaignsWorkspace::title() const
{
    return tr("Campaigns");
}

QIcon CampaignsWorkspace::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

bool CampaignsWorkspace::canLeave()
{
    if (!m_rules->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Campaign rules"), tr("The rules have unsaved changes. Discard them?"),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return false;
    m_rules->load(m_snapshot.rules);
    return true;
}

void CampaignsWorkspace::activated()
{
    refresh();
}

void CampaignsWorkspace::refresh()
{
    if (m_backend.databasePath().isEmpty())
        return;
    const QDateTime now = m_clock.now();
    whenReady(m_backend.run([now](WorkerServices &s) { return campaignjobs::snapshot(s, now); }), this,
              [this](const CampaignsSnapshot &s) { showSnapshot(s); },
              [this](const QString &error) { m_message->showMessage(MessageBar::Kind::Error, tr("The campaign queue could not be read: %1").arg(error)); });
}

void CampaignsWorkspace::showSnapshot(const CampaignsSnapshot &s)
{
    const qint64 selected = m_table->currentCallId();
    m_snapshot = s;
    m_model->setCalls(s.calls);
    m_timeline->setCalls(s.calls, s.now);
    if (!m_rules->isModified())
        m_rules->load(s.rules);
    int upcoming = 0, done = 0, skipped = 0;
    for (const campaigns::ScheduledCall &c : s.calls) {
        if (c.status == campaigns::kScheduled || c.status == campaigns::kDialing)
            ++upcoming;
        else if (c.status == campaigns::kSkipped || c.status == campaigns::kCancelled)
            ++skipped;
        else
            ++done;
    }
    QStringList paused;
    for (const QString &u : s.paused)
        paused << (u == campaigns::kCallback ? tr("callbacks") : useCaseLabel(u));
    m_summary->setText(tr("%1 upcoming · %2 placed · %3 skipped · %4 on the do-not-call list%5")
                               .arg(upcoming)
                               .arg(done)
                               .arg(skipped)
                               .arg(s.dndEntries)
                               .arg(paused.isEmpty() ? QString() : tr(" · paused: %1").arg(paused.join(QStringLiteral(", ")))));
    if (!s.ruleProblems.isEmpty())
        m_message->showMessage(MessageBar::Kind::Warning, tr("The stored rules have problems; defaults stand in: %1").arg(s.ruleProblems.join(QStringLiteral("; "))));
    else if (s.calls.empty())
        m_message->showMessage(MessageBar::Kind::Information,
                               tr("No campaign calls around now. COD orders, shipments, abandoned carts and callback requests are planned "
                                  "here as the store records them; 'ringside-engine serve' places them."));
    else
        m_message->hide();
    applyFilter();
    m_table->fitColumns();
    if (selected)
        selectCall(selected);
    else
        m_table->scrollToNow(s.now); // open at "now": the first call still to come
    Q_EMIT refreshed();
}

QString CampaignsWorkspace::summaryText() const
{
    return m_summary->text();
}

QString CampaignsWorkspace::selectedUseCase() const
{
    return m_useCase->currentData().toString();
}

void CampaignsWorkspace::applyFilter()
{
    m_table->setFilter(m_show->currentData().toString(), selectedUseCase());
    const QString u = selectedUseCase();
    const bool paused = u.isEmpty() ? m_snapshot.paused.size() == campaigns::useCases().size() : m_snapshot.paused.contains(u);
    const bool anyPaused = u.isEmpty() ? !m_snapshot.paused.isEmpty() : paused;
    m_pause->setEnabled(!paused);
    m_resume->setEnabled(anyPaused);
}

void CampaignsWorkspace::selectCall(qint64 id)
{
    if (m_table->selectCall(id))
        return;
    // Not in the current filter: show everything and try again.
    if (m_show->currentIndex() != 3) {
        m_show->setCurrentIndex(3);
        selectCall(id);
    }
}

void CampaignsWorkspace::showHistory(const QString &subjectKey)
{
    whenReady(m_backend.run([subjectKey](WorkerServices &s) { return campaignjobs::history(s, subjectKey); }), this,
              [this, subjectKey](const CallHistory &h) {
                  QString html = QStringLiteral("<h3>%1</h3>").arg(subjectKey.toHtmlEscaped());
                  for (std::size_t i = 0; i < h.attempts.size(); ++i) {
                      const campaigns::ScheduledCall &a = h.attempts[i];
                      const QTimeZone zone(a.timezone.section(QLatin1Char('|'), 0, 0).toUtf8());
                      html += QStringLiteral("<p><b>%1</b> — %2, %3<br/>%4</p><ul>")
                                      .arg(tr("Attempt %1").arg(a.attempt), CampaignCallsModel::statusLabel(a.status).toHtmlEscaped(),
                                           CampaignCallsModel::localDue(a).toHtmlEscaped(),
                                           tr("Agent %1 in %2 (chosen: %3, from %4); zone %5 (from %6)")
                                                   .arg(a.agent, a.agentLanguage, a.language, a.languageSource, a.timezone, a.timezoneSource)
                                                   .toHtmlEscaped());
                      for (const campaigns::CampaignEvent &e : h.events[i]) {
                          const QDateTime at = zone.isValid() ? e.at.toTimeZone(zone) : e.at.toLocalTime();
                          html += QStringLiteral("<li>%1 · <b>%2</b>%3%4</li>")
                                          .arg(QLocale().toString(at, QLocale::ShortFormat).toHtmlEscaped(), eventKindLabel(e.kind).toHtmlEscaped(),
                                               e.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(CampaignCallsModel::skipReasonLabel(e.reason).toHtmlEscaped()),
                                               e.detail.isEmpty() ? QString() : QStringLiteral(": ") + e.detail.toHtmlEscaped());
                      }
                      html += QStringLiteral("</ul>");
                  }
                  m_history->setHtml(html);
              });
}

QString CampaignsWorkspace::historyText() const
{
    return m_history->toPlainText();
}

void CampaignsWorkspace::pauseOrResume(bool pause)
{
    const QString useCase = selectedUseCase();
    const QDateTime now = m_clock.now();
    whenReady(m_backend.run([pause, useCase, now](WorkerServices &s) {
                  return pause ? campaignjobs::pause(s, useCase, now) : campaignjobs::resume(s, useCase);
              }),
              this, [this](const QStringList &) { refresh(); },
              [this](const QString &error) { m_message->showMessage(MessageBar::Kind::Error, error); });
}

void CampaignsWorkspace::cancelSelected()
{
    const qint64 id = m_table->currentCallId();
    if (!id)
        return;
    const QDateTime now = m_clock.now();
    whenReady(m_backend.run([id, now](WorkerServices &s) { return campaignjobs::cancel(s, id, now); }), this, [this](bool cancelled) {
        if (!cancelled)
            m_message->showMessage(MessageBar::Kind::Warning, tr("The call is already being dialled or is over; it was not cancelled."));
        refresh();
    });
}

void CampaignsWorkspace::saveRules(const campaigns::CampaignRules &rules)
{
    const QDateTime now = m_clock.now();
    whenReady(m_backend.run([rules, now](WorkerServices &s) { return campaignjobs::saveRules(s, rules, now); }), this,
              [this](const QStringList &problems) {
                  if (!problems.isEmpty()) {
                      m_message->showMessage(MessageBar::Kind::Error, tr("Not saved: %1").arg(problems.join(QStringLiteral("; "))));
                      return;
                  }
                  m_rules->markSaved();
                  m_message->showMessage(MessageBar::Kind::Information, tr("Campaign rules saved; the dialer uses them from its next pass."));
              },
              [this](const QString &error) { m_message->showMessage(MessageBar::Kind::Error, error); });
}

void CampaignsWorkspace::importDndFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a do-not-call list"), QString(), tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importDnd(path);
}

void CampaignsWorkspace::importDnd(const QString &path)
{
    if (m_importing)
        return;
    m_importing = true;
    m_import->setEnabled(false);
    m_importProgress->setValue(0);
    m_importProgress->show();
    const QDateTime now = m_clock.now();
    whenReady(m_backend.run([path, now](WorkerServices &s) { return campaignjobs::importDnd(s, path, now); }), this,
              [this](const campaigns::DndImportReport &r) {
                  m_importing = false;
                  m_import->setEnabled(true);
                  m_lastImport = r;
                  m_importProgress->setValue(1000);
                  if (r.cancelled || (r.added + r.updated + r.kept == 0 && !r.problems.isEmpty())) {
                      m_message->showMessage(MessageBar::Kind::Error, tr("Nothing was imported: %1").arg(r.problems.join(QStringLiteral("; "))));
                  } else {
                      m_message->showMessage(r.invalid ? MessageBar::Kind::Warning : MessageBar::Kind::Information,
                                             tr("Do-not-call list: %1 added, %2 updated, %3 kept as the customer asked, %4 line(s) without a usable number%5")
                                                     .arg(r.added)
                                                     .arg(r.updated)
                                                     .arg(r.kept)
                                                     .arg(r.invalid)
                                                     .arg(r.problems.isEmpty() ? QString() : QStringLiteral(" (") + r.problems.first() + QLatin1Char(')')));
                  }
                  refresh();
                  Q_EMIT dndImported();
              },
              [this](const QString &error) {
                  m_importing = false;
                  m_import->setEnabled(true);
                  m_importProgress->hide();
                  m_message->showMessage(MessageBar::Kind::Error, tr("The import failed: %1").arg(error));
              });
}

} // namespace ringside::ui
