#pragma once

#include "storedata.h"

#include <QSqlDatabase>

namespace ringside::commerce {

// Writes whole records (a customer, an order with its items and tracking events, …) on one
// connection, inside whatever transaction the caller holds. Used by the fixture importer and the
// demo generator, so both store data the same way. Throws StorageError on any SQL failure.
class StoreWriter
{
public:
    enum class Mode {
        InsertOnly, // an id that exists already fails (the importer checks first and says which)
        Replace,    // an existing record is overwritten in place; its child rows are rewritten
    };

    // `updatedAtMs` stamps updated_at on the rows written.
    StoreWriter(QSqlDatabase db, Mode mode, qint64 updatedAtMs);

    void writeSetting(const QString &key, const QString &value);
    void writeCustomer(const Customer &customer);
    void writeOrder(const Order &order);
    void writeCart(const Cart &cart);
    void writeOffer(const Offer &offer);
    void writeReturn(const ReturnRequest &request);

    // Everything in `data`, parents before children.
    void writeAll(const StoreData &data);

private:
    QString insertSql(const QString &table, const QString &key, const QStringList &columns) const;

    QSqlDatabase m_db;
    Mode m_mode;
    qint64 m_updatedAtMs;
};

// SQL helpers shared by the store's writers.
QVariant msOrNull(const QDateTime &t);
QVariant dateOrNull(const QDate &d);
// Never a null QString: Qt binds those as SQL NULL, which NOT NULL text columns refuse.
QString notNull(const QString &s);

} // namespace ringside::commerce
