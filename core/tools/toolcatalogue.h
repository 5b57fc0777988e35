#pragma once

#include "util/jsonqt.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ringside {

// One tool the agents may call. `parameters` is the JSON schema the LLM sees (the seed's schema,
// exactly); `requireOneOf` and `checks` are rules the schema language cannot say, applied by
// the argument validator before a handler runs.
struct ToolDefinition {
    QString name;
    QString description;
    json parameters;
    // At least one of these must be given (non-empty), e.g. order_id or phone_number.
    QStringList requireOneOf;
    // Argument path → checks: "date" (YYYY-MM-DD that exists), "phone", "quantity" (1 to 1,000,000),
    // "required" (inside array items), "non_empty" (arrays). "items[].quantity" means every element.
    json checks = json::object();
};

// Every tool, in catalogue order (the 13 seed tools, then transfer_to_human and end_call).
// Loaded once from the compiled-in resource :/ringside/tools/tooldefinitions.json.
const std::vector<ToolDefinition> &toolCatalogue();

// The names of every tool; agent files may only name these.
QStringList toolNames();

// The definition named `name`, or nullptr.
const ToolDefinition *findTool(const QString &name);

// Declarations for an LLM in the OpenAI function shape:
// [{"type":"function","function":{"name","description","parameters"}}], in the order of `names`.
// Names not in the catalogue are skipped (the agent validator reports them).
json toolDeclarations(const QStringList &names);

} // namespace ringside
