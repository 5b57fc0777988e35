#pragma once

#include "util/jsonqt.h"

#include <QString>

namespace ringside {

// A tool call that could not run: the brain (or CLI user) passed something wrong, or the store
// failed. Business refusals (already shipped, outside the return window) are not errors; they
// are normal results with "success": false.
//
// Codes: unknown_tool, invalid_arguments (not an object), unknown_argument, missing_argument,
// invalid_type, invalid_value, internal (store or program failure).
struct ToolError {
    QString code;
    QString message;
    QString field;   // argument path, e.g. "items[0].reason"; empty when not about one argument

    // {"error":{"code":…,"message":…,"field":…}}
    json toJson() const
    {
        return { { "error", { { "code", code }, { "message", message }, { "field", field } } } };
    }
};

// True when a tool result is an error object rather than a result.
inline bool isToolError(const json &result)
{
    return result.is_object() && result.contains("error") && result.at("error").is_object();
}

// The error code of a tool result, or empty for a normal result.
inline QString toolErrorCode(const json &result)
{
    return isToolError(result) ? stringAt(result.at("error"), "code") : QString();
}

} // namespace ringside
