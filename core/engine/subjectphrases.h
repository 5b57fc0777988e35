#pragma once
// Internal to the variable resolver: an order or a cart phrased for a greeting, in English or
// romanized Hindi (deliveryUpdate, productName, freeShippingThreshold, …).

#include "commerce/commercetypes.h"
#include "tools/speaker.h"

#include <QHash>

namespace ringside::subject {

// "Running Shoes", "Linen Kurta and Kajal", "Cotton T-shirt and 2 more items".
QString productName(const std::vector<LineItem> &items, const QString &language);

// One sentence without its final stop: "It shipped yesterday via Blue Dart and should arrive …".
QString deliveryUpdate(const Order &order, const Speaker &say, const QString &processingTime);

// orderId, orderIdSpoken, productName, orderTotal, deliveryDate, deliveryAddress, deliveryUpdate,
// orderStatus, carrier, trackingNumber, paymentMethod.
QHash<QString, QString> orderVariables(const Order &order, const Speaker &say, const QString &processingTime);

// cartId, productName, cartTotal, cartItemCount, freeShippingThreshold, amountToFreeShipping,
// suggestedItem. `thresholdMinor` < 0: the store has no free-shipping threshold.
QHash<QString, QString> cartVariables(const Cart &cart, const Speaker &say, qint64 thresholdMinor);

} // namespace ringside::subject
