#pragma once

#include "commerce/commercetypes.h"

#include <QDateTime>

namespace ringside {

// What one offer would do for one cart at one moment. Shared by check_available_offers (which
// lists and ranks offers) and apply_discount (which must agree with what was promised).
struct OfferEvaluation {
    Offer offer;
    // "" when the offer applies; otherwise expired | currency | min_cart_total | category.
    QString blocker;
    qint64 eligibleMinor = 0;   // subtotal of the cart lines the offer covers
    qint64 savingMinor = 0;     // what the customer actually saves, never more than eligibleMinor

    bool applies() const { return blocker.isEmpty() && savingMinor > 0; }
};

// Sum of the cart's lines (unit price × quantity); the cart total when it lists no lines.
qint64 cartSubtotal(const Cart &cart);

// Percent offers save that share of the covered lines (rounded to the nearest minor unit);
// amount offers save their amount capped at the covered lines; an offer with both adds them,
// still capped. A category offer covers only lines of that category.
OfferEvaluation evaluateOffer(const Offer &offer, const Cart &cart, const QDateTime &now);

// Ranking for "best offer": bigger saving first; on a tie the one expiring sooner (so the
// customer hears about the offer that will not wait), never-expiring last; then by code.
bool betterOffer(const OfferEvaluation &a, const OfferEvaluation &b);

} // namespace ringside
