#pragma once
// Gemini declares functions with an OpenAPI 3.0 subset, not full JSON Schema, and rejects the
// request (HTTP 400) on keywords or forms it does not know. These functions translate the
// catalogue's OpenAI-shaped tools into what Gemini accepts, keeping as much meaning as it can.

#include "util/jsonqt.h"

namespace ringside {

// [{"type":"function","function":{name,description,parameters}}, …] → [{name,description,parameters}, …].
// `parameters` is left out when the function takes none (Gemini rejects an OBJECT without properties).
json toGeminiFunctionDeclarations(const json &openAiTools);

// One JSON-Schema node → Gemini Schema. Keeps type (upper-case; ["x","null"] → nullable),
// properties, required (only names that exist), items, enum (strings; `const` becomes a one-value
// enum), description, nullable, format (only the ones Gemini allows for the type). Everything
// else (additionalProperties, $schema, default, minimum, pattern, …) is dropped.
json toGeminiSchema(const json &schema);

} // namespace ringside
