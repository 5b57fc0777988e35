#include "previewvariables.h"

#include "commerce/commercebackend.h"
#include "commerce/demoshowcase.h"
#include "engine/variableresolver.h"
#include "tools/speechformat.h"

#include <QCoreApplication>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::PreviewVariables)
};

QString customerName(CommerceBackend &store, const QString &customerId)
{
    const auto customer = store.customerById(customerId);
    return customer ? customer->name : QString();
}
} // namespace

QList<PreviewRecord> previewRecords(CommerceBackend &store)
{
    namespace s = commerce::showcase;
    QList<PreviewRecord> records;
    for (const QString &id : { s::kShippedOrder, s::kPendingCodOrder, s::kDelayedOrder, s::kOutForDeliveryOrder,
                               s::kDeliveredRecentOrder, s::kProcessingOrder, s::kUsShippedOrder }) {
        if (const auto order = store.orderById(id))
            records.append({ id, Tr::tr("%1 — %2, %3").arg(id, customerName(store, order->customerId),
                                                           statusWords(order->status)) });
    }
    for (const QString &id : { s::kHighValueCart, s::kNearThresholdCart }) {
        if (const auto cart = store.cartById(id))
            records.append({ id, Tr::tr("%1 — %2, abandoned cart").arg(id, customerName(store, cart->customerId)) });
    }
    return records;
}

PreviewValues resolvePreviewValues(CommerceBackend &store, const Agent &agent, const QString &recordId,
                                   const QDateTime &now)
{
    PreviewValues out;
    const QString id = recordId.trimmed();
    const QString upper = id.toUpper();
    CallSubject subject;
    if (id.isEmpty()) {
        out.values = storeVariables(store);
        out.description = Tr::tr("no record: store-wide values only");
        return out;
    }
    if (store.orderById(upper)) {
        subject.orderId = upper;
        out.description = Tr::tr("order %1").arg(upper);
    } else if (store.cartById(upper)) {
        subject.cartId = upper;
        out.description = Tr::tr("cart %1").arg(upper);
    } else if (store.customerById(upper)) {
        subject.customerId = upper;
        out.description = Tr::tr("customer %1").arg(upper);
    } else if (store.customerByPhone(id)) {
        subject.callerPhone = id;
        out.description = Tr::tr("a call from %1").arg(id);
    } else {
        out.values = storeVariables(store);
        out.error = Tr::tr("No order, cart, customer or phone number \"%1\" in the store.").arg(id);
        return out;
    }
    const Result<ResolvedCall> resolved = VariableResolver(store, now).resolve(agent, subject);
    if (!resolved) {
        out.values = storeVariables(store);
        out.error = resolved.error();
        return out;
    }
    out.values = resolved->variables;
    out.notices = resolved->notices;
    return out;
}

} // namespace ringside::ui
