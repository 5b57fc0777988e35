#include "engine/llm/llmclient.h"

#include "engine/llm/llmerrors.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace ringside {

namespace {
constexpr qsizetype kMaxJsonBody = 16 * 1024 * 1024; // far above any chat answer
constexpr qsizetype kMaxErrorBody = 64 * 1024;        // enough for the provider's message

bool isSuccess(int status) { return status >= 200 && status <= 299; }
} // namespace

LlmClient::LlmClient(LlmClientOptions options, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(network)
{
    qRegisterMetaType<ringside::LlmResponse>();
    qRegisterMetaType<ringside::LlmError>();
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    for (QTimer *timer : {&m_firstByteTimer, &m_idleTimer, &m_totalTimer}) {
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, timer] { onTimeout(timer); });
    }
}

LlmClient::~LlmClient()
{
    // Quietly drop an unfinished request: nobody is left to hear about it.
    teardown();
}

QString LlmClient::endpointName(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString();
}

bool LlmClient::start(const LlmRequest &request)
{
    if (m_running)
        return false;
    ++m_serial;
    m_running = true;
    m_streaming = m_options.streaming;
    m_body.clear();
    m_mode = BodyMode::Undecided;
    m_status = 0;
    m_elapsed.start();

    HttpCall call;
    if (auto error = prepare(request, m_streaming, &call)) {
        failLater(*error);
        return true;
    }
    m_endpoint = endpointName(call.request.url());
    m_parser = createParser(m_streaming);
    m_sse = std::make_unique<SseParser>();

    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    call.request.setRawHeader("Accept", m_streaming ? QByteArrayLiteral("text/event-stream")
                                                    : QByteArrayLiteral("application/json"));
    call.request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    m_reply = m_network->post(call.request, call.body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &LlmClient::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &LlmClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &LlmClient::onReplyFinished);

    const LlmTimeouts &t = m_options.timeouts;
    if (t.firstByteMs > 0)
        m_firstByteTimer.start(t.firstByteMs);
    if (t.totalMs > 0)
        m_totalTimer.start(t.totalMs);
    return true;
}

void LlmClient::cancel()
{
    if (!m_running)
        return;
    fail(LlmError::make(LlmError::Cancelled,
                        QStringLiteral("request to %1 cancelled by the caller after %2 ms")
                            .arg(m_endpoint.isEmpty() ? providerName() : m_endpoint)
                            .arg(m_elapsed.elapsed())));
}

void LlmClient::decideMode()
{
    if (m_mode != BodyMode::Undecided || !m_reply)
        return;
    m_firstByteTimer.stop();
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return; // no HTTP answer yet (or none at all: a network error follows)
    m_status = status.toInt();
    if (!isSuccess(m_status)) {
        m_mode = BodyMode::ErrorBody;
        return;
    }
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    // A server that ignores `stream: true` answers with one JSON body; accept it as such.
    if (m_streaming && !type.contains("json"))
        m_mode = BodyMode::Sse;
    else
        m_mode = BodyMode::Json;
}

void LlmClient::onMetaData()
{
    decideMode();
    if (m_mode != BodyMode::Undecided && m_options.timeouts.idleMs > 0)
        m_idleTimer.start(m_options.timeouts.idleMs);
}

void LlmClient::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_options.timeouts.idleMs > 0)
        m_idleTimer.start(m_options.timeouts.idleMs);
    consume(m_reply->readAll());
}

void LlmClient::consume(const QByteArray &bytes)
{
    decideMode();
    if (bytes.isEmpty())
        return;
    switch (m_mode) {
    case BodyMode::Sse: {
        const quint64 serial = m_serial;
        handleEvents(m_sse->feed(bytes), serial);
        if (m_running && serial == m_serial && m_sse->hasError())
            fail(LlmError::make(LlmError::Malformed,
                                QStringLiteral("%1 sent a line that is not server-sent events: \"%2\"")
                                    .arg(m_endpoint, QString::fromUtf8(m_sse->badLine()))));
        return;
    }
    case BodyMode::Json:
    case BodyMode::Undecided:
        if (m_body.size() + bytes.size() > kMaxJsonBody) {
            fail(LlmError::make(LlmError::Malformed,
                                QStringLiteral("%1 answered with more than %2 bytes").arg(m_endpoint).arg(kMaxJsonBody)));
            return;
        }
        m_body.append(bytes);
        return;
    case BodyMode::ErrorBody:
        if (m_body.size() < kMaxErrorBody)
            m_body.append(bytes.left(kMaxErrorBody - m_body.size()));
        return;
    }
}

void LlmClient::handleEvents(const QList<SseEvent> &events, quint64 serial)
{
    for (const SseEvent &event : events) {
        LlmTurnParser::Step step = m_parser->onEvent(event.data);
        if (!step.textDelta.isEmpty())
            emit textDelta(step.textDelta);
        if (!m_running || serial != m_serial)
            return; // a listener cancelled (or cancelled and restarted) in its slot
        if (step.error) {
            fail(*step.error);
            return;
        }
        if (step.done) {
            LlmOutcome outcome = m_parser->finishStream();
            outcome.ok() ? succeed(std::move(outcome.response)) : fail(*outcome.error);
            return;
        }
    }
}

void LlmClient::onReplyFinished()
{
    if (!m_running || !m_reply)
        return;
    const quint64 serial = m_serial;
    consume(m_reply->readAll());
    if (!m_running || serial != m_serial)
        return;
    decideMode();

    if (m_mode == BodyMode::ErrorBody) {
        fail(errorFromHttpStatus(m_status, m_body, m_reply->rawHeader("Retry-After"), m_endpoint));
        return;
    }
    if (m_reply->error() != QNetworkReply::NoError) {
        LlmError error = errorFromNetwork(m_reply->error(), m_reply->errorString(), m_endpoint);
        if (m_mode == BodyMode::Sse && error.kind == LlmError::Network)
            error.message = QStringLiteral("connection closed mid-stream: ") % error.message;
        fail(error);
        return;
    }
    if (m_mode == BodyMode::Sse) {
        handleEvents(m_sse->finish(), serial);
        if (!m_running || serial != m_serial)
            return;
        LlmOutcome outcome = m_parser->finishStream();
        outcome.ok() ? succeed(std::move(outcome.response)) : fail(*outcome.error);
        return;
    }
    if (m_mode == BodyMode::Undecided) {
        fail(LlmError::make(LlmError::Malformed, QStringLiteral("%1 sent no HTTP status").arg(m_endpoint)));
        return;
    }
    LlmOutcome outcome = m_parser->parseBody(m_body);
    outcome.ok() ? succeed(std::move(outcome.response)) : fail(*outcome.error);
}

void LlmClient::onTimeout(QTimer *timer)
{
    if (!m_running)
        return;
    QString message;
    if (timer == &m_firstByteTimer)
        message = QStringLiteral("no response from %1 within %2 ms").arg(m_endpoint).arg(m_options.timeouts.firstByteMs);
    else if (timer == &m_idleTimer)
        message = QStringLiteral("%1 stalled: nothing received for %2 ms mid-answer")
                      .arg(m_endpoint).arg(m_options.timeouts.idleMs);
    else
        message = QStringLiteral("%1 did not finish its answer within %2 ms").arg(m_endpoint).arg(m_options.timeouts.totalMs);
    fail(LlmError::make(LlmError::Timeout, message));
}

void LlmClient::succeed(LlmResponse response)
{
    teardown();
    m_running = false;
    emit finished(response);
}

void LlmClient::fail(LlmError error)
{
    teardown();
    m_running = false;
    emit failed(error);
}

void LlmClient::failLater(LlmError error)
{
    const quint64 serial = m_serial;
    QTimer::singleShot(0, this, [this, serial, error] {
        if (m_running && serial == m_serial)
            fail(error);
    });
}

void LlmClient::teardown()
{
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    m_totalTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    m_parser.reset();
    m_sse.reset();
}

} // namespace ringside
