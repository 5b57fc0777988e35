#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ringside::ui {

class LiveFeed;

// The operator's controls for the selected call: Listen, Take over, Whisper, Say, Hand back,
// End — each with a keyboard shortcut — and the line the operator types for Whisper and Say.
// Buttons are enabled only when the engine would accept the command (e.g. Say and Hand back only
// while this operator has the call). Answers and refusals are shown next to the buttons.
class CallControls : public QWidget
{
    Q_OBJECT
public:
    explicit CallControls(LiveFeed &feed, QWidget *parent = nullptr);

    void setCall(const QString &callId);
    QString call() const { return m_callId; }
    // The call's state or this operator's identity changed.
    void refresh();
    // Shown under the buttons (command answers, audio status).
    void showMessage(const QString &text, bool problem = false);
    QString message() const;

Q_SIGNALS:
    // Take over (or Accept) succeeded: the workspace opens the microphone.
    void tookOver(const QString &callId);

private:
    void toggleListen();
    void takeOver();
    void whisper();
    void say();
    void handBack();
    void endCall();
    void onAnswer(const QString &requestId, const QString &command, const QString &callId, bool ok, const QString &code,
                  const QString &message);
    QPushButton *addButton(const QString &objectName, const QString &text, const QKeySequence &shortcut, const QString &tip);
    QString send(const QString &command, const QString &successText);

    LiveFeed &m_feed;
    QString m_callId;
    QString m_listeningTo;
    QLineEdit *m_text = nullptr;
    QPushButton *m_listen = nullptr;
    QPushButton *m_takeOver = nullptr;
    QPushButton *m_whisper = nullptr;
    QPushButton *m_say = nullptr;
    QPushButton *m_handBack = nullptr;
    QPushButton *m_end = nullptr;
    QComboBox *m_outcome = nullptr;
    QLabel *m_message = nullptr;
    QHash<QString, QString> m_pending; // request id → what to say when it succeeds
};

} // namespace ringside::ui
