#include "commands.h"

#include <vector>

namespace ringside::cli {

// One declaration and one table row per command; the implementations live in cmd_<name>.cpp.

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
    };
    return table;
}

} // namespace ringside::cli
