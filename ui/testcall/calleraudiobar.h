#pragma once

#include "agent/agent.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ringside::ui {

class VoiceLink;
class WavCaller;
struct VoiceDevices;

// Test Call's caller-audio row: what the machine has for sound, Talk (microphone and speaker
// through VoiceLink), Play WAV… (WavCaller), the input level, VAD state and partial transcript.
// What it hears comes out as heard(); the agent's lines go in through agentSaid().
class CallerAudioBar final : public QWidget
{
    Q_OBJECT
public:
    explicit CallerAudioBar(QWidget *parent = nullptr);

    // The agent of the running call, or null when none runs (stops the microphone).
    void setCall(const Agent *agent);
    void playWavFiles(const QStringList &files);
    void startVoice(const VoiceDevices &devices);
    // Where Talk gets its devices (default: the system's default microphone and speaker).
    void setDeviceSource(std::function<VoiceDevices()> source) { m_deviceSource = std::move(source); }
    // A line the agent said: spoken through the speaker while talking.
    void agentSaid(const QString &text);

    WavCaller *wavCaller() const { return m_wav; }
    VoiceLink *voice() const { return m_voice; }

Q_SIGNALS:
    void heard(const QString &text);          // a final transcript: what the caller said
    void interrupted(const QString &heardText); // the caller talked over the agent
    void failed(const QString &message);

private:
    void showLevel(double dbfs);
    void showSpeaking(bool speaking);
    void showHeard(const QString &text);
    void updateButtons();

    std::optional<Agent> m_agent;
    std::function<VoiceDevices()> m_deviceSource;
    QLabel *m_note = nullptr;
    QPushButton *m_talk = nullptr;
    QPushButton *m_playWav = nullptr;
    QProgressBar *m_level = nullptr;
    QLabel *m_vad = nullptr;
    QLabel *m_partial = nullptr;
    WavCaller *m_wav = nullptr;
    VoiceLink *m_voice = nullptr;
};

} // namespace ringside::ui
