// Agent files (the spec's agent JSON): the console imports them, serve --agents reads a folder.
#include "fuzzinput.h"

#include "agent/agent.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const AgentLoadResult result = loadAgent(fuzz::bytes(data, size));
    if (!result.ok() && result.issues.isEmpty())
        fuzz::contradiction("an agent refused without naming a problem");
    return 0;
}
