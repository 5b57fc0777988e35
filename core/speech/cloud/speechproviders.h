#pragma once

#include "speech/sttengine.h"
#include "speech/ttsengine.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>

namespace ringside {

class PocketsphinxModel;
class RecognizerPool;

// The speech engines for one call, as the agent's sttProvider / ttsProvider ask.
struct SpeechChoice
{
    std::unique_ptr<SttEngine> stt;   // null only when no recognizer can serve (say why: sttProblem)
    std::shared_ptr<TtsEngine> tts;   // null only when no synthesizer can serve (ttsProblem)
    QString sttProblem;
    QString ttsProblem;
    QStringList notices;              // e.g. "sttProvider deepgram: DEEPGRAM_API_KEY is not set; …"
    bool cloudStt = false;            // stt is a cloud recognizer (with the embedded one behind it when it can help)
};

// Embedded engines a caller already runs (the gateway: its recognizer pool and cached
// synthesizer), used instead of a second set. A null model: nothing is recognized locally.
struct EmbeddedSpeech
{
    std::shared_ptr<const PocketsphinxModel> model;
    std::shared_ptr<RecognizerPool> pool;
    std::shared_ptr<TtsEngine> tts;
};

// Chooses speech engines by provider name, with keys and endpoints from the environment
// (docs/speech-cloud.md):
//   deepgram  DEEPGRAM_API_KEY                       (RINGSIDE_DEEPGRAM_URL overrides the endpoint)
//   google    GOOGLE_ACCESS_TOKEN, GOOGLE_CLOUD_PROJECT, GOOGLE_SPEECH_LOCATION (default "us")
//                                                    (RINGSIDE_GOOGLE_SPEECH_URL)
//   cartesia  CARTESIA_API_KEY, CARTESIA_VERSION     (RINGSIDE_CARTESIA_URL, RINGSIDE_CARTESIA_WS_URL,
//                                                     RINGSIDE_CARTESIA_TRANSPORT=bytes|websocket)
//   azure     AZURE_SPEECH_KEY, AZURE_SPEECH_REGION  (RINGSIDE_AZURE_TTS_URL)
// A cloud provider without its key is replaced by the embedded engine with a notice. A cloud
// engine is wrapped so that an error mid-call hands the rest of the call to the embedded engine
// (FallbackStt / FallbackTts): the caller is never left unheard or in silence.
//
// One SpeechProviders serves many calls; the embedded synthesizer and the recognizer's model are
// shared and made on first use. Thread-safe after construction. It must outlive the engines it
// returns: a FallbackStt asks it for the embedded recognizer when its provider fails.
class SpeechProviders
{
public:
    explicit SpeechProviders(QProcessEnvironment env = QProcessEnvironment::systemEnvironment());
    SpeechProviders(QProcessEnvironment env, EmbeddedSpeech embedded);
    ~SpeechProviders();

    // `onTtsFallback` hears once why a cloud synthesizer gave way to the embedded one mid-call
    // (any thread). Recognizer fallbacks are reported through the STT error callback.
    // `language` (BCP 47, may be empty): the embedded recognizer stands behind a cloud one only
    // when it can hear that language; a Hindi call's Chirp has nothing behind it, so its failure
    // is reported as it is (FallbackStt::isHearing() turns false) instead of a switch to a
    // recognizer that cannot start.
    SpeechChoice choose(const QString &sttProvider, const QString &sttModel, const QString &ttsProvider,
                        std::function<void(const QString &reason)> onTtsFallback = {}, const QString &language = {});

    // The shared embedded engines (null with *problem when they cannot start).
    std::shared_ptr<const PocketsphinxModel> embeddedModel(QString *problem);
    std::shared_ptr<TtsEngine> embeddedTts(QString *problem);

private:
    std::unique_ptr<SttEngine> embeddedStt(QString *problem);
    std::unique_ptr<SttEngine> cloudStt(const QString &provider, const QString &model, QStringList *notices);
    std::shared_ptr<TtsEngine> cloudTts(const QString &provider, QStringList *notices);

    QProcessEnvironment m_env;
    std::mutex m_mutex;
    std::shared_ptr<const PocketsphinxModel> m_model;
    std::shared_ptr<RecognizerPool> m_pool; // the embedded recognizer decodes here, off the call's thread
    QString m_modelProblem;
    std::shared_ptr<TtsEngine> m_tts;
    QString m_ttsProblem;
};

} // namespace ringside
