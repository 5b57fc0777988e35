#pragma once
// Schedules the calls the store's own tables ask for and that are not planned yet: an idempotent
// scan (every trigger has a subject key; planning it twice is a no-op), run by the dialer on a
// timer and whenever the store says it changed, and by `campaigns run|list`.
//   COD orders awaiting confirmation       → cod:<order>                  (rules.cod)
//   orders fulfilled / out for delivery / delayed → delivery:<order>:<kind> (rules.delivery)
//   abandoned carts                        → cart:<cart>                  (rules.cart)
//   call records ending "callback"         → callback:<record>            (rules.callback)
// The embedded store is also the mirror of a connected Shopify or WooCommerce shop, so platform
// orders and carts are scheduled the same way.

#include <QDateTime>

namespace ringside {
class Database;
}
namespace ringside::nlu {
class Analyser;
}

namespace ringside::campaigns {

class CampaignAgents;

struct ScanReport
{
    int cod = 0;
    int delivery = 0;
    int cart = 0;
    int callback = 0;
    int skipped = 0;    // planned as skipped at once (no phone, a cart already called)

    int total() const { return cod + delivery + cart + callback; }
};

class TriggerScanner
{
public:
    // `analyser` reads callback times from transcripts; without one a callback waits the default delay.
    TriggerScanner(Database &db, const CampaignAgents &agents, const nlu::Analyser *analyser = nullptr)
        : m_db(db), m_agents(agents), m_analyser(analyser)
    {
    }

    ScanReport scan(const QDateTime &now);

private:
    Database &m_db;
    const CampaignAgents &m_agents;
    const nlu::Analyser *m_analyser;
};

} // namespace ringside::campaigns
