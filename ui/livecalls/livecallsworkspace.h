#pragma once

#include "embeddedengine.h"
#include "monitorclient.h"
#include "shell/workspace.h"

#include "util/clock.h"

#include <QSet>
#include <QTimer>

class QLabel;
class QListView;
class QPushButton;
class QTableView;

namespace ringside::ui {

class Backend;
class CallControls;
class ConsoleSettings;
class EscalationAlert;
class LiveFeed;
class SecretStore;

// Live Calls: the calls an engine is handling right now (embedded in the console or remote, per
// Settings), each one's transcript as it happens, the operator's controls and the escalation
// queue with its wait timers, an alert and Accept. docs/live-calls.md is the user's guide.
class LiveCallsWorkspace final : public Workspace
{
    Q_OBJECT
public:
    LiveCallsWorkspace(Backend &backend, ConsoleSettings &settings, SecretStore &secrets, const Clock &clock,
                       const QString &agentsFolder, QWidget *parent = nullptr);
    ~LiveCallsWorkspace() override;

    QString title() const override;
    QIcon icon() const override;
    // The first visit connects as Settings say (embedded engine or remote URL + token).
    void activated() override;

    // Start the console's own engine and watch it.
    void watchEmbedded(const EmbeddedEngine::Options &options);
    // Watch a remote engine's /monitor feed.
    void watchRemote(const MonitorEndpoint &endpoint);

    LiveFeed &feed() const { return *m_feed; }
    EmbeddedEngine &engine() const { return *m_engine; }
    EscalationAlert &alert() const { return *m_alert; }
    QString shownCall() const { return m_shownCall; }
    bool selectCall(const QString &callId);
    QString statusText() const;

Q_SIGNALS:
    // The embedded engine listens (tests dial it; the status line shows the port).
    void embeddedEngineStarted(quint16 port);

private:
    void startFromSettings();
    void showCall(const QString &callId);
    void afterBatch();
    void updateBanner();
    void setStatus(const QString &text, bool problem);
    void accept();
    void onAnswer(const QString &requestId, const QString &command, const QString &callId, bool ok, const QString &code,
                  const QString &message);
    void stopMicrophoneIfNotMine();

    Backend &m_backend;
    ConsoleSettings &m_settings;
    SecretStore &m_secrets;
    Clock m_clock;
    QString m_agentsFolder;
    LiveFeed *m_feed = nullptr;
    EmbeddedEngine *m_engine = nullptr;
    EscalationAlert *m_alert = nullptr;
    bool m_started = false;
    QString m_shownCall;
    QString m_micCall;
    QSet<QString> m_acceptRequests;
    QTimer m_tick;
    QMetaObject::Connection m_transcriptScroll;
    QMetaObject::Connection m_transcriptBanner;
    QMetaObject::Connection m_tokenRead;

    QLabel *m_status = nullptr;
    QPushButton *m_reconnect = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_hint = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_queueView = nullptr;
    QPushButton *m_accept = nullptr;
    QLabel *m_queueMessage = nullptr;
    QLabel *m_callTitle = nullptr;
    QLabel *m_banner = nullptr;
    QListView *m_transcript = nullptr;
    CallControls *m_controls = nullptr;
};

} // namespace ringside::ui
