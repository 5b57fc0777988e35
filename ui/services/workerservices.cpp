#include "workerservices.h"

#include "backend.h"

#include "analytics/callrecordstore.h"
#include "calls/callassembly.h"
#include "storage/database.h"

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

CallAssembly &WorkerServices::assembly()
{
    requireDatabase();
    return *m_assembly;
}

CommerceBackend &WorkerServices::store()
{
    return assembly().store();
}

ToolRegistry &WorkerServices::tools()
{
    return assembly().tools();
}

analytics::CallRecordStore &WorkerServices::calls()
{
    return assembly().records();
}

bool WorkerServices::openDatabase(const QString &path, QString *error)
{
    closeDatabase();
    m_database = Database::open(path, error);
    if (!m_database)
        return false;
    CallServices services;
    services.environment = m_environment;
    m_assembly = std::make_unique<CallAssembly>(*m_database, std::move(services));
    // Calls an engine on this database was running when it died are closed as interrupted.
    try {
        m_assembly->closeInterruptedCalls();
    } catch (const std::exception &e) {
        qWarning("call records: %s", e.what());
    }
    return true;
}

void WorkerServices::setProviderEnvironment(QProcessEnvironment environment)
{
    m_environment = std::move(environment);
    if (m_assembly)
        m_assembly->setEnvironment(m_environment);
}

void WorkerServices::closeDatabase()
{
    m_assembly.reset();
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
