#pragma once

#include "commercetypes.h"

#include <QMap>
#include <QString>

#include <vector>

namespace ringside::commerce {

// A whole store's records in memory: what a fixture file holds, what the demo generator makes and
// what an export reads back. Settings use their stored keys ("freeShippingThreshold.INR" → minor units).
struct StoreData {
    QMap<QString, QString> settings;
    std::vector<Customer> customers;
    std::vector<Order> orders;
    std::vector<Cart> carts;
    std::vector<Offer> offers;
    std::vector<ReturnRequest> returns;
};

} // namespace ringside::commerce
