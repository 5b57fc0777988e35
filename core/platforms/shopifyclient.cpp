#include "platforms/shopifyclient.h"

#include <QLoggingCategory>
#include <QThread>

#include <cmath>

Q_LOGGING_CATEGORY(lcShopify, "ringside.platforms.shopify")

namespace ringside::platforms {

namespace {

constexpr int kMaxThrottleRetries = 8;
constexpr int kMaxWaitMs = 60000;

bool isThrottled(const json &errors)
{
    if (!errors.is_array())
        return false;
    for (const json &e : errors) {
        if (e.is_object() && e.contains("extensions") && stringAt(e["extensions"], "code") == QLatin1String("THROTTLED"))
            return true;
    }
    return false;
}

QString errorMessages(const json &errors)
{
    QStringList out;
    if (errors.is_array()) {
        for (const json &e : errors) {
            const QString m = stringAt(e, "message");
            const QString code = e.is_object() && e.contains("extensions") ? stringAt(e["extensions"], "code") : QString();
            if (!m.isEmpty())
                out << (code.isEmpty() ? m : QStringLiteral("%1 (%2)").arg(m, code));
        }
    } else if (errors.is_string()) {
        out << qs(errors.get<std::string>());
    }
    return out.join(QStringLiteral("; "));
}

double numberAt(const json &obj, const char *key, double fallback)
{
    if (!obj.is_object())
        return fallback;
    const auto it = obj.find(key);
    return it != obj.end() && it->is_number() ? it->get<double>() : fallback;
}

} // namespace

QString gidNumber(const QString &gid)
{
    const qsizetype slash = gid.lastIndexOf(QLatin1Char('/'));
    QString tail = slash < 0 ? gid : gid.mid(slash + 1);
    const qsizetype query = tail.indexOf(QLatin1Char('?'));
    if (query >= 0)
        tail.truncate(query);
    return tail;
}

ShopifyClient::ShopifyClient(Connection connection, PlatformCredentials credentials, HttpExchange &http, Sleeper sleeper)
    : m_connection(std::move(connection))
    , m_credentials(std::move(credentials))
    , m_http(http)
    , m_sleeper(std::move(sleeper))
{
}

void ShopifyClient::sleep(int ms)
{
    ms = qBound(1, ms, kMaxWaitMs);
    ++m_waits;
    m_waitedMs += ms;
    if (m_sleeper)
        m_sleeper(ms);
    else
        QThread::msleep(ulong(ms));
}

void ShopifyClient::waitForPoints(double cost)
{
    if (m_available < 0 || m_restoreRate <= 0)
        return; // nothing known yet: the first answer tells
    const double restored = m_available + m_restoreRate * double(m_since.elapsed()) / 1000.0;
    const double now = std::min(m_maximum > 0 ? m_maximum : restored, restored);
    if (now >= cost)
        return;
    sleep(int(std::ceil((cost - now) / m_restoreRate * 1000.0)));
}

void ShopifyClient::noteCost(const json &extensions)
{
    if (!extensions.is_object() || !extensions.contains("cost"))
        return;
    const json &status = extensions["cost"].value("throttleStatus", json::object());
    m_maximum = numberAt(status, "maximumAvailable", m_maximum);
    m_available = numberAt(status, "currentlyAvailable", m_available);
    m_restoreRate = numberAt(status, "restoreRate", m_restoreRate);
    m_since.restart();
}

GraphqlAnswer ShopifyClient::run(const QString &document, const json &variables, int estimatedCost)
{
    HttpRequest request;
    request.method = "POST";
    request.url = shopifyGraphqlUrl(m_connection, m_credentials);
    request.headers = { { "Content-Type", "application/json" },
                        { "Accept", "application/json" },
                        { "X-Shopify-Access-Token", m_credentials.shopifyAccessToken } };
    request.body = QByteArray::fromStdString(json{ { "query", document }, { "variables", variables } }.dump());
    request.timeoutMs = m_timeoutMs;

    GraphqlAnswer result;
    double cost = estimatedCost;
    for (int attempt = 0;; ++attempt) {
        waitForPoints(cost);
        const HttpAnswer answer = m_http.send(request);
        result.httpStatus = answer.status;
        if (answer.status == 0) {
            result.error = PlatformError::make(PlatformError::Kind::Network, describeNetFailure(answer, request.url),
                                               !answer.certainlyNotSent());
            return result;
        }
        const json doc = json::parse(answer.body.constBegin(), answer.body.constEnd(), nullptr, false);
        if (doc.is_object())
            noteCost(doc.value("extensions", json::object()));
        const bool throttled = answer.status == 429 || (doc.is_object() && isThrottled(doc.value("errors", json())));
        if (throttled) {
            if (attempt >= kMaxThrottleRetries) {
                result.error = PlatformError::make(PlatformError::Kind::Server,
                                                   QStringLiteral("Shopify kept answering THROTTLED after %1 waits").arg(attempt));
                return result;
            }
            // Wait until the points this query needs are back; Retry-After when that is all we have.
            double requested = cost;
            if (doc.is_object() && doc.contains("extensions") && doc["extensions"].contains("cost"))
                requested = numberAt(doc["extensions"]["cost"], "requestedQueryCost", cost);
            cost = requested;
            int waitMs = 1000;
            if (m_restoreRate > 0 && m_available >= 0)
                waitMs = int(std::ceil(std::max(0.0, requested - m_available) / m_restoreRate * 1000.0)) + 50;
            else if (const int retryAfter = answer.header("retry-after").toInt(); retryAfter > 0)
                waitMs = retryAfter * 1000;
            qCDebug(lcShopify, "THROTTLED (HTTP %d): waiting %d ms", answer.status, waitMs);
            sleep(waitMs);
            continue;
        }
        const QString shop = m_connection.shop;
        if (answer.status == 401) {
            result.error = PlatformError::make(PlatformError::Kind::Credentials,
                                               QStringLiteral("bad token: Shopify refused the access token for %1 (HTTP 401); "
                                                              "check SHOPIFY_ACCESS_TOKEN (the custom app's Admin API access token)").arg(shop));
            return result;
        }
        if (answer.status == 403) {
            QString why = doc.is_object() ? errorMessages(doc.value("errors", json())) : QString();
            result.error = PlatformError::make(PlatformError::Kind::Permission,
                                               QStringLiteral("Shopify accepted the token for %1 but refused the request (HTTP 403)%2; "
                                                              "check the app's access scopes").arg(shop, why.isEmpty() ? QString() : QString(QStringLiteral(": ") + why)));
            return result;
        }
        if (answer.status == 404 || answer.status == 402 || answer.status == 423) {
            result.error = PlatformError::make(PlatformError::Kind::UnknownShop,
                                               answer.status == 404 ? QStringLiteral("unknown shop: there is no Shopify shop at %1 (HTTP 404)").arg(shop)
                                                                    : QStringLiteral("the shop %1 is unavailable (HTTP %2: frozen or locked)").arg(shop).arg(answer.status));
            return result;
        }
        if (answer.status >= 500) {
            result.error = PlatformError::make(PlatformError::Kind::Server,
                                               QStringLiteral("Shopify answered HTTP %1").arg(answer.status), true);
            return result;
        }
        if (!doc.is_object()) {
            result.error = PlatformError::make(PlatformError::Kind::Malformed,
                                               QStringLiteral("Shopify answered HTTP %1 with something that is not JSON").arg(answer.status));
            return result;
        }
        if (answer.status < 200 || answer.status >= 300) {
            result.error = PlatformError::make(PlatformError::Kind::Rejected,
                                               QStringLiteral("Shopify answered HTTP %1: %2").arg(answer.status).arg(errorMessages(doc.value("errors", json()))));
            return result;
        }
        result.data = doc.value("data", json());
        if (doc.contains("errors") && !doc["errors"].empty()) {
            result.error = PlatformError::make(PlatformError::Kind::Rejected,
                                               QStringLiteral("Shopify GraphQL error: %1").arg(errorMessages(doc["errors"])));
        }
        return result;
    }
}

} // namespace ringside::platforms
