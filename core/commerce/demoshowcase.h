#pragma once

#include <QString>

namespace ringside::commerce {

namespace demo {
class DemoBuilder;
}

// The hand-written part of the demo store: records with fixed ids and properties relative to `now`
// that demos and conversation tests rely on. docs/demo-store.md describes each one; keep the two
// in step.
namespace showcase {

inline const QString kShippedOrder = QStringLiteral("ORD-482913");        // C-0001, shipped yesterday, bluedart
inline const QString kShippedCustomer = QStringLiteral("C-0001");         // exactly one order
inline const QString kShippedPhone = QStringLiteral("+919812345678");
inline const QString kThreeOrderCustomer = QStringLiteral("C-0002");      // three orders on one phone
inline const QString kThreeOrderPhone = QStringLiteral("+919876501234");
inline const QString kDeliveredRecentOrder = QStringLiteral("ORD-482920"); // delivered 2 days ago: returnable
inline const QString kDeliveredOldOrder = QStringLiteral("ORD-482921");    // delivered 20 days ago: not returnable
inline const QString kOutForDeliveryOrder = QStringLiteral("ORD-482922");
inline const QString kProcessingOrder = QStringLiteral("ORD-482930");
inline const QString kDelayedOrder = QStringLiteral("ORD-482940");         // new estimate ahead, reason given
inline const QString kLongDelayedOrder = QStringLiteral("ORD-482941");     // estimate 9 days past
inline const QString kHindiCodCustomer = QStringLiteral("C-0006");         // hi-IN, +91
inline const QString kHindiCodPhone = QStringLiteral("+919935012345");
inline const QString kPendingCodOrder = QStringLiteral("ORD-482950");      // COD awaiting confirmation
inline const QString kUsCustomer = QStringLiteral("C-0101");
inline const QString kUsPhone = QStringLiteral("+13125550147");
inline const QString kUsShippedOrder = QStringLiteral("ORD-482960");       // fedex
inline const QString kHighValueCart = QStringLiteral("CART-0001");         // abandoned 2 hours ago, a laptop
inline const QString kHighValueCartCustomer = QStringLiteral("C-0007");
inline const QString kNearThresholdCart = QStringLiteral("CART-0002");     // ₹898, threshold ₹999
inline const QString kNearThresholdCartCustomer = QStringLiteral("C-0008");
inline const QString kReturnOrder = QStringLiteral("ORD-482970");          // delivered 4 days ago
inline const QString kPickupReturn = QStringLiteral("RET-0001");           // pickup tomorrow morning

// Whether `customerId` is one of the showcase customers, whose orders the showcase fixes:
// the demo call history (its calls and the orders behind its figures) leaves them out.
bool isShowcaseCustomer(const QString &customerId);

// Adds the showcase customers, orders, carts, return, offers and settings.
void addShowcase(demo::DemoBuilder &builder);

} // namespace showcase
} // namespace ringside::commerce
