#include "fixtureimporter.h"

#include "fixtureparser.h"
#include "sqltransaction.h"
#include "storereader.h"
#include "storewriter.h"

#include "storage/database.h"

#include <QFile>
#include <QHash>
#include <QSet>

namespace ringside::commerce {

namespace {
// Enough to fix a file in a few rounds without burying the first problem.
constexpr qsizetype kMaxErrors = 100;

QString counted(int n, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? singular : plural));
}

QStringList capped(QStringList errors)
{
    if (errors.size() > kMaxErrors) {
        const qsizetype more = errors.size() - kMaxErrors;
        errors.resize(kMaxErrors);
        errors << QStringLiteral("… and %1 more errors").arg(more);
    }
    return errors;
}

QString at(const char *section, std::size_t i, const char *key)
{
    return QStringLiteral("%1[%2].%3").arg(QLatin1String(section)).arg(i).arg(QLatin1String(key));
}

// Checks that need the store: ids already taken, and references to records in the file or stored.
class ReferenceCheck
{
public:
    ReferenceCheck(const QSqlDatabase &db, bool replace, FixtureDiagnostics &diag)
        : m_db(db), m_replace(replace), m_diag(diag) {}

    void run(const StoreData &data)
    {
        QSet<QString> customers, orders;
        for (const Customer &c : data.customers)
            customers.insert(c.id);
        QHash<QString, QSet<QString>> orderSkus; // order id → skus, for the file's orders
        for (const Order &o : data.orders) {
            orders.insert(o.id);
            for (const LineItem &item : o.items)
                orderSkus[o.id].insert(item.sku);
        }
        for (std::size_t i = 0; i < data.customers.size(); ++i)
            notTaken(QStringLiteral("customers"), QStringLiteral("id"), data.customers[i].id, at("customers", i, "id"));
        for (std::size_t i = 0; i < data.orders.size(); ++i) {
            const Order &o = data.orders[i];
            notTaken(QStringLiteral("orders"), QStringLiteral("id"), o.id, at("orders", i, "id"));
            known(customers, QStringLiteral("customers"), QStringLiteral("customer"), o.customerId,
                  at("orders", i, "customer_id"));
        }
        for (std::size_t i = 0; i < data.carts.size(); ++i) {
            const Cart &c = data.carts[i];
            notTaken(QStringLiteral("carts"), QStringLiteral("id"), c.id, at("carts", i, "id"));
            known(customers, QStringLiteral("customers"), QStringLiteral("customer"), c.customerId,
                  at("carts", i, "customer_id"));
        }
        for (std::size_t i = 0; i < data.offers.size(); ++i)
            notTaken(QStringLiteral("offers"), QStringLiteral("code"), data.offers[i].code, at("offers", i, "code"));
        for (std::size_t i = 0; i < data.returns.size(); ++i) {
            const ReturnRequest &r = data.returns[i];
            notTaken(QStringLiteral("returns"), QStringLiteral("id"), r.id, at("returns", i, "id"));
            if (!known(orders, QStringLiteral("orders"), QStringLiteral("order"), r.orderId, at("returns", i, "order_id")))
                continue;
            const QSet<QString> skus = orderSkus.contains(r.orderId) ? orderSkus.value(r.orderId) : storedSkus(r.orderId);
            for (std::size_t k = 0; k < r.items.size(); ++k) {
                if (!skus.contains(r.items[k].sku))
                    m_diag.error(QStringLiteral("returns[%1].items[%2].sku").arg(i).arg(k),
                                 QStringLiteral("'%1' is not an item of order %2").arg(r.items[k].sku, r.orderId));
            }
        }
    }

private:
    bool stored(const QString &table, const QString &key, const QString &id)
    {
        return runQuery(m_db, QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ?").arg(table, key), { id }).next();
    }

    void notTaken(const QString &table, const QString &key, const QString &id, const QString &path)
    {
        if (!m_replace && stored(table, key, id))
            m_diag.error(path, QStringLiteral("'%1' already exists in the store (import with --replace to overwrite "
                                              "it)").arg(id));
    }

    bool known(const QSet<QString> &inFile, const QString &table, const QString &what, const QString &id,
               const QString &path)
    {
        if (inFile.contains(id) || stored(table, QStringLiteral("id"), id))
            return true;
        m_diag.error(path, QStringLiteral("'%1' matches no %2 in this file or in the store").arg(id, what));
        return false;
    }

    QSet<QString> storedSkus(const QString &orderId)
    {
        QSet<QString> out;
        QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT sku FROM order_items WHERE order_id = ?"), { orderId });
        while (q.next())
            out.insert(q.value(0).toString());
        return out;
    }

    QSqlDatabase m_db;
    bool m_replace;
    FixtureDiagnostics &m_diag;
};
} // namespace

QString ImportReport::summary() const
{
    return QStringLiteral("imported %1, %2, %3, %4, %5, %6")
            .arg(counted(customers, "customer", "customers"), counted(orders, "order", "orders"),
                 counted(carts, "cart", "carts"), counted(offers, "offer", "offers"),
                 counted(returns, "return", "returns"), counted(settings, "setting", "settings"));
}

ImportReport FixtureImporter::importFile(const QString &path, const ImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportReport report;
        report.errors << QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return report;
    }
    return importText(file.readAll(), options);
}

ImportReport FixtureImporter::importText(const QByteArray &text, const ImportOptions &options)
{
    FixtureDiagnostics diag;
    const StoreData data = parseFixture(text, diag);
    ImportReport report;
    report.warnings = diag.warnings;
    if (!diag.errors.isEmpty()) {
        report.errors = capped(diag.errors);
        return report;
    }
    return write(data, report, options);
}

ImportReport FixtureImporter::importData(const StoreData &data, const ImportOptions &options)
{
    return write(data, ImportReport(), options);
}

ImportReport FixtureImporter::write(const StoreData &data, ImportReport report, const ImportOptions &options)
{
    const QSqlDatabase db = m_database.connection();
    try {
        SqlTransaction tx(db);
        FixtureDiagnostics diag;
        ReferenceCheck(db, options.replace, diag).run(data);
        if (!diag.errors.isEmpty()) {
            report.errors = capped(diag.errors);
            return report; // the transaction rolls back: nothing was written
        }
        const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
        StoreWriter writer(db, options.replace ? StoreWriter::Mode::Replace : StoreWriter::Mode::InsertOnly,
                           now.toMSecsSinceEpoch());
        writer.writeAll(data);
        tx.commit();
    } catch (const StorageError &e) {
        report.errors << QStringLiteral("database: %1 (nothing was imported)").arg(QString::fromUtf8(e.what()));
        return report;
    }
    report.ok = true;
    report.settings = int(data.settings.size());
    report.customers = int(data.customers.size());
    report.orders = int(data.orders.size());
    report.carts = int(data.carts.size());
    report.offers = int(data.offers.size());
    report.returns = int(data.returns.size());
    return report;
}

} // namespace ringside::commerce
