#include "speech/cloud/googlechirpstt.h"

#include "speech/cloud/transienterror.h"
#include "speech/mulaw.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace ringside {

Q_LOGGING_CATEGORY(lcChirp, "ringside.speech.google")

namespace {
constexpr int kMaxRetriesPerRequest = 2;
} // namespace

GoogleChirpStt::GoogleChirpStt(GoogleChirpOptions options)
    : m_options(std::move(options))
    , m_worker(std::make_unique<NetworkWorker>(QStringLiteral("google-stt")))
{
}

GoogleChirpStt::~GoogleChirpStt()
{
    stop();
    m_worker->run([this] {
        clear();
        delete m_network;
        m_network = nullptr;
    });
    m_worker.reset();
}

bool GoogleChirpStt::start(const SttConfig &config, Callbacks callbacks)
{
    m_sink = std::make_shared<SttSink>(std::move(callbacks));
    m_config = config;
    m_audio.clear();
    m_truncated = false;
    auto refuse = [this](const QString &message) {
        m_sink->error(message);
        m_sink->kill();
        return false;
    };
    if (m_options.accessToken.isEmpty())
        return refuse(QStringLiteral("google: no access token; set GOOGLE_ACCESS_TOKEN (gcloud auth print-access-token)"));
    if (m_options.project.isEmpty())
        return refuse(QStringLiteral("google: no project; set GOOGLE_CLOUD_PROJECT"));
    if (config.sampleRate < 8000 || config.sampleRate > 48000)
        return refuse(QStringLiteral("google: sampleRate %1 Hz is outside 8000–48000 Hz").arg(config.sampleRate));
    const QUrl url = googleRecognizeUrl(m_options);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return refuse(QStringLiteral("google: the endpoint '%1' is not http(s)").arg(url.toDisplayString()));
    return true;
}

void GoogleChirpStt::feed(const std::int16_t *samples, std::size_t n)
{
    if (!m_sink)
        return;
    const std::size_t cap = std::size_t(qMax(1, m_options.maxUtteranceSeconds)) * std::size_t(m_config.sampleRate);
    const std::size_t room = cap > m_audio.size() ? cap - m_audio.size() : 0;
    if (n > room)
        m_truncated = true;
    m_audio.insert(m_audio.end(), samples, samples + std::min(n, room));
}

void GoogleChirpStt::finalize()
{
    if (!m_sink)
        return;
    Turn turn;
    turn.sink = m_sink;
    turn.language = m_config.language;
    turn.sampleRate = m_config.sampleRate;
    turn.encoding = m_options.muLaw ? QStringLiteral("MULAW") : QStringLiteral("LINEAR16");
    turn.truncated = m_truncated;
    const std::size_t perRequest = std::size_t(qMax(1, m_options.maxRequestSeconds)) * std::size_t(m_config.sampleRate);
    for (std::size_t at = 0; at < m_audio.size(); at += perRequest) {
        const std::size_t n = std::min(perRequest, m_audio.size() - at);
        QByteArray bytes;
        if (m_options.muLaw) {
            bytes.resize(qsizetype(n));
            muLawEncode(m_audio.data() + at, n, reinterpret_cast<std::uint8_t *>(bytes.data()));
        } else {
            bytes = QByteArray(reinterpret_cast<const char *>(m_audio.data() + at), qsizetype(n * 2));
        }
        turn.pieces << bytes;
    }
    m_audio.clear();
    m_truncated = false;
    m_worker->post([this, turn = std::move(turn)]() mutable { enqueue(std::move(turn)); });
}

void GoogleChirpStt::stop()
{
    if (!m_sink)
        return;
    m_sink->kill();
    m_sink.reset();
    m_audio.clear();
    m_worker->post([this] { clear(); });
}

// ---- worker thread ----

void GoogleChirpStt::clear()
{
    if (m_reply) {
        QObject::disconnect(m_reply, nullptr, m_worker->context(), nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply = nullptr;
    m_turns.clear();
    m_piece = 0;
    m_texts.clear();
    m_confidenceSum = 0.0;
    m_confidences = 0;
    m_retriesThisPiece = 0;
    ++m_generation;
}

void GoogleChirpStt::enqueue(Turn turn)
{
    m_turns.push_back(std::move(turn));
    if (m_turns.size() == 1)
        sendNext();
}

void GoogleChirpStt::sendNext()
{
    while (!m_turns.empty()) {
        Turn &turn = m_turns.front();
        if (m_piece < turn.pieces.size())
            break;
        finishTurn(QString()); // silence, or every piece answered
    }
    if (m_turns.empty())
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(m_worker->context());
    const Turn &turn = m_turns.front();
    QNetworkRequest request(googleRecognizeUrl(m_options));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_options.accessToken.toUtf8());
    request.setTransferTimeout(qMax(100, m_options.requestTimeoutMs));
    const QByteArray body = googleRecognizeBody(m_options, turn.language, turn.sampleRate, turn.encoding,
                                                turn.pieces.at(m_piece));
    m_reply = m_network->post(request, body);
    QNetworkReply *reply = m_reply;
    QObject::connect(reply, &QNetworkReply::finished, m_worker->context(), [this, reply] { onReply(reply); });
}

void GoogleChirpStt::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply || m_turns.empty())
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = status != 0 ? reply->readAll() : QByteArray();
    const QString host = reply->url().host();
    QString error;
    const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
                          || reply->error() == QNetworkReply::TimeoutError; // transfer timeout (we never abort a live turn)
    if (timedOut && status == 0) {
        error = QStringLiteral("google: no answer from %1 within %2 ms").arg(host).arg(m_options.requestTimeoutMs);
    } else if (status == 0) {
        error = QStringLiteral("google: could not reach %1: %2").arg(host, reply->errorString());
    } else if (status < 200 || status > 299) {
        error = QStringLiteral("google: recognize failed (%1)").arg(describeGoogleHttpError(status, body));
    } else {
        const GoogleRecognizeResult r = parseGoogleRecognize(body);
        if (!r.ok) {
            error = QStringLiteral("google: unreadable recognize answer: %1").arg(r.error);
        } else {
            if (!r.transcript.isEmpty()) {
                m_texts << r.transcript;
                if (r.confidence > 0) {
                    m_confidenceSum += r.confidence;
                    ++m_confidences;
                }
            }
            ++m_piece;
            m_retriesThisPiece = 0;
            sendNext();
            return;
        }
    }
    if (retryLater(isTransientFailure(status, reply->error()) && !timedOut, error))
        return;
    finishTurn(error);
    sendNext();
}

bool GoogleChirpStt::retryLater(bool transient, const QString &error)
{
    if (!transient || m_retriesThisCall >= m_options.maxRetriesPerCall || m_retriesThisPiece >= kMaxRetriesPerRequest)
        return false;
    const int delayMs = qMax(0, m_options.retryBackoffMs) << m_retriesThisPiece;
    ++m_retriesThisCall;
    ++m_retriesThisPiece;
    qCWarning(lcChirp, "%s; sending it again in %d ms (retry %d of %d this call)", qPrintable(error), delayMs,
              m_retriesThisCall, m_options.maxRetriesPerCall);
    const quint64 generation = m_generation;
    QTimer::singleShot(delayMs, m_worker->context(), [this, generation] {
        if (generation == m_generation && !m_reply)
            sendNext(); // the same piece of the same turn: m_piece did not move
    });
    return true;
}

void GoogleChirpStt::finishTurn(const QString &error)
{
    Turn turn = std::move(m_turns.front());
    m_turns.pop_front();
    const QString text = m_texts.join(QLatin1Char(' '));
    const double confidence = m_confidences > 0 ? m_confidenceSum / m_confidences : 0.0;
    m_piece = 0;
    m_texts.clear();
    m_confidenceSum = 0.0;
    m_confidences = 0;
    m_retriesThisPiece = 0;
    turn.sink->final(text, confidence);
    if (!error.isEmpty())
        turn.sink->error(error);
    else if (turn.truncated)
        turn.sink->error(QStringLiteral("google: the turn ran past %1 s; the rest of it was not recognized")
                             .arg(m_options.maxUtteranceSeconds));
}

} // namespace ringside
