#include "platforms/woosyncsource.h"

#include "platforms/woomapper.h"

namespace ringside::platforms {

QStringList WooSyncSource::resources() const
{
    return { QStringLiteral("customers"), QStringLiteral("orders") };
}

SyncPage WooSyncSource::fetch(const QString &resource, const QString &cursor, const QDateTime &since)
{
    SyncPage page;
    const int number = cursor.isEmpty() ? 1 : cursor.toInt();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, number)));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(m_perPage));
    query.addQueryItem(QStringLiteral("orderby"), QStringLiteral("id"));
    query.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
    if (since.isValid() && resource == QLatin1String("orders")) {
        query.addQueryItem(QStringLiteral("modified_after"), since.toUTC().toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("dates_are_gmt"), QStringLiteral("true"));
    }
    if (resource == QLatin1String("customers"))
        query.addQueryItem(QStringLiteral("role"), QStringLiteral("all"));
    const WooAnswer answer = m_client.get(QLatin1Char('/') + resource, query);
    if (!answer.error.ok()) {
        page.error = answer.error;
        return page;
    }
    if (!answer.body.is_array()) {
        page.error = PlatformError::make(PlatformError::Kind::Malformed, QStringLiteral("%1 page %2 is not a JSON array").arg(resource).arg(number));
        return page;
    }
    const QString zone = m_client.connection().timezone;
    for (const json &record : answer.body) {
        if (resource == QLatin1String("orders")) {
            auto o = wooOrderFromRest(record, zone);
            if (!o.ok()) {
                page.skipped << o.error();
                continue;
            }
            page.orders.push_back(o->order);
            if (o->cart)
                page.carts.push_back(*o->cart);
        } else {
            auto c = wooCustomerFromRest(record, zone);
            if (c.ok())
                page.customers.push_back(std::move(c).value());
            else
                page.skipped << c.error();
        }
    }
    if (answer.total >= 0)
        page.total = answer.total;
    // Without X-WP-TotalPages, a short page is the last one.
    page.hasNext = answer.totalPages >= 0 ? number < answer.totalPages : qsizetype(answer.body.size()) == m_perPage;
    page.nextCursor = page.hasNext ? QString::number(number + 1) : QString();
    return page;
}

} // namespace ringside::platforms
