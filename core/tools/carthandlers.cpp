// get_abandoned_cart, send_checkout_link, record_cart_abandonment_reason.
#include "handlers.h"
#include "writeback.h"
#include "util/phone.h"

#include <QRandomGenerator>
#include <QUrl>

#include <cmath>

namespace ringside {

namespace {

constexpr int kCheckoutLinkHours = 24;

json cartNotFound(const HandlerEnv &env, const QString &spokenId)
{
    return notFound(env.hindi() ? QStringLiteral("Cart %1 nahi mila.").arg(spellId(spokenId))
                                : QStringLiteral("I couldn't find the cart %1.").arg(spellId(spokenId)));
}

// An unguessable token so a link cannot be derived from the cart ID alone.
QString checkoutToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int quantityOf(const Cart &cart)
{
    int n = 0;
    for (const LineItem &item : cart.items)
        n += item.quantity;
    return n;
}

} // namespace

json getAbandonedCart(HandlerEnv &env)
{
    const QString customerId = env.arg("customer_id");
    const QString phone = env.arg("phone_number");
    std::optional<Cart> cart;
    if (!customerId.isEmpty()) {
        for (const QString &id : idCandidates(customerId)) {
            if ((cart = env.backend.abandonedCartForCustomer(id)))
                break;
        }
    }
    if (!cart && !phone.isEmpty()) {
        const auto customer = env.backend.customerByPhone(phone);
        if (!customer && customerId.isEmpty())
            return notFound(env.hindi() ? QStringLiteral("Is phone number ka koi customer nahi mila.")
                                        : QStringLiteral("I couldn't find a customer with that phone number."));
        if (customer)
            cart = env.backend.abandonedCartForCustomer(customer->id);
    }
    if (!cart)
        return notFound(env.hindi() ? QStringLiteral("Is customer ka koi chhoda hua cart nahi hai.")
                                    : QStringLiteral("There's no abandoned cart for this customer."));

    const Speaker say = env.speakerFor(cart->customerId);
    const QStringList phrases = itemPhrases(cart->items, say.language());
    QString message;
    if (say.hindi())
        message = phrases.isEmpty() ? QStringLiteral("Aapka cart %1 ka hai.").arg(say.money(cart->total()))
                                    : QStringLiteral("Aapke cart mein %1 hain, kul %2.").arg(say.list(phrases), say.money(cart->total()));
    else
        message = phrases.isEmpty() ? QStringLiteral("Your cart comes to %1.").arg(say.money(cart->total()))
                                    : QStringLiteral("You have %1 in your cart, totaling %2.").arg(say.list(phrases), say.money(cart->total()));
    json hoursAgo = nullptr;
    if (cart->abandonedAt.isValid()) {
        const double hours = double(cart->abandonedAt.msecsTo(env.now)) / 3'600'000.0;
        hoursAgo = std::round(hours * 10.0) / 10.0;
    }
    return { { "found", true },
             { "cart_id", cart->id },
             { "customer_id", cart->customerId },
             { "status", cart->status },
             { "items", itemsJson(cart->items, cart->currency) },
             { "item_count", quantityOf(*cart) },
             { "total", decimalAmount(cart->total()) },
             { "total_spoken", say.money(cart->total()) },
             { "currency", cart->currency },
             { "discount_code", cart->discountCode.isEmpty() ? json(nullptr) : json(cart->discountCode) },
             { "abandoned_at", cart->abandonedAt.isValid() ? json(say.iso(cart->abandonedAt)) : json(nullptr) },
             { "abandoned_hours_ago", hoursAgo },
             { "recovery_attempts", cart->recoveryAttempts },
             { "message", message } };
}

json sendCheckoutLink(HandlerEnv &env)
{
    const auto cart = findCart(env.backend, env.arg("cart_id"));
    if (!cart)
        return cartNotFound(env, env.arg("cart_id"));
    const auto customer = env.backend.customerById(cart->customerId);
    const QString country = customer && !customer->country.isEmpty()
            ? customer->country
            : env.setting(QStringLiteral("defaultCountry"), QStringLiteral("IN"));
    const QString raw = env.arg("phone_number");
    const QString phone = toE164(raw, country);
    if (phone.isEmpty())
        return argumentError("invalid_value", QStringLiteral("phone_number"),
                             QStringLiteral("phone_number: '%1' is not a valid phone number for %2; give the full number, "
                                            "e.g. +91 98123 45678").arg(raw, country));
    // A connected shop's own recovery link; never one made up for a shop that has none.
    const bool shopLink = !env.setting(QStringLiteral("platform"), QString()).isEmpty();
    const QString shopUrl = shopLink ? shopCheckoutUrl(env, cart->id) : QString();
    if (shopLink && shopUrl.isEmpty())
        return refusal("no_checkout_link", QStringLiteral("The shop has no checkout link for this cart, so I can't send one. "
                                                          "I can ask a colleague to help you complete the order."));
    const QString domain = env.setting(QStringLiteral("storeDomain"), QString()).trimmed();
    if (domain.isEmpty() && !shopLink)
        return argumentError("internal", QString(),
                             QStringLiteral("the store setting storeDomain is not set, so no checkout link can be built"));

    const bool withDiscount = env.flag("include_discount") && !cart->discountCode.isEmpty();
    QString link = shopLink ? shopUrl
                            : QStringLiteral("https://%1/checkout/%2?token=%3")
                                      .arg(domain, QString::fromLatin1(QUrl::toPercentEncoding(cart->id)), checkoutToken());
    if (withDiscount && !shopLink)
        link += QStringLiteral("&discount=") + QString::fromLatin1(QUrl::toPercentEncoding(cart->discountCode));
    const QDateTime expires = shopLink ? QDateTime() : env.now.addSecs(kCheckoutLinkHours * 3600);
    const QString storeName = env.setting(QStringLiteral("storeName"), QStringLiteral("Your store"));

    SmsMessage sms;
    sms.toPhone = phone;
    sms.link = link;
    sms.kind = QStringLiteral("checkout_link");
    sms.createdAt = env.now;
    sms.expiresAt = expires;
    sms.body = shopLink ? QStringLiteral("%1: your cart is waiting. Complete your order here: %2%3")
                                  .arg(storeName, link,
                                       withDiscount ? QStringLiteral(" (use code %1 at checkout)").arg(cart->discountCode) : QString())
                        : QStringLiteral("%1: your cart is waiting. Complete your order here: %2 (valid for %3 hours)")
                                  .arg(storeName, link).arg(kCheckoutLinkHours);
    const qint64 smsId = env.backend.queueSms(sms);

    const Speaker say = env.speakerFor(cart->customerId);
    const QString ending = spellId(phone.right(4));
    QString message;
    if (shopLink) // the store's own link: its lifetime is the store's, so no hours are promised
        message = say.hindi() ? QStringLiteral("Aapka checkout link %1 par khatm hone wale number par SMS se bheja ja raha hai.").arg(ending)
                              : QStringLiteral("I'm sending your checkout link by SMS to the number ending in %1.").arg(ending);
    else
        message = say.hindi() ? QStringLiteral("Maine %1 par khatm hone wale number par SMS se checkout link bhej diya hai. Yeh %2 ghante tak chalega.")
                                        .arg(ending).arg(kCheckoutLinkHours)
                              : QStringLiteral("I've sent a checkout link by SMS to the number ending in %1. It's valid for %2 hours.")
                                        .arg(ending).arg(kCheckoutLinkHours);
    return { { "success", true },
             { "cart_id", cart->id },
             { "link", link },
             { "expires_at", expires.isValid() ? json(say.iso(expires)) : json(nullptr) },
             { "to_phone", phone },
             { "sms_id", smsId },
             { "discount_code", withDiscount ? json(cart->discountCode) : json(nullptr) },
             { "message", message } };
}

json recordCartAbandonmentReason(HandlerEnv &env)
{
    const auto cart = findCart(env.backend, env.arg("cart_id"));
    if (!cart)
        return cartNotFound(env, env.arg("cart_id"));
    const QString reason = env.arg("reason");
    env.backend.recordAbandonmentReason(cart->id, reason, env.arg("notes"), env.now);
    return { { "success", true },
             { "recorded", true },
             { "cart_id", cart->id },
             { "abandonment_reason", reason },
             { "message", env.hindi() ? QStringLiteral("Batane ke liye dhanyavaad. Isse hamein sach mein madad milti hai.")
                                      : QStringLiteral("Thank you for telling me. That really helps us.") } };
}

} // namespace ringside
