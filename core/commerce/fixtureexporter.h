#pragma once

#include "storedata.h"

#include <QByteArray>

namespace ringside {

class Database;

namespace commerce {

// The store as fixture text (docs/fixture-format.md), the inverse of FixtureImporter: records sorted
// by id, keys in the documented order, instants in the customer's own time zone (offers in the
// store's), amounts as decimals with their currency's digits (1499.00). The same store always gives
// the same bytes, so exports can be diffed and compared in tests.
QByteArray exportFixture(Database &database);

// The text for records already in memory. Settings are written as given; exportFixture adds the
// built-in defaults for keys the store has not set, so an export describes the store completely.
QByteArray fixtureText(const StoreData &data);

} // namespace commerce
} // namespace ringside
