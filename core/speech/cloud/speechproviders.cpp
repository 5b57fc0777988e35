#include "speech/cloud/speechproviders.h"

#include "speech/cloud/cartesiawstts.h"
#include "speech/cloud/cloudttsengines.h"
#include "speech/cloud/deepgramstt.h"
#include "speech/cloud/fallbackstt.h"
#include "speech/cloud/fallbacktts.h"
#include "speech/cloud/googlechirpstt.h"
#include "speech/espeaktts.h"
#include "speech/pocketsphinxstt.h"
#include "speech/pooledstt.h"
#include "speech/recognizerpool.h"

namespace ringside {

SpeechProviders::SpeechProviders(QProcessEnvironment env) : m_env(std::move(env)) {}

SpeechProviders::SpeechProviders(QProcessEnvironment env, EmbeddedSpeech embedded)
    : m_env(std::move(env)), m_model(std::move(embedded.model)), m_pool(std::move(embedded.pool)), m_tts(std::move(embedded.tts))
{
    if (!m_model)
        m_modelProblem = QStringLiteral("embedded recognizer: speech recognition is off");
    if (!m_tts)
        m_ttsProblem = QStringLiteral("embedded synthesizer: none given");
}

SpeechProviders::~SpeechProviders() = default;

std::shared_ptr<const PocketsphinxModel> SpeechProviders::embeddedModel(QString *problem)
{
    std::lock_guard lock(m_mutex);
    if (!m_model && m_modelProblem.isEmpty()) {
        auto loaded = PocketsphinxModel::load();
        if (loaded.ok())
            m_model = loaded.value();
        else
            m_modelProblem = QStringLiteral("embedded recognizer: ") + loaded.error();
    }
    if (!m_model && problem)
        *problem = m_modelProblem;
    return m_model;
}

std::shared_ptr<TtsEngine> SpeechProviders::embeddedTts(QString *problem)
{
    std::lock_guard lock(m_mutex);
    if (!m_tts && m_ttsProblem.isEmpty()) {
        auto tts = std::make_shared<EspeakTts>();
        if (tts->isAvailable())
            m_tts = tts;
        else
            m_ttsProblem = QStringLiteral("embedded synthesizer: ") + tts->initError();
    }
    if (!m_tts && problem)
        *problem = m_ttsProblem;
    return m_tts;
}

std::unique_ptr<SttEngine> SpeechProviders::embeddedStt(QString *problem)
{
    auto model = embeddedModel(problem);
    if (!model)
        return nullptr;
    std::shared_ptr<RecognizerPool> pool;
    {
        std::lock_guard lock(m_mutex);
        if (!m_pool)
            m_pool = std::make_shared<RecognizerPool>();
        pool = m_pool;
    }
    // The pool outlives the stream: SpeechProviders outlives the engines it returns.
    return std::make_unique<PooledStt>(std::make_unique<PocketsphinxStt>(model), *pool, &PocketsphinxStt::configProblem);
}

std::unique_ptr<SttEngine> SpeechProviders::cloudStt(const QString &provider, const QString &model, QStringList *notices)
{
    auto missing = [&](const QString &names) {
        *notices << QStringLiteral("sttProvider %1: %2 not set; using the embedded recognizer").arg(provider, names);
        return nullptr;
    };
    if (provider == QLatin1String("deepgram")) {
        DeepgramOptions o;
        o.apiKey = m_env.value(QStringLiteral("DEEPGRAM_API_KEY"));
        if (o.apiKey.isEmpty())
            return missing(QStringLiteral("DEEPGRAM_API_KEY is"));
        if (!model.isEmpty())
            o.model = model;
        o.language = m_env.value(QStringLiteral("RINGSIDE_DEEPGRAM_LANGUAGE"));
        if (m_env.contains(QStringLiteral("RINGSIDE_DEEPGRAM_URL")))
            o.url = QUrl(m_env.value(QStringLiteral("RINGSIDE_DEEPGRAM_URL")));
        return std::make_unique<DeepgramStt>(o);
    }
    if (provider == QLatin1String("google")) {
        GoogleChirpOptions o;
        o.accessToken = m_env.value(QStringLiteral("GOOGLE_ACCESS_TOKEN"));
        o.project = m_env.value(QStringLiteral("GOOGLE_CLOUD_PROJECT"));
        if (o.accessToken.isEmpty() || o.project.isEmpty())
            return missing(QStringLiteral("GOOGLE_ACCESS_TOKEN and GOOGLE_CLOUD_PROJECT are"));
        o.location = m_env.value(QStringLiteral("GOOGLE_SPEECH_LOCATION"), o.location);
        o.model = model;
        if (m_env.contains(QStringLiteral("RINGSIDE_GOOGLE_SPEECH_URL")))
            o.baseUrl = QUrl(m_env.value(QStringLiteral("RINGSIDE_GOOGLE_SPEECH_URL")));
        return std::make_unique<GoogleChirpStt>(o);
    }
    *notices << QStringLiteral("sttProvider %1: not a known provider (embedded, deepgram, google); using the embedded recognizer")
                        .arg(provider);
    return nullptr;
}

std::shared_ptr<TtsEngine> SpeechProviders::cloudTts(const QString &provider, QStringList *notices)
{
    auto missing = [&](const QString &names) {
        *notices << QStringLiteral("ttsProvider %1: %2 not set; using the embedded synthesizer").arg(provider, names);
        return nullptr;
    };
    if (provider == QLatin1String("cartesia")) {
        CartesiaOptions o;
        o.apiKey = m_env.value(QStringLiteral("CARTESIA_API_KEY"));
        if (o.apiKey.isEmpty())
            return missing(QStringLiteral("CARTESIA_API_KEY is"));
        o.version = m_env.value(QStringLiteral("CARTESIA_VERSION"), o.version);
        o.model = m_env.value(QStringLiteral("CARTESIA_MODEL"), o.model);
        if (m_env.contains(QStringLiteral("RINGSIDE_CARTESIA_URL")))
            o.bytesUrl = QUrl(m_env.value(QStringLiteral("RINGSIDE_CARTESIA_URL")));
        if (m_env.contains(QStringLiteral("RINGSIDE_CARTESIA_WS_URL")))
            o.websocketUrl = QUrl(m_env.value(QStringLiteral("RINGSIDE_CARTESIA_WS_URL")));
        if (m_env.value(QStringLiteral("RINGSIDE_CARTESIA_TRANSPORT")) == QLatin1String("bytes"))
            return makeCartesiaBytesTts(o);
        return std::make_shared<CartesiaWsTts>(o);
    }
    if (provider == QLatin1String("azure")) {
        AzureTtsOptions o;
        o.key = m_env.value(QStringLiteral("AZURE_SPEECH_KEY"));
        o.region = m_env.value(QStringLiteral("AZURE_SPEECH_REGION"));
        if (m_env.contains(QStringLiteral("RINGSIDE_AZURE_TTS_URL")))
            o.url = QUrl(m_env.value(QStringLiteral("RINGSIDE_AZURE_TTS_URL")));
        if (o.key.isEmpty() || (o.region.isEmpty() && o.url.isEmpty()))
            return missing(QStringLiteral("AZURE_SPEECH_KEY and AZURE_SPEECH_REGION are"));
        return makeAzureTts(o);
    }
    *notices << QStringLiteral("ttsProvider %1: not a known provider (embedded, cartesia, azure); using the embedded synthesizer")
                        .arg(provider);
    return nullptr;
}

SpeechChoice SpeechProviders::choose(const QString &sttProvider, const QString &sttModel, const QString &ttsProvider,
                                     std::function<void(const QString &)> onTtsFallback, const QString &language)
{
    SpeechChoice c;
    if (!sttProvider.isEmpty() && sttProvider != QLatin1String("embedded")) {
        if (auto cloud = cloudStt(sttProvider, sttModel, &c.notices)) {
            // The embedded recognizer is made only if the provider fails, and only stands by for
            // a language it can hear.
            SttConfig probe;
            probe.language = language;
            FallbackStt::Factory behind;
            if (language.isEmpty() || PocketsphinxStt::configProblem(probe).isEmpty())
                behind = [this]() { return embeddedStt(nullptr); };
            c.stt = std::make_unique<FallbackStt>(std::move(cloud), std::move(behind));
            c.cloudStt = true;
        }
    }
    if (!c.stt)
        c.stt = embeddedStt(&c.sttProblem);
    if (!ttsProvider.isEmpty() && ttsProvider != QLatin1String("embedded")) {
        if (auto cloud = cloudTts(ttsProvider, &c.notices)) {
            QString problem;
            if (auto embedded = embeddedTts(&problem))
                c.tts = std::make_shared<FallbackTts>(cloud, embedded, std::move(onTtsFallback));
            else
                c.tts = cloud; // nothing to fall back to; errors reach the pipeline as they are
        }
    }
    if (!c.tts)
        c.tts = embeddedTts(&c.ttsProblem);
    return c;
}

} // namespace ringside
