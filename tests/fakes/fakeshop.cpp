#include "fakeshop.h"

#include <QRegularExpression>

namespace ringside::fakes {

using nlohmann::json;

namespace {

constexpr qint64 kFirstOrderId = 820982911946154508LL;   // Shopify's own sample order id: above 2^53
constexpr qint64 kFirstCustomerId = 115310627314723954LL;
constexpr qint64 kFirstCheckoutId = 450789469000000001LL;

std::string iso(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toStdString();
}

json money(const char *amount)
{
    return { { "shopMoney", { { "amount", amount }, { "currencyCode", "INR" } } } };
}

json graphqlError(const QString &message, const char *code = nullptr)
{
    json e = { { "message", message.toStdString() } };
    if (code)
        e["extensions"] = { { "code", code } };
    return e;
}

int intArg(const json &vars, const char *key, int fallback)
{
    return vars.contains(key) && vars[key].is_number_integer() ? vars[key].get<int>() : fallback;
}

std::string strArg(const json &vars, const char *key)
{
    return vars.contains(key) && vars[key].is_string() ? vars[key].get<std::string>() : std::string();
}

} // namespace

FakeShop::FakeShop(QObject *parent) : QObject(parent)
{
    m_server.setResponder([this](const RecordedRequest &r) { return answer(r); });
    m_bucketClock.start();
}

QString FakeShop::orderGid(int index)
{
    return QStringLiteral("gid://shopify/Order/") + orderLegacyId(index);
}

QString FakeShop::orderLegacyId(int index)
{
    return QString::number(kFirstOrderId + index);
}

void FakeShop::seedShopify(int orders, int checkouts, const QDateTime &base)
{
    static const char *first[] = { "Priya", "Rahul", "Ananya", "Vikram", "Meera", "Arjun" };
    static const char *last[] = { "Sharma", "Verma", "Iyer", "Singh", "Nair", "Reddy" };
    const int customers = std::max(1, orders / 2);
    for (int c = int(m_customers.size()); c < customers; ++c) {
        const QString phone = QStringLiteral("+9198%1").arg(10000000 + c, 8, 10, QLatin1Char('0'));
        m_customers.push_back({ { "id", "gid://shopify/Customer/" + std::to_string(kFirstCustomerId + c) },
                                { "legacyResourceId", std::to_string(kFirstCustomerId + c) },
                                { "firstName", first[c % 6] }, { "lastName", last[(c / 6) % 6] },
                                { "email", "customer" + std::to_string(c) + "@example.com" },
                                { "phone", phone.toStdString() },
                                { "locale", c % 4 == 0 ? "hi" : "en" },
                                { "updatedAt", iso(base.addSecs(c)) },
                                { "defaultAddress", { { "province", "Maharashtra" }, { "countryCodeV2", "IN" }, { "phone", nullptr } } } });
    }
    for (int i = int(m_orders.size()); i < orders; ++i) {
        const bool cod = i % 3 == 0;
        const bool shipped = i % 2 == 1;
        const QDateTime created = base.addSecs(600 + i * 60);
        const json &customer = m_customers[size_t(i % customers)];
        json order = { { "id", orderGid(i).toStdString() },
                       { "legacyResourceId", orderLegacyId(i).toStdString() },
                       { "name", "#" + std::to_string(1001 + i) },
                       { "createdAt", iso(created) },
                       { "updatedAt", iso(created.addSecs(30)) },
                       { "cancelledAt", nullptr },
                       { "tags", json::array() },
                       { "note", nullptr },
                       { "phone", nullptr },
                       { "email", customer["email"] },
                       { "displayFinancialStatus", cod ? "PENDING" : "PAID" },
                       { "displayFulfillmentStatus", shipped ? "FULFILLED" : "UNFULFILLED" },
                       { "paymentGatewayNames", cod ? json::array({ "Cash on Delivery (COD)" }) : json::array({ "razorpay" }) },
                       { "totalPriceSet", money("1499.00") },
                       { "customer", customer },
                       { "shippingAddress", { { "name", customer["firstName"] }, { "address1", "12 MG Road" }, { "address2", nullptr },
                                              { "city", "Pune" }, { "province", "Maharashtra" }, { "provinceCode", "MH" },
                                              { "zip", "411001" }, { "country", "India" }, { "countryCodeV2", "IN" }, { "phone", nullptr } } },
                       { "lineItems", { { "nodes", json::array({ { { "id", "gid://shopify/LineItem/" + std::to_string(kFirstOrderId + 1000000 + i) },
                                                                   { "title", "Running Shoes" }, { "quantity", 1 }, { "sku", "SHOE-RUN-42" },
                                                                   { "originalUnitPriceSet", money("1499.00") } } }) } } },
                       { "fulfillments", json::array() },
                       { "returns", { { "nodes", json::array() } } } };
        if (shipped) {
            order["fulfillments"].push_back({ { "createdAt", iso(created.addSecs(86400)) },
                                              { "deliveredAt", nullptr },
                                              { "estimatedDeliveryAt", iso(created.addDays(4)) },
                                              { "displayStatus", "IN_TRANSIT" },
                                              { "trackingInfo", json::array({ { { "company", "Delhivery" },
                                                                                { "number", "DL" + std::to_string(900000000 + i) },
                                                                                { "url", nullptr } } }) },
                                              { "fulfillmentLineItems", { { "nodes", json::array({ { { "id", "gid://shopify/FulfillmentLineItem/" + std::to_string(5000 + i) },
                                                                                                     { "quantity", 1 },
                                                                                                     { "lineItem", { { "sku", "SHOE-RUN-42" } } } } }) } } } });
        }
        m_orders.push_back(std::move(order));
    }
    for (int k = int(m_checkouts.size()); k < checkouts; ++k) {
        const std::string id = std::to_string(kFirstCheckoutId + k);
        m_checkouts.push_back({ { "id", "gid://shopify/AbandonedCheckout/" + id },
                                { "abandonedCheckoutUrl", "https://" + shopDomain.toStdString() + "/1234/checkouts/ac/" + id + "/recover?key=k" + id },
                                { "createdAt", iso(base.addSecs(300 + k)) }, { "updatedAt", iso(base.addSecs(400 + k)) },
                                { "completedAt", nullptr },
                                { "customer", m_customers[size_t(k % customers)] },
                                { "shippingAddress", { { "province", "Maharashtra" }, { "countryCodeV2", "IN" }, { "phone", nullptr } } },
                                { "totalPriceSet", money("2598.00") },
                                { "lineItems", { { "nodes", json::array({ { { "id", "gid://shopify/AbandonedCheckoutLineItem/" + id },
                                                                            { "title", "Cotton T-shirt" }, { "quantity", 2 }, { "sku", "TSHIRT-M" },
                                                                            { "originalUnitPriceSet", money("1299.00") } } }) } } } });
    }
}

json &FakeShop::shopifyCheckout(int index)
{
    return m_checkouts.at(size_t(index));
}

json &FakeShop::shopifyOrder(const QString &name)
{
    for (json &o : m_orders)
        if (o["name"] == name.toStdString())
            return o;
    static json none;
    return none;
}

double FakeShop::available()
{
    if (m_available < 0)
        m_available = bucketMax;
    m_available = std::min(bucketMax, m_available + restoreRate * double(m_bucketClock.restart()) / 1000.0);
    return m_available;
}

ScriptedResponse FakeShop::answer(const RecordedRequest &r)
{
    const QString path = r.path();
    if (path == QLatin1String("/_fake/state"))
        return ScriptedResponse::json(200, state());
    static const QRegularExpression gql(QStringLiteral("^(?:/([^/]+))?/admin/api/([0-9]{4}-[0-9]{2}|unstable)/graphql\\.json$"));
    if (const auto m = gql.match(path); m.hasMatch())
        return graphql(r, m.captured(1));
    if (path.startsWith(QLatin1String("/wp-json")))
        return woo(r, path);
    if (path.startsWith(QLatin1String("/2010-04-01/")) || path.startsWith(QLatin1String("/v1/Accounts/")))
        return sms(r, path);
    return ScriptedResponse::json(404, { { "errors", "Not Found" } });
}

ScriptedResponse FakeShop::graphql(const RecordedRequest &r, const QString &shop)
{
    ++graphqlRequests;
    if (!shop.isEmpty() && shop != shopDomain)
        return ScriptedResponse::json(404, { { "errors", "Not Found" } });
    if (r.method != "POST")
        return ScriptedResponse::json(405, { { "errors", "use POST" } });
    if (r.header("x-shopify-access-token") != accessToken)
        return ScriptedResponse::json(401, { { "errors", "[API] Invalid API key or access token (unrecognized login or wrong password)" } });
    if (failNextGraphql > 0) {
        --failNextGraphql;
        return ScriptedResponse::json(500, { { "errors", "Internal Server Error" } });
    }
    const json body = r.json();
    if (!body.is_object() || !body.contains("query") || !body["query"].is_string())
        return ScriptedResponse::json(400, { { "errors", { graphqlError(QStringLiteral("Parse error: no query")) } } });
    const QString query = QString::fromStdString(body["query"].get<std::string>());
    const json vars = body.value("variables", json::object());
    double cost = 1;
    QString error;
    available();
    if (otherAppRequests-- > 0)
        m_available = std::max(0.0, m_available - otherAppCost);
    const double before = m_available;
    // Cost first, as Shopify computes it before running anything.
    json data;
    auto extensions = [&](double requested, double actual) {
        return json{ { "cost", { { "requestedQueryCost", requested }, { "actualQueryCost", actual },
                                 { "throttleStatus", { { "maximumAvailable", bucketMax }, { "currentlyAvailable", m_available },
                                                       { "restoreRate", restoreRate } } } } } };
    };
    const bool isQuery = !query.trimmed().startsWith(QLatin1String("mutation"));
    // Estimate the requested cost from what is asked: connections cost first × per-node fields.
    const int first = intArg(vars, "first", 1);
    if (query.contains(QLatin1String(" orders(")) && !query.contains(QLatin1String("draftOrders(")))
        cost = 2 + first * 48.0;
    else if (query.contains(QLatin1String(" customers(")))
        cost = 2 + first * 3.0;
    else if (query.contains(QLatin1String("abandonedCheckouts(")))
        cost = 2 + first * 30.0;
    else
        cost = isQuery ? 5 : 10;
    if (cost > 1000) {
        return ScriptedResponse::json(200, { { "errors", { graphqlError(QStringLiteral("Query cost is %1, which exceeds the single query max cost limit (1000).").arg(cost), "MAX_COST_EXCEEDED") } },
                                             { "extensions", extensions(cost, 0) } });
    }
    if (cost > before) {
        ++throttled;
        const json answer = { { "errors", { graphqlError(QStringLiteral("Throttled"), "THROTTLED") } }, { "extensions", extensions(cost, 0) } };
        ScriptedResponse resp = ScriptedResponse::json(throttleWith429 ? 429 : 200, answer);
        if (throttleWith429)
            resp.withHeader("Retry-After", "1");
        return resp;
    }
    m_available -= cost;
    data = runGraphql(query, vars, &cost, &error);
    json answer = { { "data", data }, { "extensions", extensions(cost, cost) } };
    if (!error.isEmpty())
        answer["errors"] = { graphqlError(error) };
    ScriptedResponse resp = ScriptedResponse::json(200, answer);
    resp.firstByteDelayMs = isQuery ? queryDelayMs : mutationDelayMs;
    return resp;
}

json FakeShop::runGraphql(const QString &query, const json &vars, double *, QString *error)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    auto page = [&](const std::vector<json> &all, const char *root) {
        QString filter = QString::fromStdString(strArg(vars, "query"));
        static const QRegularExpression since(QStringLiteral("updated_at:>=?'([^']+)'"));
        const auto m = since.match(filter);
        std::vector<const json *> kept;
        for (const json &n : all)
            if (!m.hasMatch() || QString::fromStdString(n["updatedAt"].get<std::string>()) >= QDateTime::fromString(m.captured(1), Qt::ISODate).toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")))
                kept.push_back(&n);
        std::stable_sort(kept.begin(), kept.end(), [](const json *a, const json *b) { return (*a)["updatedAt"] < (*b)["updatedAt"]; });
        const std::string after = strArg(vars, "after");
        size_t start = after.empty() ? 0 : QByteArray::fromBase64(QByteArray::fromStdString(after)).mid(7).toULongLong();
        const int first = intArg(vars, "first", 10);
        json nodes = json::array();
        size_t i = start;
        for (; i < kept.size() && int(nodes.size()) < first; ++i)
            nodes.push_back(*kept[i]);
        const std::string cursor = QByteArray("cursor:" + QByteArray::number(qulonglong(i))).toBase64().toStdString();
        return json{ { root, { { "nodes", nodes }, { "pageInfo", { { "hasNextPage", i < kept.size() }, { "endCursor", nodes.empty() ? json(nullptr) : json(cursor) } } } } } };
    };
    auto findOrder = [&](const std::string &gid) -> json * {
        for (json &o : m_orders)
            if (o["id"] == gid)
                return &o;
        return nullptr;
    };
    auto count = [&](const char *what, const std::string &subject) { ++mutationCalls[QLatin1String(what) + QLatin1Char(':') + QString::fromStdString(subject)]; };
    auto userErrors = [](const char *key, const QString &message, const char *code) {
        return json{ { key, json::array({ { { "field", json::array() }, { "message", message.toStdString() }, { "code", code } } }) } };
    };

    if (query.contains(QLatin1String("mutation"))) {
        if (query.contains(QLatin1String("orderCancel("))) {
            const std::string gid = strArg(vars, "orderId");
            count("orderCancel", gid);
            json *o = findOrder(gid);
            if (!o)
                return { { "orderCancel", userErrors("orderCancelUserErrors", QStringLiteral("Order does not exist"), "NOT_FOUND") } };
            if (!(*o)["cancelledAt"].is_null())
                return { { "orderCancel", userErrors("orderCancelUserErrors", QStringLiteral("Order has already been cancelled"), "INVALID") } };
            if (!vars.contains("refundMethod") || !vars.contains("restock") || !vars.contains("reason"))
                return { { "orderCancel", userErrors("orderCancelUserErrors", QStringLiteral("refundMethod, restock and reason are required"), "INVALID") } };
            (*o)["cancelledAt"] = now.toStdString();
            (*o)["updatedAt"] = now.toStdString();
            if (vars["refundMethod"].value("originalPaymentMethodsRefund", false))
                (*o)["displayFinancialStatus"] = "REFUNDED";
            return { { "orderCancel", { { "job", { { "id", "gid://shopify/Job/1" } } }, { "orderCancelUserErrors", json::array() } } } };
        }
        if (query.contains(QLatin1String("orderUpdate("))) {
            const json input = vars.value("input", json::object());
            const std::string gid = input.value("id", std::string());
            count("orderUpdate", gid);
            json *o = findOrder(gid);
            if (!o)
                return { { "orderUpdate", userErrors("userErrors", QStringLiteral("Order does not exist"), "NOT_FOUND") } };
            if (input.contains("note"))
                (*o)["note"] = input["note"];
            if (input.contains("shippingAddress"))
                for (auto it = input["shippingAddress"].begin(); it != input["shippingAddress"].end(); ++it)
                    (*o)["shippingAddress"][it.key()] = it.value();
            (*o)["updatedAt"] = now.toStdString();
            return { { "orderUpdate", { { "order", { { "id", gid } } }, { "userErrors", json::array() } } } };
        }
        if (query.contains(QLatin1String("tagsAdd("))) {
            const std::string gid = strArg(vars, "id");
            count("tagsAdd", gid);
            json *o = findOrder(gid);
            if (!o)
                return { { "tagsAdd", userErrors("userErrors", QStringLiteral("Resource does not exist"), "NOT_FOUND") } };
            for (const json &t : vars.value("tags", json::array()))
                if (std::find((*o)["tags"].begin(), (*o)["tags"].end(), t) == (*o)["tags"].end())
                    (*o)["tags"].push_back(t);
            return { { "tagsAdd", { { "node", { { "id", gid } } }, { "userErrors", json::array() } } } };
        }
        if (query.contains(QLatin1String("discountCodeBasicCreate("))) {
            const json input = vars.value("basicCodeDiscount", json::object());
            const QString code = QString::fromStdString(input.value("code", std::string()));
            count("discountCodeBasicCreate", code.toStdString());
            if (code.isEmpty() || !input.contains("title") || !input.contains("context") || !input.contains("customerGets"))
                return { { "discountCodeBasicCreate", userErrors("userErrors", QStringLiteral("code, title, context and customerGets are required"), "BLANK") } };
            if (discounts.contains(code.toUpper()))
                return { { "discountCodeBasicCreate", { { "codeDiscountNode", nullptr }, { "userErrors", json::array({ { { "field", json::array({ "basicCodeDiscount", "code" }) }, { "message", "Code must be unique. Please try a different code." }, { "code", "TAKEN" } } }) } } } };
            discounts.insert(code.toUpper(), input);
            return { { "discountCodeBasicCreate", { { "codeDiscountNode", { { "id", "gid://shopify/DiscountCodeNode/" + std::to_string(discounts.size()) } } }, { "userErrors", json::array() } } } };
        }
        if (query.contains(QLatin1String("draftOrderCreate("))) {
            const json input = vars.value("input", json::object());
            count("draftOrderCreate", "");
            const std::string id = std::to_string(m_nextDraft++);
            json draft = { { "id", "gid://shopify/DraftOrder/" + id }, { "tags", input.value("tags", json::array()) },
                           { "invoiceUrl", "https://" + shopDomain.toStdString() + "/1234/invoices/draft" + id } };
            m_drafts.push_back(draft);
            return { { "draftOrderCreate", { { "draftOrder", draft }, { "userErrors", json::array() } } } };
        }
        if (query.contains(QLatin1String("returnRequest("))) {
            const json input = vars.value("input", json::object());
            const std::string gid = input.value("orderId", std::string());
            count("returnRequest", gid);
            json *o = findOrder(gid);
            if (!o || input.value("returnLineItems", json::array()).empty())
                return { { "returnRequest", userErrors("userErrors", QStringLiteral("Order or line items missing"), "INVALID") } };
            json ret = { { "id", "gid://shopify/Return/" + std::to_string((*o)["returns"]["nodes"].size() + 1) },
                         { "name", (*o)["name"].get<std::string>() + "-R" + std::to_string((*o)["returns"]["nodes"].size() + 1) },
                         { "status", "REQUESTED" } };
            (*o)["returns"]["nodes"].push_back(ret);
            return { { "returnRequest", { { "return", ret }, { "userErrors", json::array() } } } };
        }
        *error = QStringLiteral("Field doesn't exist on type 'Mutation'");
        return nullptr;
    }
    if (query.contains(QLatin1String("shop {")))
        return { { "shop", { { "name", "Ringside Demo Shop" }, { "currencyCode", "INR" }, { "ianaTimezone", "Asia/Kolkata" },
                             { "myshopifyDomain", shopDomain.toStdString() } } } };
    if (query.contains(QLatin1String("draftOrders("))) {
        const QString tag = QString::fromStdString(strArg(vars, "query")).section(QLatin1Char(':'), 1);
        json nodes = json::array();
        for (const json &d : m_drafts)
            if (std::find(d["tags"].begin(), d["tags"].end(), tag.toStdString()) != d["tags"].end())
                nodes.push_back(d);
        return { { "draftOrders", { { "nodes", nodes } } } };
    }
    if (query.contains(QLatin1String("codeDiscountNodeByCode("))) {
        const QString code = QString::fromStdString(strArg(vars, "code")).toUpper();
        return { { "codeDiscountNodeByCode", discounts.contains(code) ? json{ { "id", "gid://shopify/DiscountCodeNode/1" } } : json(nullptr) } };
    }
    if (query.contains(QLatin1String("abandonedCheckouts(")) && query.contains(QLatin1String("$query: String!"))) {
        const QString id = QString::fromStdString(strArg(vars, "query")).section(QLatin1Char(':'), 1);
        json nodes = json::array();
        for (const json &c : m_checkouts)
            if (QString::fromStdString(c["id"].get<std::string>()).endsWith(QLatin1Char('/') + id))
                nodes.push_back(c);
        return { { "abandonedCheckouts", { { "nodes", nodes } } } };
    }
    if (query.contains(QLatin1String(" order(id:"))) {
        json *o = findOrder(strArg(vars, "id"));
        return { { "order", o ? *o : json(nullptr) } };
    }
    if (query.contains(QLatin1String(" orders(")))
        return page(m_orders, "orders");
    if (query.contains(QLatin1String(" customers(")))
        return page(m_customers, "customers");
    if (query.contains(QLatin1String("abandonedCheckouts(")))
        return page(m_checkouts, "abandonedCheckouts");
    *error = QStringLiteral("Field doesn't exist on type 'QueryRoot'");
    return nullptr;
}

} // namespace ringside::fakes
