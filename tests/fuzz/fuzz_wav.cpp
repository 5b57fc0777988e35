// WAV files: loadgen --utterances, the console's test calls and recordings.
#include "fuzzinput.h"

#include "speech/wavreader.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    (void)WavReader::parse(fuzz::bytes(data, size));
    return 0;
}
