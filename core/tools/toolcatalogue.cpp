#include "toolcatalogue.h"

#include <QFile>

#include <stdexcept>

namespace ringside {

namespace {

std::vector<ToolDefinition> loadCatalogue()
{
    QFile file(QStringLiteral(":/ringside/tools/tooldefinitions.json"));
    // The resource is compiled in; failing to read or parse it is a build defect, not user input.
    if (!file.open(QIODevice::ReadOnly))
        throw std::logic_error("tool catalogue resource missing (:/ringside/tools/tooldefinitions.json)");
    const json doc = json::parse(file.readAll().toStdString());
    std::vector<ToolDefinition> tools;
    for (const json &entry : doc) {
        ToolDefinition def;
        def.name = stringAt(entry, "name");
        def.description = stringAt(entry, "description");
        def.parameters = entry.at("parameters");
        if (entry.contains("one_of")) {
            for (const json &n : entry.at("one_of"))
                def.requireOneOf << qs(n.get<std::string>());
        }
        if (entry.contains("checks"))
            def.checks = entry.at("checks");
        tools.push_back(std::move(def));
    }
    return tools;
}

} // namespace

const std::vector<ToolDefinition> &toolCatalogue()
{
    static const std::vector<ToolDefinition> catalogue = loadCatalogue();
    return catalogue;
}

QStringList toolNames()
{
    QStringList names;
    for (const ToolDefinition &def : toolCatalogue())
        names << def.name;
    return names;
}

const ToolDefinition *findTool(const QString &name)
{
    for (const ToolDefinition &def : toolCatalogue()) {
        if (def.name == name)
            return &def;
    }
    return nullptr;
}

json toolDeclarations(const QStringList &names)
{
    json out = json::array();
    for (const QString &name : names) {
        const ToolDefinition *def = findTool(name);
        if (!def)
            continue;
        out.push_back({ { "type", "function" },
                        { "function", { { "name", def->name }, { "description", def->description },
                                        { "parameters", def->parameters } } } });
    }
    return out;
}

} // namespace ringside
