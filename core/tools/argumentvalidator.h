#pragma once

#include "toolcatalogue.h"
#include "toolerror.h"

#include <QDate>

#include <optional>

namespace ringside {

// Checks a tool call's arguments before any handler sees them, so handlers can read fields
// without defensive casts. Understands the JSON-schema subset the catalogue uses (object,
// properties, required, type, enum, items) plus the catalogue's extra rules (one-of pairs,
// dates, phones, sane quantities, required fields inside array items).
//
// The arguments that come back are normalised: JSON nulls are dropped (LLMs send them for
// omitted optionals), whole-number floats become integers, and enum values matched
// case-insensitively are written in the schema's spelling.
struct ValidatedArguments {
    json arguments;
    std::optional<ToolError> error;

    bool ok() const { return !error.has_value(); }
};

ValidatedArguments validateArguments(const ToolDefinition &tool, const json &arguments);

// The schema subset alone, for one value at `path` (normalising it in place as above).
std::optional<ToolError> validateAgainstSchema(const json &schema, json &value, const QString &path);

// True for text that is a real YYYY-MM-DD calendar date; fills *date when given.
bool parseIsoDate(const QString &text, QDate *date = nullptr);

} // namespace ringside
