#include "campaigns/dialer.h"

#include "campaigns/calldecider.h"
#include "campaigns/callqueue.h"
#include "campaigns/claimround.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/dndlist.h"

#include "storage/database.h"
#include "storage/enginepresence.h"
#include "storage/engineregistry.h"
#include "storage/sqlutil.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <csignal>
#include <cmath>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDialer, "ringside.campaigns.dialer")

namespace ringside::campaigns {

void crashPoint(const char *step)
{
    static const QByteArray at = qgetenv("RINGSIDE_CAMPAIGNS_CRASH_AT");
    if (!at.isEmpty() && at == step)
        ::kill(::getpid(), SIGKILL);
}

json PassReport::toJson() const
{
    json skips = json::object();
    for (auto it = skipped.cbegin(); it != skipped.cend(); ++it)
        skips[it.key().toStdString()] = it.value();
    return { { "scheduled", { { "cod_confirmation", scanned.cod }, { "delivery_update", scanned.delivery },
                              { "cart_recovery", scanned.cart }, { "callback", scanned.callback } } },
             { "claimed", claimed }, { "placed", placed }, { "rescheduled", rescheduled }, { "refused", refused },
             { "skipped", skips }, { "leases_recovered", leasesRecovered }, { "settled", settled }, { "errors", errors } };
}

Dialer::Dialer(Database &db, const CampaignAgents &agents, const nlu::Analyser *analyser, DialerOptions options, QObject *parent)
    : QObject(parent), m_db(db), m_agents(agents), m_analyser(analyser), m_options(std::move(options)), m_network(this),
      m_progress(db, agents), m_timer(this), m_pacer(this)
{
    // The network manager and timers are children, so they move to the dialer's thread with it.
    qRegisterMetaType<ringside::campaigns::PassReport>();
    if (m_options.identity)
        m_provider = std::make_unique<ProviderClient>(m_network, *m_options.identity);
    connect(&m_timer, &QTimer::timeout, this, &Dialer::pass);
    m_pacer.setTimerType(Qt::PreciseTimer);
    connect(&m_pacer, &QTimer::timeout, this, &Dialer::sendNext);
}

Dialer::~Dialer() = default;

void Dialer::start(int intervalMs)
{
    m_timer.start(intervalMs);
    QTimer::singleShot(0, this, &Dialer::pass);
}

void Dialer::stop()
{
    m_timer.stop();
    m_pacer.stop();
}

qint64 Dialer::sendMarginMs(const CampaignRules::Dialer &rules)
{
    return std::min<qint64>(kMaxSendMarginMs, qint64(rules.leaseSeconds) * 250);
}

// holdsLease() lets an engine send only while its last beat keeps it alive for the whole margin
// (beat + dead-after > now + margin): with a dead-after no longer than the margin, no engine
// could ever send; with less than a few beats between them, one late beat would stop sending.
static_assert(EnginePresence::kDeadAfterMs >= Dialer::kMaxSendMarginMs + 3 * EnginePresence::kBeatMs,
              "an engine's dead-after time must outlast the send margin by a few beats");

int Dialer::releaseLeases()
{
    stop();
    const QDateTime t = now();
    int released = 0;
    try {
        CallQueue queue(m_db);
        // Claimed and never sent: due again at once, for any dialer.
        for (const Pending &p : m_pending)
            if (queue.reschedule(p.call.id, p.call.dueAt, QString(), QStringLiteral("%1 stopped before placing it").arg(m_options.owner), t,
                                 p.call.leaseGen))
                ++released;
        m_pending.clear();
        // Sent with no call id back yet: the request may be at the provider, so the lease ends only
        // after the send margin (no request is older by then); then another dialer asks the provider.
        released += queue.endLeasesOf(m_options.owner, t.addMSecs(sendMarginMs(m_rules.dialer)),
                                      QStringLiteral("%1 stopped while placing it").arg(m_options.owner), t);
    } catch (const StorageError &e) {
        // Not released: the leases run out on their own.
        m_report.errors << QString::fromUtf8(e.what());
    }
    return released;
}

void Dialer::nudge()
{
    m_scanDue = true;
    QTimer::singleShot(0, this, &Dialer::pass);
}

void Dialer::runOnce(std::function<void(const PassReport &)> done)
{
    m_waiting.push_back(std::move(done));
    pass();
}

void Dialer::requestStarted()
{
    ++m_requests;
}

void Dialer::requestFinished()
{
    --m_requests;
    if (m_requests == 0 && m_pending.empty() && !m_inPass) {
        const PassReport report = m_report;
        auto waiting = std::move(m_waiting);
        m_waiting.clear();
        Q_EMIT passFinished(report);
        for (auto &w : waiting)
            w(report);
    }
}

int Dialer::capacity(const CampaignRules &rules)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT COALESCE(SUM(CASE WHEN answered_at IS NULL THEN 1 ELSE 0 END), 0), "
                                                                "COALESCE(SUM(CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END), 0) "
                                                                "FROM scheduled_calls WHERE status = 'dialing'"));
    q.next();
    const int ringing = q.value(0).toInt();
    const int live = m_options.liveCalls ? m_options.liveCalls() : q.value(1).toInt();
    return std::max(0, rules.dialer.maxConcurrentCalls - rules.dialer.inboundReserve - ringing - live - int(m_pending.size()));
}

void Dialer::pass()
{
    if (m_inPass)
        return;
    m_inPass = true;
    requestStarted(); // the pass itself counts until its last step is over
    m_report = PassReport();
    try {
        CampaignSettings settings(m_db);
        QStringList problems;
        m_rules = settings.rules(&problems);
        for (const QString &p : problems)
            m_report.errors << p;
        // Serving, the store is scanned every kScanIntervalMs and when nudged; dialling runs every pass.
        if (!m_timer.isActive() || m_scanDue || !m_sinceScan.isValid() || m_sinceScan.elapsed() >= kScanIntervalMs) {
            m_report.scanned = TriggerScanner(m_db, m_agents, m_analyser).scan(now());
            m_scanDue = false;
            m_sinceScan.start();
        }
    } catch (const StorageError &e) {
        m_report.errors << QString::fromUtf8(e.what());
        qCWarning(lcDialer, "pass failed: %s", e.what());
    }
    // Expired leases first: a call they may have placed must be found before anything is claimed.
    if (m_provider)
        recoverLeases([this] { continuePass(); });
    else
        continuePass();
}

void Dialer::continuePass()
{
    try {
        if (m_provider) {
            settleStale(m_report, m_rules);
            claimAndDecide(m_report, m_rules);
        }
        m_progress.repairMissingRecords(now());
    } catch (const StorageError &e) {
        m_report.errors << QString::fromUtf8(e.what());
        qCWarning(lcDialer, "pass failed: %s", e.what());
    }
    m_inPass = false;
    if (!m_pending.empty() && !m_pacer.isActive()) {
        m_pacer.start(std::max(1, int(std::lround(1000.0 / m_rules.dialer.callsPerSecond))));
        sendNext();
    }
    requestFinished();
}

void Dialer::claimAndDecide(PassReport &report, const CampaignRules &rules)
{
    const QStringList paused = CampaignSettings(m_db).pausedUseCases();
    int limit = capacity(rules);
    // Serving: claim about one interval's worth at the pace, less what is still waiting to be sent.
    // Claiming a full interval's worth on every pass whatever is left would hoard leases whenever
    // the pacer falls behind (each pass claims one call more than the pace sends, and a loaded
    // engine sends fewer): a dead engine would then leave hundreds of calls to be taken over.
    if (m_timer.isActive())
        limit = std::min(limit, int(std::ceil(rules.dialer.callsPerSecond * std::max(1, m_timer.interval()) / 1000.0)) + 1 - int(m_pending.size()));
    if (limit <= 0)
        return;
    const QDateTime t = now();
    CallQueue queue(m_db);
    DecisionReview review;
    if (m_options.cartCheck) {
        review = [&](const ScheduledCall &call, const Decision &d) -> Decision {
            if (call.useCase != kCart)
                return d;
            const CartCheck cart = m_options.cartCheck(call.cartId);
            if (cart.state == CartState::Completed)
                return { Decision::Action::Skip, reason::completed, cart.detail, {} };
            if (cart.state == CartState::Gone)
                return { Decision::Action::Skip, reason::cancelled, cart.detail, {} };
            if (cart.state == CartState::Unknown && !cart.detail.isEmpty())
                queue.addEvent(call.id, QStringLiteral("cart_check_failed"), QString(), cart.detail, t);
            return d;
        };
    }
    ClaimRound round = campaigns::claimAndDecide(m_db, m_agents, rules, t, { m_options.owner, rules.dialer.leaseSeconds, limit, paused }, review,
                                                 [] { crashPoint("after_claim"); });
    report.claimed += round.claimed;
    for (ScheduledCall &call : round.toPlace)
        m_pending.push_back({ std::move(call) });
    report.rescheduled += round.rescheduled();
    const QMap<QString, int> skipped = round.skipped();
    for (auto it = skipped.cbegin(); it != skipped.cend(); ++it)
        report.skipped[it.key()] += it.value();
}

namespace {

// The reason and detail recorded when a claimed call is not sent.
std::pair<QString, QString> notSent(CallQueue::LeaseCheck lease, const QString &engine)
{
    switch (lease) {
    case CallQueue::LeaseCheck::EngineStopping:
        return { reason::engineDraining, QStringLiteral("not sent: engine %1 is shutting down and gives its calls back").arg(engine) };
    case CallQueue::LeaseCheck::EngineBeatLate:
        return { reason::engineBeatLate, QStringLiteral("not sent: engine %1's last heartbeat would not keep it alive until the provider answers").arg(engine) };
    case CallQueue::LeaseCheck::Gone:
        return { QString(), QStringLiteral("not sent: the call was no longer this dialer's") };
    case CallQueue::LeaseCheck::Short:
    case CallQueue::LeaseCheck::Held:
        break;
    }
    return { QString(), QStringLiteral("not sent: the lease ran short") };
}

} // namespace

void Dialer::sendNext()
{
    if (m_pending.empty()) {
        m_pacer.stop();
        return;
    }
    const ScheduledCall call = m_pending.front().call;
    m_pending.pop_front();
    CallQueue queue(m_db);
    // Never send with a lease that may run out before the provider answers: another dialer
    // could then take the call over and place it too.
    try {
        const CallQueue::LeaseCheck lease = queue.checkLease(call.id, call.leaseGen, now(), sendMarginMs(m_rules.dialer), m_options.owner);
        if (lease != CallQueue::LeaseCheck::Held) {
            const auto [why, detail] = notSent(lease, m_options.owner);
            queue.addEvent(call.id, QStringLiteral("lease_lost"), why, detail, now());
            if (m_pending.empty())
                m_pacer.stop();
            requestStarted();
            requestFinished();
            return;
        }
    } catch (const StorageError &e) {
        m_report.errors << QString::fromUtf8(e.what());
        return;
    }
    requestStarted();
    m_provider->place(call, m_rules.dialer, [this, call](Result<telephony::OutboundResult> result) {
        placed(call, result);
        requestFinished();
    });
    if (m_pending.empty())
        m_pacer.stop();
}

void Dialer::placed(const ScheduledCall &call, const Result<telephony::OutboundResult> &result)
{
    const QDateTime t = now();
    try {
        if (result.ok()) {
            crashPoint("after_post");
            CallQueue(m_db).recordPlaced(call.id, call.leaseGen, m_provider->identity().providerName(), result->callSid, result->status, t);
            crashPoint("after_record");
            ++m_report.placed;
            const json info = { { "call_id", result->callSid }, { "scheduled_call_id", call.id }, { "provider", m_provider->identity().providerName() },
                                { "to", call.phone }, { "agent", call.agent }, { "use_case", call.useCase }, { "attempt", call.attempt },
                                { "order_id", call.orderId }, { "cart_id", call.cartId }, { "customer_id", call.customerId },
                                { "language", call.agentLanguage }, { "status", result->status }, { "direction", "outbound" }, { "state", "dialing" },
                                { "started_at", t.toString(Qt::ISODateWithMs) } };
            Q_EMIT callPlaced(QByteArray::fromStdString(info.dump()));
            return;
        }
        static const QRegularExpression http(QStringLiteral("answered HTTP (\\d{3})"));
        const QRegularExpressionMatch m = http.match(result.error());
        const int status = m.hasMatch() ? m.captured(1).toInt() : 0;
        if (status >= 400 && status < 500) {
            // A 4xx creates nothing: the call never existed, so it may be retried by the rules.
            m_progress.placementRefused(call, result.error(), t);
            ++m_report.refused;
        } else {
            // No answer, or a server error: the call may exist. The lease runs out and the
            // provider is asked before anything is placed again.
            CallQueue(m_db).addEvent(call.id, QStringLiteral("placement_unknown"), QString(), result.error(), t);
            m_report.errors << result.error();
        }
    } catch (const StorageError &e) {
        m_report.errors << QString::fromUtf8(e.what());
    }
}

void Dialer::recoverLeases(std::function<void()> then)
{
    CallQueue queue(m_db);
    const QDateTime t = now();
    std::vector<ScheduledCall> taken;
    try {
        // An engine that stopped beating holds its leases no longer: they end now and are taken
        // over below like any lease that ran out (the provider is asked before anything is placed).
        // Marked dead and its leases ended in one transaction: nothing in between to crash in.
        EngineRegistry(m_db).markDead(t, [&](const QSqlDatabase &db, const QString &dead) {
            queue.endLeasesOf(db, dead, t.addMSecs(-1), QStringLiteral("engine %1 stopped beating").arg(dead), t);
        });
        for (ScheduledCall row : queue.expiredLeases(t, 20)) {
            const QString previousOwner = row.leaseOwner;
            if (queue.takeOverLease(row, m_options.owner, t, m_rules.dialer.leaseSeconds)) {
                row.reason = previousOwner; // remembered for the history below
                taken.push_back(row);
            }
        }
    } catch (const StorageError &e) {
        m_report.errors << QString::fromUtf8(e.what());
    }
    if (taken.empty()) {
        then();
        return;
    }
    auto left = std::make_shared<int>(int(taken.size()));
    for (const ScheduledCall &row : taken) {
        requestStarted();
        m_provider->findCalls(row.phone, row.claimedAt.isValid() ? row.claimedAt : row.updatedAt,
                              [this, row, left, then](Result<std::vector<ProviderCallInfo>> found) {
            const QDateTime at = now();
            const QString previousOwner = row.reason;
            CallQueue q(m_db);
            try {
                if (!found.ok()) {
                    // Not asked, not retried: the lease runs out again and the question is asked again.
                    m_report.errors << found.error();
                    q.addEvent(row.id, QStringLiteral("lease_check_failed"), QString(), found.error(), at);
                } else {
                    std::optional<ProviderCallInfo> ours;
                    for (const ProviderCallInfo &c : found.value())
                        if (!q.byProviderCallId(c.callId)) {
                            ours = c;
                            break;
                        }
                    if (ours) {
                        q.recordPlaced(row.id, row.leaseGen, m_provider->identity().providerName(), ours->callId, ours->status, at);
                        q.addEvent(row.id, QStringLiteral("adopted"), QString(),
                                   QStringLiteral("%1's lease ran out; the provider has call %2 to %3, so it is not placed again")
                                           .arg(previousOwner, ours->callId, row.phone),
                                   at);
                        StatusUpdate u;
                        u.provider = m_provider->identity().providerName();
                        u.callId = ours->callId;
                        u.status = ours->status;
                        u.durationS = ours->durationS;
                        u.answeredBy = ours->answeredBy;
                        if (u.isFinal())
                            m_progress.apply(u, at);
                    } else {
                        q.reschedule(row.id, row.dueAt, QString(),
                                     QStringLiteral("%1's lease ran out and the provider has no call to %2 since the claim: retried")
                                             .arg(previousOwner, row.phone),
                                     at, row.leaseGen);
                    }
                    ++m_report.leasesRecovered;
                }
            } catch (const StorageError &e) {
                m_report.errors << QString::fromUtf8(e.what());
            }
            if (--*left == 0)
                then();
            requestFinished();
        });
    }
}

void Dialer::settleStale(PassReport &, const CampaignRules &rules)
{
    CallQueue queue(m_db);
    const QDateTime t = now();
    for (const ScheduledCall &row : queue.unsettled(t.addSecs(-qint64(rules.dialer.staleMinutes) * 60), 20)) {
        requestStarted();
        m_provider->fetchCall(row.providerCallId, [this, row](Result<ProviderCallInfo> info) {
            const QDateTime at = now();
            try {
                if (!info.ok()) {
                    m_report.errors << info.error();
                    execOrThrow(m_db.connection(), QStringLiteral("UPDATE scheduled_calls SET updated_at = ? WHERE id = ?"), at.toMSecsSinceEpoch(), row.id);
                } else {
                    StatusUpdate u;
                    u.provider = row.provider;
                    u.callId = row.providerCallId;
                    u.status = info->status;
                    u.durationS = info->durationS;
                    u.answeredBy = info->answeredBy;
                    m_progress.apply(u, at);
                    ++m_report.settled;
                }
            } catch (const StorageError &e) {
                m_report.errors << QString::fromUtf8(e.what());
            }
            requestFinished();
        });
    }
}

void Dialer::statusReceived(const StatusUpdate &update)
{
    try {
        const CallProgress::Applied a = m_progress.apply(update, now());
        if (a.known && !a.ignored) {
            const json info = { { "call_id", update.callId }, { "scheduled_call_id", a.id }, { "status", update.status },
                                { "finished", a.finished }, { "outcome", a.outcome }, { "next_attempt", a.nextAttempt } };
            Q_EMIT callProgressed(QByteArray::fromStdString(info.dump()));
        }
    } catch (const StorageError &e) {
        qCWarning(lcDialer, "status %s for %s not applied: %s", qPrintable(update.status), qPrintable(update.callId), e.what());
    }
}

void Dialer::conversationEnded(const QString &callId, const QString &outcome, const QString &recordId)
{
    try {
        m_progress.conversationEnded(callId, outcome, recordId, now());
    } catch (const StorageError &e) {
        qCWarning(lcDialer, "conversation end of %s not applied: %s", qPrintable(callId), e.what());
    }
}

void Dialer::mediaConnected(const QString &callId)
{
    try {
        m_progress.mediaConnected(callId, now());
    } catch (const StorageError &e) {
        qCWarning(lcDialer, "media start of %s not recorded: %s", qPrintable(callId), e.what());
    }
}

void Dialer::optOut(const QString &phone, const QString &detail)
{
    try {
        const QDateTime t = now();
        QString error;
        if (!DndList(m_db).add(phone, QStringLiteral("opt_out"), QString(), detail, t, &error)) {
            qCWarning(lcDialer, "opt-out not recorded: %s", qPrintable(error));
            return;
        }
        const int skipped = CallQueue(m_db).skipAllFor(phone, reason::optedOut, detail, t);
        qCInfo(lcDialer, "%s asked not to be called: on the do-not-call list, %d planned call(s) skipped", qPrintable(phone), skipped);
    } catch (const StorageError &e) {
        qCWarning(lcDialer, "opt-out of %s not recorded: %s", qPrintable(phone), e.what());
    }
}

} // namespace ringside::campaigns
