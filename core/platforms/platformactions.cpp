#include "platforms/platformactions.h"

#include "platforms/mirrorrecord.h"

#include "platforms/shopifyclient.h"
#include "platforms/shopifyqueries.h"
#include "platforms/wooclient.h"
#include "commerce/money.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace ringside::platforms {

namespace {

using Kind = PlatformError::Kind;

ActionOutcome failed(Kind kind, const QString &message)
{
    return { PlatformError::make(kind, message), json::object() };
}

// userErrors (or orderCancelUserErrors) of a mutation's payload: HTTP 200 and still a failure.
QString userErrors(const json &payload, const char *key = "userErrors")
{
    QStringList out;
    if (payload.is_object() && payload.contains(key) && payload[key].is_array()) {
        for (const json &e : payload[key])
            out << (stringAt(e, "code").isEmpty() ? stringAt(e, "message") : QString(stringAt(e, "code") + QStringLiteral(": ") + stringAt(e, "message")));
    }
    return out.join(QStringLiteral("; "));
}

const json &at(const json &j, const char *key)
{
    static const json null;
    return j.is_object() && j.contains(key) ? j[key] : null;
}

QString shopifyReason(const QString &reason)
{
    return reason == QLatin1String("other") ? QStringLiteral("OTHER") : QStringLiteral("CUSTOMER");
}

QString shopifyReturnReason(const QString &reason)
{
    if (reason == QLatin1String("damaged") || reason == QLatin1String("quality_issue"))
        return QStringLiteral("DEFECTIVE");
    if (reason == QLatin1String("wrong_item"))
        return QStringLiteral("WRONG_ITEM");
    if (reason == QLatin1String("not_as_described"))
        return QStringLiteral("NOT_AS_DESCRIBED");
    if (reason == QLatin1String("changed_mind"))
        return QStringLiteral("UNWANTED");
    return QStringLiteral("OTHER");
}

QString noteWithRef(const OutboxAction &a)
{
    return stringAt(a.payload, "note") + QStringLiteral(" [ref %1]").arg(actionTag(a.key));
}

} // namespace

QString actionTag(const QString &key)
{
    return QStringLiteral("rs-") + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString decimalText(qint64 minor, const QString &currency)
{
    return commerce::minorToDecimalText(minor, currency);
}

ActionOutcome PlatformActions::run(const OutboxAction &a, bool inDoubt, const QDateTime &now)
{
    if (a.platform == Platform::Shopify) {
        if (!m_shopify)
            return failed(Kind::Credentials, QStringLiteral("no Shopify client (SHOPIFY_ACCESS_TOKEN is not set)"));
        return shopify(a, inDoubt, now);
    }
    if (!m_woo)
        return failed(Kind::Credentials, QStringLiteral("no WooCommerce client (WOOCOMMERCE_CONSUMER_KEY / _SECRET are not set)"));
    return woo(a, inDoubt, now);
}

void PlatformActions::queuePaymentSms(const OutboxAction &a, const QString &url, const QDateTime &now)
{
    const QString phone = stringAt(a.payload, "phone");
    if (phone.isEmpty() || url.isEmpty())
        return;
    const QString store = stringAt(a.payload, "store_name");
    m_db.transaction([&](QSqlDatabase sql) {
        QSqlQuery seen = execOrThrow(sql, QStringLiteral("SELECT 1 FROM sms_outbox WHERE link = ? AND to_phone = ?"), url, phone);
        if (seen.next())
            return true; // queued by an earlier, interrupted attempt
        seen.finish();
        execOrThrow(sql, QStringLiteral("INSERT INTO sms_outbox (to_phone, body, link, kind, created_at) VALUES (?, ?, ?, 'payment_link', ?)"),
                    phone,
                    QStringLiteral("%1: pay for your order %2 online here: %3").arg(store.isEmpty() ? QStringLiteral("Your store") : store,
                                                                                   stringAt(a.payload, "number"), url),
                    url, now.toMSecsSinceEpoch());
        return true;
    });
}

ActionOutcome PlatformActions::shopify(const OutboxAction &a, bool inDoubt, const QDateTime &now)
{
    ShopifyClient &c = *m_shopify;
    const QString gid = stringAt(a.payload, "gid").isEmpty() ? QStringLiteral("gid://shopify/Order/") + a.platformId
                                                             : stringAt(a.payload, "gid");
    auto orderState = [&](json *order) -> PlatformError {
        const GraphqlAnswer s = c.run(shopifygql::kOrderState, { { "id", gid } }, 5);
        if (!s.error.ok())
            return s.error;
        *order = at(s.data, "order");
        if (!order->is_object())
            return PlatformError::make(Kind::Rejected, QStringLiteral("order %1 is not in the shop any more").arg(a.subject));
        return {};
    };

    if (a.action == QLatin1String("cancel_order")) {
        if (inDoubt) {
            json order;
            if (const PlatformError e = orderState(&order); !e.ok())
                return { e, {} };
            if (!at(order, "cancelledAt").is_null())
                return { {}, { { "already", true }, { "cancelled_at", at(order, "cancelledAt") } } };
        }
        const json vars = { { "orderId", gid },
                            { "reason", shopifyReason(stringAt(a.payload, "reason")) },
                            { "refundMethod", { { "originalPaymentMethodsRefund", a.payload.value("refund", false) } } },
                            { "restock", true },
                            { "notifyCustomer", true },
                            { "staffNote", QStringLiteral("Cancelled at the customer's request on a Ringside call (%1%2) [ref %3]")
                                                   .arg(stringAt(a.payload, "reason"),
                                                        stringAt(a.payload, "details").isEmpty() ? QString() : QString(QStringLiteral(": ") + stringAt(a.payload, "details")),
                                                        actionTag(a.key)) } };
        const GraphqlAnswer r = c.run(shopifygql::kOrderCancel, vars, 10);
        if (!r.error.ok())
            return { r.error, {} };
        const json payload = at(r.data, "orderCancel");
        const QString errors = userErrors(payload, "orderCancelUserErrors");
        if (!errors.isEmpty()) {
            if (errors.contains(QLatin1String("already"), Qt::CaseInsensitive) && errors.contains(QLatin1String("cancel"), Qt::CaseInsensitive))
                return { {}, { { "already", true } } };
            return failed(Kind::Rejected, QStringLiteral("Shopify refused to cancel %1: %2").arg(stringAt(a.payload, "number"), errors));
        }
        return { {}, { { "job", stringAt(at(payload, "job"), "id") } } };
    }

    if (a.action == QLatin1String("tag_order") || a.action == QLatin1String("create_return") || a.action == QLatin1String("update_address")) {
        json order;
        if (const PlatformError e = orderState(&order); !e.ok())
            return { e, {} };
        json result = json::object();
        if (a.action == QLatin1String("create_return")) {
            // Shopify return request for the fulfilled line items the customer named.
            const GraphqlAnswer o = c.run(shopifygql::kOrderForReturn, { { "id", gid } }, 120);
            if (!o.error.ok())
                return { o.error, {} };
            const json &full = at(o.data, "order");
            if (inDoubt) {
                for (const json &ret : at(at(full, "returns"), "nodes"))
                    if (stringAt(ret, "status") == QLatin1String("REQUESTED") || stringAt(ret, "status") == QLatin1String("OPEN"))
                        return { {}, { { "already", true }, { "return", stringAt(ret, "name") } } };
            }
            json lines = json::array();
            for (const json &item : a.payload.value("items", json::array())) {
                int wanted = item.value("quantity", 1);
                for (const json &f : at(full, "fulfillments")) {
                    for (const json &fli : at(at(f, "fulfillmentLineItems"), "nodes")) {
                        if (wanted <= 0 || stringAt(at(fli, "lineItem"), "sku") != stringAt(item, "sku"))
                            continue;
                        const int take = std::min(wanted, fli.value("quantity", 0));
                        if (take <= 0)
                            continue;
                        lines.push_back({ { "fulfillmentLineItemId", stringAt(fli, "id") },
                                          { "quantity", take },
                                          { "returnReason", shopifyReturnReason(stringAt(item, "reason")) } });
                        wanted -= take;
                    }
                }
            }
            if (lines.empty())
                return failed(Kind::Rejected, QStringLiteral("no fulfilled line of order %1 matches the returned items").arg(stringAt(a.payload, "number")));
            const GraphqlAnswer r = c.run(shopifygql::kReturnRequest, { { "input", { { "orderId", gid }, { "returnLineItems", lines } } } }, 10);
            if (!r.error.ok())
                return { r.error, {} };
            const QString errors = userErrors(at(r.data, "returnRequest"));
            if (!errors.isEmpty())
                return failed(Kind::Rejected, QStringLiteral("Shopify refused the return request: %1").arg(errors));
            result["return"] = stringAt(at(at(r.data, "returnRequest"), "return"), "name");
            return { {}, result };
        }
        json input = { { "id", gid } };
        if (a.action == QLatin1String("update_address")) {
            const QString address = stringAt(a.payload, "address");
            const json old = at(order, "shippingAddress");
            json shipping = { { "address1", address }, { "address2", "" } };
            if (!stringAt(old, "city").isEmpty())
                shipping["city"] = stringAt(old, "city");
            static const QRegularExpression pin(QStringLiteral("\\b(\\d{6}|\\d{5})\\b"));
            const auto m = pin.match(address);
            shipping["zip"] = m.hasMatch() ? m.captured(1) : stringAt(old, "zip");
            input["shippingAddress"] = shipping;
        }
        // Notes are appended (the shop's own note stays) and carry the action's ref, so a repeat adds nothing.
        const QString note = a.action == QLatin1String("update_address")
                ? QStringLiteral("The customer gave a new delivery address on a Ringside call: %1 [ref %2]").arg(stringAt(a.payload, "address"), actionTag(a.key))
                : noteWithRef(a);
        const QString oldNote = stringAt(order, "note");
        if (!oldNote.contains(actionTag(a.key)))
            input["note"] = oldNote.isEmpty() ? note : oldNote + QLatin1Char('\n') + note;
        if (input.size() > 1) {
            const GraphqlAnswer r = c.run(shopifygql::kOrderUpdate, { { "input", input } }, 10);
            if (!r.error.ok())
                return { r.error, {} };
            const QString errors = userErrors(at(r.data, "orderUpdate"));
            if (!errors.isEmpty())
                return failed(Kind::Rejected, QStringLiteral("Shopify refused the order update: %1").arg(errors));
        }
        json tags = a.payload.value("tags", json::array());
        if (a.action == QLatin1String("update_address"))
            tags = json::array({ "ringside-address-changed" });
        if (!tags.empty()) {
            const GraphqlAnswer r = c.run(shopifygql::kTagsAdd, { { "id", gid }, { "tags", tags } }, 10);
            if (!r.error.ok())
                return { r.error, {} };
            const QString errors = userErrors(at(r.data, "tagsAdd"));
            if (!errors.isEmpty())
                return failed(Kind::Rejected, QStringLiteral("Shopify refused the tags: %1").arg(errors));
        }
        return { {}, result };
    }

    if (a.action == QLatin1String("payment_link")) {
        const QString tag = actionTag(a.key);
        QString url;
        const GraphqlAnswer existing = c.run(shopifygql::kDraftOrderByTag, { { "query", QStringLiteral("tag:%1").arg(tag) } }, 5);
        if (!existing.error.ok())
            return { existing.error, {} };
        for (const json &d : at(at(existing.data, "draftOrders"), "nodes"))
            url = stringAt(d, "invoiceUrl");
        if (url.isEmpty()) {
            const QString currency = stringAt(a.payload, "currency");
            json lines = json::array();
            for (const json &li : a.payload.value("items", json::array()))
                lines.push_back({ { "title", stringAt(li, "title") },
                                  { "quantity", li.value("quantity", 1) },
                                  { "originalUnitPrice", decimalText(li.value("price_minor", qint64(0)), currency) } });
            json input = { { "lineItems", lines },
                           { "tags", json::array({ tag, "ringside-prepay" }) },
                           { "note", QStringLiteral("Prepaid replacement for cash-on-delivery order %1, asked for on a Ringside call. "
                                                    "Cancel the COD order once this is paid.").arg(stringAt(a.payload, "number")) } };
            const QString email = stringAt(at(a.payload, "details"), "email");
            if (!email.isEmpty())
                input["email"] = email;
            const GraphqlAnswer r = c.run(shopifygql::kDraftOrderCreate, { { "input", input } }, 10);
            if (!r.error.ok())
                return { r.error, {} };
            const QString errors = userErrors(at(r.data, "draftOrderCreate"));
            if (!errors.isEmpty())
                return failed(Kind::Rejected, QStringLiteral("Shopify refused the draft order: %1").arg(errors));
            url = stringAt(at(at(r.data, "draftOrderCreate"), "draftOrder"), "invoiceUrl");
        }
        if (url.isEmpty())
            return failed(Kind::Malformed, QStringLiteral("Shopify made the draft order but gave no invoice URL"));
        queuePaymentSms(a, url, now);
        c.run(shopifygql::kTagsAdd, { { "id", gid }, { "tags", json::array({ "ringside-prepay-link-sent" }) } }, 10);
        return { {}, { { "invoice_url", url } } };
    }

    if (a.action == QLatin1String("create_discount")) {
        const QString code = stringAt(a.payload, "code");
        auto exists = [&](bool *found) -> PlatformError {
            const GraphqlAnswer r = c.run(shopifygql::kDiscountByCode, { { "code", code } }, 5);
            *found = r.error.ok() && at(r.data, "codeDiscountNode").is_object();
            return r.error;
        };
        if (inDoubt) {
            bool found = false;
            if (const PlatformError e = exists(&found); !e.ok())
                return { e, {} };
            if (found)
                return { {}, { { "already", true }, { "code", code } } };
        }
        json value;
        const double percent = a.payload.value("percent_off", 0.0);
        if (percent > 0)
            value = { { "percentage", percent / 100.0 } };
        else
            value = { { "discountAmount", { { "amount", decimalText(a.payload.value("amount_off_minor", qint64(0)), stringAt(a.payload, "currency")) },
                                            { "appliesOnEachItem", false } } } };
        json input = { { "title", stringAt(a.payload, "title") },
                       { "code", code },
                       { "startsAt", stringAt(a.payload, "starts_at") },
                       { "endsAt", stringAt(a.payload, "ends_at") },
                       { "usageLimit", 1 },
                       { "appliesOncePerCustomer", true },
                       { "customerGets", { { "value", value }, { "items", { { "all", true } } } } } };
        const QString customer = stringAt(a.payload, "customer_gid");
        input["context"] = customer.isEmpty() ? json{ { "all", "ALL" } } : json{ { "customers", { { "add", json::array({ customer }) } } } };
        const qint64 minimum = a.payload.value("min_cart_total_minor", qint64(0));
        if (minimum > 0)
            input["minimumRequirement"] = { { "subtotal", { { "greaterThanOrEqualToSubtotal", decimalText(minimum, stringAt(a.payload, "currency")) } } } };
        const GraphqlAnswer r = c.run(shopifygql::kDiscountCreate, { { "basicCodeDiscount", input } }, 10);
        if (!r.error.ok())
            return { r.error, {} };
        const json payload = at(r.data, "discountCodeBasicCreate");
        const QString errors = userErrors(payload);
        if (!errors.isEmpty()) {
            bool found = false;
            if (errors.contains(QLatin1String("TAKEN")) || errors.contains(QLatin1String("unique"), Qt::CaseInsensitive)) {
                exists(&found);
                if (found)
                    return { {}, { { "already", true }, { "code", code } } };
            }
            return failed(Kind::Rejected, QStringLiteral("Shopify refused the discount code %1: %2").arg(code, errors));
        }
        return { {}, { { "code", code }, { "discount", stringAt(at(payload, "codeDiscountNode"), "id") } } };
    }
    return failed(Kind::Rejected, QStringLiteral("unknown action %1").arg(a.action));
}

ActionOutcome PlatformActions::woo(const OutboxAction &a, bool inDoubt, const QDateTime &now)
{
    WooClient &c = *m_woo;
    const QString order = QStringLiteral("/orders/") + a.platformId;
    const QString ref = actionTag(a.key);
    auto addNote = [&](const QString &text) -> PlatformError {
        const WooAnswer notes = c.get(order + QStringLiteral("/notes"));
        if (!notes.error.ok())
            return notes.error;
        for (const json &n : notes.body)
            if (stringAt(n, "note").contains(ref))
                return {}; // added by an earlier attempt
        const WooAnswer r = c.send("POST", order + QStringLiteral("/notes"),
                                   { { "note", text + QStringLiteral(" [ref %1]").arg(ref) }, { "customer_note", false } });
        return r.error;
    };

    if (a.action == QLatin1String("cancel_order")) {
        const WooAnswer r = c.send("PUT", order, { { "status", "cancelled" } });
        if (!r.error.ok())
            return { r.error, {} };
        json result = json::object();
        if (a.payload.value("refund", false)) {
            const WooAnswer refunds = c.get(order + QStringLiteral("/refunds"));
            if (!refunds.error.ok())
                return { refunds.error, {} };
            bool done = false;
            for (const json &rf : refunds.body)
                done = done || stringAt(rf, "reason").contains(ref);
            if (!done) {
                const WooAnswer rf = c.send("POST", order + QStringLiteral("/refunds"),
                                            { { "amount", decimalText(a.payload.value("amount_minor", qint64(0)), stringAt(a.payload, "currency")) },
                                              { "reason", QStringLiteral("Cancelled on a Ringside call (%1) [ref %2]").arg(stringAt(a.payload, "reason"), ref) },
                                              { "api_refund", true } });
                if (!rf.error.ok())
                    return { rf.error, {} };
                result["refund"] = idText(rf.body.value("id", json()));
            } else {
                result["already"] = true;
            }
        }
        return { {}, result };
    }
    if (a.action == QLatin1String("tag_order"))
        return { addNote(stringAt(a.payload, "note")), {} };
    if (a.action == QLatin1String("create_return")) {
        QStringList items;
        for (const json &i : a.payload.value("items", json::array()))
            items << QStringLiteral("%1 × %2 (%3)").arg(i.value("quantity", 1)).arg(stringAt(i, "sku"), stringAt(i, "reason"));
        return { addNote(QStringLiteral("Return requested on a Ringside call: %1; refund to %2.")
                                 .arg(items.join(QStringLiteral(", ")), stringAt(a.payload, "refund_method"))), {} };
    }
    if (a.action == QLatin1String("update_address")) {
        const QString address = stringAt(a.payload, "address");
        json shipping = { { "address_1", address }, { "address_2", "" } };
        static const QRegularExpression pin(QStringLiteral("\\b(\\d{6}|\\d{5})\\b"));
        if (const auto m = pin.match(address); m.hasMatch())
            shipping["postcode"] = m.captured(1);
        const WooAnswer r = c.send("PUT", order, { { "shipping", shipping } });
        if (!r.error.ok())
            return { r.error, {} };
        return { addNote(QStringLiteral("The customer gave a new delivery address on a Ringside call: %1").arg(address)), {} };
    }
    if (a.action == QLatin1String("payment_link")) {
        // The pay-for-order page only takes payment for a pending order.
        const WooAnswer r = c.send("PUT", order, { { "status", "pending" }, { "payment_method", "" }, { "set_paid", false } });
        if (!r.error.ok())
            return { r.error, {} };
        const QString url = stringAt(r.body, "payment_url");
        if (url.isEmpty())
            return failed(Kind::Malformed, QStringLiteral("WooCommerce gave no payment_url for order %1").arg(a.subject));
        queuePaymentSms(a, url, now);
        return { addNote(QStringLiteral("The customer chose to pay online instead of cash on delivery; the payment link was sent by SMS.")),
                 { { "payment_url", url } } };
    }
    if (a.action == QLatin1String("create_discount")) {
        const QString code = stringAt(a.payload, "code");
        auto exists = [&]() {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("code"), code);
            const WooAnswer r = c.get(QStringLiteral("/coupons"), q);
            return r.error.ok() && r.body.is_array() && !r.body.empty();
        };
        if (inDoubt && exists())
            return { {}, { { "already", true }, { "code", code } } };
        const double percent = a.payload.value("percent_off", 0.0);
        json coupon = { { "code", code },
                        { "discount_type", percent > 0 ? "percent" : "fixed_cart" },
                        { "amount", percent > 0 ? QString::number(percent, 'g', 6)
                                                : decimalText(a.payload.value("amount_off_minor", qint64(0)), stringAt(a.payload, "currency")) },
                        { "usage_limit", 1 },
                        { "usage_limit_per_user", 1 },
                        { "individual_use", true },
                        { "date_expires_gmt", stringAt(a.payload, "ends_at").remove(QLatin1Char('Z')) },
                        { "description", stringAt(a.payload, "title") } };
        const QString email = stringAt(a.payload, "email");
        if (!email.isEmpty())
            coupon["email_restrictions"] = json::array({ email });
        const qint64 minimum = a.payload.value("min_cart_total_minor", qint64(0));
        if (minimum > 0)
            coupon["minimum_amount"] = decimalText(minimum, stringAt(a.payload, "currency"));
        const WooAnswer r = c.send("POST", QStringLiteral("/coupons"), coupon);
        if (!r.error.ok()) {
            if (r.status == 400 && stringAt(r.body, "code").contains(QLatin1String("already_exists")) && exists())
                return { {}, { { "already", true }, { "code", code } } };
            return { r.error, {} };
        }
        return { {}, { { "code", code }, { "coupon", idText(r.body.value("id", json())) } } };
    }
    return failed(Kind::Rejected, QStringLiteral("unknown action %1").arg(a.action));
}

} // namespace ringside::platforms
