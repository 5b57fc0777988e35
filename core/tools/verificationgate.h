#pragma once
// Where caller verification (callerverification.h) meets the tool calls: the registry asks before
// running a tool whether the caller may (actions on an order need a verified caller), and after,
// marks the result with caller_verified and masks personal fields for a caller who is not.

#include "commerce/commercebackend.h"
#include "toolcontext.h"
#include "util/jsonqt.h"

#include <optional>

namespace ringside {

// The tools that change an order or a return: refused for a caller who is not verified.
bool changesOrder(const QString &tool);

// A refusal ("caller_not_verified") when `tool` may not run for this caller; nullopt otherwise.
std::optional<json> refuseUnverified(const QString &tool, const json &arguments, const ToolContext &context,
                                     CommerceBackend &backend);

// Adds "caller_verified" to a result that names an order, and masks its personal fields when false.
void applyVerification(const QString &tool, json &result, const ToolContext &context, CommerceBackend &backend);

} // namespace ringside
