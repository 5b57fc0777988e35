#include "platforms/shopifysyncsource.h"

#include "platforms/shopifymapper.h"
#include "platforms/shopifyqueries.h"

namespace ringside::platforms {

QStringList ShopifySyncSource::resources() const
{
    return { QStringLiteral("customers"), QStringLiteral("orders"), QStringLiteral("checkouts") };
}

SyncPage ShopifySyncSource::fetch(const QString &resource, const QString &cursor, const QDateTime &since)
{
    SyncPage page;
    QString document;
    const char *root = nullptr;
    int first = 0;
    if (resource == QLatin1String("orders")) {
        document = shopifygql::kOrdersPage;
        root = "orders";
        first = m_ordersPerPage > 0 ? m_ordersPerPage : shopifygql::kOrdersPerPage;
    } else if (resource == QLatin1String("customers")) {
        document = shopifygql::kCustomersPage;
        root = "customers";
        first = shopifygql::kCustomersPerPage;
    } else if (resource == QLatin1String("checkouts")) {
        document = shopifygql::kCheckoutsPage;
        root = "abandonedCheckouts";
        first = shopifygql::kCheckoutsPerPage;
    } else {
        page.error = PlatformError::make(PlatformError::Kind::Malformed, QStringLiteral("unknown resource %1").arg(resource));
        return page;
    }
    json variables = { { "first", first }, { "after", cursor.isEmpty() ? json(nullptr) : json(cursor) } };
    if (since.isValid())
        variables["query"] = QStringLiteral("updated_at:>='%1'").arg(since.toUTC().toString(Qt::ISODate));
    else
        variables["query"] = nullptr;

    GraphqlAnswer answer;
    for (;;) {
        answer = m_client.run(document, variables, first * 50);
        // Too expensive for one query: halve the page and ask again.
        if (!answer.error.ok() && answer.error.message.contains(QLatin1String("MAX_COST_EXCEEDED")) && first > 1) {
            first /= 2;
            variables["first"] = first;
            if (resource == QLatin1String("orders"))
                m_ordersPerPage = first;
            continue;
        }
        break;
    }
    if (!answer.error.ok()) {
        page.error = answer.error;
        return page;
    }
    const json connection = answer.data.is_object() ? answer.data.value(root, json()) : json();
    if (!connection.is_object() || !connection.contains("nodes") || !connection["nodes"].is_array()) {
        page.error = PlatformError::make(PlatformError::Kind::Malformed,
                                         QStringLiteral("Shopify's answer has no %1.nodes").arg(QLatin1String(root)));
        return page;
    }
    const QString zone = m_client.connection().timezone;
    for (const json &node : connection["nodes"]) {
        if (resource == QLatin1String("orders")) {
            auto o = shopifyOrderFromGraphql(node, zone);
            if (o.ok())
                page.orders.push_back(std::move(o).value());
            else
                page.skipped << o.error();
        } else if (resource == QLatin1String("customers")) {
            auto c = shopifyCustomerFromGraphql(node, zone);
            if (c.ok())
                page.customers.push_back(std::move(c).value());
            else
                page.skipped << c.error();
        } else {
            auto c = shopifyCheckoutFromGraphql(node, zone);
            if (c.ok())
                page.carts.push_back(std::move(c).value());
            else
                page.skipped << c.error();
        }
    }
    const json info = connection.value("pageInfo", json::object());
    page.hasNext = info.value("hasNextPage", false);
    page.nextCursor = stringAt(info, "endCursor");
    if (page.hasNext && page.nextCursor.isEmpty())
        page.error = PlatformError::make(PlatformError::Kind::Malformed, QStringLiteral("Shopify said there is a next page but gave no cursor"));
    return page;
}

} // namespace ringside::platforms
