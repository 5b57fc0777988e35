// Store fixtures (ringside-engine store import, the console's import): customers, orders, carts.
#include "fuzzinput.h"

#include "commerce/fixtureparser.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    commerce::FixtureDiagnostics diagnostics;
    (void)commerce::parseFixture(fuzz::bytes(data, size), diagnostics);
    return 0;
}
