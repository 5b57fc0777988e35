// Server-sent events from LLM servers, split wherever the network splits them.
#include "fuzzinput.h"

#include "engine/llm/sseparser.h"

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::Steered in = fuzz::steer(data, size);
    const qsizetype step = 1 + in.control % 97;
    SseParser pieces;
    QList<SseEvent> a;
    for (qsizetype i = 0; i < in.rest.size(); i += step)
        a += pieces.feed(in.rest.mid(i, step));
    a += pieces.finish();
    SseParser whole;
    QList<SseEvent> b = whole.feed(in.rest);
    b += whole.finish();
    // Where the bytes were split must not change what was read.
    if (!pieces.hasError() && !whole.hasError()) {
        if (a.size() != b.size())
            fuzz::contradiction("the split changed the events");
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i].data != b[i].data || a[i].event != b[i].event || a[i].id != b[i].id)
                fuzz::contradiction("the split changed an event");
        }
    }
    return 0;
}
