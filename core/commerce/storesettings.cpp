#include "storesettings.h"

namespace ringside::commerce {

const QStringList &settingKeys()
{
    static const QStringList keys = {
        QStringLiteral("storeName"),     QStringLiteral("currency"),       QStringLiteral("timezone"),
        kFreeShippingKey,                QStringLiteral("processingTime"), QStringLiteral("orderIdFormat"),
        QStringLiteral("returnWindowDays"), QStringLiteral("storeDomain"), QStringLiteral("supportHours"),
    };
    return keys;
}

QMap<QString, QString> defaultSettings()
{
    return {
        { QStringLiteral("storeName"), QStringLiteral("My Store") },
        { QStringLiteral("currency"), QStringLiteral("INR") },
        // The store's own zone: offer expiry times are shown in it.
        { QStringLiteral("timezone"), QStringLiteral("Asia/Kolkata") },
        { freeShippingKey(QStringLiteral("INR")), QStringLiteral("49900") },
        { freeShippingKey(QStringLiteral("USD")), QStringLiteral("3500") },
        { QStringLiteral("processingTime"), QStringLiteral("1 to 2 business days") },
        { QStringLiteral("orderIdFormat"), QStringLiteral("ORD followed by six digits") },
        { QStringLiteral("returnWindowDays"), QStringLiteral("7") },
        { QStringLiteral("storeDomain"), QStringLiteral("shop.example.com") },
        { QStringLiteral("supportHours"), QStringLiteral("9 AM to 9 PM, Monday to Saturday") },
    };
}

QString defaultSetting(const QString &key)
{
    static const QMap<QString, QString> defaults = defaultSettings();
    return defaults.value(key);
}

} // namespace ringside::commerce
