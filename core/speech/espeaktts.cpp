#include "speech/espeaktts.h"

#include "speech/mulaw.h"
#include "speech/resampler.h"
#include "speech/sentencesplitter.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ringside {

namespace {
// espeak-ng is one set of process globals: every engine in the process shares this lock and the
// one-time initialization.
std::mutex &espeakLock()
{
    static std::mutex m;
    return m;
}

int initializeEspeak(QString *error)
{
    static std::once_flag once;
    static int rate = 0;
    std::call_once(once, [] {
        // Small buffers so the first audio of a sentence comes back quickly.
        rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 20, nullptr, espeakINITIALIZE_DONT_EXIT);
    });
    if (rate <= 0 && error)
        *error = QStringLiteral("espeak-ng: cannot initialize (is espeak-ng-data installed?)");
    return rate;
}

// espeak-ng names its British voice "en" ("en-gb" is only a language tag), so "en-gb+f3" is
// asked for as "en+f3".
QString espeakVoiceName(const QString &voice)
{
    QString v = voice.trimmed().toLower();
    if (v.startsWith(QLatin1String("en-gb")) && (v.size() == 5 || v.at(5) == QLatin1Char('+')))
        v.replace(0, 5, QStringLiteral("en"));
    return v;
}

constexpr double kMinSpeed = 0.5;
constexpr double kMaxSpeed = 2.5;
} // namespace

struct EspeakTts::Job
{
    quint64 id = 0;
    QString text;
    TtsConfig config;
    ChunkHandler onChunk;
    ErrorHandler onError;
    std::atomic<bool> cancelled{false};
    std::mutex delivery; // held while a handler runs, so cancel() can wait for it

    // Per-sentence synthesis state, touched only by the worker.
    Resampler resampler;
    std::vector<std::int16_t> pending;      // resampled, not yet delivered
    QList<TtsWordMark> pendingWords;
    std::int64_t sentenceSamplesOut = 0;    // delivered so far in this sentence
    int sentenceIndex = 0;
    QString sentenceText;
    int nativeRate = 22050;
    int chunkSamples = 0;
    bool firstChunkSent = false;
    bool lastSentence = false;

    // Calls a handler unless the job was cancelled; returns false once it is.
    template <typename Fn>
    bool deliver(Fn &&fn)
    {
        std::lock_guard lock(delivery);
        if (cancelled.load())
            return false;
        fn();
        return !cancelled.load();
    }

    bool flush(bool sentenceEnd)
    {
        if (pending.empty() && !sentenceEnd)
            return true;
        TtsChunk chunk;
        chunk.job = id;
        chunk.sentenceIndex = sentenceIndex;
        chunk.sentenceText = sentenceText;
        chunk.sentenceSample = sentenceSamplesOut;
        chunk.sentenceEnd = sentenceEnd;
        chunk.last = sentenceEnd && lastSentence;
        chunk.sampleRate = config.sampleRate;
        chunk.encoding = config.encoding;
        chunk.words = std::exchange(pendingWords, {});
        if (config.encoding == AudioEncoding::MuLaw) {
            chunk.audio.resize(qsizetype(pending.size()));
            muLawEncode(pending.data(), pending.size(), reinterpret_cast<std::uint8_t *>(chunk.audio.data()));
        } else {
            chunk.audio = QByteArray(reinterpret_cast<const char *>(pending.data()), qsizetype(pending.size() * sizeof(std::int16_t)));
        }
        sentenceSamplesOut += std::int64_t(pending.size());
        pending.clear();
        firstChunkSent = true;
        return deliver([&] {
            if (onChunk)
                onChunk(chunk);
        });
    }
};

namespace {
// espeak-ng's synthesis callback: audio at the native rate plus events, on the worker thread.
int onSynth(short *wav, int count, espeak_EVENT *events)
{
    auto *job = events ? static_cast<EspeakTts::Job *>(events->user_data) : nullptr;
    if (!job)
        return 0;
    if (job->cancelled.load())
        return 1; // non-zero aborts the synthesis
    for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type == espeakEVENT_WORD && e->length > 0) {
            TtsWordMark mark;
            mark.sentenceSample = std::int64_t(e->audio_position) * job->config.sampleRate / 1000;
            mark.textPosition = std::max(0, e->text_position - 1); // espeak counts from 1
            mark.textLength = e->length;
            job->pendingWords.append(mark);
        }
    }
    if (wav && count > 0) {
        job->resampler.process(wav, std::size_t(count), job->pending);
        // The first chunk goes out as soon as there is any audio; later ones in larger pieces.
        if (!job->firstChunkSent || job->pending.size() >= std::size_t(job->chunkSamples)) {
            if (!job->flush(false))
                return 1;
        }
    }
    return 0;
}
} // namespace

EspeakTts::EspeakTts()
{
    m_nativeRate = initializeEspeak(&m_initError);
    m_worker = std::thread([this] { run(); });
    m_workerId = m_worker.get_id();
}

EspeakTts::~EspeakTts()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (auto &job : m_queue)
            job->cancelled = true;
        if (m_current)
            m_current->cancelled = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

int EspeakTts::wordsPerMinute(double speed)
{
    return std::clamp(int(std::lround(espeakRATE_NORMAL * speed)), espeakRATE_MINIMUM, espeakRATE_MAXIMUM);
}

QString EspeakTts::resolveVoice(const TtsConfig &config, QString *why)
{
    const QString lang = config.language.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (lang == QLatin1String("hi") || lang.startsWith(QLatin1String("hi-")))
        return QStringLiteral("hi");
    if (lang == QLatin1String("en-gb") || lang == QLatin1String("en-in") || lang == QLatin1String("en-au"))
        return QStringLiteral("en-gb");
    if (lang == QLatin1String("en") || lang.startsWith(QLatin1String("en-")))
        return QStringLiteral("en-us");
    if (why)
        *why = QStringLiteral("language: espeak-ng in Ringside speaks English and Hindi, not '%1'").arg(config.language);
    return {};
}

quint64 EspeakTts::synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError)
{
    auto job = std::make_shared<Job>();
    job->id = m_nextJob.fetch_add(1);
    job->text = text;
    job->config = config;
    job->onChunk = std::move(onChunk);
    job->onError = std::move(onError);
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(job);
    }
    m_wake.notify_one();
    return job->id;
}

void EspeakTts::cancel(quint64 jobId)
{
    std::shared_ptr<Job> job;
    {
        std::lock_guard lock(m_mutex);
        auto it = std::find_if(m_queue.begin(), m_queue.end(), [jobId](const auto &j) { return j->id == jobId; });
        if (it != m_queue.end()) {
            (*it)->cancelled = true;
            m_queue.erase(it);
            return;
        }
        if (m_current && m_current->id == jobId)
            job = m_current;
    }
    if (!job)
        return;
    job->cancelled = true;
    // Wait for a handler that is running right now, unless we are inside it (worker thread).
    if (std::this_thread::get_id() != m_workerId) {
        std::lock_guard wait(job->delivery);
    }
}

void EspeakTts::run()
{
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = m_queue.front();
            m_queue.pop_front();
            m_current = job;
        }
        synthesizeJob(job);
        std::lock_guard lock(m_mutex);
        m_current.reset();
    }
}

void EspeakTts::synthesizeJob(const std::shared_ptr<Job> &job)
{
    auto fail = [&job](const QString &message) {
        if (job->onError)
            job->deliver([&] { job->onError(job->id, message); });
    };
    if (m_nativeRate <= 0)
        return fail(m_initError);
    const TtsConfig &cfg = job->config;
    if (!(cfg.speed >= kMinSpeed && cfg.speed <= kMaxSpeed))
        return fail(QStringLiteral("ttsConfig.speed: %1 is outside %2–%3").arg(cfg.speed).arg(kMinSpeed).arg(kMaxSpeed));
    if (cfg.sampleRate < 8000 || cfg.sampleRate > 48000)
        return fail(QStringLiteral("sampleRate: %1 Hz is outside 8000–48000 Hz").arg(cfg.sampleRate));
    QString why;
    const QString languageVoice = resolveVoice(cfg, &why);
    if (languageVoice.isEmpty())
        return fail(QStringLiteral("ttsConfig.") + why);
    const QStringList sentences = splitForSpeech(job->text);
    if (sentences.isEmpty())
        return fail(QStringLiteral("text: nothing to say"));

    QString error;
    if (!job->resampler.init(m_nativeRate, cfg.sampleRate, 5, &error))
        return fail(error);
    job->nativeRate = m_nativeRate;
    job->chunkSamples = std::max(1, cfg.sampleRate * m_chunkMs.load() / 1000);

    std::lock_guard espeak(espeakLock());
    espeak_SetSynthCallback(onSynth);
    // ttsVoice may be a cloud provider's id ("hi-IN-SwaraNeural", a UUID): espeak-ng does not know
    // those, so the language's own voice speaks instead.
    const QByteArray requested = espeakVoiceName(cfg.voice).toUtf8();
    if (requested.isEmpty() || espeak_SetVoiceByName(requested.constData()) != EE_OK) {
        const QByteArray language = languageVoice.toUtf8();
        espeak_VOICE spec;
        std::memset(&spec, 0, sizeof spec);
        spec.languages = language.constData();
        if (espeak_SetVoiceByProperties(&spec) != EE_OK)
            return fail(QStringLiteral("ttsConfig.language: espeak-ng has no voice '%1' installed").arg(languageVoice));
    }
    espeak_SetParameter(espeakRATE, wordsPerMinute(cfg.speed), 0);

    for (int i = 0; i < sentences.size() && !job->cancelled.load(); ++i) {
        job->sentenceIndex = i;
        job->sentenceText = sentences.at(i);
        job->sentenceSamplesOut = 0;
        job->lastSentence = i + 1 == sentences.size();
        job->pending.clear();
        job->pendingWords.clear();
        job->resampler.reset();
        const QByteArray utf8 = sentences.at(i).toUtf8();
        const espeak_ERROR rc = espeak_Synth(utf8.constData(), std::size_t(utf8.size()) + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8, nullptr, job.get());
        if (job->cancelled.load())
            return;
        if (rc != EE_OK)
            return fail(QStringLiteral("espeak-ng: synthesis failed (error %1)").arg(int(rc)));
        // Push the resampler's tail out with a few milliseconds of silence, then close the sentence.
        const std::vector<std::int16_t> tail(std::size_t(m_nativeRate / 100), 0);
        job->resampler.process(tail.data(), tail.size(), job->pending);
        if (!job->flush(true))
            return;
    }
}

} // namespace ringside
