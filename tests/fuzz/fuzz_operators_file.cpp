// The operators file (serve --operators): names and token hashes for /monitor.
#include "fuzzinput.h"

#include "telephony/operatorcredentials.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto parsed = telephony::parseOperatorCredentials(fuzz::bytes(data, size));
    if (parsed.ok()) {
        telephony::MonitorAccess access(parsed.value(), QString(), {});
        if (access.isOpen())
            fuzz::contradiction("a file with operators left the feed open");
        if (!access.operatorFor(QByteArrayLiteral("not anyone's token")).isEmpty() && parsed.value().size() > 0
            && parsed.value().front().tokenSha256.size() != 32)
            fuzz::contradiction("a malformed hash matched a token");
    } else if (parsed.error().isEmpty()) {
        fuzz::contradiction("a refusal without a reason");
    }
    return 0;
}
