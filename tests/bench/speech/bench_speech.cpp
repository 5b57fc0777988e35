// Speech figures quoted in docs/benchmarks.md ("Speech"). Audio is made with espeak-ng at start-up.
// Run: build/bench/bench_speech [--benchmark_filter=...]

#include "speech/echocanceller.h"
#include "speech/mulaw.h"
#include "speech/pocketsphinxstt.h"
#include "speech/resampler.h"
#include "speech/speechpipeline.h"
#include "speech/vad.h"

#include "speechtestaudio.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <thread>

using namespace ringside;
using namespace ringside::test;
using Clock = std::chrono::steady_clock;

namespace {
EspeakTts &tts()
{
    static EspeakTts engine;
    return engine;
}

std::shared_ptr<const PocketsphinxModel> model()
{
    static auto loaded = PocketsphinxModel::load();
    return loaded.ok() ? loaded.value() : nullptr;
}

// A caller's side of a call: ten domain utterances with pauses, as one buffer of utterances.
struct Conversation
{
    int rate = 16000;
    std::vector<std::vector<std::int16_t>> utterances;
    double seconds = 0.0;
};

const Conversation &conversation(int rate)
{
    static std::map<int, Conversation> cache;
    auto it = cache.find(rate);
    if (it != cache.end())
        return it->second;
    Conversation c;
    c.rate = rate;
    const char *lines[] = {"where is my order", "my order number is O R D 4 8 2 9 1 3", "I was just browsing",
                           "it's too expensive", "yes please send the link", "I want to return my shoes",
                           "cancel it", "talk to a human", "it shows delivered but I didn't get it",
                           "I found it cheaper somewhere else"};
    for (const char *line : lines) {
        std::vector<std::int16_t> u = silence(300, rate);
        append(u, speak(tts(), QString::fromUtf8(line), QStringLiteral("en-us"), 1.0, rate));
        append(u, silence(300, rate));
        addNoise(u, 20.0, 1);
        c.seconds += double(u.size()) / rate;
        c.utterances.push_back(std::move(u));
    }
    return cache.emplace(rate, std::move(c)).first->second;
}

// Decodes a whole conversation as a call would feed it: 20 ms frames, finalize per utterance.
void decodeConversation(PocketsphinxStt &stt, const Conversation &c)
{
    const std::size_t frame = std::size_t(c.rate / 50);
    for (const auto &u : c.utterances) {
        for (std::size_t i = 0; i < u.size(); i += frame)
            stt.feed(u.data() + i, std::min(frame, u.size() - i));
        stt.finalize();
    }
}

std::unique_ptr<PocketsphinxStt> startedStt(int rate)
{
    auto stt = std::make_unique<PocketsphinxStt>(model());
    SttConfig cfg;
    cfg.sampleRate = rate;
    cfg.keywords = {QStringLiteral("order:2"), QStringLiteral("tracking:2")};
    stt->start(cfg, {});
    return stt;
}
} // namespace

// One recognizer stream: CPU seconds per second of audio (real-time factor).
static void BM_SttRealTimeFactor(benchmark::State &state)
{
    const int rate = int(state.range(0));
    const Conversation &c = conversation(rate);
    auto stt = startedStt(rate);
    for (auto _ : state)
        decodeConversation(*stt, c);
    state.counters["audio_s"] = c.seconds;
    state.counters["rtf"] = benchmark::Counter(c.seconds * double(state.iterations()),
                                               benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_SttRealTimeFactor)->Arg(16000)->Arg(8000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// N streams in N threads, each decoding the conversation once: wall-clock RTF of the slowest
// stream. Below 1.0 the machine keeps up with N live calls.
static void BM_ConcurrentStreams(benchmark::State &state)
{
    const int streams = int(state.range(0));
    const Conversation &c = conversation(16000);
    std::vector<std::unique_ptr<PocketsphinxStt>> stts;
    for (int i = 0; i < streams; ++i)
        stts.push_back(startedStt(16000));
    double worst = 0.0;
    for (auto _ : state) {
        std::vector<std::thread> threads;
        std::vector<double> seconds(std::size_t(streams), 0.0);
        for (int i = 0; i < streams; ++i) {
            threads.emplace_back([&, i] {
                const auto t0 = Clock::now();
                decodeConversation(*stts[std::size_t(i)], c);
                seconds[std::size_t(i)] = std::chrono::duration<double>(Clock::now() - t0).count();
            });
        }
        for (auto &t : threads)
            t.join();
        worst = std::max(worst, *std::max_element(seconds.begin(), seconds.end()) / c.seconds);
    }
    state.counters["worst_stream_rtf"] = worst;
}
BENCHMARK(BM_ConcurrentStreams)->DenseRange(1, 4, 1)->Arg(6)->Arg(8)->Arg(12)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// Opening a recognizer stream (domain model build, small dictionary, decoder): call set-up cost.
static void BM_SttStart(benchmark::State &state)
{
    model();
    for (auto _ : state) {
        auto stt = startedStt(8000);
        benchmark::DoNotOptimize(stt.get());
    }
}
BENCHMARK(BM_SttStart)->Unit(benchmark::kMillisecond)->Iterations(10);

// synthesize() → first chunk delivered (the caller hears audio from then on).
static void BM_FirstTtsChunk(benchmark::State &state)
{
    TtsConfig cfg;
    cfg.sampleRate = int(state.range(0));
    cfg.encoding = cfg.sampleRate == 8000 ? AudioEncoding::MuLaw : AudioEncoding::Pcm16;
    const QString reply = QStringLiteral("Your order shipped yesterday via BlueDart. It should arrive by Thursday. "
                                         "Would you like the tracking number?");
    for (auto _ : state) {
        std::mutex m;
        std::condition_variable cv;
        bool first = false, done = false;
        Clock::time_point firstAt;
        const auto t0 = Clock::now();
        tts().synthesize(
            reply, cfg,
            [&](const TtsChunk &chunk) {
                std::lock_guard lock(m);
                if (!first) {
                    first = true;
                    firstAt = Clock::now();
                }
                if (chunk.last) {
                    done = true;
                    cv.notify_all();
                }
            },
            {});
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return done; });
        state.SetIterationTime(std::chrono::duration<double>(firstAt - t0).count());
    }
}
BENCHMARK(BM_FirstTtsChunk)->Arg(8000)->Arg(16000)->Arg(24000)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(30);

// The whole turn in real time: the caller says "where is my order", then "I want to return my
// shoes"; the pipeline endpoints (250 ms), recognizes, and a short reply spoken from each Final
// starts playing. Measured on the audio timeline: end of caller speech → first agent sample, for
// the call's first turn (which pays a one-off batch re-decode of the first utterance) and a later
// one. Frames are pushed and pulled every 20 ms of wall-clock time, as a gateway does; frames
// pulled while catching up after a slow push, or before TTS answers, play silence and count.
static void BM_EndOfSpeechToFirstAudio(benchmark::State &state)
{
    const int rate = int(state.range(0));
    std::vector<std::int16_t> caller = silence(400, rate);
    append(caller, speak(tts(), QStringLiteral("where is my order"), QStringLiteral("en-us"), 1.0, rate));
    append(caller, silence(2000, rate));
    append(caller, speak(tts(), QStringLiteral("I want to return my shoes"), QStringLiteral("en-us"), 1.0, rate));
    append(caller, silence(2000, rate));
    addNoise(caller, 20.0, 4);
    const std::size_t frame = std::size_t(rate / 50);
    double totalMs[2] = {0.0, 0.0}, worstMs[2] = {0.0, 0.0}, finalToFirstChunkMs = 0.0;
    int turns[2] = {0, 0};
    for (auto _ : state) {
        SpeechPipelineConfig cfg;
        cfg.inputRate = cfg.outputRate = rate;
        cfg.stt.endpointingMs = 250;
        std::vector<std::int64_t> speechEnds, firstAgent;
        std::vector<Clock::time_point> finalAt, audioAt;
        SpeechPipeline *self = nullptr;
        SpeechPipeline pipeline(cfg, std::make_unique<PocketsphinxStt>(model()), &tts(), [&](const SpeechEvent &e) {
            if (e.type == SpeechEvent::Type::Final) {
                speechEnds.push_back(e.speechEndSample);
                finalAt.push_back(Clock::now());
                self->speak(QStringLiteral("Sure."));
            } else if (e.type == SpeechEvent::Type::AgentAudioStarted) {
                firstAgent.push_back(e.outputSample);
                audioAt.push_back(Clock::now());
            }
        });
        self = &pipeline;
        pipeline.start();
        std::vector<std::int16_t> out(frame);
        auto tick = Clock::now();
        for (std::size_t pos = 0; pos + frame <= caller.size(); pos += frame) {
            pipeline.pushCallerAudio(caller.data() + pos, frame);
            pipeline.pullAgentAudio(out.data(), frame);
            tick += std::chrono::milliseconds(20);
            std::this_thread::sleep_until(tick);
        }
        for (std::size_t i = 0; i < std::min(speechEnds.size(), firstAgent.size()); ++i) {
            const int k = i == 0 ? 0 : 1;
            const double ms = double(firstAgent[i] - speechEnds[i]) * 1000.0 / rate;
            totalMs[k] += ms;
            worstMs[k] = std::max(worstMs[k], ms);
            finalToFirstChunkMs += std::chrono::duration<double, std::milli>(audioAt[i] - finalAt[i]).count();
            ++turns[k];
        }
    }
    state.counters["first_turn_ms"] = turns[0] ? totalMs[0] / turns[0] : -1.0;
    state.counters["first_worst_ms"] = worstMs[0];
    state.counters["later_turn_ms"] = turns[1] ? totalMs[1] / turns[1] : -1.0;
    state.counters["later_worst_ms"] = worstMs[1];
    state.counters["turns"] = turns[0] + turns[1];
    state.counters["final_to_audio_wall_ms"] = turns[0] + turns[1] ? finalToFirstChunkMs / (turns[0] + turns[1]) : -1.0;
}
BENCHMARK(BM_EndOfSpeechToFirstAudio)->Arg(8000)->Arg(16000)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

// Per-frame DSP costs on the real-time path.
static void BM_ResampleFrame(benchmark::State &state)
{
    const int in = int(state.range(0)), out = int(state.range(1));
    Resampler r;
    r.init(in, out);
    const auto audio = tone(440.0, 20, in);
    std::vector<std::int16_t> dst(r.maxOutput(audio.size()));
    for (auto _ : state)
        benchmark::DoNotOptimize(r.process(audio.data(), audio.size(), dst.data(), dst.size()));
}
BENCHMARK(BM_ResampleFrame)->Args({8000, 16000})->Args({48000, 16000})->Args({22050, 8000});

static void BM_VadFrame(benchmark::State &state)
{
    Vad vad(VadConfig{});
    auto audio = tone(300.0, 10, 16000);
    addNoise(audio, 200.0);
    for (auto _ : state)
        benchmark::DoNotOptimize(vad.process(audio.data(), audio.size()));
}
BENCHMARK(BM_VadFrame);

static void BM_MuLawEncodeFrame(benchmark::State &state)
{
    const auto audio = tone(300.0, 20, 8000);
    std::uint8_t out[160];
    for (auto _ : state) {
        muLawEncode(audio.data(), 160, out);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_MuLawEncodeFrame);

static void BM_EchoCancelFrame(benchmark::State &state)
{
    EchoCanceller aec;
    aec.init(16000, 160, 200);
    auto far = tone(500.0, 10, 16000);
    auto mic = far;
    addNoise(mic, 300.0);
    std::vector<std::int16_t> out(160);
    for (auto _ : state)
        aec.process(mic.data(), far.data(), out.data());
}
BENCHMARK(BM_EchoCancelFrame);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (!model()) {
        fprintf(stderr, "pocketsphinx model not found\n");
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
