#include "testcallworkspace.h"

#include "scenariodraft.h"
#include "scenariopanel.h"
#include "transcriptview.h"
#include "calleraudiobar.h"

#include "agents/previewvariables.h"
#include "common/labels.h"
#include "common/messagebar.h"
#include "services/backend.h"
#include "services/workerservices.h"

#include "tools/toolcatalogue.h"
#include "util/clock.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

#include <numeric>

namespace ringside::ui {

TestCallWorkspace::TestCallWorkspace(Backend &backend, const Clock &clock, QString agentsFolder,
                                     QString scenariosFolder, QWidget *parent)
    : Workspace(parent)
    , m_backend(backend)
    , m_clock(clock)
    , m_agentsFolder(std::move(agentsFolder))
    , m_scenariosFolder(std::move(scenariosFolder))
{
    setObjectName(QStringLiteral("test-call"));
    m_engine = new TestCallEngine(backend, this);
    auto *layout = new QVBoxLayout(this);

    auto *setup = new QHBoxLayout;
    m_agentCombo = new QComboBox(this);
    m_agentCombo->setObjectName(QStringLiteral("agentCombo"));
    m_agentCombo->setMinimumContentsLength(18);
    m_recordCombo = new QComboBox(this);
    m_recordCombo->setObjectName(QStringLiteral("recordCombo"));
    m_recordCombo->setEditable(true);
    m_recordCombo->setMinimumContentsLength(30);
    m_recordCombo->setToolTip(tr("The order, cart or customer the call is about (fills the agent's variables), "
                                 "or a phone number; empty for none"));
    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start call"), this);
    m_start->setObjectName(QStringLiteral("startCallButton"));
    m_end = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("End"), this);
    m_end->setObjectName(QStringLiteral("endCallButton"));
    m_latency = new QLabel(this);
    m_latency->setObjectName(QStringLiteral("latencyLabel"));
    setup->addWidget(new QLabel(tr("Agent:"), this));
    setup->addWidget(m_agentCombo);
    setup->addSpacing(8);
    setup->addWidget(new QLabel(tr("About:"), this));
    setup->addWidget(m_recordCombo, 1);
    setup->addWidget(m_start);
    setup->addWidget(m_end);
    setup->addSpacing(12);
    setup->addWidget(m_latency);
    layout->addLayout(setup);

    m_messages = new MessageBar(this);
    layout->addWidget(m_messages);
    m_banner = new MessageBar(this);
    m_banner->setObjectName(QStringLiteral("escalationBanner"));
    layout->addWidget(m_banner);

    m_audio = new CallerAudioBar(this);
    layout->addWidget(m_audio);

    auto *splitter = new QSplitter(this);
    auto *callPane = new QWidget(splitter);
    auto *callLayout = new QVBoxLayout(callPane);
    callLayout->setContentsMargins(0, 0, 0, 0);
    m_transcript = new TranscriptView(callPane);
    callLayout->addWidget(m_transcript, 1);
    auto *inputRow = new QHBoxLayout;
    m_input = new QLineEdit(callPane);
    m_input->setObjectName(QStringLiteral("callerInput"));
    m_input->setPlaceholderText(tr("Type what the caller says and press Enter"));
    m_send = new QPushButton(tr("Send"), callPane);
    m_send->setObjectName(QStringLiteral("sendButton"));
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send);
    callLayout->addLayout(inputRow);
    splitter->addWidget(callPane);

    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_save = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save as regression scenario"),
                             side);
    m_save->setObjectName(QStringLiteral("saveScenarioButton"));
    m_save->setToolTip(tr("Keep this call's turns, tool calls and escalation as a scenario that "
                          "`ringside-engine test` replays"));
    m_scenarios = new ScenarioPanel(m_scenariosFolder, side);
    sideLayout->addWidget(m_save);
    sideLayout->addWidget(m_scenarios, 1);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_start, &QPushButton::clicked, this, &TestCallWorkspace::startCall);
    connect(m_end, &QPushButton::clicked, this, [this] { m_engine->end(); });
    connect(m_send, &QPushButton::clicked, this, &TestCallWorkspace::sendTyped);
    connect(m_input, &QLineEdit::returnPressed, this, &TestCallWorkspace::sendTyped);
    connect(m_save, &QPushButton::clicked, this, &TestCallWorkspace::saveScenario);
    connect(m_audio, &CallerAudioBar::heard, m_engine, &TestCallEngine::say);
    connect(m_audio, &CallerAudioBar::interrupted, m_engine, &TestCallEngine::interrupted);
    connect(m_audio, &CallerAudioBar::failed, this, [this](const QString &message) {
        m_messages->showMessage(MessageBar::Kind::Error, message);
    });
    connect(m_agentCombo, &QComboBox::currentIndexChanged, this, &TestCallWorkspace::updateButtons);
    connect(m_engine, &TestCallEngine::started, this, &TestCallWorkspace::onStarted);
    connect(m_engine, &TestCallEngine::eventOccurred, this, &TestCallWorkspace::onEvent);
    connect(m_engine, &TestCallEngine::ended, this, &TestCallWorkspace::onEnded);
    connect(m_engine, &TestCallEngine::turnAnswered, this, &TestCallWorkspace::updateButtons);
    connect(m_engine, &TestCallEngine::turnAnswered, this, &TestCallWorkspace::sayNextScriptLine);
    connect(&m_backend, &Backend::dataChanged, this, [this] { m_dirty = true; if (isVisible()) reload(); });
    connect(&m_backend, &Backend::databaseOpened, this, [this] { m_dirty = true; if (isVisible()) reload(); });
    updateButtons();
}

QString TestCallWorkspace::title() const
{
    return tr("Test Call");
}

QIcon TestCallWorkspace::icon() const
{
    return style()->standardIcon(QStyle::SP_MediaPlay);
}

void TestCallWorkspace::activated()
{
    // Agents may have been saved in the Agents workspace meanwhile; a running call keeps its lists.
    if (!m_engine->isActive())
        reload();
}

void TestCallWorkspace::reload()
{
    m_dirty = false;
    m_catalogueLoaded = m_recordsLoaded = false;
    // Agent files and store records are read on the worker, like every other file and SQL read.
    whenReady(m_backend.run([folder = m_agentsFolder](WorkerServices &) {
                  return AgentCatalogue(folder, toolNames()).entries();
              }),
              this, [this](const QList<CatalogueEntry> &entries) {
                  const QString current = m_agentCombo->currentData().toString();
                  m_agents.clear();
                  m_agentCombo->clear();
                  for (const CatalogueEntry &e : entries) {
                      if (!e.issues.isEmpty())
                          continue;   // an agent with problems is fixed in Agents first
                      m_agents.append(e);
                      m_agentCombo->addItem(e.agent.name, e.path);
                  }
                  const int keep = m_agentCombo->findData(current);
                  if (keep >= 0)
                      m_agentCombo->setCurrentIndex(keep);
                  m_catalogueLoaded = true;
                  updateButtons();
                  if (isReady())
                      Q_EMIT reloaded();
              });
    whenReady(m_backend.run([](WorkerServices &s) { return previewRecords(s.store()); }), this,
              [this](const QList<PreviewRecord> &records) {
                  const QString current = m_recordCombo->currentText();
                  m_recordCombo->clear();
                  m_recordCombo->addItem(tr("(nobody in particular)"), QString());
                  for (const PreviewRecord &r : records)
                      m_recordCombo->addItem(r.label, r.id);
                  if (!current.isEmpty())
                      setRecord(m_recordCombo->itemData(m_recordCombo->findText(current)).toString());
                  m_recordsLoaded = true;
                  if (isReady())
                      Q_EMIT reloaded();
              },
              [this](const QString &) {
                  m_recordCombo->clear();
                  m_recordsLoaded = true;   // no database: agents can still be tried without a record
                  if (isReady())
                      Q_EMIT reloaded();
              });
}

bool TestCallWorkspace::selectAgent(const QString &slugOrPath)
{
    for (int i = 0; i < m_agents.size(); ++i) {
        if (m_agents[i].slug == slugOrPath || m_agents[i].path == slugOrPath) {
            m_agentCombo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void TestCallWorkspace::setRecord(const QString &recordId)
{
    const int index = m_recordCombo->findData(recordId);
    if (index >= 0)
        m_recordCombo->setCurrentIndex(index);
    else
        m_recordCombo->setEditText(recordId);
}

const CatalogueEntry *TestCallWorkspace::currentAgent() const
{
    const int index = m_agentCombo->currentIndex();
    return index >= 0 && index < m_agents.size() ? &m_agents[index] : nullptr;
}

QString TestCallWorkspace::latencyText() const
{
    return m_latency->text();
}

void TestCallWorkspace::updateButtons()
{
    const bool active = m_engine->isActive();
    m_start->setEnabled(!active && currentAgent());
    m_end->setEnabled(active);
    m_input->setEnabled(active);
    m_send->setEnabled(active);
    m_agentCombo->setEnabled(!active);
    m_recordCombo->setEnabled(!active);
    m_save->setEnabled(!active && !m_transcript->events().isEmpty());
    const CatalogueEntry *agent = active ? currentAgent() : nullptr;
    m_audio->setCall(agent ? &agent->agent : nullptr);
}

void TestCallWorkspace::startVoice(const VoiceDevices &devices)
{
    m_audio->startVoice(devices);
}

void TestCallWorkspace::playWavFiles(const QStringList &files)
{
    m_audio->playWavFiles(files);
}

WavCaller *TestCallWorkspace::wavCaller() const
{
    return m_audio->wavCaller();
}

VoiceLink *TestCallWorkspace::voice() const
{
    return m_audio->voice();
}

void TestCallWorkspace::setVoiceDevices(std::function<VoiceDevices()> source)
{
    m_audio->setDeviceSource(std::move(source));
}

void TestCallWorkspace::startCall()
{
    const CatalogueEntry *agent = currentAgent();
    if (!agent || m_engine->isActive())
        return;
    m_transcript->clearCall();
    m_banner->hide();
    m_messages->hide();
    m_latencies.clear();
    m_latency->clear();
    // The record combo holds an id as item data, or whatever the user typed.
    QString record = m_recordCombo->currentData().toString();
    if (m_recordCombo->currentIndex() < 0 || m_recordCombo->currentText() != m_recordCombo->itemText(m_recordCombo->currentIndex()))
        record = m_recordCombo->currentText().trimmed();
    TestCallSetup setup;
    setup.agent = agent->agent;
    setup.agentPath = agent->path;
    setup.recordId = record;
    setup.now = m_clock.now();
    m_callStartedAt = setup.now;
    m_callAgent = agent->shipped ? agent->slug : QFileInfo(agent->path).absoluteFilePath();
    m_callAgentSlug = agent->slug;
    m_engine->start(setup);
    updateButtons();
}

void TestCallWorkspace::onStarted(const QString &error, const QStringList &notices)
{
    if (!error.isEmpty())
        m_messages->showMessage(MessageBar::Kind::Error, tr("The call could not start: %1").arg(error));
    else if (!notices.isEmpty())
        m_messages->showMessage(MessageBar::Kind::Information, notices.join(QLatin1Char(' ')));
    updateButtons();
    if (m_engine->isActive()) {
        m_input->setFocus();
        sayNextScriptLine();
    } else {
        m_script.clear();
    }
}

void TestCallWorkspace::playScript(const QString &agent, const QString &record, const QStringList &lines)
{
    m_scriptAgent = agent;
    m_scriptRecord = record;
    m_script = lines;
    if (isReady() && !m_dirty)
        beginScript();
    else
        connect(this, &TestCallWorkspace::reloaded, this, &TestCallWorkspace::beginScript, Qt::SingleShotConnection);
}

void TestCallWorkspace::beginScript()
{
    if (!selectAgent(m_scriptAgent)) {
        m_messages->showMessage(MessageBar::Kind::Error, tr("No agent %1 to call.").arg(m_scriptAgent));
        m_script.clear();
        return;
    }
    setRecord(m_scriptRecord);
    startCall();
}

void TestCallWorkspace::sayNextScriptLine()
{
    if (m_script.isEmpty() || !m_engine->isActive() || m_engine->turnInProgress())
        return;
    m_engine->say(m_script.takeFirst());
}

void TestCallWorkspace::sendTyped()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty() || !m_engine->isActive())
        return;
    m_input->clear();
    m_engine->say(text);
}

void TestCallWorkspace::onEvent(const SessionEvent &event)
{
    m_transcript->addEvent(event);
    if (event.is(EventType::Agent))
        m_audio->agentSaid(event.text());
    if (event.is(EventType::Escalation)) {
        m_banner->showMessage(MessageBar::Kind::Warning,
                              tr("Escalated to a person — %1: %2")
                                  .arg(reasonLabel(stringAt(event.data, "reason")), stringAt(event.data, "summary")));
    } else if (event.is(EventType::Latency)) {
        const int ms = event.data.value("ms", 0);
        m_latencies.append(ms);
        const int average = std::accumulate(m_latencies.begin(), m_latencies.end(), 0) / int(m_latencies.size());
        m_latency->setText(tr("Last reply %1 ms · average %2 ms over %n turn(s)", nullptr, int(m_latencies.size()))
                               .arg(ms)
                               .arg(average));
    }
}

void TestCallWorkspace::onEnded(const QString &outcome)
{
    m_script.clear();
    m_messages->showMessage(MessageBar::Kind::Information,
                            tr("The call ended: %1. Save it as a regression scenario to replay it later.")
                                .arg(outcomeLabel(outcome)));
    updateButtons();
}

QString TestCallWorkspace::saveScenario()
{
    ScenarioDraft draft;
    draft.agent = m_callAgent;
    draft.now = m_callStartedAt;
    draft.subject = m_engine->subject();
    draft.events = m_transcript->events();
    draft.name = tr("%1: test call of %2").arg(m_callAgentSlug, m_callStartedAt.toString(Qt::ISODate));
    const json scenario = scenarioFromCall(draft);
    if (scenario["turns"].empty()) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("Nothing to save: the caller never spoke in this call."));
        return {};
    }
    if (!QDir().mkpath(m_scenariosFolder)) {
        m_messages->showMessage(MessageBar::Kind::Error, tr("Cannot create the folder %1.").arg(m_scenariosFolder));
        return {};
    }
    const QString path = newScenarioPath(m_scenariosFolder, m_callAgentSlug, m_callStartedAt);
    QFile file(path);
    const QByteArray bytes = QByteArray::fromStdString(scenario.dump(2)) + '\n';
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(bytes) != bytes.size()) {
        m_messages->showMessage(MessageBar::Kind::Error,
                                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return {};
    }
    file.close();
    m_messages->showMessage(MessageBar::Kind::Information,
                            tr("Saved as %1. Run it beside the others with “Run all”, or with "
                               "ringside-engine test %2.").arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(path)));
    m_scenarios->reload();
    return path;
}

} // namespace ringside::ui
