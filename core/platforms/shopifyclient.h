#pragma once
// The Shopify Admin GraphQL API (POST …/admin/api/{version}/graphql.json, X-Shopify-Access-Token).
// Cost-based throttling: every answer's extensions.cost.throttleStatus says how many points are left
// and how fast they come back; a query that would overdraw the bucket waits first, and a THROTTLED
// answer (HTTP 200 with errors[].extensions.code, or HTTP 429) waits for the points and retries —
// never a hammering loop. Runs on a worker thread or the CLI (it blocks while it waits).

#include "platforms/credentials.h"
#include "platforms/httpexchange.h"
#include "platforms/platformerror.h"
#include "util/jsonqt.h"

#include <QElapsedTimer>

#include <functional>

namespace ringside::platforms {

struct GraphqlAnswer
{
    json data;                 // "data" of the answer (may be partly null when errors came too)
    PlatformError error;
    int httpStatus = 0;
};

class ShopifyClient
{
public:
    using Sleeper = std::function<void(int ms)>;

    ShopifyClient(Connection connection, PlatformCredentials credentials, HttpExchange &http,
                  Sleeper sleeper = {});

    // Runs a query or mutation. `estimatedCost` is used before the first answer tells the real one.
    GraphqlAnswer run(const QString &document, const json &variables = json::object(), int estimatedCost = 10);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Times this client waited for the bucket to refill (before a query or after THROTTLED).
    int throttleWaits() const { return m_waits; }
    qint64 waitedMs() const { return m_waitedMs; }
    const Connection &connection() const { return m_connection; }

private:
    void waitForPoints(double cost);
    void noteCost(const json &extensions);
    void sleep(int ms);

    Connection m_connection;
    PlatformCredentials m_credentials;
    HttpExchange &m_http;
    Sleeper m_sleeper;
    int m_timeoutMs = 30000;
    // The bucket as last reported, and when.
    double m_available = -1;
    double m_maximum = 0;
    double m_restoreRate = 0;
    QElapsedTimer m_since;
    int m_waits = 0;
    qint64 m_waitedMs = 0;
};

// The number at the end of a GID: "gid://shopify/Order/820982911946154508" → "820982911946154508".
QString gidNumber(const QString &gid);

} // namespace ringside::platforms
