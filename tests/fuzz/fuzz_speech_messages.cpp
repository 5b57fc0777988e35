// What the cloud speech services send back on their sockets: Deepgram's live results and
// Cartesia's TTS chunks.
#include "fuzzinput.h"

#include "speech/cloud/cloudttsrequest.h"
#include "speech/cloud/deepgramrequest.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    DeepgramMessage deepgram;
    (void)parseDeepgramMessage(input, &deepgram);
    CartesiaMessage cartesia;
    if (parseCartesiaMessage(input, &cartesia) && cartesia.contextId.isEmpty())
        fuzz::contradiction("a Cartesia message without a context was accepted");
    return 0;
}
