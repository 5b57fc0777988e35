#pragma once

#include "speech/spscringbuffer.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <cstdint>

namespace ringside::telephony {

// One 20 ms step of what the gateway sends to the caller, in order: audio, a mark (the output
// position it stands for), a `clear` (barge-in, take-over: drop what the phone has buffered), or
// the end of the call (close the stream once everything before it is sent).
struct OutFrame
{
    enum class Kind : std::uint8_t { Audio, Mark, Clear, Hangup };
    static constexpr std::size_t kMaxSamples = 480; // 20 ms at 24 kHz

    Kind kind = Kind::Audio;
    std::uint16_t count = 0;       // samples in pcm
    std::int64_t outputSample = 0; // Mark: the output position played once the mark comes back
    qint64 slotNs = 0;             // Audio: when it is due on the call's 20 ms clock (monotonic ns)
    qint64 queuedNs = 0;           // Audio: when the worker queued it (monotonic ns)
    bool endOfSpeech = false;      // Mark: the agent stopped speaking here ("rs-<n>-end")
    std::int16_t pcm[kMaxSamples] = {};
};

// What left the gateway and when, summed over every call (the I/O side counts, /healthz reports).
// A frame is late when it leaves more than 20 ms after its slot: the caller's jitter buffer may
// already have run dry.
struct SendStats
{
    static constexpr qint64 kLateNs = 20'000'000;
    // How late the late frames were: more than 20, 40, 80, 160 and 320 ms after their slot (each
    // frame counted once, in the highest bucket it reaches).
    static constexpr int kLateBuckets = 5;
    static constexpr int kLateBucketMs[kLateBuckets] = { 20, 40, 80, 160, 320 };
    std::atomic<quint64> framesSent{ 0 };
    std::atomic<quint64> framesLate{ 0 };
    std::atomic<quint64> lateByBucket[kLateBuckets] = {};
    // Of the late frames, those already more than 20 ms past their slot when the call's worker
    // queued them: the worker was held up (a slow query, a busy core), not the socket's thread.
    std::atomic<quint64> framesQueuedLate{ 0 };

    void countLate(qint64 lateNs, qint64 queuedLateNs)
    {
        framesLate.fetch_add(1, std::memory_order_relaxed);
        if (queuedLateNs > kLateNs)
            framesQueuedLate.fetch_add(1, std::memory_order_relaxed);
        int b = 0;
        while (b + 1 < kLateBuckets && lateNs > qint64(kLateBucketMs[b + 1]) * 1'000'000)
            ++b;
        lateByBucket[b].fetch_add(1, std::memory_order_relaxed);
    }
};

// Where a call's network side (the server thread) and its engine side (a worker thread) meet:
// lock-free single-producer/single-consumer rings, allocated once when the call starts, so audio
// crosses threads without locks or allocation. Control messages (marks echoed, DTMF, operator
// commands) travel as queued calls instead; they are rare.
struct CallChannel
{
    explicit CallChannel(int rate)
        : sampleRate(rate)
        , frameSamples(std::size_t(rate) / 50)
        , inbound(std::size_t(rate) * 2)
        , operatorAudio(std::size_t(rate) * 2)
        , outbound(32)
        , listen(std::size_t(rate) * 2)
    {
    }

    const int sampleRate;
    const std::size_t frameSamples;                // 20 ms
    SpscRingBuffer<std::int16_t> inbound;          // server → worker: the caller's audio
    SpscRingBuffer<std::int16_t> operatorAudio;    // server → worker: an operator's microphone (take-over)
    SpscRingBuffer<OutFrame> outbound;             // worker → server: what to send to the phone
    SpscRingBuffer<std::int16_t> listen;           // worker → server: caller + agent mixed, for listeners
    std::atomic<bool> listening{ false };          // some console is listening
    std::atomic<std::uint32_t> inboundOverruns{ 0 };  // caller samples dropped: the worker fell behind
    std::atomic<std::uint32_t> outboundOverruns{ 0 }; // frames the worker could not queue
};

} // namespace ringside::telephony
