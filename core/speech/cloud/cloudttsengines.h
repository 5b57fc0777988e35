#pragma once

#include "speech/cloud/cloudttsrequest.h"
#include "speech/ttsengine.h"

#include <memory>

namespace ringside {

// Cartesia's /tts/bytes: one POST per sentence, raw audio streamed back (an HttpTts).
std::unique_ptr<TtsEngine> makeCartesiaBytesTts(const CartesiaOptions &options);
// Azure Speech REST: SSML with the voice and a prosody rate, raw audio back (an HttpTts).
std::unique_ptr<TtsEngine> makeAzureTts(const AzureTtsOptions &options);

} // namespace ringside
