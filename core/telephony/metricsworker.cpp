#include "telephony/metricsworker.h"

#include "analytics/prometheusexporter.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QMetaObject>
#include <QPointer>

namespace ringside::telephony {

MetricsWorker::MetricsWorker(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    m_thread.setObjectName(QStringLiteral("metrics"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

MetricsWorker::~MetricsWorker()
{
    m_thread.quit();
    m_thread.wait();
}

void MetricsWorker::render(std::function<void(const QString &, const QString &)> done)
{
    m_waiting.push_back(std::move(done));
    if (m_waiting.size() > 1)
        return; // a render is running: this request gets its result
    QPointer<MetricsWorker> self(this);
    Database *db = &m_db;
    QMetaObject::invokeMethod(m_context, [self, db] {
        QString text;
        QString error;
        try {
            text = analytics::renderMetrics(*db);
        } catch (const StorageError &e) {
            error = QString::fromUtf8(e.what());
        }
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, text, error] {
                if (self)
                    self->finished(text, error);
            });
    });
}

void MetricsWorker::finished(const QString &text, const QString &error)
{
    auto waiting = std::exchange(m_waiting, {});
    for (auto &fn : waiting)
        fn(text, error);
}

} // namespace ringside::telephony
