#include "speech/cloud/cartesiawstts.h"

#include "speech/sentencesplitter.h"

#include <nlohmann/json.hpp>

#include <QTimer>
#include <QWebSocket>

namespace ringside {

using json = nlohmann::json;

CartesiaWsTts::CartesiaWsTts(CartesiaOptions options)
    : m_options(std::move(options)), m_worker(std::make_unique<NetworkWorker>(QStringLiteral("cartesia-ws")))
{
}

CartesiaWsTts::~CartesiaWsTts()
{
    m_worker->run([this] {
        m_jobs.clear();
        if (m_socket) {
            m_socket->disconnect();
            m_socket->abort();
            delete m_socket;
            m_socket = nullptr;
        }
    });
    m_worker.reset();
}

quint64 CartesiaWsTts::synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError)
{
    const quint64 id = m_book.open(std::move(onChunk), std::move(onError));
    auto job = std::make_shared<Job>();
    job->id = id;
    job->config = config;
    job->sentences = splitForSpeech(text);
    m_worker->post([this, job] {
        QString error;
        if (job->sentences.isEmpty())
            error = QStringLiteral("cartesia: nothing to say (the text is empty)");
        else if (job->config.voice.isEmpty())
            error = QStringLiteral("cartesia: ttsVoice: a Cartesia voice id (UUID) is required");
        else {
            const CloudAudioFormat f = cartesiaFormat(job->config);
            job->converter.init(f.encoding, f.sampleRate, job->config.encoding, job->config.sampleRate, &error);
        }
        if (!error.isEmpty())
            return m_book.error(job->id, error);
        if (!m_book.isOpen(job->id))
            return;
        m_jobs[job->id] = job;
        ensureSocket();
        sendSentence(job);
    });
    return id;
}

void CartesiaWsTts::cancel(quint64 id)
{
    m_book.cancel(id);
    m_worker->post([this, id] {
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            return;
        sendText(QByteArray::fromStdString(json{ { "context_id", it->second->context.toStdString() }, { "cancel", true } }.dump()));
        m_jobs.erase(it);
    });
}

void CartesiaWsTts::ensureSocket()
{
    if (m_socket)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, m_worker->context());
    m_open = false;
    QObject::connect(m_socket, &QWebSocket::connected, m_worker->context(), [this] {
        m_open = true;
        for (const QByteArray &m : std::exchange(m_pending, {}))
            m_socket->sendTextMessage(QString::fromUtf8(m));
    });
    QObject::connect(m_socket, &QWebSocket::textMessageReceived, m_worker->context(), [this](const QString &t) { onText(t); });
    QObject::connect(m_socket, &QWebSocket::disconnected, m_worker->context(), [this] {
        const int code = m_socket->closeCode();
        const QString reason = m_socket->closeReason();
        const QString why = m_socket->error() != QAbstractSocket::UnknownSocketError && !m_open
                ? QStringLiteral("cannot connect: %1").arg(m_socket->errorString())
                : QStringLiteral("the connection closed (code %1%2)").arg(code).arg(reason.isEmpty() ? QString() : QStringLiteral(", ") + reason);
        onClosed(why);
    });
    m_socket->open(cartesiaWebSocketUrl(m_options));
}

void CartesiaWsTts::sendText(const QByteArray &text)
{
    if (m_open && m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(text));
    else
        m_pending << text;
}

void CartesiaWsTts::sendSentence(const std::shared_ptr<Job> &job)
{
    job->context = QStringLiteral("rs-%1-%2").arg(job->id).arg(job->index);
    job->sentenceSample = 0;
    sendText(cartesiaRequestBody(m_options, job->sentences.at(job->index), job->config, job->context, false));
}

std::shared_ptr<CartesiaWsTts::Job> CartesiaWsTts::byContext(const QString &context) const
{
    for (const auto &[id, job] : m_jobs)
        if (job->context == context)
            return job;
    return nullptr;
}

void CartesiaWsTts::emitAudio(Job &job, const QByteArray &audio, bool sentenceEnd)
{
    if (!m_book.chunk(job.nextChunk(audio, sentenceEnd)))
        m_jobs.erase(job.id);
}

void CartesiaWsTts::onText(const QString &text)
{
    CartesiaMessage m;
    if (!parseCartesiaMessage(text.toUtf8(), &m))
        return; // not ours to guess at
    const std::shared_ptr<Job> job = byContext(m.contextId);
    if (!job)
        return; // a cancelled context still draining
    const QString &type = m.type;
    if (type == QLatin1String("chunk")) {
        const QByteArray audio = job->converter.push(m.audio);
        if (!audio.isEmpty())
            emitAudio(*job, audio, false);
    } else if (type == QLatin1String("done")) {
        emitAudio(*job, QByteArray(), true);
        if (!m_jobs.count(job->id))
            return;
        if (++job->index < job->sentences.size())
            sendSentence(job);
        else
            m_jobs.erase(job->id);
    } else if (type == QLatin1String("error")) {
        m_jobs.erase(job->id);
        m_book.error(job->id, QStringLiteral("cartesia: %1").arg(m.error));
    }
}

void CartesiaWsTts::onClosed(const QString &why)
{
    auto jobs = std::exchange(m_jobs, {});
    m_pending.clear();
    m_open = false;
    if (m_socket) {
        m_socket->disconnect();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    for (const auto &[id, job] : jobs)
        m_book.error(id, QStringLiteral("cartesia: %1").arg(why));
}

} // namespace ringside
