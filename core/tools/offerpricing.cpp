#include "offerpricing.h"

#include <algorithm>
#include <cmath>

namespace ringside {

qint64 cartSubtotal(const Cart &cart)
{
    if (cart.items.empty())
        return cart.totalMinor;
    qint64 sum = 0;
    for (const LineItem &item : cart.items)
        sum += item.priceMinor * item.quantity;
    return sum;
}

OfferEvaluation evaluateOffer(const Offer &offer, const Cart &cart, const QDateTime &now)
{
    OfferEvaluation e;
    e.offer = offer;
    if (offer.expiresAt.isValid() && offer.expiresAt <= now) {
        e.blocker = QStringLiteral("expired");
        return e;
    }
    // An offer's currency governs its fixed amounts; a plain percentage works in any currency.
    const bool hasAmounts = offer.amountOffMinor > 0 || offer.minCartTotalMinor > 0;
    if (hasAmounts && !offer.currency.isEmpty() && offer.currency.compare(cart.currency, Qt::CaseInsensitive) != 0) {
        e.blocker = QStringLiteral("currency");
        return e;
    }
    if (cartSubtotal(cart) < offer.minCartTotalMinor) {
        e.blocker = QStringLiteral("min_cart_total");
        return e;
    }
    if (offer.category.isEmpty() || cart.items.empty()) {
        e.eligibleMinor = offer.category.isEmpty() ? cartSubtotal(cart) : 0;
    } else {
        for (const LineItem &item : cart.items) {
            if (item.category.compare(offer.category, Qt::CaseInsensitive) == 0)
                e.eligibleMinor += item.priceMinor * item.quantity;
        }
    }
    if (e.eligibleMinor <= 0) {
        e.blocker = QStringLiteral("category");
        return e;
    }
    const double percent = std::clamp(offer.percentOff, 0.0, 100.0);
    const qint64 percentPart = std::llround(double(e.eligibleMinor) * percent / 100.0);
    e.savingMinor = std::min(e.eligibleMinor, percentPart + std::max<qint64>(0, offer.amountOffMinor));
    return e;
}

bool betterOffer(const OfferEvaluation &a, const OfferEvaluation &b)
{
    if (a.savingMinor != b.savingMinor)
        return a.savingMinor > b.savingMinor;
    const bool aExpires = a.offer.expiresAt.isValid();
    const bool bExpires = b.offer.expiresAt.isValid();
    if (aExpires != bExpires)
        return aExpires;
    if (aExpires && a.offer.expiresAt != b.offer.expiresAt)
        return a.offer.expiresAt < b.offer.expiresAt;
    return a.offer.code < b.offer.code;
}

} // namespace ringside
