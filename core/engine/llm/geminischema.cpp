#include "engine/llm/geminischema.h"

#include <cctype>

namespace ringside {

namespace {

std::string upper(std::string s)
{
    for (char &c : s)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Gemini's Type enum names.
bool isKnownType(const std::string &t)
{
    return t == "STRING" || t == "NUMBER" || t == "INTEGER" || t == "BOOLEAN" || t == "ARRAY" || t == "OBJECT";
}

// The single branch a union reduces to (Gemini's subset has no anyOf/oneOf): the first that is not
// {"type":"null"}; *nullable is set when a null branch was present.
const json *pickBranch(const json &branches, bool *nullable)
{
    const json *picked = nullptr;
    for (const json &b : branches) {
        if (b.is_object() && b.value("type", json()) == "null") {
            *nullable = true;
            continue;
        }
        if (!picked && b.is_object())
            picked = &b;
    }
    return picked;
}

// A format Gemini accepts for the type; anything else makes it reject the request.
bool formatAllowed(const std::string &type, const std::string &format)
{
    if (type == "STRING")
        return format == "enum" || format == "date-time";
    if (type == "NUMBER")
        return format == "float" || format == "double";
    if (type == "INTEGER")
        return format == "int32" || format == "int64";
    return false;
}

} // namespace

json toGeminiSchema(const json &schemaIn)
{
    if (!schemaIn.is_object())
        return json::object();

    // Collapse a union first, keeping the outer description.
    json schema = schemaIn;
    bool nullable = false;
    for (const char *unionKey : {"anyOf", "oneOf"}) {
        auto it = schema.find(unionKey);
        if (it == schema.end() || !it->is_array())
            continue;
        if (const json *branch = pickBranch(*it, &nullable)) {
            json merged = *branch;
            if (schema.contains("description") && !merged.contains("description"))
                merged["description"] = schema["description"];
            schema = std::move(merged);
        } else {
            schema.erase(unionKey);
        }
        break;
    }

    json out = json::object();
    std::string type;
    if (auto t = schema.find("type"); t != schema.end()) {
        if (t->is_string()) {
            type = upper(t->get<std::string>());
        } else if (t->is_array()) { // ["string","null"]
            for (const json &one : *t) {
                if (!one.is_string())
                    continue;
                const std::string name = upper(one.get<std::string>());
                if (name == "NULL")
                    nullable = true;
                else if (type.empty())
                    type = name;
            }
        }
    }
    if (type == "NULL") {
        nullable = true;
        type.clear();
    }
    // Infer what the schema leaves implicit, as Gemini needs a type on every node.
    if (type.empty() || !isKnownType(type)) {
        if (schema.contains("properties"))
            type = "OBJECT";
        else if (schema.contains("items"))
            type = "ARRAY";
        else if (schema.contains("enum") || schema.contains("const"))
            type = "STRING";
        else
            type.clear();
    }
    if (!type.empty())
        out["type"] = type;

    if (auto d = schema.find("description"); d != schema.end() && d->is_string())
        out["description"] = *d;
    if (auto n = schema.find("nullable"); n != schema.end() && n->is_boolean() && n->get<bool>())
        nullable = true;
    if (nullable)
        out["nullable"] = true;
    if (auto f = schema.find("format"); f != schema.end() && f->is_string() && formatAllowed(type, f->get<std::string>()))
        out["format"] = *f;

    json values = json::array();
    if (auto e = schema.find("enum"); e != schema.end() && e->is_array())
        values = *e;
    else if (auto c = schema.find("const"); c != schema.end())
        values = json::array({*c});
    if (!values.empty()) {
        bool allStrings = true;
        for (const json &v : values)
            allStrings = allStrings && v.is_string();
        if (allStrings && type == "STRING") {
            out["enum"] = values;
        } else {
            // Gemini only takes string enums: keep the allowed values as words for the model.
            const std::string list = "one of: " + values.dump(-1, ' ', false, json::error_handler_t::replace);
            const std::string described = out.contains("description")
                ? out["description"].get<std::string>() + " (" + list + ")" : list;
            out["description"] = described;
        }
    }

    if (type == "OBJECT") {
        json properties = json::object();
        if (auto p = schema.find("properties"); p != schema.end() && p->is_object()) {
            for (auto it = p->begin(); it != p->end(); ++it)
                properties[it.key()] = toGeminiSchema(it.value());
        }
        if (!properties.empty()) {
            json required = json::array();
            if (auto r = schema.find("required"); r != schema.end() && r->is_array()) {
                for (const json &name : *r) {
                    if (name.is_string() && properties.contains(name.get<std::string>()))
                        required.push_back(name);
                }
            }
            out["properties"] = std::move(properties);
            if (!required.empty())
                out["required"] = std::move(required);
        }
    }
    if (type == "ARRAY") {
        auto items = schema.find("items");
        // An array needs its item type; "any string" is the honest default when none is given.
        out["items"] = (items != schema.end() && items->is_object()) ? toGeminiSchema(*items)
                                                                     : json{{"type", "STRING"}};
    }
    return out;
}

json toGeminiFunctionDeclarations(const json &openAiTools)
{
    json declarations = json::array();
    if (!openAiTools.is_array())
        return declarations;
    for (const json &tool : openAiTools) {
        if (!tool.is_object() || !tool.contains("function") || !tool["function"].is_object())
            continue;
        const json &fn = tool["function"];
        json declaration = {{"name", stringAt(fn, "name")}};
        if (auto d = fn.find("description"); d != fn.end() && d->is_string())
            declaration["description"] = *d;
        if (auto p = fn.find("parameters"); p != fn.end() && p->is_object()) {
            json parameters = toGeminiSchema(*p);
            if (parameters.contains("properties")) {
                parameters["type"] = "OBJECT";
                declaration["parameters"] = std::move(parameters);
            }
        }
        declarations.push_back(std::move(declaration));
    }
    return declarations;
}

} // namespace ringside
