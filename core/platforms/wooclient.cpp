#include "platforms/wooclient.h"

#include <QHostAddress>

namespace ringside::platforms {

namespace {
bool loopback(const QUrl &url)
{
    const QString host = url.host();
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}
} // namespace

WooClient::WooClient(Connection connection, PlatformCredentials credentials, HttpExchange &http)
    : m_connection(std::move(connection)), m_credentials(std::move(credentials)), m_http(http)
{
}

WooAnswer WooClient::get(const QString &path, const QUrlQuery &query)
{
    return exchange("GET", path, query, QByteArray());
}

WooAnswer WooClient::send(const QByteArray &method, const QString &path, const json &body)
{
    return exchange(method, path, QUrlQuery(), QByteArray::fromStdString(body.dump()));
}

WooAnswer WooClient::exchange(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body)
{
    WooAnswer result;
    const QUrl root = wooApiRoot(m_connection, m_credentials);
    if (root.scheme() != QLatin1String("https") && !loopback(root)) {
        result.error = PlatformError::make(PlatformError::Kind::Credentials,
                                           QStringLiteral("the site %1 is not https: WooCommerce keys are only sent over HTTPS").arg(root.host()));
        return result;
    }
    HttpRequest request;
    request.method = method;
    request.url = QUrl(root.toString() + path);
    if (!query.isEmpty())
        request.url.setQuery(query);
    request.headers = { { "Accept", "application/json" },
                        { "Authorization", "Basic " + QByteArray(m_credentials.wooConsumerKey + ':' + m_credentials.wooConsumerSecret).toBase64() } };
    if (!body.isEmpty()) {
        request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
        request.body = body;
    }
    request.timeoutMs = m_timeoutMs;
    const HttpAnswer answer = m_http.send(request);
    result.status = answer.status;
    if (answer.status == 0) {
        result.error = PlatformError::make(PlatformError::Kind::Network, describeNetFailure(answer, request.url), !answer.certainlyNotSent());
        return result;
    }
    result.body = json::parse(answer.body.constBegin(), answer.body.constEnd(), nullptr, false);
    bool ok = false;
    result.totalPages = answer.header("x-wp-totalpages").toLongLong(&ok);
    if (!ok)
        result.totalPages = -1;
    result.total = answer.header("x-wp-total").toLongLong(&ok);
    if (!ok)
        result.total = -1;
    const QString code = stringAt(result.body, "code");
    const QString message = stringAt(result.body, "message");
    const QString site = root.host();
    if (answer.status == 401) {
        result.error = PlatformError::make(PlatformError::Kind::Credentials,
                                           QStringLiteral("bad keys: %1 refused the consumer key and secret (HTTP 401%2); check "
                                                          "WOOCOMMERCE_CONSUMER_KEY and WOOCOMMERCE_CONSUMER_SECRET")
                                                   .arg(site, code.isEmpty() ? QString() : QString(QStringLiteral(", ") + code)));
    } else if (answer.status == 403) {
        result.error = PlatformError::make(PlatformError::Kind::Permission,
                                           QStringLiteral("%1 refused the request (HTTP 403): the key needs Read/Write permission").arg(site));
    } else if (answer.status == 404 && (code.isEmpty() || code == QLatin1String("rest_no_route"))) {
        result.error = PlatformError::make(PlatformError::Kind::UnknownShop,
                                           QStringLiteral("unknown shop: %1 has no WooCommerce REST API at %2 (HTTP 404)").arg(site, request.url.path()));
    } else if (answer.status == 429 || answer.status >= 500) {
        result.error = PlatformError::make(PlatformError::Kind::Server,
                                           QStringLiteral("%1 answered HTTP %2%3").arg(site).arg(answer.status).arg(message.isEmpty() ? QString() : QString(QStringLiteral(": ") + message)),
                                           true);
    } else if (answer.status < 200 || answer.status >= 300) {
        result.error = PlatformError::make(PlatformError::Kind::Rejected,
                                           QStringLiteral("%1 answered HTTP %2: %3 %4").arg(site).arg(answer.status).arg(code, message).trimmed());
    } else if (result.body.is_discarded()) {
        result.error = PlatformError::make(PlatformError::Kind::Malformed,
                                           QStringLiteral("%1 answered HTTP %2 with something that is not JSON (a security plugin or cache in the way?)").arg(site).arg(answer.status));
    }
    return result;
}

} // namespace ringside::platforms
