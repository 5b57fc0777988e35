#pragma once

#include "storedata.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace ringside {

class Database;

namespace commerce {

// What an import did, or why it did nothing.
struct ImportReport {
    bool ok = false;
    QStringList errors;   // each starts with the path it is about; any error means nothing was written
    QStringList warnings; // unknown keys and the like; the import still happened
    int settings = 0;
    int customers = 0;
    int orders = 0;
    int carts = 0;
    int offers = 0;
    int returns = 0;

    // "imported 3 customers, 5 orders, 1 cart, 2 offers, 1 return, 4 settings"
    QString summary() const;
};

struct ImportOptions {
    // An id already in the store is an error unless `replace` is set; then that record is
    // overwritten in place (its items and tracking events replaced by the file's).
    bool replace = false;
    QDateTime now; // stamps updated_at; invalid = the real clock
};

// Loads a fixture (docs/fixture-format.md) into the store all or nothing: the file is validated
// in full (types, enums, references to customers and orders in the file or already stored, ids
// already taken) and written in one transaction, so a broken file changes nothing.
class FixtureImporter
{
public:
    explicit FixtureImporter(Database &database) : m_database(database) {}

    ImportReport importText(const QByteArray &text, const ImportOptions &options = {});
    ImportReport importFile(const QString &path, const ImportOptions &options = {});
    // Records already in memory (the demo generator's), checked the same way against the store.
    ImportReport importData(const StoreData &data, const ImportOptions &options = {});

private:
    ImportReport write(const StoreData &data, ImportReport report, const ImportOptions &options);

    Database &m_database;
};

} // namespace commerce
} // namespace ringside
