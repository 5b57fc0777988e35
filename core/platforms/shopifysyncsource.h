#pragma once

#include "platforms/shopifyclient.h"
#include "platforms/syncsource.h"

namespace ringside::platforms {

// Pages of Shopify customers, orders and abandoned checkouts through the Admin GraphQL API, with
// cursor pagination and `updated_at:>='…'` filters. A page that costs more than Shopify allows for
// one query (MAX_COST_EXCEEDED) is asked for again with half as many records.
class ShopifySyncSource final : public SyncSource
{
public:
    explicit ShopifySyncSource(ShopifyClient &client) : m_client(client) {}

    QStringList resources() const override;
    SyncPage fetch(const QString &resource, const QString &cursor, const QDateTime &since) override;

    void setOrdersPerPage(int n) { m_ordersPerPage = n; }
    int ordersPerPage() const { return m_ordersPerPage; }

private:
    ShopifyClient &m_client;
    int m_ordersPerPage = 0; // 0: the default
};

} // namespace ringside::platforms
