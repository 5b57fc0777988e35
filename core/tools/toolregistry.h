#pragma once

#include "commerce/commercebackend.h"
#include "toolcontext.h"
#include "util/jsonqt.h"

#include <QString>

namespace ringside {

// Runs tool calls for brains, the CLI and the console: validates the arguments against the
// catalogue, dispatches to the tool's handler and turns every failure into a structured result.
// Nothing throws past call(): argument problems give {"error":{code,message,field}}, store
// failures {"error":{"code":"internal",…}}.
class ToolRegistry
{
public:
    explicit ToolRegistry(CommerceBackend &backend);

    json call(const QString &name, const json &arguments, const ToolContext &context) noexcept;
    bool contains(const QString &name) const;

private:
    json dispatch(const QString &name, const json &arguments, const ToolContext &context);

    CommerceBackend &m_backend;
};

} // namespace ringside
