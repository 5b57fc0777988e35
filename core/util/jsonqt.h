#pragma once
// Lets nlohmann::json and QString meet without ceremony: `json j = qstr;`, `j.get<QString>()`.
// nlohmann stores UTF-8 std::string; QString converts from and to UTF-8.

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

QT_BEGIN_NAMESPACE
inline void to_json(nlohmann::json &j, const QString &s) { j = s.toStdString(); }
inline void from_json(const nlohmann::json &j, QString &s) { s = QString::fromStdString(j.get<std::string>()); }
inline void to_json(nlohmann::json &j, const QStringList &l)
{
    j = nlohmann::json::array();
    for (const QString &s : l)
        j.push_back(s.toStdString());
}
QT_END_NAMESPACE

namespace ringside {
using json = nlohmann::json;

inline QString qs(const std::string &s) { return QString::fromStdString(s); }

// The string at `key`, or `fallback` when absent or not a string.
inline QString stringAt(const json &obj, const char *key, const QString &fallback = {})
{
    if (!obj.is_object())
        return fallback;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_string()) ? qs(it->get<std::string>()) : fallback;
}
} // namespace ringside
