#include "writeback.h"

namespace ringside {

QString QueuedWrites::detailOf(const char *action) const
{
    for (const PlatformWrite &w : writes)
        if (w.action == QLatin1String(action))
            return w.detail;
    return QString();
}

json QueuedWrites::toJson() const
{
    json out = json::array();
    for (const PlatformWrite &w : writes)
        out.push_back({ { "action_id", w.actionId }, { "action", w.action }, { "platform", w.platform },
                        { "status", w.actionId > 0 ? "queued" : "already_queued" } });
    return out;
}

void QueuedWrites::addTo(json &result) const
{
    if (any())
        result["write_back"] = toJson();
}

QueuedWrites takeQueuedWrites(HandlerEnv &env)
{
    auto *writes = dynamic_cast<PlatformWrites *>(&env.backend);
    return { writes ? writes->takePlatformWrites() : std::vector<PlatformWrite>{} };
}

QString shopCheckoutUrl(HandlerEnv &env, const QString &cartId)
{
    auto *writes = dynamic_cast<PlatformWrites *>(&env.backend);
    return writes ? writes->checkoutUrl(cartId) : QString();
}

} // namespace ringside
