#pragma once

#include <cstddef>

namespace ringside::commerce::demo {

// The raw material of the demo store: names, places, products and courier hubs that make
// generated records read like a real Indian and US online shop. Plain arrays, no logic.

struct Product {
    const char *sku;
    const char *name;
    const char *category;
    int priceInr;      // whole rupees
    int priceUsdCents;
};

struct IndianCity {
    const char *city;
    const char *state;
    const char *pinPrefix;  // first three digits of the PIN code
    const char *hub;        // courier hub serving the city
    bool hindiBelt;         // where a Hindi-speaking customer is most likely
};

struct UsCity {
    const char *city;
    const char *state;      // full name
    const char *code;       // two-letter state code
    const char *zip;
    const char *timezone;
    const char *areaCode;
};

extern const Product kProducts[];
extern const std::size_t kProductCount;
extern const IndianCity kIndianCities[];
extern const std::size_t kIndianCityCount;
extern const UsCity kUsCities[];
extern const std::size_t kUsCityCount;

extern const char *const kIndianFirstNames[];
extern const std::size_t kIndianFirstNameCount;
extern const char *const kIndianLastNames[];
extern const std::size_t kIndianLastNameCount;
extern const char *const kUsFirstNames[];
extern const std::size_t kUsFirstNameCount;
extern const char *const kUsLastNames[];
extern const std::size_t kUsLastNameCount;
extern const char *const kIndianBusinesses[];
extern const std::size_t kIndianBusinessCount;
extern const char *const kUsBusinesses[];
extern const std::size_t kUsBusinessCount;

extern const char *const kIndianStreets[];
extern const std::size_t kIndianStreetCount;
extern const char *const kUsStreets[];
extern const std::size_t kUsStreetCount;

extern const char *const kIndianWarehouses[]; // where Indian parcels start
extern const std::size_t kIndianWarehouseCount;
extern const char *const kUsHubs[];           // carrier sort hubs in the US
extern const std::size_t kUsHubCount;

extern const char *const kDelayReasons[];
extern const std::size_t kDelayReasonCount;

} // namespace ringside::commerce::demo
