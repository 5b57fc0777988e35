#pragma once
// VoiceLink's half on the voice thread; see voicelink.h.

#include "voicelink.h"

#include <QObject>
#include <QProcessEnvironment>

#include <memory>
#include <vector>

class QTimer;

namespace ringside {
class SpeechPipeline;
class SpeechProviders;
struct SpeechEvent;
class TtsEngine;
} // namespace ringside

namespace ringside::ui {

class VoiceWorker final : public QObject
{
    Q_OBJECT
public:
    explicit VoiceWorker(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    ~VoiceWorker() override;

    void begin(const Agent &agent, const VoiceDevices &devices);
    void say(const QString &text);
    void finish();

Q_SIGNALS:
    void started(const QString &error);
    void level(double dbfs);
    void speakingChanged(bool speaking);
    void partial(const QString &text);
    void heard(const QString &text);
    void interrupted(const QString &heardText);
    void agentAudio(qint64 samples);
    void stopped();

private:
    void tick();
    void onSpeechEvent(const SpeechEvent &event);

    QProcessEnvironment m_environment; // cloud speech keys and endpoints
    std::unique_ptr<SpeechProviders> m_providers;
    std::shared_ptr<TtsEngine> m_tts;
    std::unique_ptr<SpeechPipeline> m_pipeline;
    QIODevice *m_input = nullptr;
    QIODevice *m_output = nullptr;
    QTimer *m_timer = nullptr;
    int m_outputRate = 16000;
    std::vector<std::int16_t> m_in;
    std::vector<std::int16_t> m_out;
    QByteArray m_pendingByte;     // an odd byte left over from the last read
    qint64 m_agentSamples = 0;
    int m_ticks = 0;
};

} // namespace ringside::ui
