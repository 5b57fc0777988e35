#pragma once
// Shared by the commerce tests: temporary databases and the fixture files beside the tests.

#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "testdatabase.h"
#include "util/jsonqt.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ringside::testing {

inline QString dataPath(const char *name)
{
    return QStringLiteral(RINGSIDE_TEST_DIR "/data/") + QLatin1String(name);
}

inline QByteArray readData(const char *name)
{
    QFile f(dataPath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return f.readAll();
}

inline std::unique_ptr<Database> openDatabase(const QTemporaryDir &dir, const char *name = "store.db")
{
    QString error;
    auto db = testing::openTestDatabase(dir.filePath(QLatin1String(name)), &error);
    if (!db)
        qFatal("cannot open test database: %s", qPrintable(error));
    return db;
}

// Imports a data file; fails the calling test (via the returned report) when it does not load.
inline commerce::ImportReport importData(Database &db, const char *name)
{
    return commerce::FixtureImporter(db).importText(readData(name));
}

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toUTC();
}

} // namespace ringside::testing
