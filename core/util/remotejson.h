#pragma once
// JSON that comes from outside (sockets, webhooks, providers): a depth limit, and typed reads
// that never throw.
//
// nlohmann's parser is iterative, but copying, dumping and comparing a document recurse: a peer
// that nests arrays a hundred thousand deep would overflow the stack long after parsing
// "succeeded". So every socket measures the nesting of a message before it parses it, in one
// pass that allocates nothing.

#include "util/jsonqt.h"

#include <QByteArrayView>

namespace ringside {

// Deep enough for any message we exchange (ours nest five or six levels).
inline constexpr int kMaxJsonDepth = 32;

// True when no object or array in `text` nests deeper than `maxDepth`. Brackets inside strings
// (escapes included) do not count; the text need not be valid JSON.
bool jsonDepthWithin(QByteArrayView text, int maxDepth = kMaxJsonDepth);

// Parses text from outside: a discarded value (is_discarded()) when it is not JSON or nests
// deeper than `maxDepth`. Never throws.
json parseRemoteJson(QByteArrayView text, int maxDepth = kMaxJsonDepth);

// Typed reads: remote data may hold anything at any key. Each returns `fallback` when `obj` is
// not an object, the key is absent, or the value has another type (json::value() throws
// type_error in that last case, and an exception nobody catches ends the process).
inline qint64 intAt(const json &obj, const char *key, qint64 fallback = 0)
{
    if (!obj.is_object())
        return fallback;
    auto it = obj.find(key);
    if (it == obj.end())
        return fallback;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number_float()) {
        const double d = it->get<double>();
        return d >= -9.0e18 && d <= 9.0e18 ? qint64(d) : fallback;
    }
    return fallback;
}
inline double numberAt(const json &obj, const char *key, double fallback = 0)
{
    if (!obj.is_object())
        return fallback;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_number()) ? it->get<double>() : fallback;
}
inline bool boolAt(const json &obj, const char *key, bool fallback = false)
{
    if (!obj.is_object())
        return fallback;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_boolean()) ? it->get<bool>() : fallback;
}
// The object (or array) at `key`, or an empty one.
inline const json &objectAt(const json &obj, const char *key)
{
    static const json empty = json::object();
    if (!obj.is_object())
        return empty;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_object()) ? *it : empty;
}
inline const json &arrayAt(const json &obj, const char *key)
{
    static const json empty = json::array();
    if (!obj.is_object())
        return empty;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_array()) ? *it : empty;
}

} // namespace ringside
