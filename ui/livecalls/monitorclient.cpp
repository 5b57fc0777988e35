#include "monitorclient.h"

#include "util/remotejson.h"

#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace ringside::ui {

namespace monitor = telephony::monitor;

int handshakeStatus(const QString &errorString)
{
    // Qt 6.4 reports a non-101 answer only in words: "Unhandled http status code: 401 (Unauthorized)."
    static const QRegularExpression re(QStringLiteral("status code: (\\d{3})"));
    const QRegularExpressionMatch m = re.match(errorString);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

MonitorClient::MonitorClient(QObject *parent)
    : QObject(parent)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this) // children: moveToThread takes them along
    , m_retry(this)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &MonitorClient::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, &MonitorClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &MonitorClient::onDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &MonitorClient::onError);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &MonitorClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &MonitorClient::onBinary);
}

MonitorClient::~MonitorClient()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void MonitorClient::setBackoff(int firstMs, int maxMs)
{
    m_firstDelayMs = std::max(1, firstMs);
    m_maxDelayMs = std::max(m_firstDelayMs, maxMs);
    m_nextDelayMs = m_firstDelayMs;
}

void MonitorClient::open(const MonitorEndpoint &endpoint)
{
    // Drop any old connection first; with m_wanted false its disconnected() schedules nothing.
    m_wanted = false;
    m_retry.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    m_endpoint = endpoint;
    m_wanted = true;
    m_refused = false;
    m_attempts = 0;
    m_nextDelayMs = m_firstDelayMs;
    connectNow();
}

void MonitorClient::close()
{
    m_wanted = false;
    m_retry.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("console closed the feed"));
    setState(State::Disconnected, tr("Not connected"));
}

void MonitorClient::connectNow()
{
    if (!m_wanted)
        return;
    const QUrl url = m_endpoint.url;
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) || url.host().isEmpty()) {
        m_refused = true;
        m_wanted = false;
        setState(State::Refused, tr("Engine URL \"%1\" is not a ws:// or wss:// address with a host").arg(url.toString()));
        return;
    }
    ++m_attempts;
    m_lastError.clear();
    // The name goes in the URL too, so the snapshot that opens the feed already carries it.
    QUrl withName = url;
    if (!m_endpoint.operatorName.isEmpty()) {
        QUrlQuery query(withName);
        query.removeAllQueryItems(QStringLiteral("operator"));
        query.addQueryItem(QStringLiteral("operator"), m_endpoint.operatorName);
        withName.setQuery(query);
    }
    QNetworkRequest request(withName);
    if (!m_endpoint.token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_endpoint.token.toUtf8());
    setState(m_attempts > 1 ? State::Reconnecting : State::Connecting, tr("Connecting to %1…").arg(url.toDisplayString(QUrl::RemoveQuery)));
    m_socket.open(request);
}

void MonitorClient::onConnected()
{
    m_attempts = 0;
    m_nextDelayMs = m_firstDelayMs;
    if (!m_endpoint.operatorName.isEmpty()) {
        const json hello = { { "id", "hello" }, { "command", monitor::command::hello }, { "operator", m_endpoint.operatorName } };
        m_socket.sendTextMessage(QString::fromStdString(hello.dump()));
    }
    setState(State::Connected, tr("Connected to %1").arg(m_endpoint.url.toDisplayString(QUrl::RemoveQuery)));
}

void MonitorClient::onError(QAbstractSocket::SocketError)
{
    m_lastError = m_socket.errorString();
    const int status = handshakeStatus(m_lastError);
    if (status == 401 || status == 403 || status == 404) {
        m_refused = true;
        QString why;
        if (status == 404)
            why = tr("The server at %1 has no monitor feed (HTTP 404): check the URL's path (…/monitor)")
                      .arg(m_endpoint.url.toDisplayString(QUrl::RemoveQuery));
        else if (m_endpoint.token.isEmpty())
            why = tr("The engine wants an access token (HTTP %1): set the remote engine token in Settings").arg(status);
        else
            why = tr("The engine refused the access token (HTTP %1): check the remote engine token in Settings").arg(status);
        m_wanted = false;
        m_retry.stop();
        setState(State::Refused, why);
    }
    // Other errors end in disconnected(), which schedules the retry.
    if (m_socket.state() == QAbstractSocket::UnconnectedState && m_wanted && !m_retry.isActive())
        scheduleRetry(m_lastError);
}

void MonitorClient::onDisconnected()
{
    if (!m_wanted || m_refused)
        return;
    QString why = m_lastError;
    if (why.isEmpty() && m_socket.closeCode() != QWebSocketProtocol::CloseCodeNormal)
        why = m_socket.closeReason().isEmpty() ? tr("the connection closed (code %1)").arg(int(m_socket.closeCode()))
                                               : m_socket.closeReason();
    if (why.isEmpty())
        why = tr("the engine closed the feed");
    if (!m_retry.isActive())
        scheduleRetry(why);
}

void MonitorClient::scheduleRetry(const QString &why)
{
    const int delay = m_nextDelayMs;
    m_nextDelayMs = std::min(m_maxDelayMs, m_nextDelayMs * 2);
    m_retry.start(delay);
    setState(State::Reconnecting, tr("Lost the engine (%1); trying again in %2 s").arg(why).arg((delay + 999) / 1000));
}

void MonitorClient::onText(const QString &text)
{
    json message = parseRemoteJson(text.toUtf8()); // depth-capped: it is another program's data
    if (message.is_discarded() || !message.is_object() || !message.contains("type")) {
        // Not ours to judge further: report it like any other feed message so the console can show it.
        message = { { "type", "client_error" }, { "message", tr("unreadable feed message: %1").arg(text.left(120)) } };
    }
    if (m_messageSink)
        m_messageSink(std::move(message));
}

void MonitorClient::onBinary(const QByteArray &frame)
{
    monitor::AudioFrame audio;
    QString problem;
    if (!monitor::decodeAudioFrame(frame, &audio, &problem)) {
        if (m_messageSink)
            m_messageSink({ { "type", "client_error" }, { "message", tr("unreadable audio frame: %1").arg(problem) } });
        return;
    }
    if (m_audioSink)
        m_audioSink(audio);
}

bool MonitorClient::sendText(const QByteArray &utf8)
{
    if (m_state != State::Connected)
        return false;
    m_socket.sendTextMessage(QString::fromUtf8(utf8));
    return true;
}

bool MonitorClient::sendBinary(const QByteArray &frame)
{
    if (m_state != State::Connected)
        return false;
    m_socket.sendBinaryMessage(frame);
    return true;
}

void MonitorClient::setState(State state, const QString &detail)
{
    if (state == m_state && detail.isEmpty())
        return;
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

} // namespace ringside::ui
