#pragma once

#include "speech/sttengine.h"
#include "speech/vad.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace ringside {

struct EndpointerConfig
{
    int endpointingMs = 250;            // sttConfig.endpointing: trailing silence that ends a turn
    double digitExtensionFactor = 3.0;  // while a number is being read out, wait this much longer…
    int digitExtensionMaxMs = 1500;     // …but never more than this
    int maxTurnMs = 15000;              // a turn is finalized after this long, speech or not
    // While the digit extension could apply, the recognizer is asked to judge the pause
    // (SttEngine::judgePause) after this much silence (capped at endpointingMs). Earlier would have
    // the reading ready when the ordinary silence ends, but 100 ms cost a spoken tool-call run
    // (9 → 8 of 10 in tst_speech_spokentoolcalls: a reading made on less trailing audio), so the
    // default judges at the ordinary silence (docs/benchmarks.md).
    int judgePauseAfterMs = 250;
    // The identifiers the store uses (SttConfig::identifierFormats): once the partial ends in a
    // complete one, no longer wait for more digits.
    QStringList identifierFormats;
};

enum class TurnEndReason {
    Silence,       // the caller stopped talking for endpointingMs
    DigitSilence,  // the same, with the longer wait while a number was being read
    TurnCap,       // maxTurnMs ran out (noise, hold music, a monologue)
};
QString turnEndReasonName(TurnEndReason reason); // "silence" | "digit_silence" | "turn_cap"

// Decides when the caller's turn is over, frame by frame, from VAD decisions and the partial
// transcript. Time is counted in samples of the frames it is given, so it is exact and testable
// without a clock.
//  - A turn starts when the VAD's smoothed speech starts.
//  - It ends once no frame has been active for endpointingMs…
//  - …or for the extended wait when the conversation expects digits and letters and the partial
//    transcript ends inside a spelled sequence or a lead-in ("my order number is"), so a caller
//    who pauses between digit groups is not cut off — unless the sequence is already a complete
//    identifier of a configured format that no longer format could extend ("o r d" and six
//    digits): then the caller is done, and the turn ends after the ordinary silence. A partial
//    that ends in ordinary words ("hi where is my order") ends after the ordinary silence too:
//    the embedded recognizer's identifier grammar hears words as words (DomainLanguageModel);
//  - …or when it has lasted maxTurnMs, whatever the VAD says; if the noise goes on, the next
//    active frame opens a new turn, so every maxTurnMs the conversation gets a turn to act on.
class Endpointer
{
public:
    struct Event
    {
        enum class Kind { None, TurnStarted, TurnEnded } kind = Kind::None;
        TurnEndReason reason = TurnEndReason::Silence;
        std::int64_t speechStartSample = 0; // first sample of the turn's speech
        std::int64_t speechEndSample = 0;   // end of the last active frame (TurnEnded)
        std::int64_t decisionSample = 0;    // end of the frame that made the decision
    };

    Endpointer() = default;
    Endpointer(const EndpointerConfig &config, int sampleRate) { init(config, sampleRate); }
    void init(const EndpointerConfig &config, int sampleRate);
    void reset();

    // One frame of `samples` samples and the VAD's verdict on it.
    Event process(const VadDecision &vad, std::size_t samples);

    void setExpectation(SttExpectation expectation) { m_expectation = expectation; }
    void setPartialTranscript(const QString &text);

    bool inTurn() const { return m_inTurn; }
    // The silence that currently ends the turn (endpointingMs or the digit extension).
    int currentTimeoutMs() const;
    // In a turn, silent for judgePauseAfterMs (at most endpointingMs) or more, and the digit
    // extension would keep the turn open past the ordinary silence: the moment to let the
    // recognizer judge whether an ID is being read at all.
    bool pauseWorthJudging() const;
    std::int64_t position() const { return m_position; }
    const EndpointerConfig &config() const { return m_config; }

    // The two questions the digit extension asks of a partial transcript: does it end where more
    // of an ID follows (a digit, a letter, "double"/"triple", "dash", or a lead-in such as "my
    // order number is")? Does it end in an ID already complete in one of `formats`?
    static bool partialExpectsMore(const QString &partial);
    static bool partialEndsInCompleteId(const QString &partial, const QStringList &formats);

private:
    EndpointerConfig m_config;
    int m_sampleRate = 16000;
    SttExpectation m_expectation = SttExpectation::General;
    bool m_partialInsideSequence = false;
    bool m_partialEndsInCompleteId = false;
    bool m_inTurn = false;
    bool m_cappedInSpeech = false;
    std::int64_t m_position = 0;
    std::int64_t m_turnStart = 0;
    std::int64_t m_lastActiveEnd = 0;
};

} // namespace ringside
