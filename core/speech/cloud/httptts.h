#pragma once

#include "speech/cloud/cloudttsrequest.h"
#include "speech/cloud/networkworker.h"
#include "speech/cloud/ttsaudioconverter.h"
#include "speech/cloud/ttsjobbook.h"
#include "speech/ttsengine.h"

#include <QPointer>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace ringside {

// One synthesis request of a REST provider.
struct HttpTtsRequest
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    CloudAudioFormat format; // what the answer's body carries
};

// When a failed sentence is sent again (HttpTts).
struct HttpTtsRetry
{
    int maxRetriesPerJob = 2; // at most one per sentence
    int backoffMs = 100;      // a sentence is short: the pause costs less than a change of voice
};

// A REST text-to-speech provider (Cartesia /tts/bytes, Azure cognitiveservices/v1): the reply is
// split into sentences, each one POST whose audio body is passed on as chunks while it streams
// in, so the caller hears the first sentence while the rest is being made. Jobs run side by side;
// a job's sentences one after another. An HTTP error, a timeout or a dropped connection ends the
// job with one onError naming the provider and the status (FallbackTts then speaks the rest) —
// except a transient failure (5xx, connection refused or reset) before any audio of the sentence
// arrived: that sentence is sent once more after a short pause, at most twice per job, so one
// hiccup does not switch the caller to the fallback voice for the rest of the reply.
//
// Network work runs on the engine's own thread; handlers are called from it.
class HttpTts : public TtsEngine
{
public:
    // Builds the request for one sentence, or returns false with *error ("ttsVoice: …").
    using Builder = std::function<bool(const QString &sentence, const TtsConfig &config, HttpTtsRequest *request, QString *error)>;

    HttpTts(QString name, Builder builder, int requestTimeoutMs, HttpTtsRetry retry = {});
    ~HttpTts() override;

    quint64 synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError) override;
    void cancel(quint64 job) override;
    QString name() const override { return m_name; }

private:
    struct Job : TtsJobProgress
    {
        QPointer<QNetworkReply> reply;
        int retries = 0;              // this job's
        bool sentenceRetried = false; // the current sentence's
    };

    // Worker thread only.
    void startSentence(const std::shared_ptr<Job> &job);
    void onReadyRead(const std::shared_ptr<Job> &job);
    void onFinished(const std::shared_ptr<Job> &job);
    void emitAudio(Job &job, const QByteArray &audio, bool sentenceEnd);
    void drop(quint64 job);
    // True when the failed sentence will be sent again (a transient failure, nothing of it heard yet).
    bool retryLater(const std::shared_ptr<Job> &job, bool transient, const QString &error);

    const QString m_name;
    const Builder m_builder;
    const int m_timeoutMs;
    const HttpTtsRetry m_retry;
    TtsJobBook m_book;
    std::unique_ptr<NetworkWorker> m_worker;
    QNetworkAccessManager *m_network = nullptr;     // worker thread
    std::map<quint64, std::shared_ptr<Job>> m_jobs;  // worker thread
};

} // namespace ringside
