// Twilio and Exotel media-stream frames: every text frame a provider (or anyone who reaches
// /twilio/media or /exotel/media) can send goes through parseInbound() first.
#include "fuzzinput.h"

#include "telephony/mediaprotocol.h"

#include <vector>

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static std::vector<std::int16_t> pcm(24000);
    const fuzz::Steered in = fuzz::steer(data, size);
    telephony::ParseOptions options;
    options.protocol = (in.control & 1) ? telephony::MediaProtocol::Exotel : telephony::MediaProtocol::Twilio;
    options.allowTextInjection = (in.control & 2) != 0;
    static const int rates[] = { 8000, 16000, 24000 };
    options.sampleRate = options.protocol == telephony::MediaProtocol::Twilio ? 8000 : rates[(in.control >> 2) % 3];
    telephony::InboundMessage message;
    telephony::MediaError error;
    if (telephony::parseInbound(in.rest, options, &message, pcm.data(), pcm.size(), &error)) {
        if (message.samples > pcm.size())
            fuzz::contradiction("more samples than the buffer holds");
        if (message.kind == telephony::InboundMessage::Kind::Start && !telephony::isSafeStreamSid(message.start.streamSid))
            fuzz::contradiction("an unsafe streamSid was accepted");
    } else if (error.message.isEmpty()) {
        fuzz::contradiction("a refusal without a reason");
    }
    return 0;
}
