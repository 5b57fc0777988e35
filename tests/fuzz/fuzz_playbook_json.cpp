// Playbook files (*.playbook.json): the dialogue an agent follows, written by designers.
#include "fuzzinput.h"

#include "engine/nlu/analyser.h"
#include "engine/playbook.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const nlu::Analyser analyser = fuzz::required(nlu::Analyser::builtin(), "the built-in NLU lexicon");
    const PlaybookLoadResult result = loadPlaybook(fuzz::bytes(data, size), analyser);
    if (!result.ok() && result.issues.isEmpty())
        fuzz::contradiction("a playbook refused without naming a problem");
    return 0;
}
