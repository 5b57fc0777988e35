#include "livecallsworkspace.h"

#include "callcontrols.h"
#include "callsmodel.h"
#include "escalationalert.h"
#include "escalationqueuemodel.h"
#include "livefeed.h"
#include "transcriptmodel.h"

#include "common/labels.h"
#include "services/backend.h"
#include "services/consolesettings.h"
#include "services/providerkeys.h"
#include "services/secretstore.h"

#include "telephony/monitorprotocol.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ringside::ui {

LiveCallsWorkspace::LiveCallsWorkspace(Backend &backend, ConsoleSettings &settings, SecretStore &secrets, const Clock &clock,
                                       const QString &agentsFolder, QWidget *parent)
    : Workspace(parent)
    , m_backend(backend)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_agentsFolder(agentsFolder)
    , m_feed(new LiveFeed(100, this))
    , m_engine(new EmbeddedEngine(this))
    , m_alert(new EscalationAlert(this))
{
    setObjectName(QStringLiteral("live-calls"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_status = new QLabel(tr("Not connected"), this);
    m_status->setObjectName(QStringLiteral("live-status"));
    m_status->setWordWrap(true);
    m_reconnect = new QPushButton(tr("&Reconnect"), this);
    m_reconnect->setObjectName(QStringLiteral("live-reconnect"));
    m_reconnect->setToolTip(tr("Connect again as Settings say (embedded engine, or remote URL and token)"));
    top->addWidget(m_status, 1);
    top->addWidget(m_reconnect);
    layout->addLayout(top);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("live-notice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    layout->addWidget(m_notice);

    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split, 1);

    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("live-calls-table"));
    m_table->setModel(m_feed->calls());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CallsModel::AgentColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CallsModel::CustomerColumn, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    // The Engine column only when another engine's call is listed.
    const auto showEngines = [this] { m_table->setColumnHidden(CallsModel::EngineColumn, !m_feed->calls()->hasRemoteCalls()); };
    connect(m_feed->calls(), &QAbstractItemModel::rowsInserted, this, showEngines);
    connect(m_feed->calls(), &QAbstractItemModel::rowsRemoved, this, showEngines);
    connect(m_feed->calls(), &QAbstractItemModel::modelReset, this, showEngines);
    showEngines();
    m_hint = new QLabel(left);
    m_hint->setObjectName(QStringLiteral("live-hint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #606060;"));
    leftLayout->addWidget(m_hint);
    leftLayout->addWidget(m_table, 3);

    auto *queueBox = new QGroupBox(tr("Escalation queue"), left);
    auto *queueLayout = new QVBoxLayout(queueBox);
    m_queueView = new QTableView(queueBox);
    m_queueView->setObjectName(QStringLiteral("live-queue"));
    m_queueView->setModel(m_feed->queue());
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->verticalHeader()->hide();
    m_queueView->horizontalHeader()->setStretchLastSection(true);
    queueLayout->addWidget(m_queueView);
    auto *acceptRow = new QHBoxLayout;
    m_accept = new QPushButton(tr("&Accept"), queueBox);
    m_accept->setObjectName(QStringLiteral("live-accept"));
    m_accept->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_accept->setToolTip(tr("Take the selected waiting caller (the longest wait when none is selected) (%1)")
                             .arg(m_accept->shortcut().toString(QKeySequence::NativeText)));
    m_queueMessage = new QLabel(queueBox);
    m_queueMessage->setObjectName(QStringLiteral("live-queue-message"));
    m_queueMessage->setWordWrap(true);
    acceptRow->addWidget(m_accept);
    acceptRow->addWidget(m_queueMessage, 1);
    queueLayout->addLayout(acceptRow);
    leftLayout->addWidget(queueBox, 2);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_callTitle = new QLabel(tr("Select a call to follow its conversation"), right);
    m_callTitle->setObjectName(QStringLiteral("live-call-title"));
    QFont titleFont = m_callTitle->font();
    titleFont.setBold(true);
    m_callTitle->setFont(titleFont);
    rightLayout->addWidget(m_callTitle);
    m_banner = new QLabel(right);
    m_banner->setObjectName(QStringLiteral("live-banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    rightLayout->addWidget(m_banner);
    m_transcript = new QListView(right);
    m_transcript->setObjectName(QStringLiteral("live-transcript"));
    m_transcript->setWordWrap(true);
    m_transcript->setUniformItemSizes(false);
    rightLayout->addWidget(m_transcript, 1);
    m_controls = new CallControls(*m_feed, right);
    rightLayout->addWidget(m_controls);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    connect(m_reconnect, &QPushButton::clicked, this, &LiveCallsWorkspace::startFromSettings);
    connect(m_accept, &QPushButton::clicked, this, &LiveCallsWorkspace::accept);
    connect(m_queueView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        selectCall(index.data(EscalationQueueModel::CallIdRole).toString()); // its transcript, before accepting
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            showCall(current.data(CallsModel::CallIdRole).toString());
    });
    connect(m_feed, &LiveFeed::batchApplied, this, &LiveCallsWorkspace::afterBatch);
    connect(m_feed, &LiveFeed::stateChanged, this, [this](MonitorClient::State s, const QString &detail) {
        if (s == MonitorClient::State::Disconnected)
            return; // closed on purpose: whoever closed it has said why
        setStatus(detail, s == MonitorClient::State::Refused || s == MonitorClient::State::Reconnecting);
    });
    connect(m_feed, &LiveFeed::notice, this, [this](const QString &text) {
        m_notice->setText(text);
        m_notice->setVisible(!text.isEmpty());
    });
    connect(m_feed, &LiveFeed::escalationArrived, this, [this](const QString &callId, const QString &reason) {
        const int row = m_feed->queue()->rowOf(callId);
        m_alert->raise(row >= 0 && !m_feed->queue()->at(row).caller.isEmpty() ? m_feed->queue()->at(row).caller : callId, reason);
    });
    connect(m_feed, &LiveFeed::escalationAccepted, this, [this](const QString &callId, const QString &op) {
        if (op != m_feed->operatorName())
            m_queueMessage->setText(tr("%1 accepted call %2").arg(op, callId));
    });
    connect(m_feed, &LiveFeed::commandAnswered, this, &LiveCallsWorkspace::onAnswer);
    connect(m_feed, &LiveFeed::microphoneStatus, this, [this](const QString &, bool, const QString &message) {
        if (!message.isEmpty())
            m_controls->showMessage(message);
    });
    connect(m_controls, &CallControls::tookOver, this, [this](const QString &callId) {
        const LiveCallRow *r = m_feed->calls()->call(callId);
        m_micCall = callId;
        m_feed->useMicrophone(callId, r ? r->sampleRate : 8000, true);
    });
    connect(m_alert, &EscalationAlert::activated, this, [this] { m_queueView->setFocus(); });
    connect(m_engine, &EmbeddedEngine::started, this, [this](const MonitorEndpoint &endpoint) {
        setStatus(tr("Embedded engine on 127.0.0.1:%1 — connecting…").arg(endpoint.url.port()), false);
        m_feed->open(endpoint); // signed in as the operator its token names
        Q_EMIT embeddedEngineStarted(quint16(endpoint.url.port()));
    });
    connect(m_engine, &EmbeddedEngine::failed, this, [this](const QString &error) {
        setStatus(tr("The embedded engine could not start: %1").arg(error), true);
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_feed->calls()->tick();
        m_feed->queue()->tick();
        updateBanner();
    });
    m_tick.start();
    afterBatch();
}

LiveCallsWorkspace::~LiveCallsWorkspace()
{
    // The feed closes before the engine it watches ends its calls.
    m_feed->close();
}

QString LiveCallsWorkspace::title() const
{
    return tr("Live Calls");
}

QIcon LiveCallsWorkspace::icon() const
{
    return style()->standardIcon(QStyle::SP_ComputerIcon);
}

void LiveCallsWorkspace::activated()
{
    if (!m_started)
        startFromSettings();
}

void LiveCallsWorkspace::startFromSettings()
{
    m_started = true;
    if (m_settings.engineMode() == ConsoleSettings::EngineMode::Remote) {
        const QUrl url = m_settings.remoteEngineUrl();
        QString problem;
        if (!isValidEngineUrl(url, &problem)) {
            m_feed->close();
            setStatus(tr("Remote engine URL: %1 — set it in Settings").arg(problem), true);
            return;
        }
        const QString key = engineTokenKey().keychainKey();
        // Other parts read other keys through the same store: wait for ours.
        disconnect(m_tokenRead);
        m_tokenRead = connect(&m_secrets, &SecretStore::readFinished, this,
                              [this, url, key](const QString &k, const QString &value, bool found, const QString &) {
                                  if (k != key)
                                      return;
                                  disconnect(m_tokenRead);
                                  QString token = found ? value : QString();
                                  if (token.isEmpty())
                                      token = environmentValue(engineTokenKey(), QProcessEnvironment::systemEnvironment());
                                  watchRemote({ url, token, qEnvironmentVariable("USER") });
                              });
        m_secrets.read(key);
        return;
    }
    const QString db = m_backend.databasePath();
    if (db.isEmpty()) {
        setStatus(tr("Open a database to run the embedded engine"), true);
        connect(&m_backend, &Backend::databaseOpened, this, &LiveCallsWorkspace::startFromSettings, Qt::SingleShotConnection);
        return;
    }
    // The calls use the provider keys kept in the keychain as well as the environment's.
    setStatus(tr("Starting the embedded engine…"), false);
    loadProviderEnvironment(m_secrets, QProcessEnvironment::systemEnvironment(), this,
                            [this, db](const QProcessEnvironment &environment) {
                                if (m_settings.engineMode() != ConsoleSettings::EngineMode::Embedded)
                                    return; // switched to a remote engine meanwhile
                                EmbeddedEngine::Options options;
                                options.databasePath = db;
                                options.agentsFolder = m_agentsFolder;
                                options.clock = m_clock;
                                options.environment = environment;
                                watchEmbedded(options);
                            });
}

void LiveCallsWorkspace::watchEmbedded(const EmbeddedEngine::Options &options)
{
    m_started = true;
    m_feed->close();
    m_engine->stop();
    setStatus(tr("Starting the embedded engine…"), false);
    m_engine->start(options);
}

void LiveCallsWorkspace::watchRemote(const MonitorEndpoint &endpoint)
{
    m_started = true;
    if (m_engine->isRunning())
        m_engine->stop();
    m_feed->open(endpoint);
}

bool LiveCallsWorkspace::selectCall(const QString &callId)
{
    const int row = m_feed->calls()->rowOf(callId);
    if (row < 0)
        return false;
    m_table->selectionModel()->setCurrentIndex(m_feed->calls()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showCall(callId);
    return true;
}

QString LiveCallsWorkspace::statusText() const
{
    return m_status->text();
}

void LiveCallsWorkspace::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #a00000;") : QString());
}

void LiveCallsWorkspace::showCall(const QString &callId)
{
    if (callId == m_shownCall && m_transcript->model() == m_feed->transcript(callId))
        return;
    m_shownCall = callId;
    m_feed->setShownCall(callId);
    TranscriptModel *t = m_feed->transcript(callId);
    m_transcript->setModel(t);
    disconnect(m_transcriptScroll);
    disconnect(m_transcriptBanner);
    if (t) {
        m_transcriptScroll = connect(t, &QAbstractItemModel::rowsInserted, m_transcript, [this] { m_transcript->scrollToBottom(); });
        m_transcriptBanner = connect(t, &TranscriptModel::escalationChanged, this, &LiveCallsWorkspace::updateBanner);
        m_transcript->scrollToBottom();
    }
    m_controls->setCall(callId);
    afterBatch();
}

void LiveCallsWorkspace::afterBatch()
{
    // A fresh snapshot resets the table: keep the operator on the call they were following.
    if (!m_shownCall.isEmpty() && !m_table->selectionModel()->hasSelection()) {
        const int row = m_feed->calls()->rowOf(m_shownCall);
        if (row >= 0)
            m_table->selectionModel()->setCurrentIndex(m_feed->calls()->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (!m_shownCall.isEmpty() && m_transcript->model() != m_feed->transcript(m_shownCall))
        m_transcript->setModel(m_feed->transcript(m_shownCall));
    const LiveCallRow *r = m_feed->calls()->call(m_shownCall);
    if (r)
    {
        // Whoever holds the call sees the whole number; everyone else the masked one.
        const QString held = r->operatorName == m_feed->operatorName() ? m_feed->heldNumber(m_shownCall) : QString();
        m_callTitle->setText(tr("%1 · %2 · %3").arg(r->agent, held.isEmpty() ? maskPhone(r->phone) : held,
                                                     CallsModel::stateLabel(r->state, r->operatorName)));
    }
    else if (!m_shownCall.isEmpty())
        m_callTitle->setText(tr("Call %1 has ended").arg(m_shownCall));
    m_accept->setEnabled(m_feed->queue()->rowCount() > 0);
    if (m_feed->calls()->rowCount() > 0)
        m_hint->hide();
    else {
        m_hint->setText(m_engine->isRunning()
                                ? tr("No calls right now. Phones reach the embedded engine at ws://127.0.0.1:%1/twilio/media "
                                     "(Twilio) or /exotel/media (Exotel); calls appear here as they connect.")
                                          .arg(m_engine->port())
                                : tr("No calls right now. Calls appear here as they connect."));
        m_hint->show();
    }
    if (m_feed->state() == MonitorClient::State::Connected) {
        const int calls = m_feed->calls()->rowCount();
        const QString active = calls == 1 ? tr("1 active call") : tr("%1 active calls").arg(calls);
        setStatus(tr("%1 · %2 · %3 waiting").arg(m_feed->stateDetail(), active).arg(m_feed->queue()->rowCount()), false);
    }
    m_controls->refresh();
    stopMicrophoneIfNotMine();
    updateBanner();
}

void LiveCallsWorkspace::updateBanner()
{
    const LiveCallRow *r = m_feed->calls()->call(m_shownCall);
    const TranscriptModel *t = m_feed->transcript(m_shownCall);
    QString text;
    QString style;
    if (r && r->state == QLatin1String("queued")) {
        const int row = m_feed->queue()->rowOf(m_shownCall);
        const QString wait = row >= 0 ? CallsModel::durationText(m_feed->queue()->waitedMs(m_feed->queue()->at(row))) : QString();
        text = tr("⚠ Escalated — %1%2. Waiting %3: Accept or Take over.")
                   .arg(reasonLabel(t ? t->escalationReason() : QString()),
                        t && !t->escalationSummary().isEmpty() ? tr(" — %1").arg(t->escalationSummary()) : QString(), wait);
        style = QStringLiteral("background: #fde2e1; color: #7a0000; padding: 6px;");
    } else if (r && r->state == QLatin1String("taken_over")) {
        text = r->operatorName == m_feed->operatorName() ? tr("You have this call: the agent is silent until you hand it back.")
                                                         : tr("%1 has taken this call over.").arg(r->operatorName);
        style = QStringLiteral("background: #e1ecfd; color: #002a7a; padding: 6px;");
    } else if (t && t->hasEscalation() && r) {
        text = tr("Escalated earlier: %1").arg(reasonLabel(t->escalationReason()));
        style = QStringLiteral("background: #fff4d6; padding: 6px;");
    } else if (t && t->isEnded()) {
        text = tr("This call has ended.");
        style = QStringLiteral("background: #eeeeee; padding: 6px;");
    }
    m_banner->setText(text);
    m_banner->setStyleSheet(style);
    m_banner->setVisible(!text.isEmpty());
}

void LiveCallsWorkspace::accept()
{
    EscalationQueueModel *q = m_feed->queue();
    if (q->rowCount() == 0)
        return;
    const QModelIndex current = m_queueView->selectionModel()->currentIndex();
    const int row = current.isValid() ? current.row() : 0; // the longest wait is first
    const QString callId = q->at(row).callId;
    m_acceptRequests.insert(m_feed->sendCommand(QLatin1String(telephony::monitor::command::accept), callId));
    m_queueMessage->setText(tr("Accepting %1…").arg(q->at(row).caller.isEmpty() ? callId : q->at(row).caller));
}

void LiveCallsWorkspace::onAnswer(const QString &requestId, const QString &, const QString &callId, bool ok, const QString &code,
                                  const QString &message)
{
    if (!m_acceptRequests.remove(requestId))
        return;
    if (ok) {
        m_queueMessage->setText(tr("You won: the caller is yours — speak, or type and press Say"));
        selectCall(callId);
        const LiveCallRow *r = m_feed->calls()->call(callId);
        m_micCall = callId;
        m_feed->useMicrophone(callId, r ? r->sampleRate : 8000, true);
    } else if (code == QLatin1String(telephony::monitor::error::alreadyAccepted) || code == QLatin1String(telephony::monitor::error::takenOver)) {
        m_queueMessage->setText(tr("Another operator won the race (%1)").arg(message));
    } else {
        m_queueMessage->setText(tr("Could not accept: %1").arg(message));
    }
}

void LiveCallsWorkspace::stopMicrophoneIfNotMine()
{
    if (m_micCall.isEmpty())
        return;
    const LiveCallRow *r = m_feed->calls()->call(m_micCall);
    if (r && r->state == QLatin1String("taken_over") && r->operatorName == m_feed->operatorName())
        return;
    m_feed->useMicrophone(m_micCall, r ? r->sampleRate : 8000, false);
    m_micCall.clear();
}

} // namespace ringside::ui
