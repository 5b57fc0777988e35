#include "util/remotejson.h"

namespace ringside {

bool jsonDepthWithin(QByteArrayView text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > maxDepth)
                return false;
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return true;
}

json parseRemoteJson(QByteArrayView text, int maxDepth)
{
    if (!jsonDepthWithin(text, maxDepth))
        return json(json::value_t::discarded);
    return json::parse(text.begin(), text.end(), nullptr, false);
}

} // namespace ringside
