#pragma once

#include "fixturefields.h"
#include "storedata.h"

#include <QByteArray>

namespace ringside::commerce {

// Reads a fixture file (docs/fixture-format.md) into StoreData, checking everything that needs no
// database: JSON syntax (with line and column), types, enums, phone numbers, time zones, times,
// amounts, and ids used twice within the file. References between records (an order's customer,
// a return's order) are checked by FixtureImporter, which also sees what the store already holds.
// When diagnostics.errors is not empty the returned data must not be used.
// When it is empty, data's lists hold one record per array element, in file order.
StoreData parseFixture(const QByteArray &text, FixtureDiagnostics &diagnostics);
StoreData parseFixture(const json &root, FixtureDiagnostics &diagnostics);

// "line 3, column 14" for a byte offset into `text`.
QString lineAndColumn(const QByteArray &text, std::size_t byteOffset);

} // namespace ringside::commerce
