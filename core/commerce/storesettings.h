#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace ringside::commerce {

// Store-wide settings (the store_settings table) and their built-in defaults.
// The free-shipping threshold differs per currency, so it is kept as "freeShippingThreshold.INR",
// "freeShippingThreshold.USD", … in minor units; the plain key "freeShippingThreshold" reads the
// one for the store's own currency.

inline const QString kFreeShippingKey = QStringLiteral("freeShippingThreshold");

// Keys a fixture's "settings" object may carry (freeShippingThreshold as {currency: amount}).
const QStringList &settingKeys();

// The default for `key` ("freeShippingThreshold.USD" included), or a null QString when there is none.
QString defaultSetting(const QString &key);

// Every default, as stored keys (thresholds expanded per currency).
QMap<QString, QString> defaultSettings();

// "freeShippingThreshold.INR" for a currency.
inline QString freeShippingKey(const QString &currency) { return kFreeShippingKey + QLatin1Char('.') + currency; }

} // namespace ringside::commerce
