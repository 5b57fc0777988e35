#pragma once
// One HTTP request and its answer, run to completion on the calling thread (a platform worker, the
// CLI), with the failure named the way a shop owner can act on it: DNS, TLS, timeout, refused.
// Never used on the UI thread or a call's thread.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace ringside::platforms {

enum class NetFailure {
    None,
    Dns,        // the host name does not resolve
    Tls,        // the TLS handshake failed (certificate, protocol, plain HTTP on an https URL)
    Refused,    // nothing listens there
    Timeout,    // no complete answer in time: the request may or may not have been acted on
    Dropped,    // the connection closed mid-answer: likewise in doubt
    Other,
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 30000;
};

struct HttpAnswer
{
    int status = 0;                        // 0: no HTTP answer (see failure)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    NetFailure failure = NetFailure::None;
    QString failureText;                   // Qt's description, for logs (never contains a secret)

    bool ok() const { return failure == NetFailure::None && status >= 200 && status < 300; }
    // The request certainly did not reach the server's application (safe to send again).
    bool certainlyNotSent() const
    {
        return failure == NetFailure::Dns || failure == NetFailure::Tls || failure == NetFailure::Refused;
    }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// "DNS: the host name shop.example does not resolve", … — a failure in words for a person.
QString describeNetFailure(const HttpAnswer &answer, const QUrl &url);

class HttpExchange
{
public:
    HttpExchange();
    ~HttpExchange();
    HttpExchange(const HttpExchange &) = delete;
    HttpExchange &operator=(const HttpExchange &) = delete;

    // Blocks the calling thread (running a local event loop) until the answer or a failure.
    HttpAnswer send(const HttpRequest &request);

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace ringside::platforms
