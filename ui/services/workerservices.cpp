#include "workerservices.h"

#include "backend.h"

#include "analytics/callrecordstore.h"
#include "commerce/sqlstore.h"
#include "storage/database.h"
#include "tools/toolregistry.h"

#include <QCoreApplication>

namespace ringside::ui {

NoDatabaseError::NoDatabaseError()
    : std::runtime_error(QCoreApplication::translate("ringside::ui::WorkerServices",
                                                     "No database is open. Choose one in Settings.")
                                 .toStdString())
{
}

WorkerServices::WorkerServices(Backend &backend)
    : m_backend(backend)
{
}

WorkerServices::~WorkerServices()
{
    closeDatabase();
}

void WorkerServices::requireDatabase() const
{
    if (!m_database)
        throw NoDatabaseError();
}

Database &WorkerServices::database()
{
    requireDatabase();
    return *m_database;
}

CommerceBackend &WorkerServices::store()
{
    requireDatabase();
    return *m_store;
}

ToolRegistry &WorkerServices::tools()
{
    requireDatabase();
    return *m_tools;
}

analytics::CallRecordStore &WorkerServices::calls()
{
    requireDatabase();
    return *m_calls;
}

bool WorkerServices::openDatabase(const QString &path, QString *error)
{
    closeDatabase();
    m_database = Database::open(path, error);
    if (!m_database)
        return false;
    m_store = std::make_unique<SqlStore>(*m_database);
    m_tools = std::make_unique<ToolRegistry>(*m_store);
    m_calls = std::make_unique<analytics::CallRecordStore>(*m_database);
    // Calls an engine on this database was running when it died are closed as interrupted.
    try {
        m_calls->closeInterruptedCalls();
    } catch (const std::exception &e) {
        qWarning("call records: %s", e.what());
    }
    return true;
}

void WorkerServices::closeDatabase()
{
    m_calls.reset();
    m_tools.reset();
    m_store.reset();
    m_database.reset();
}

void WorkerServices::reportProgress(const QString &what, int done, int total)
{
    Q_EMIT m_backend.progress(what, done, total);
}

bool WorkerServices::stopRequested() const
{
    return m_backend.m_stopRequested.load(std::memory_order_relaxed);
}

} // namespace ringside::ui
