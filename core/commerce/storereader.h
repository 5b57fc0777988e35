#pragma once

#include "storedata.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <optional>

namespace ringside::commerce {

// Reads whole records (an order with its items and tracking events, …) on one connection.
// `where` is an SQL condition over the record's own table with '?' placeholders bound from `binds`
// (empty = every row). Throws StorageError on any SQL failure.
class StoreReader
{
public:
    explicit StoreReader(QSqlDatabase db) : m_db(std::move(db)) {}

    QMap<QString, QString> settings();
    std::vector<Customer> customers(const QString &where = {}, const QVariantList &binds = {});
    // Newest first (created_at descending, then id) — the order callers hear them in.
    std::vector<Order> orders(const QString &where = {}, const QVariantList &binds = {});
    std::vector<Cart> carts(const QString &where = {}, const QVariantList &binds = {},
                            const QString &orderBy = QStringLiteral("id"));
    std::vector<Offer> offers(const QString &where = {}, const QVariantList &binds = {});
    std::vector<ReturnRequest> returns(const QString &where = {}, const QVariantList &binds = {});

    // The whole store, every list sorted by id (offers by code): a stable order for exports.
    StoreData readAll();

private:
    QSqlDatabase m_db;
};

// Runs `sql` with `binds`; throws StorageError on failure.
QSqlQuery runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});

} // namespace ringside::commerce
