#pragma once

#include "testcallengine.h"

#include "agent/agentcatalogue.h"
#include "shell/workspace.h"

#include <QDateTime>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;
class CallerAudioBar;
class MessageBar;
class ScenarioPanel;
class TranscriptView;
class VoiceLink;
class WavCaller;
struct VoiceDevices;

// Test Call: pick an agent and what the call is about (a demo order, cart or customer), start the
// call and type as the caller; the transcript shows the agent's words, tool calls and results
// inline, escalations in a banner and each reply's latency. The Session runs on the worker
// (TestCallEngine). A finished call can be saved as a regression scenario and the saved ones
// replayed with pass/fail.
class TestCallWorkspace final : public Workspace
{
    Q_OBJECT
public:
    TestCallWorkspace(Backend &backend, const Clock &clock, QString agentsFolder, QString scenariosFolder,
                      QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    // Reads the agent catalogue and the store's test records again (on the worker).
    void reload();
    // Chooses an agent by slug or path, and a record by id (what the combo boxes would do).
    bool selectAgent(const QString &slugOrPath);
    void setRecord(const QString &recordId);

    // Plays a typed call: once the lists are loaded, starts `agent` about `record` and says each
    // line after the previous reply (screenshots, demos).
    void playScript(const QString &agent, const QString &record, const QStringList &lines);

    // Plays WAV files in as the caller's voice during the running call (the "Play WAV…" button).
    void playWavFiles(const QStringList &files);
    WavCaller *wavCaller() const;
    // Talks through `devices` (the microphone and speaker; buffers in tests) during the running
    // call: the "Talk" button with the system devices.
    void startVoice(const VoiceDevices &devices);
    VoiceLink *voice() const;
    // The microphone and speaker Talk uses (the console passes Settings ▸ Audio devices).
    void setVoiceDevices(std::function<VoiceDevices()> source);

    // Saves the last call as a scenario; returns the file, or empty (the message bar says why).
    QString saveScenario();

    TestCallEngine *engine() const { return m_engine; }
    TranscriptView *transcript() const { return m_transcript; }
    ScenarioPanel *scenarios() const { return m_scenarios; }
    MessageBar *banner() const { return m_banner; }
    QString latencyText() const;
    bool isReady() const { return m_catalogueLoaded && m_recordsLoaded; }

Q_SIGNALS:
    void reloaded();

private:
    void startCall();
    void sendTyped();
    void onStarted(const QString &error, const QStringList &notices);
    void onEvent(const SessionEvent &event);
    void onEnded(const QString &outcome);
    void updateButtons();
    void beginScript();
    void sayNextScriptLine();
    const CatalogueEntry *currentAgent() const;

    Backend &m_backend;
    const Clock &m_clock;
    QString m_agentsFolder;
    QString m_scenariosFolder;
    QList<CatalogueEntry> m_agents;
    TestCallEngine *m_engine = nullptr;
    QComboBox *m_agentCombo = nullptr;
    QComboBox *m_recordCombo = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_end = nullptr;
    QPushButton *m_save = nullptr;
    QLineEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_latency = nullptr;
    CallerAudioBar *m_audio = nullptr;
    MessageBar *m_banner = nullptr;
    MessageBar *m_messages = nullptr;
    TranscriptView *m_transcript = nullptr;
    ScenarioPanel *m_scenarios = nullptr;
    QDateTime m_callStartedAt;
    QString m_callAgent;          // scenario "agent" for the call on screen
    QString m_callAgentSlug;
    QList<int> m_latencies;
    QString m_scriptAgent;
    QString m_scriptRecord;
    QStringList m_script;
    bool m_catalogueLoaded = false;
    bool m_recordsLoaded = false;
    bool m_dirty = true;
};

} // namespace ringside::ui
