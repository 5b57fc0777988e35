#pragma once

#include "agent/agent.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace ringside {
class SpeechProviders;
}

namespace ringside::ui {

// Plays WAV files in as the caller, for machines without a microphone (and for repeatable tries).
// On a thread of its own, each file goes frame by frame through a SpeechPipeline — VAD,
// endpointing and the recognizer the agent asks for (the embedded one without cloud keys) —
// faster than real time. Input level, VAD state and partial transcripts are reported as they
// happen; each final transcript is what the caller said.
class WavCaller final : public QObject
{
    Q_OBJECT
public:
    explicit WavCaller(QObject *parent = nullptr);
    // Stops a file being played and waits for its thread.
    ~WavCaller() override;

    // Plays `files` one after another for `agent` (its language, keywords, endpointing and STT
    // provider). Ignored while files are playing.
    void play(const Agent &agent, const QStringList &files);
    bool isPlaying() const { return m_thread != nullptr; }
    // Cloud speech keys and endpoints for the next play() (the console adds the keychain's).
    void setEnvironment(QProcessEnvironment environment);
    QProcessEnvironment environment() const { return m_environment; }

Q_SIGNALS:
    void level(double dbfs);            // input level of the last 100 ms
    void speakingChanged(bool speaking); // the VAD heard speech start / the turn ended
    void partial(const QString &text);
    void heard(const QString &text);     // a final transcript
    // All files played; `error` names the file and the problem when one could not be.
    void finished(const QString &error);

private:
    QString playOne(const Agent &agent, const QString &file);

    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    std::shared_ptr<SpeechProviders> m_providers;   // shared engines, made on first use
    QThread *m_thread = nullptr;
    QString m_error;   // the last play's error, written by its thread
    std::atomic<bool> m_stop { false };
};

} // namespace ringside::ui
