#pragma once

#include "platforms/syncsource.h"
#include "platforms/wooclient.h"

namespace ringside::platforms {

// Pages of WooCommerce customers and orders (REST v3, page/per_page, X-WP-TotalPages), oldest id
// first and filtered by modified_after, so pages stay put while the shop keeps selling. Unpaid
// orders also come back as stand-in abandoned checkouts.
class WooSyncSource final : public SyncSource
{
public:
    explicit WooSyncSource(WooClient &client) : m_client(client) {}

    QStringList resources() const override;
    SyncPage fetch(const QString &resource, const QString &cursor, const QDateTime &since) override;

    void setPerPage(int n) { m_perPage = n; }

private:
    WooClient &m_client;
    int m_perPage = 100;
};

} // namespace ringside::platforms
