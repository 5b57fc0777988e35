#pragma once

#include "storedata.h"

namespace ringside::commerce {

// The demo store behind `ringside-engine store init --demo` and the console's --demo: the showcase
// records (demoshowcase.h, fixed ids) plus a realistic body of Indian and US customers with at least
// 500 orders over every status and carrier, carts, offers and returns, all timed relative to `now`.
// The same (seed, now) always gives the same store — exports compare byte for byte.
StoreData generateDemoStore(quint64 seed, const QDateTime &now);

// Sizes of the generated body (the showcase comes on top).
inline constexpr int kDemoIndianCustomers = 120;
inline constexpr int kDemoUsCustomers = 50;
inline constexpr int kDemoOrders = 540;
inline constexpr int kDemoCarts = 70;

} // namespace ringside::commerce
