#pragma once
// Which carts a recovery call actually recovered: an order placed from the cart (orders.cart_id)
// within seven days of the cart's first recovery call, and not cancelled. A checkout link sent,
// or a call that ended "recovered", is not enough (docs/analytics.md "Cart recovery").

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace ringside::analytics {

inline constexpr qint64 kRecoveryWindowMs = 7LL * 24 * 3600 * 1000;

struct RecoveredCart
{
    QString cartId;
    qint64 calledAtMs = 0;   // the cart's first recovery call
    QString orderId;         // the first order placed from it within the window
    qint64 orderedAtMs = 0;
    qint64 totalMinor = 0;
    QString currency;
};

// Carts whose first recovery call started in [fromMs, toMs) (0, 0: all time), optionally only
// calls by `agent` / on `channel`, that were recovered. Throws StorageError.
std::vector<RecoveredCart> recoveredCarts(const QSqlDatabase &db, qint64 fromMs, qint64 toMs, const QString &agent = QString(),
                                          const QString &channel = QString());

// COD orders called about (first attempt) in [fromMs, toMs) that ended unconfirmed: the calls ran
// out of attempts without reaching the customer.
qint64 unconfirmedCodOrders(const QSqlDatabase &db, qint64 fromMs, qint64 toMs, const QString &agent = QString(),
                            const QString &channel = QString());

} // namespace ringside::analytics
