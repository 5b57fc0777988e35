#pragma once
// A spoken call from recorded caller lines (`ringside-engine voice`): each line is played into the
// call's SpeechPipeline frame by frame as a live caller would (after the agent has finished
// speaking), the session answers, and the agent's audio is kept per turn. Latency is measured on
// the audio itself: end of the caller's speech in the input track → first audible agent sample in
// the output track. The whole call runs on one timeline on the calling thread.

#include "speech/speechevent.h"
#include "speech/speechpipeline.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QMetaObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

namespace ringside {

class Session;

// One caller line at the call's rate, and where its speech ends.
struct CallerLine
{
    QString path;
    std::vector<std::int16_t> audio;
    std::int64_t speechEnd = 0;   // within `audio`
    std::int64_t start = -1;      // on the call's timeline, once played
    std::int64_t end = -1;
    int finals = 0;               // recognizer finals since the line started
};

class VoiceCall
{
public:
    static constexpr int kRate = 16000; // the call's audio: 16 kHz PCM, desktop quality

    // A WAV file (any rate) as a caller line; the error names the file and the problem.
    static Result<CallerLine> loadLine(const QString &path);

    // What the call reports as it goes. `report` gets each event (stt_final, barge_in,
    // speech_error, notice, turn_audio, call_audio) with a line for people (empty: none; `warning`:
    // it belongs on stderr); `warn` gets problems that always go to stderr.
    struct Output
    {
        std::function<void(const json &event, const QString &plain, bool warning)> report;
        std::function<void(const QString &line)> warn;
    };

    // `pipeline` is the call's (made from AssembledCall::speech) and hands its events to
    // onSpeechEvent(); the session's agent lines are spoken through it. `outDir` receives
    // turn-N.wav and call.wav.
    VoiceCall(Session &session, SpeechPipeline &pipeline, std::vector<CallerLine> &lines, bool realtime, QString outDir,
              Output output);
    ~VoiceCall();
    VoiceCall(const VoiceCall &) = delete;
    VoiceCall &operator=(const VoiceCall &) = delete;

    void onSpeechEvent(const SpeechEvent &e);
    // Plays every line, waits for each answer, hangs up; false when a file could not be written.
    // Start the pipeline and the session first.
    bool run();

private:
    void handleSpeech();
    bool idle() const;
    void emitLine(const json &j, const QString &plain);
    void finishTurn(int index, std::int64_t until);
    bool writeSegment(const QString &name, std::int64_t from, std::int64_t to, QString *file);

    Session &m_session;
    SpeechPipeline *m_pipeline;
    QMetaObject::Connection m_connection;
    std::vector<CallerLine> &m_lines;
    const bool m_realtime;
    const QString m_outDir;
    Output m_output;
    std::deque<SpeechEvent> m_speech; // handled after each push/pull, never inside the pipeline
    std::vector<std::int16_t> m_caller, m_agent;
    std::int64_t m_t = 0;             // samples on the call's timeline
    std::int64_t m_lastBusy = 0;
    int m_openTurns = 0;
    int m_current = -1;               // line being played
    int m_awaited = -1;               // line played, its answer awaited
    bool m_failed = false;
};

} // namespace ringside
