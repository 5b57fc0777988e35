#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <stdexcept>

namespace ringside {
class CallAssembly;
class Database;
class CommerceBackend;
class ToolRegistry;
namespace analytics {
class CallRecordStore;
}
} // namespace ringside

namespace ringside::ui {

class Backend;

// Thrown by WorkerServices when a job needs the database and none is open; Backend::run delivers
// it to the caller like any other failure (see whenReady()).
class NoDatabaseError : public std::runtime_error
{
public:
    NoDatabaseError();
};

// What a job running on the console's worker thread may use. Everything here belongs to the
// worker thread: it is created there, used there and destroyed there. The UI thread never sees
// this object; it hands lambdas to Backend::run, which calls them with it.
class WorkerServices
{
public:
    explicit WorkerServices(Backend &backend);
    ~WorkerServices();
    WorkerServices(const WorkerServices &) = delete;
    WorkerServices &operator=(const WorkerServices &) = delete;

    bool hasDatabase() const { return bool(m_database); }
    // Each throws NoDatabaseError when no database is open.
    Database &database();
    // Test Call and Try it put their calls together here, as serve does: the same store backend
    // (a connected shop's mirror, or the embedded store), tools and call records.
    CallAssembly &assembly();
    CommerceBackend &store();
    ToolRegistry &tools();
    analytics::CallRecordStore &calls();

    // Replaces the open database (closing the previous one). Returns false with *error filled
    // when the file cannot be opened or migrated; the previous database is closed either way.
    bool openDatabase(const QString &path, QString *error);
    void closeDatabase();
    // The provider keys Test Call's LLM brain uses: the process environment plus the keychain's
    // (loadProviderEnvironment). Kept across database changes.
    void setProviderEnvironment(QProcessEnvironment environment);

    // Long jobs report progress here; Backend::progress carries it to the UI thread.
    void reportProgress(const QString &what, int done, int total);
    // Long jobs check this between steps and give up early when the console is closing.
    bool stopRequested() const;

private:
    void requireDatabase() const;

    Backend &m_backend;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CallAssembly> m_assembly;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};

} // namespace ringside::ui
