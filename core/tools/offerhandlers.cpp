// check_available_offers and apply_discount: both price offers with offerpricing.h so what the
// agent promises is what the cart gets.
#include "handlers.h"
#include "writeback.h"
#include "offerpricing.h"

#include <algorithm>

namespace ringside {

namespace {

json cartNotFound(const HandlerEnv &env, const QString &spokenId)
{
    return notFound(env.hindi() ? QStringLiteral("Cart %1 nahi mila.").arg(spellId(spokenId))
                                : QStringLiteral("I couldn't find the cart %1.").arg(spellId(spokenId)));
}

json offerJson(const OfferEvaluation &e, const Cart &cart, const Speaker &say)
{
    const Offer &o = e.offer;
    const QString currency = o.currency.isEmpty() ? cart.currency : o.currency;
    return { { "code", o.code },
             { "description", o.description },
             { "percent_off", o.percentOff },
             { "amount_off", decimalAmount({ o.amountOffMinor, currency }) },
             { "min_cart_total", decimalAmount({ o.minCartTotalMinor, currency }) },
             { "currency", o.currency.isEmpty() ? json(nullptr) : json(o.currency) },
             { "category", o.category.isEmpty() ? json(nullptr) : json(o.category) },
             { "expires_at", o.expiresAt.isValid() ? json(say.iso(o.expiresAt)) : json(nullptr) },
             { "savings", decimalAmount({ e.savingMinor, cart.currency }) },
             { "savings_spoken", say.money({ e.savingMinor, cart.currency }) },
             { "new_total", decimalAmount({ std::max<qint64>(0, cart.totalMinor - e.savingMinor), cart.currency }) } };
}

std::optional<Offer> findOffer(CommerceBackend &backend, const QString &spoken)
{
    QString squeezed;
    for (const QChar c : spoken) {
        if (c.isLetterOrNumber())
            squeezed.append(c.toUpper());
    }
    for (const QString &code : { spoken.trimmed(), spoken.trimmed().toUpper(), squeezed }) {
        if (code.isEmpty())
            continue;
        if (auto offer = backend.offerByCode(code))
            return offer;
    }
    return std::nullopt;
}

} // namespace

json checkAvailableOffers(HandlerEnv &env)
{
    const auto cart = findCart(env.backend, env.arg("cart_id"));
    if (!cart)
        return cartNotFound(env, env.arg("cart_id"));
    const Speaker say = env.speakerFor(cart->customerId);
    const bool hi = say.hindi();
    const QString category = env.arg("category");

    std::vector<OfferEvaluation> usable;
    for (const Offer &offer : env.backend.offers()) {
        // Asked about one category: that category's offers and store-wide ones.
        if (!category.isEmpty() && !offer.category.isEmpty() && offer.category.compare(category, Qt::CaseInsensitive) != 0)
            continue;
        OfferEvaluation e = evaluateOffer(offer, *cart, env.now);
        if (e.applies())
            usable.push_back(std::move(e));
    }
    std::sort(usable.begin(), usable.end(), betterOffer);

    if (usable.empty()) {
        return { { "has_offers", false },
                 { "cart_id", cart->id },
                 { "message", hi ? QStringLiteral("Abhi aapke cart par koi offer lagu nahi hota.")
                                 : QStringLiteral("I don't have any offers that apply to your cart right now.") } };
    }
    json all = json::array();
    for (const OfferEvaluation &e : usable)
        all.push_back(offerJson(e, *cart, say));
    const OfferEvaluation &best = usable.front();
    const QString saving = say.money({ best.savingMinor, cart->currency });
    const QString newTotal = say.money({ std::max<qint64>(0, cart->totalMinor - best.savingMinor), cart->currency });
    QString message;
    if (hi) {
        message = QStringLiteral("Achhi khabar hai! ");
        if (!best.offer.description.isEmpty())
            message += QStringLiteral("Aapke liye ek offer hai: %1. ").arg(best.offer.description);
        message += QStringLiteral("Code %1 se aapke %2 bachenge, aur total %3 ho jayega.").arg(spellId(best.offer.code), saving, newTotal);
    } else {
        message = QStringLiteral("Good news! ");
        if (!best.offer.description.isEmpty())
            message += QStringLiteral("There's an offer for you: %1. ").arg(best.offer.description);
        message += QStringLiteral("With code %1 you'd save %2, so your total would be %3.").arg(spellId(best.offer.code), saving, newTotal);
    }
    return { { "has_offers", true },
             { "cart_id", cart->id },
             { "currency", cart->currency },
             { "best_offer", all.front() },
             { "all_offers", all },
             { "message", message } };
}

json applyDiscount(HandlerEnv &env)
{
    const auto cart = findCart(env.backend, env.arg("cart_id"));
    if (!cart)
        return cartNotFound(env, env.arg("cart_id"));
    const Speaker say = env.speakerFor(cart->customerId);
    const bool hi = say.hindi();
    const QString given = env.arg("discount_code");
    const auto offer = findOffer(env.backend, given);
    if (!offer)
        return refusal("unknown_code", hi ? QStringLiteral("Code %1 nahi mila. Kripya ek baar check kijiye.").arg(spellId(given))
                                          : QStringLiteral("I couldn't find the code %1. Could you check it?").arg(spellId(given)));

    const OfferEvaluation e = evaluateOffer(*offer, *cart, env.now);
    const QString code = offer->code;
    const QString codeSpoken = spellId(code);
    if (e.blocker == QLatin1String("expired"))
        return refusal("expired", hi ? QStringLiteral("Maaf kijiye, code %1 %2 ko khatam ho gaya.").arg(codeSpoken, say.date(offer->expiresAt))
                                     : QStringLiteral("I'm sorry, code %1 expired on %2.").arg(codeSpoken, say.date(offer->expiresAt)));
    if (!e.applies()) {
        QString why;
        if (e.blocker == QLatin1String("min_cart_total")) {
            const Money min{ offer->minCartTotalMinor, cart->currency };
            const Money missing{ offer->minCartTotalMinor - cartSubtotal(*cart), cart->currency };
            why = hi ? QStringLiteral("Code %1 ke liye cart kam se kam %2 ka hona chahiye; %3 aur jodne se yeh lag jayega.")
                               .arg(codeSpoken, say.money(min), say.money(missing))
                     : QStringLiteral("Code %1 needs a cart of at least %2; adding %3 more would unlock it.")
                               .arg(codeSpoken, say.money(min), say.money(missing));
        } else if (e.blocker == QLatin1String("currency")) {
            why = hi ? QStringLiteral("Code %1 %2 orders ke liye hai, is cart par nahi lag sakta.").arg(codeSpoken, offer->currency)
                     : QStringLiteral("Code %1 is for %2 orders and can't be used on this cart.").arg(codeSpoken, offer->currency);
        } else {
            why = hi ? QStringLiteral("Code %1 sirf %2 category par lagta hai, aur aapke cart mein us category ka kuch nahi hai.")
                               .arg(codeSpoken, offer->category)
                     : QStringLiteral("Code %1 only covers the %2 category, and your cart has nothing from it.").arg(codeSpoken, offer->category);
        }
        json result = refusal("not_applicable", why);
        result["detail"] = e.blocker.isEmpty() ? QStringLiteral("no_saving") : e.blocker;
        return result;
    }

    const bool already = cart->discountCode.compare(code, Qt::CaseInsensitive) == 0;
    if (!already)
        env.backend.setCartDiscount(cart->id, code, env.now);
    // A connected shop gets a single-use code of its own for this customer (created by the outbox).
    const QueuedWrites queued = takeQueuedWrites(env);
    const QString shopCode = queued.detailOf("create_discount");
    const Money saving{ e.savingMinor, cart->currency };
    const Money newTotal{ std::max<qint64>(0, cart->totalMinor - e.savingMinor), cart->currency };
    if (!shopCode.isEmpty()) {
        json result = { { "success", true },
                        { "already_applied", false },
                        { "cart_id", cart->id },
                        { "discount_code", shopCode },
                        { "offer_code", code },
                        { "replaced_code", nullptr },
                        { "savings", decimalAmount(saving) },
                        { "original_total", decimalAmount(cart->total()) },
                        { "new_total", decimalAmount(newTotal) },
                        { "currency", cart->currency },
                        { "message", QStringLiteral("I'm setting up a one-time code for you: %1. It takes %2 off, so your total would be %3. "
                                                    "I can text it to you with your checkout link.")
                                             .arg(spellId(shopCode), say.money(saving), say.money(newTotal)) } };
        queued.addTo(result);
        return result;
    }
    return { { "success", true },
             { "already_applied", already },
             { "cart_id", cart->id },
             { "discount_code", code },
             { "replaced_code", already || cart->discountCode.isEmpty() ? json(nullptr) : json(cart->discountCode) },
             { "savings", decimalAmount(saving) },
             { "original_total", decimalAmount(cart->total()) },
             { "new_total", decimalAmount(newTotal) },
             { "currency", cart->currency },
             { "message", hi ? QStringLiteral("Ho gaya! Code %1 lag gaya hai. Aapke %2 bache, aur naya total %3 hai.")
                                       .arg(codeSpoken, say.money(saving), say.money(newTotal))
                                 : QStringLiteral("Done! Code %1 is applied. You save %2, so your new total is %3.")
                                       .arg(codeSpoken, say.money(saving), say.money(newTotal)) } };
}

} // namespace ringside
