#pragma once
// Values for an agent's template variables for one test record, looked up in the store by the
// engine's VariableResolver exactly as a call would, so the editor can show a greeting as the
// customer would hear it. Runs on the worker thread.

#include "agent/agent.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace ringside {
class CommerceBackend;
}

namespace ringside::ui {

// A record the preview can be rendered for.
struct PreviewRecord {
    QString id;      // "ORD-482913", "CART-0001", "C-0006"
    QString label;   // "ORD-482913 — Aarav Mehta, shipped"
};

struct PreviewValues {
    QHash<QString, QString> values;   // variable name → value
    QString description;              // what the record is, in a few words
    QString error;                    // why the call could not be resolved (store-wide values still filled)
    QStringList notices;              // the resolver's notes for the operator
};

// The demo store's showcase records that exist in this store, labelled.
QList<PreviewRecord> previewRecords(CommerceBackend &store);

// `recordId`: an order id, a cart id, a customer id or a phone number (empty: store-wide values).
PreviewValues resolvePreviewValues(CommerceBackend &store, const Agent &agent, const QString &recordId,
                                   const QDateTime &now);

} // namespace ringside::ui
