#include "speech/cloud/httptts.h"

#include "speech/cloud/transienterror.h"
#include "speech/sentencesplitter.h"

#include <QLoggingCategory>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace ringside {

Q_LOGGING_CATEGORY(lcHttpTts, "ringside.speech.tts")

HttpTts::HttpTts(QString name, Builder builder, int requestTimeoutMs, HttpTtsRetry retry)
    : m_name(std::move(name))
    , m_builder(std::move(builder))
    , m_timeoutMs(requestTimeoutMs)
    , m_retry(retry)
    , m_worker(std::make_unique<NetworkWorker>(m_name + QStringLiteral("-tts")))
{
    m_worker->run([this] { m_network = new QNetworkAccessManager(m_worker->context()); });
}

HttpTts::~HttpTts()
{
    m_worker->run([this] {
        for (auto &[id, job] : m_jobs)
            if (job->reply)
                job->reply->abort();
        m_jobs.clear();
    });
    m_worker.reset();
}

quint64 HttpTts::synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError)
{
    const quint64 id = m_book.open(std::move(onChunk), std::move(onError));
    auto job = std::make_shared<Job>();
    job->id = id;
    job->config = config;
    job->sentences = splitForSpeech(text);
    m_worker->post([this, job] {
        if (job->sentences.isEmpty()) {
            m_book.error(job->id, QStringLiteral("%1: nothing to say (the text is empty)").arg(m_name));
            return;
        }
        if (!m_book.isOpen(job->id))
            return;
        m_jobs[job->id] = job;
        startSentence(job);
    });
    return id;
}

void HttpTts::cancel(quint64 job)
{
    m_book.cancel(job);
    m_worker->post([this, job] { drop(job); });
}

void HttpTts::drop(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    const std::shared_ptr<Job> job = it->second;
    m_jobs.erase(it);
    if (job->reply) {
        job->reply->disconnect();
        job->reply->abort();
        job->reply->deleteLater();
    }
}

void HttpTts::startSentence(const std::shared_ptr<Job> &job)
{
    HttpTtsRequest request;
    QString error;
    if (!m_builder(job->sentences.at(job->index), job->config, &request, &error)) {
        m_jobs.erase(job->id);
        m_book.error(job->id, QStringLiteral("%1: %2").arg(m_name, error));
        return;
    }
    if (!job->converter.init(request.format.encoding, request.format.sampleRate, job->config.encoding, job->config.sampleRate,
                             &error)) {
        m_jobs.erase(job->id);
        m_book.error(job->id, QStringLiteral("%1: audio: %2").arg(m_name, error));
        return;
    }
    job->sentenceSample = 0;
    QNetworkRequest r(request.url);
    for (const auto &[name, value] : request.headers)
        r.setRawHeader(name, value);
    r.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->post(r, request.body);
    job->reply = reply;
    QObject::connect(reply, &QNetworkReply::readyRead, m_worker->context(), [this, job] { onReadyRead(job); });
    QObject::connect(reply, &QNetworkReply::finished, m_worker->context(), [this, job] { onFinished(job); });
}

void HttpTts::emitAudio(Job &job, const QByteArray &audio, bool sentenceEnd)
{
    if (!m_book.chunk(job.nextChunk(audio, sentenceEnd)))
        drop(job.id);
}

void HttpTts::onReadyRead(const std::shared_ptr<Job> &job)
{
    QNetworkReply *reply = job->reply;
    if (!reply || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // an error body is read whole in onFinished
    const QByteArray audio = job->converter.push(reply->readAll());
    if (!audio.isEmpty())
        emitAudio(*job, audio, false);
}

void HttpTts::onFinished(const std::shared_ptr<Job> &job)
{
    QNetworkReply *reply = job->reply;
    if (!reply || !m_jobs.count(job->id))
        return;
    reply->deleteLater();
    job->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
    QString error;
    if (timedOut)
        error = QStringLiteral("%1: no answer within %2 ms").arg(m_name).arg(m_timeoutMs);
    else if (status != 200 && status != 0)
        error = describeTtsHttpError(m_name, status, reply->readAll());
    else if (reply->error() != QNetworkReply::NoError)
        error = QStringLiteral("%1: %2").arg(m_name, reply->errorString());
    if (!error.isEmpty()) {
        // A 200 whose body was cut off is judged by what happened to the connection.
        const bool transient = isTransientFailure(status == 200 ? 0 : status, reply->error()) && !timedOut;
        if (retryLater(job, transient, error))
            return;
        m_jobs.erase(job->id);
        m_book.error(job->id, error);
        return;
    }
    emitAudio(*job, job->converter.push(reply->readAll()), true);
    if (!m_jobs.count(job->id))
        return; // cancelled from the handler
    job->sentenceRetried = false;
    if (++job->index < job->sentences.size())
        startSentence(job);
    else
        m_jobs.erase(job->id);
}

bool HttpTts::retryLater(const std::shared_ptr<Job> &job, bool transient, const QString &error)
{
    // Audio of this sentence already went to the caller: sending it again would repeat it.
    if (!transient || job->sentenceSample > 0 || job->sentenceRetried || job->retries >= m_retry.maxRetriesPerJob)
        return false;
    job->sentenceRetried = true;
    ++job->retries;
    qCWarning(lcHttpTts, "%s; sending the sentence again in %d ms (retry %d of %d for this reply)", qPrintable(error),
              m_retry.backoffMs, job->retries, m_retry.maxRetriesPerJob);
    QTimer::singleShot(m_retry.backoffMs, m_worker->context(), [this, job] {
        const auto it = m_jobs.find(job->id);
        if (it != m_jobs.end() && it->second == job && !job->reply)
            startSentence(job); // cancelled meanwhile: drop() removed it, nothing is sent
    });
    return true;
}

} // namespace ringside
