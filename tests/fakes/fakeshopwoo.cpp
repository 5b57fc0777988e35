// FakeShop: the WooCommerce REST v3 and SMS providers' side, and /_fake/state.
#include "fakeshop.h"

#include <QRegularExpression>

namespace ringside::fakes {

using nlohmann::json;

namespace {
std::string gmt(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toStdString();
}

ScriptedResponse wooError(int status, const char *code, const char *message)
{
    return ScriptedResponse::json(status, { { "code", code }, { "message", message }, { "data", { { "status", status } } } });
}
} // namespace

void FakeShop::seedWoo(int orders)
{
    const QDateTime base = QDateTime::fromString(QStringLiteral("2026-11-01T08:00:00Z"), Qt::ISODate);
    for (int i = int(wooOrders.size()); i < orders; ++i) {
        const qint64 id = 5001 + i;
        const bool cod = i % 3 == 0;
        const char *status = i % 5 == 4 ? "pending" : (i % 2 ? "completed" : "processing");
        json order = { { "id", id },
                       { "number", std::to_string(2001 + i) },
                       { "status", status },
                       { "currency", "INR" },
                       { "total", "799.00" },
                       { "customer_id", 70 + i % 4 },
                       { "payment_method", cod ? "cod" : "razorpay" },
                       { "payment_method_title", cod ? "Cash on delivery" : "Razorpay" },
                       { "date_created_gmt", gmt(base.addSecs(i * 60)) },
                       { "date_modified_gmt", gmt(base.addSecs(i * 60 + 30)) },
                       { "date_completed_gmt", std::string(status) == "completed" ? json(gmt(base.addSecs(i * 60 + 30))) : json(nullptr) },
                       { "payment_url", "https://shop.example.com/checkout/order-pay/" + std::to_string(id) + "/?pay_for_order=true&key=wc_order_" + std::to_string(id) },
                       { "billing", { { "first_name", "Kavya" }, { "last_name", "Rao" }, { "phone", "09876543210" }, { "email", "kavya@example.com" },
                                      { "address_1", "4 Brigade Road" }, { "city", "Bengaluru" }, { "state", "KA" }, { "postcode", "560001" }, { "country", "IN" } } },
                       { "shipping", { { "first_name", "Kavya" }, { "last_name", "Rao" }, { "address_1", "4 Brigade Road" }, { "city", "Bengaluru" },
                                       { "state", "KA" }, { "postcode", "560001" }, { "country", "IN" }, { "phone", "" } } },
                       { "line_items", json::array({ { { "id", 900 + i }, { "name", "Kurta" }, { "quantity", 1 }, { "subtotal", "799.00" },
                                                       { "total", "799.00" }, { "sku", "KURTA-L" }, { "product_id", 31 } } }) },
                       { "meta_data", json::array() } };
        wooOrders.insert(id, order);
    }
}

ScriptedResponse FakeShop::woo(const RecordedRequest &r, const QString &path)
{
    ++wooRequests;
    if (path == QLatin1String("/wp-json") || path == QLatin1String("/wp-json/"))
        return ScriptedResponse::json(200, { { "name", "Kavya's Kurtas" }, { "url", "https://shop.example.com" }, { "timezone_string", "Asia/Kolkata" },
                                             { "namespaces", json::array({ "wc/v3" }) } });
    if (failNextWoo > 0) {
        --failNextWoo;
        return wooError(500, "internal_server_error", "There has been a critical error on this website.");
    }
    if (r.header("authorization") != "Basic " + QByteArray(wooKey + ':' + wooSecret).toBase64())
        return wooError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    const QString p = path.mid(QStringLiteral("/wp-json/wc/v3").size());
    const QUrlQuery q = r.query();
    if (p == QLatin1String("/settings/general"))
        return ScriptedResponse::json(200, json::array({ { { "id", "woocommerce_currency" }, { "value", "INR" } },
                                                         { { "id", "woocommerce_default_country" }, { "value", "IN:KA" } } }));
    auto paged = [&](const std::vector<json> &all) {
        const int page = std::max(1, q.queryItemValue(QStringLiteral("page")).toInt());
        const int per = std::clamp(q.queryItemValue(QStringLiteral("per_page")).isEmpty() ? 10 : q.queryItemValue(QStringLiteral("per_page")).toInt(), 1, 100);
        json out = json::array();
        for (size_t i = size_t((page - 1) * per); i < all.size() && int(out.size()) < per; ++i)
            out.push_back(all[i]);
        const int pages = int((all.size() + size_t(per) - 1) / size_t(per));
        return ScriptedResponse::json(200, out)
                .withHeader("X-WP-Total", QByteArray::number(qulonglong(all.size())))
                .withHeader("X-WP-TotalPages", QByteArray::number(pages));
    };
    if (p == QLatin1String("/orders") && r.method == "GET") {
        const QString after = q.queryItemValue(QStringLiteral("modified_after"));
        std::vector<json> all;
        for (const json &o : wooOrders)
            if (after.isEmpty() || QString::fromStdString(o["date_modified_gmt"].get<std::string>()) + QLatin1Char('Z') >= after)
                all.push_back(o);
        return paged(all);
    }
    if (p == QLatin1String("/customers") && r.method == "GET") {
        std::vector<json> all;
        for (int c = 0; c < 4 && !wooOrders.isEmpty(); ++c)
            all.push_back({ { "id", 70 + c }, { "email", "kavya" + std::to_string(c) + "@example.com" }, { "first_name", "Kavya" },
                            { "last_name", "Rao" }, { "username", "kavya" }, { "date_modified_gmt", "2026-11-01T07:00:00" },
                            { "billing", { { "phone", "09876543210" }, { "country", "IN" }, { "state", "KA" } } } });
        return paged(all);
    }
    if (p == QLatin1String("/coupons")) {
        if (r.method == "GET") {
            const QString code = q.queryItemValue(QStringLiteral("code")).toUpper();
            return ScriptedResponse::json(200, wooCoupons.contains(code) ? json::array({ wooCoupons[code] }) : json::array());
        }
        const json body = r.json();
        const QString code = QString::fromStdString(body.value("code", std::string())).toUpper();
        ++mutationCalls[QStringLiteral("coupon:") + code];
        if (wooCoupons.contains(code))
            return wooError(400, "woocommerce_rest_coupon_code_already_exists", "The coupon code already exists");
        json c = body;
        c["id"] = 100 + wooCoupons.size();
        wooCoupons.insert(code, c);
        return ScriptedResponse::json(201, c);
    }
    static const QRegularExpression one(QStringLiteral("^/orders/(\\d+)(/notes|/refunds)?$"));
    if (const auto m = one.match(p); m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        if (!wooOrders.contains(id))
            return wooError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
        const QString sub = m.captured(2);
        json &order = wooOrders[id];
        if (sub.isEmpty()) {
            if (r.method == "PUT") {
                ++mutationCalls[QStringLiteral("order-put:") + QString::number(id)];
                const json body = r.json();
                for (auto it = body.begin(); it != body.end(); ++it) {
                    if (it.value().is_object() && order.contains(it.key()))
                        for (auto f = it.value().begin(); f != it.value().end(); ++f)
                            order[it.key()][f.key()] = f.value();
                    else if (it.key() != "set_paid")
                        order[it.key()] = it.value();
                }
                order["date_modified_gmt"] = gmt(QDateTime::currentDateTimeUtc());
            }
            return ScriptedResponse::json(200, order);
        }
        QMap<qint64, json> &list = sub == QLatin1String("/notes") ? wooNotes : wooRefunds;
        if (!list.contains(id))
            list.insert(id, json::array());
        if (r.method == "POST") {
            ++mutationCalls[(sub == QLatin1String("/notes") ? QStringLiteral("note:") : QStringLiteral("refund:")) + QString::number(id)];
            json item = r.json();
            item["id"] = 300 + list[id].size();
            list[id].push_back(item);
            return ScriptedResponse::json(201, item);
        }
        return ScriptedResponse::json(200, list[id]);
    }
    return wooError(404, "rest_no_route", "No route was found matching the URL and request method.");
}

ScriptedResponse FakeShop::sms(const RecordedRequest &r, const QString &path)
{
    const bool twilio = path.startsWith(QLatin1String("/2010-04-01/"));
    if (twilio && r.method == "GET") {
        json messages = json::array();
        const QString to = r.query().queryItemValue(QStringLiteral("To"));
        for (const json &m : smsSent)
            if (m["provider"] == "twilio" && (to.isEmpty() || m["to"] == to.toStdString()))
                messages.push_back({ { "sid", m["sid"] }, { "to", m["to"] }, { "body", m["body"] }, { "status", "sent" } });
        return ScriptedResponse::json(200, { { "messages", messages } });
    }
    if (failNextSms > 0) {
        --failNextSms;
        return ScriptedResponse::json(503, { { "code", 20500 }, { "message", "Service Unavailable" } });
    }
    QUrlQuery form(QString::fromUtf8(r.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    auto field = [&](const char *name) { return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).toStdString(); };
    const std::string sid = (twilio ? "SM" : "EX") + std::to_string(1000 + smsSent.size());
    smsSent.append(json{ { "provider", twilio ? "twilio" : "exotel" }, { "to", field("To") }, { "body", field("Body") }, { "from", field("From") },
                     { "messaging_service", field("MessagingServiceSid") }, { "dlt_template_id", field("DltTemplateId") },
                     { "status_callback", field("StatusCallback") }, { "sid", sid } });
    if (twilio)
        return ScriptedResponse::json(201, { { "sid", sid }, { "status", "queued" }, { "to", field("To") } });
    return ScriptedResponse::json(200, { { "SMSMessage", { { "Sid", sid }, { "Status", "queued" }, { "To", field("To") } } } });
}

json FakeShop::state() const
{
    json calls = json::object();
    for (auto it = mutationCalls.cbegin(); it != mutationCalls.cend(); ++it)
        calls[it.key().toStdString()] = it.value();
    json codes = json::array();
    for (auto it = discounts.cbegin(); it != discounts.cend(); ++it)
        codes.push_back(it.key().toStdString());
    json orders = json::array();
    for (const json &o : m_orders)
        orders.push_back({ { "name", o["name"] }, { "cancelledAt", o["cancelledAt"] }, { "tags", o["tags"] }, { "note", o["note"] } });
    json sms = json::array();
    for (const json &m : smsSent)
        sms.push_back(m);
    return { { "mutation_calls", calls }, { "discount_codes", codes }, { "orders", orders }, { "graphql_requests", graphqlRequests },
             { "throttled", throttled }, { "sms", sms }, { "woo_requests", wooRequests } };
}

} // namespace ringside::fakes
