#pragma once
// A real store for tool tests: the fixture under tests/tools/fixtures imported through the
// commerce importer into a fresh SQLite file, with `now` pinned so every date in a message is
// predictable.

#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "storage/database.h"
#include "tools/toolregistry.h"
#include "util/clock.h"

#include <QTemporaryDir>

#include <memory>

namespace ringside::test {

// Thursday, November 26, 2026, 10:00 in India (still Wednesday evening in Los Angeles).
inline QDateTime fixtureNow()
{
    return parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
}

class ToolHarness
{
public:
    ToolHarness()
    {
        m_db = Database::open(m_dir.filePath(QStringLiteral("tools.db")), &m_error);
        if (!m_db)
            return;
        commerce::ImportOptions options;
        options.now = fixtureNow();
        const auto report = commerce::FixtureImporter(*m_db).importFile(
                QStringLiteral(RINGSIDE_TEST_DIR "/fixtures/toolstore.json"), options);
        if (!report.ok) {
            m_error = report.errors.join(QLatin1Char('\n'));
            m_db.reset();
            return;
        }
        m_store = std::make_unique<SqlStore>(*m_db);
        m_registry = std::make_unique<ToolRegistry>(*m_store);
    }

    bool ok() const { return m_registry != nullptr; }
    const QString &error() const { return m_error; }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("tools.db")); }
    Database &database() { return *m_db; }
    SqlStore &store() { return *m_store; }
    ToolRegistry &registry() { return *m_registry; }

    json call(const QString &name, const QString &arguments, const QString &language = QStringLiteral("en-US"),
              const QDateTime &now = fixtureNow())
    {
        ToolContext context;
        context.now = now;
        context.language = language;
        return m_registry->call(name, json::parse(arguments.toStdString()), context);
    }

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<ToolRegistry> m_registry;
};

// True when every key of `expected` has an equal value in `actual` (objects compared the same
// way, recursively; arrays must have the same length and match element by element). On a
// mismatch *why names the path, e.g. "orders[1].status: expected \"shipped\", got \"delivered\"".
inline bool matchesSubset(const json &actual, const json &expected, QString *why, const QString &path = QString())
{
    if (expected.is_object()) {
        if (!actual.is_object()) {
            *why = QStringLiteral("%1: expected an object, got %2").arg(path, qs(actual.dump()));
            return false;
        }
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QString sub = path.isEmpty() ? qs(it.key()) : path + QLatin1Char('.') + qs(it.key());
            if (!actual.contains(it.key())) {
                *why = QStringLiteral("%1: missing in %2").arg(sub, qs(actual.dump()));
                return false;
            }
            if (!matchesSubset(actual.at(it.key()), it.value(), why, sub))
                return false;
        }
        return true;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            *why = QStringLiteral("%1: expected %2, got %3").arg(path, qs(expected.dump()), qs(actual.dump()));
            return false;
        }
        for (size_t i = 0; i < expected.size(); ++i) {
            if (!matchesSubset(actual[i], expected[i], why, QStringLiteral("%1[%2]").arg(path).arg(i)))
                return false;
        }
        return true;
    }
    // Numbers compare by value, so 998 and 998.0 agree.
    if (expected.is_number() && actual.is_number() ? expected.get<double>() == actual.get<double>() : expected == actual)
        return true;
    *why = QStringLiteral("%1: expected %2, got %3").arg(path, qs(expected.dump()), qs(actual.dump()));
    return false;
}

} // namespace ringside::test
