#pragma once
// The dialer: plans what the store asks for (TriggerScanner), then places the calls that are due
// — at most once each, whatever crashes or how many dialers share the database:
//  1. claim due rows under a lease and decide them (claimround.h);
//  2. decide each one (decideCall): skip with a reason, move it out of quiet hours, or place it;
//  3. before the request goes out, check the lease still has a margin left (a dialer that slept
//     past its lease must not place a call someone else may be placing);
//  4. record the provider's call id the moment it answers, before anything relies on it;
//  5. a lease that ran out with no id recorded is only retried after asking the provider whether
//     a call to that number was made since the claim (adopted if so);
//  6. calls whose final status never came are looked up after rules.dialer.staleMinutes.
// Capacity: at most maxConcurrentCalls − inboundReserve lines busy (live calls plus ringing ones),
// and requests go out at callsPerSecond. Lives on one thread (its QNetworkAccessManager's).

#include "campaigns/callprogress.h"
#include "campaigns/campaignrules.h"
#include "campaigns/providerclient.h"
#include "campaigns/triggerscanner.h"

#include "util/clock.h"

#include <QElapsedTimer>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace ringside::campaigns {

class CampaignAgents;

// "Is the cart still abandoned?" asked right before a recovery call (the platform when one is
// connected, shopcartcheck.h); Unknown falls back to the store's own state, already checked (with
// a detail when the shop could not be asked: recorded in the call's history, the call goes ahead).
enum class CartState { Abandoned, Completed, Gone, Unknown };
struct CartCheck
{
    CartState state = CartState::Unknown;
    QString detail;
};
using CartStatusCheck = std::function<CartCheck(const QString &cartId)>;

struct DialerOptions
{
    QString owner;                               // names this dialer in leases: its engine's id (EngineRegistry)
    std::optional<DialerIdentity> identity;      // without it nothing is placed (decisions still run)
    Clock clock;
    std::function<int()> liveCalls;              // calls connected to this gateway now (any direction)
    CartStatusCheck cartCheck;
};

struct PassReport
{
    ScanReport scanned;
    int claimed = 0;
    int placed = 0;
    int rescheduled = 0;
    int refused = 0;           // the provider said no (4xx)
    int leasesRecovered = 0;   // expired leases: adopted or put back after asking the provider
    int settled = 0;           // stale calls whose status was looked up
    QMap<QString, int> skipped; // reason → count
    QStringList errors;

    json toJson() const;
};

class Dialer : public QObject
{
    Q_OBJECT
public:
    Dialer(Database &db, const CampaignAgents &agents, const nlu::Analyser *analyser, DialerOptions options, QObject *parent = nullptr);
    ~Dialer() override;

    // One full pass; `done` runs once every request of the pass has been answered (or timed out).
    void runOnce(std::function<void(const PassReport &)> done);
    // Passes every `intervalMs` and soon after nudge(). The store is scanned every
    // kScanIntervalMs and on every nudge (run once: every pass).
    void start(int intervalMs = 1000);
    static constexpr int kScanIntervalMs = 5000;
    void stop();
    // Stops, and gives back what this dialer holds (an engine draining): calls claimed but not
    // sent are due again at once; calls sent with no answer yet keep their lease for the send
    // margin only. Returns how many calls were released.
    int releaseLeases();
    bool isRunning() const { return m_timer.isActive(); }
    // How long a lease must still run for a request to go out under it (requests time out sooner).
    static constexpr qint64 kMaxSendMarginMs = 30000;
    static qint64 sendMarginMs(const CampaignRules::Dialer &rules);

    // Entry points for the gateway side (call them on this object's thread).
    void nudge();
    void statusReceived(const StatusUpdate &update);
    void conversationEnded(const QString &callId, const QString &outcome, const QString &recordId);
    // The gateway's media stream for `callId` started: the agent is on the line.
    void mediaConnected(const QString &callId);
    // A caller asked not to be called: on the list at once, every pending call to them skipped.
    void optOut(const QString &phone, const QString &detail);

Q_SIGNALS:
    // For Live Calls: {"call_id","scheduled_call_id","to","agent","use_case","attempt","status",…}
    void callPlaced(const QByteArray &callJson);
    void callProgressed(const QByteArray &progressJson);
    void passFinished(const ringside::campaigns::PassReport &report);

private:
    struct Pending
    {
        ScheduledCall call;
    };
    void pass();
    void continuePass();
    void recoverLeases(std::function<void()> then);
    void settleStale(PassReport &report, const CampaignRules &rules);
    void claimAndDecide(PassReport &report, const CampaignRules &rules);
    void sendNext();
    void placed(const ScheduledCall &call, const Result<telephony::OutboundResult> &result);
    void requestStarted();
    void requestFinished();
    int capacity(const CampaignRules &rules);
    QDateTime now() const { return m_options.clock.now().toUTC(); }

    Database &m_db;
    const CampaignAgents &m_agents;
    const nlu::Analyser *m_analyser;
    DialerOptions m_options;
    QNetworkAccessManager m_network;
    std::unique_ptr<ProviderClient> m_provider;
    CallProgress m_progress;
    QTimer m_timer;
    QTimer m_pacer;
    std::deque<Pending> m_pending;
    CampaignRules m_rules;
    int m_requests = 0;        // provider requests in flight
    bool m_inPass = false;
    bool m_scanDue = true;     // nudged, or the scan interval passed
    QElapsedTimer m_sinceScan;
    PassReport m_report;
    std::vector<std::function<void(const PassReport &)>> m_waiting;
};

// Failpoints for the crash tests: RINGSIDE_CAMPAIGNS_CRASH_AT=after_claim|after_post|after_record
// makes the process SIGKILL itself at that step (tests/campaigns/tst_campaignscrash.cpp).
void crashPoint(const char *step);

} // namespace ringside::campaigns

Q_DECLARE_METATYPE(ringside::campaigns::PassReport)
