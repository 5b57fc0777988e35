#pragma once
// The WooCommerce REST API v3 ({site}/wp-json/wc/v3/…), Basic auth with the consumer key and secret.
// Basic auth is only ever sent over HTTPS (or to a loopback stand-in in tests): over plain HTTP the
// keys would cross the network readable, so the client refuses instead.

#include "platforms/credentials.h"
#include "platforms/httpexchange.h"
#include "platforms/platformerror.h"
#include "util/jsonqt.h"

#include <QUrlQuery>

namespace ringside::platforms {

struct WooAnswer
{
    json body;
    int status = 0;
    qint64 totalPages = -1;   // X-WP-TotalPages, when sent
    qint64 total = -1;        // X-WP-Total
    PlatformError error;
};

class WooClient
{
public:
    WooClient(Connection connection, PlatformCredentials credentials, HttpExchange &http);

    WooAnswer get(const QString &path, const QUrlQuery &query = {});
    WooAnswer send(const QByteArray &method, const QString &path, const json &body);

    const Connection &connection() const { return m_connection; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    WooAnswer exchange(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body);

    Connection m_connection;
    PlatformCredentials m_credentials;
    HttpExchange &m_http;
    int m_timeoutMs = 30000;
};

} // namespace ringside::platforms
