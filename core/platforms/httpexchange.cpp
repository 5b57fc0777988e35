#include "platforms/httpexchange.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ringside::platforms {

namespace {

NetFailure classify(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return NetFailure::None;
    case QNetworkReply::HostNotFoundError:
        return NetFailure::Dns;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownNetworkError: // Qt reports "SSL handshake failed" variants here too
        return NetFailure::Tls;
    case QNetworkReply::ConnectionRefusedError:
        return NetFailure::Refused;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply
        return NetFailure::Timeout;
    case QNetworkReply::RemoteHostClosedError:
        return NetFailure::Dropped;
    default:
        return NetFailure::Other;
    }
}

} // namespace

QString describeNetFailure(const HttpAnswer &answer, const QUrl &url)
{
    const QString host = url.host();
    switch (answer.failure) {
    case NetFailure::None:
        return QString();
    case NetFailure::Dns:
        return QStringLiteral("DNS: the host name %1 does not resolve (check the shop address)").arg(host);
    case NetFailure::Tls:
        return QStringLiteral("TLS: the secure connection to %1 failed (%2)").arg(host, answer.failureText);
    case NetFailure::Refused:
        return QStringLiteral("connection refused by %1:%2 (nothing is listening there)").arg(host).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    case NetFailure::Timeout:
        return QStringLiteral("timeout: %1 did not answer in time").arg(host);
    case NetFailure::Dropped:
        return QStringLiteral("%1 closed the connection before answering").arg(host);
    case NetFailure::Other:
        break;
    }
    return QStringLiteral("network error talking to %1: %2").arg(host, answer.failureText);
}

HttpExchange::HttpExchange() : m_network(std::make_unique<QNetworkAccessManager>()) {}

HttpExchange::~HttpExchange() = default;

HttpAnswer HttpExchange::send(const HttpRequest &request)
{
    QNetworkRequest req(request.url);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);
    req.setTransferTimeout(request.timeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->sendCustomRequest(req, request.method, request.body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        answer.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    if (answer.status == 0) {
        answer.failure = classify(reply->error());
        if (answer.failure == NetFailure::Other && reply->errorString().contains(QLatin1String("SSL"), Qt::CaseInsensitive))
            answer.failure = NetFailure::Tls;
        answer.failureText = reply->errorString();
    }
    delete reply; // finished and outside its own signals: nothing else refers to it
    return answer;
}

} // namespace ringside::platforms
