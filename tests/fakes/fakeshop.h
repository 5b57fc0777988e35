#pragma once
// A stand-in for a shop's platform APIs on 127.0.0.1, speaking them as documented
// (../shared/reference/protocols.md):
//   Shopify Admin GraphQL  POST /{shop}/admin/api/{version}/graphql.json (X-Shopify-Access-Token;
//                          401 for a wrong token, 404 for an unknown shop). It answers the queries
//                          Ringside sends — shop, orders, customers, abandonedCheckouts (cursor pages,
//                          updated_at filters), order(id), codeDiscountNodeByCode, draftOrders — and
//                          the mutations (orderCancel, orderUpdate, tagsAdd, discountCodeBasicCreate,
//                          draftOrderCreate, returnRequest) with userErrors like Shopify's. Every answer
//                          carries extensions.cost with a leaky bucket; a query the bucket cannot pay
//                          for gets THROTTLED (HTTP 200, or 429 when asked).
//   WooCommerce REST v3    /wp-json/wc/v3/… (Basic auth; page/per_page with X-WP-Total(Pages);
//                          orders, customers, notes, refunds, coupons, settings/general) and /wp-json.
//   Twilio Messages        POST/GET /2010-04-01/Accounts/{sid}/Messages.json
//   Exotel SMS             POST /v1/Accounts/{sid}/Sms/send.json
//   GET /_fake/state       what the fake holds and was asked (for people trying it by hand)
// Shopify ids start above 2^53 so a client that parses them as doubles is caught.

#include "fakehttpserver.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>

namespace ringside::fakes {

class FakeShop : public QObject
{
    Q_OBJECT
public:
    explicit FakeShop(QObject *parent = nullptr);

    bool listen() { return m_server.listen(); }
    QUrl url(const QString &path = {}) const { return m_server.url(path); }
    FakeHttpServer &server() { return m_server; }

    // Shopify
    QString shopDomain = QStringLiteral("ringside-demo.myshopify.com");
    QByteArray accessToken = QByteArrayLiteral("shpat_test_token");
    double bucketMax = 1000;
    double restoreRate = 1e6;      // points per second (tests: never the bottleneck unless a test says so; Shopify Standard is 100)
    bool throttleWith429 = false;
    double otherAppCost = 0;       // points another app spends before each request (the client cannot foresee it)
    int otherAppRequests = 1000000; // … for this many requests
    int failNextGraphql = 0;       // answer this many GraphQL requests with HTTP 500 first
    int queryDelayMs = 0;          // wait this long before answering a query (a slow shop)
    int mutationDelayMs = 0;       // … a mutation (it has taken effect already: the answer is what is late)
    // Adds `count` orders #1001… (COD every third, a fulfillment on every other), their customers
    // and `checkouts` abandoned checkouts; ids above 2^53.
    void seedShopify(int orders, int checkouts = 3, const QDateTime &base = QDateTime::fromString(QStringLiteral("2026-11-01T08:00:00Z"), Qt::ISODate));
    nlohmann::json &shopifyOrder(const QString &name); // the GraphQL node of "#1001"
    nlohmann::json &shopifyCheckout(int index);         // the GraphQL AbandonedCheckout node, index 0 = the first seeded
    static QString orderGid(int index);                 // index 0 = #1001
    static QString orderLegacyId(int index);
    // Calls of each mutation per subject (order GID / discount code).
    QHash<QString, int> mutationCalls;
    QMap<QString, nlohmann::json> discounts;            // code → input
    int graphqlRequests = 0;
    int throttled = 0;

    // WooCommerce
    QByteArray wooKey = QByteArrayLiteral("ck_test");
    QByteArray wooSecret = QByteArrayLiteral("cs_test");
    int failNextWoo = 0;                                // answer this many REST requests with 500 first
    void seedWoo(int orders);
    QMap<qint64, nlohmann::json> wooOrders;             // id → REST order
    QMap<qint64, nlohmann::json> wooNotes;              // order id → array of notes
    QMap<qint64, nlohmann::json> wooRefunds;
    QMap<QString, nlohmann::json> wooCoupons;
    int wooRequests = 0;

    // SMS
    QList<nlohmann::json> smsSent;                      // {"provider", "to", "body", "from", "dlt_template_id", "sid"}
    int failNextSms = 0;                                // HTTP 503 for this many sends first

private:
    ScriptedResponse answer(const RecordedRequest &request);
    ScriptedResponse graphql(const RecordedRequest &request, const QString &shop);
    nlohmann::json runGraphql(const QString &query, const nlohmann::json &vars, double *cost, QString *error);
    ScriptedResponse woo(const RecordedRequest &request, const QString &path);
    ScriptedResponse sms(const RecordedRequest &request, const QString &path);
    nlohmann::json state() const;
    double available();

    FakeHttpServer m_server;
    std::vector<nlohmann::json> m_orders;     // GraphQL Order nodes
    std::vector<nlohmann::json> m_customers;  // GraphQL Customer nodes
    std::vector<nlohmann::json> m_checkouts;  // GraphQL AbandonedCheckout nodes
    std::vector<nlohmann::json> m_drafts;
    double m_available = -1;
    QElapsedTimer m_bucketClock;
    int m_nextDraft = 1;
};

} // namespace ringside::fakes
