#pragma once

#include "callrecord.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>

namespace ringside::analytics {

// The SQL side of CallRecordStore's writes, used inside one transaction. Holds its statements
// prepared, so a batch of thousands of records does not re-parse the 75-column rollup upsert.
// Every method throws StorageError on a database failure.
class CallRecordWriter
{
public:
    CallRecordWriter(QSqlDatabase db, QTimeZone rollupZone);

    // Fills the id, what the tool calls say, and the order snapshot (status, carrier) from the
    // orders table when the record left them empty.
    void complete(CallRecord &record);
    bool exists(const QString &id);

    void insertRow(const CallRecord &record);
    void updateRow(const CallRecord &record);
    void deleteRow(const QString &id);

    // Adds (+1) or removes (-1) the stored row's contribution to the rollups.
    void applyRollup(const QString &id, qint64 startedAtMs, int sign);
    // Marks the earliest call of `useCase` about the record's cart (cart recovery) or order (all
    // other use cases) as the first attempt, and only it, keeping the rollup in step.
    void refreshFirstAttempt(const QString &useCase, const QString &cartId, const QString &orderId);

    // Set-based recompute of first_attempt for every row (after a bulk insert).
    static void recomputeAllFirstAttempts(QSqlDatabase db);

private:
    void writeLatencies(const CallRecord &record);
    QSqlQuery &prepared(QSqlQuery &query, const QString &sql);

    QSqlDatabase m_db;
    QTimeZone m_zone;
    QSqlQuery m_insert, m_update, m_latency, m_clearLatencies, m_exists, m_order, m_sameCart, m_sameOrder, m_setFirst;
};

// call_records columns written from a CallRecord, in binding order (id first).
const QStringList &writtenColumns();

} // namespace ringside::analytics
