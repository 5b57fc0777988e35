#pragma once

#include <QString>

namespace ringside::platforms {

// Why a call to a shop platform failed, in words a shop owner can act on (never with a secret in it).
struct PlatformError
{
    enum class Kind {
        None,
        Credentials,  // the platform refused the token or keys (401)
        Permission,   // accepted, but a scope / permission is missing (403)
        UnknownShop,  // no shop at that address (404 on the API root)
        Network,      // DNS, TLS, refused, timeout, dropped (see inDoubt)
        Server,       // 5xx or 429 after waiting: worth retrying later
        Rejected,     // the platform understood and said no (GraphQL errors, userErrors, 4xx)
        Malformed,    // the answer was not what the API documents
    };
    Kind kind = Kind::None;
    QString message;
    bool inDoubt = false;   // the platform may have acted on the request although no answer came back

    bool ok() const { return kind == Kind::None; }
    // Worth trying again later, unchanged.
    bool transient() const { return kind == Kind::Network || kind == Kind::Server; }
    static PlatformError make(Kind kind, QString message, bool inDoubt = false)
    {
        return PlatformError{ kind, std::move(message), inDoubt };
    }
};

} // namespace ringside::platforms
