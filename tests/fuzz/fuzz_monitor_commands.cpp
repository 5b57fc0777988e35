// What a console sends on /monitor: JSON commands and binary operator-audio frames.
#include "fuzzinput.h"

#include "telephony/monitorprotocol.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    telephony::monitor::Command command;
    QString error;
    if (telephony::monitor::parseCommand(input, &command, &error)) {
        if (command.name.isEmpty() || !(command.id.is_null() || command.id.is_number() || command.id.is_string()))
            fuzz::contradiction("a command without a name, or with a structured id");
        (void)command.message.dump(); // what the hub echoes back must be printable
    }
    telephony::monitor::AudioFrame frame;
    if (telephony::monitor::decodeAudioFrame(input, &frame, &error)) {
        const QByteArray again = telephony::monitor::encodeAudioFrame(frame.kind, frame.callId, frame.sampleRate, frame.samples.data(),
                                                                      frame.samples.size());
        if (again.size() != input.size() && frame.callId.toUtf8().size() <= 255 && QString::fromUtf8(input.mid(2, std::uint8_t(input[1]))).toUtf8() == input.mid(2, std::uint8_t(input[1])))
            fuzz::contradiction("an audio frame does not survive a round trip");
    }
    return 0;
}
