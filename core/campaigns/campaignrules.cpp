#include "campaigns/campaignrules.h"

#include <cmath>
#include <optional>

namespace ringside::campaigns {

namespace {

const QStringList kDeliveryEvents = { QStringLiteral("fulfilled"), QStringLiteral("out_for_delivery"), QStringLiteral("delayed") };

// Reads fields of one object, keeping defaults for what is missing and noting what is wrong.
class Reader
{
public:
    Reader(const json &obj, QString path, QStringList *problems) : m_obj(obj), m_path(std::move(path)), m_problems(problems) {}

    Reader child(const char *key) const
    {
        static const json empty = json::object();
        if (!m_obj.is_object() || !m_obj.contains(key))
            return Reader(empty, name(key), m_problems);
        const json &v = m_obj.at(key);
        if (!v.is_object()) {
            problem(key, QStringLiteral("must be an object"));
            return Reader(empty, name(key), m_problems);
        }
        return Reader(v, name(key), m_problems);
    }
    void boolean(const char *key, bool *into) const
    {
        read(key, into, "must be true or false", [](const json &v) { return v.is_boolean() ? std::optional(v.get<bool>()) : std::nullopt; });
    }
    void integer(const char *key, int *into) const
    {
        read(key, into, "must be a whole number", [](const json &v) {
            const bool whole = v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
            return whole ? std::optional(int(v.get<double>())) : std::nullopt;
        });
    }
    void integer64(const char *key, qint64 *into) const
    {
        read(key, into, "must be a whole number of minor units",
             [](const json &v) { return v.is_number_integer() ? std::optional(v.get<qint64>()) : std::nullopt; });
    }
    void number(const char *key, double *into) const
    {
        read(key, into, "must be a number", [](const json &v) { return v.is_number() ? std::optional(v.get<double>()) : std::nullopt; });
    }
    void text(const char *key, QString *into) const
    {
        read(key, into, "must be text", [](const json &v) { return v.is_string() ? std::optional(v.get<QString>()) : std::nullopt; });
    }
    void time(const char *key, QTime *into) const
    {
        read(key, into, "must be a time of day as \"HH:MM\"", [](const json &v) {
            const QTime t = v.is_string() ? parseTimeText(v.get<QString>()) : QTime();
            return t.isValid() ? std::optional(t) : std::nullopt;
        });
    }
    void strings(const char *key, QStringList *into) const
    {
        read(key, into, "must be a list of text", [](const json &v) -> std::optional<QStringList> {
            if (!v.is_array())
                return std::nullopt;
            QStringList out;
            for (const json &e : v) {
                if (!e.is_string())
                    return std::nullopt;
                out << e.get<QString>();
            }
            return out;
        });
    }
    const json &object() const { return m_obj; }
    QString name(const char *key) const { return m_path.isEmpty() ? QString(QLatin1String(key)) : QString(m_path + QLatin1Char('.') + QLatin1String(key)); }
    void problem(const char *key, const QString &what) const
    {
        if (m_problems)
            m_problems->append(QStringLiteral("%1: %2").arg(name(key), what));
    }

private:
    // One field: `convert` gives its value, or nothing when the JSON has the wrong shape, which is
    // then named as a problem ("cod.maxAttempts: must be a whole number"); a missing field is no problem.
    template <typename T, typename Convert>
    void read(const char *key, T *into, const char *mustBe, Convert convert) const
    {
        const json *v = find(key);
        if (!v)
            return;
        if (std::optional<T> value = convert(*v))
            *into = std::move(*value);
        else
            problem(key, QString::fromUtf8(mustBe));
    }

    const json *find(const char *key) const
    {
        if (!m_obj.is_object())
            return nullptr;
        const auto it = m_obj.find(key);
        return it == m_obj.end() ? nullptr : &*it;
    }

    const json &m_obj;
    QString m_path;
    QStringList *m_problems;
};

void range(QStringList &out, const QString &name, double value, double lo, double hi, const QString &unit = QString())
{
    if (value < lo || value > hi)
        out << QStringLiteral("%1: must be from %2 to %3%4").arg(name).arg(lo).arg(hi).arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
}

} // namespace

QString timeText(const QTime &t)
{
    return t.toString(QStringLiteral("HH:mm"));
}

QTime parseTimeText(const QString &text)
{
    const QTime t = QTime::fromString(text.trimmed(), QStringLiteral("H:mm"));
    return t.isValid() ? t : QTime::fromString(text.trimmed(), QStringLiteral("HH:mm"));
}

CampaignRules::CampaignRules()
{
    // The seed's thresholds (500 and 100) are in the cart's currency units, which fits dollars;
    // in rupees they would put nearly every cart in the top tier, so INR has its own.
    cart.tiers.insert(QStringLiteral("INR"), { 500000, 100000 }); // ₹5,000 and ₹1,000
    cart.tiers.insert(QStringLiteral("USD"), { 50000, 10000 });   // $500 and $100
    cart.tiers.insert(QStringLiteral("*"), { 50000, 10000 });     // the seed's 500 and 100, two decimals
}

ValueTiers CampaignRules::tiersFor(const QString &currency) const
{
    return cart.tiers.value(currency.toUpper(), cart.tiers.value(QStringLiteral("*"), ValueTiers{ 50000, 10000 }));
}

int CampaignRules::cartDelayMinutes(qint64 totalMinor, const QString &currency) const
{
    const ValueTiers t = tiersFor(currency);
    if (totalMinor > t.highAbove)
        return cart.highDelayMinutes;
    if (totalMinor > t.mediumAbove)
        return cart.mediumDelayMinutes;
    return cart.lowDelayMinutes;
}

json CampaignRules::toJson() const
{
    json tiers = json::object();
    for (auto it = cart.tiers.cbegin(); it != cart.tiers.cend(); ++it)
        tiers[it.key().toStdString()] = { { "highAbove", it->highAbove }, { "mediumAbove", it->mediumAbove } };
    return {
        { "window", { { "open", timeText(windowOpen) }, { "close", timeText(windowClose) } } },
        { "cod", { { "enabled", cod.enabled }, { "agent", cod.agent }, { "delayMinutes", cod.delayMinutes },
                   { "nextMorning", timeText(cod.nextMorning) }, { "maxAttempts", cod.maxAttempts },
                   { "retryGapMinutes", cod.retryGapMinutes }, { "lookbackHours", cod.lookbackHours } } },
        { "delivery", { { "enabled", delivery.enabled }, { "agent", delivery.agent }, { "events", delivery.events },
                        { "lookbackHours", delivery.lookbackHours }, { "maxAttempts", delivery.maxAttempts },
                        { "retryGapMinutes", delivery.retryGapMinutes } } },
        { "cart", { { "enabled", cart.enabled }, { "agent", cart.agent }, { "tiers", tiers },
                    { "highDelayMinutes", cart.highDelayMinutes }, { "mediumDelayMinutes", cart.mediumDelayMinutes },
                    { "lowDelayMinutes", cart.lowDelayMinutes }, { "skipWeekendsForBusiness", cart.skipWeekendsForBusiness },
                    { "lookbackHours", cart.lookbackHours } } },
        { "callback", { { "enabled", callback.enabled }, { "defaultDelayMinutes", callback.defaultDelayMinutes },
                        { "morningHour", callback.morningHour }, { "afternoonHour", callback.afternoonHour },
                        { "eveningHour", callback.eveningHour }, { "maxAttempts", callback.maxAttempts },
                        { "retryGapMinutes", callback.retryGapMinutes }, { "lookbackHours", callback.lookbackHours } } },
        { "caps", { { "perCustomerPerDay", perCustomerPerDay } } },
        { "dialer", { { "maxConcurrentCalls", dialer.maxConcurrentCalls }, { "inboundReserve", dialer.inboundReserve },
                      { "callsPerSecond", dialer.callsPerSecond }, { "leaseSeconds", dialer.leaseSeconds },
                      { "ringTimeoutSeconds", dialer.ringTimeoutSeconds }, { "machineDetection", dialer.machineDetection },
                      { "voicemail", dialer.voicemail }, { "failedRetryMinutes", dialer.failedRetryMinutes },
                      { "machineRetryMinutes", dialer.machineRetryMinutes }, { "staleMinutes", dialer.staleMinutes } } },
        { "dnd", { { "promotionalCategories", dnd.promotionalCategories }, { "ncprBlocksServiceCalls", dnd.ncprBlocksServiceCalls } } },
    };
}

CampaignRules CampaignRules::fromJson(const json &doc, QStringList *problems)
{
    CampaignRules r;
    if (!doc.is_object()) {
        if (problems && !doc.is_null())
            problems->append(QStringLiteral("rules: must be a JSON object"));
        return r;
    }
    const Reader root(doc, QString(), problems);
    const Reader w = root.child("window");
    w.time("open", &r.windowOpen);
    w.time("close", &r.windowClose);

    const Reader c = root.child("cod");
    c.boolean("enabled", &r.cod.enabled);
    c.text("agent", &r.cod.agent);
    c.integer("delayMinutes", &r.cod.delayMinutes);
    c.time("nextMorning", &r.cod.nextMorning);
    c.integer("maxAttempts", &r.cod.maxAttempts);
    c.integer("retryGapMinutes", &r.cod.retryGapMinutes);
    c.integer("lookbackHours", &r.cod.lookbackHours);

    const Reader d = root.child("delivery");
    d.boolean("enabled", &r.delivery.enabled);
    d.text("agent", &r.delivery.agent);
    d.strings("events", &r.delivery.events);
    d.integer("lookbackHours", &r.delivery.lookbackHours);
    d.integer("maxAttempts", &r.delivery.maxAttempts);
    d.integer("retryGapMinutes", &r.delivery.retryGapMinutes);

    const Reader k = root.child("cart");
    k.boolean("enabled", &r.cart.enabled);
    k.text("agent", &r.cart.agent);
    const Reader tiers = k.child("tiers");
    if (tiers.object().is_object() && !tiers.object().empty()) {
        QMap<QString, ValueTiers> parsed = r.cart.tiers;
        for (auto it = tiers.object().begin(); it != tiers.object().end(); ++it) {
            const QString currency = QString::fromStdString(it.key()).toUpper();
            if (!it.value().is_object()) {
                tiers.problem(it.key().c_str(), QStringLiteral("must be an object with highAbove and mediumAbove"));
                continue;
            }
            ValueTiers t = parsed.value(currency, r.tiersFor(currency));
            const Reader tr(it.value(), tiers.name(it.key().c_str()), problems);
            tr.integer64("highAbove", &t.highAbove);
            tr.integer64("mediumAbove", &t.mediumAbove);
            parsed.insert(currency, t);
        }
        r.cart.tiers = parsed;
    }
    k.integer("highDelayMinutes", &r.cart.highDelayMinutes);
    k.integer("mediumDelayMinutes", &r.cart.mediumDelayMinutes);
    k.integer("lowDelayMinutes", &r.cart.lowDelayMinutes);
    k.boolean("skipWeekendsForBusiness", &r.cart.skipWeekendsForBusiness);
    k.integer("lookbackHours", &r.cart.lookbackHours);

    const Reader b = root.child("callback");
    b.boolean("enabled", &r.callback.enabled);
    b.integer("defaultDelayMinutes", &r.callback.defaultDelayMinutes);
    b.integer("morningHour", &r.callback.morningHour);
    b.integer("afternoonHour", &r.callback.afternoonHour);
    b.integer("eveningHour", &r.callback.eveningHour);
    b.integer("maxAttempts", &r.callback.maxAttempts);
    b.integer("retryGapMinutes", &r.callback.retryGapMinutes);
    b.integer("lookbackHours", &r.callback.lookbackHours);

    root.child("caps").integer("perCustomerPerDay", &r.perCustomerPerDay);

    const Reader dl = root.child("dialer");
    dl.integer("maxConcurrentCalls", &r.dialer.maxConcurrentCalls);
    dl.integer("inboundReserve", &r.dialer.inboundReserve);
    dl.number("callsPerSecond", &r.dialer.callsPerSecond);
    dl.integer("leaseSeconds", &r.dialer.leaseSeconds);
    dl.integer("ringTimeoutSeconds", &r.dialer.ringTimeoutSeconds);
    dl.boolean("machineDetection", &r.dialer.machineDetection);
    dl.text("voicemail", &r.dialer.voicemail);
    dl.integer("failedRetryMinutes", &r.dialer.failedRetryMinutes);
    dl.integer("machineRetryMinutes", &r.dialer.machineRetryMinutes);
    dl.integer("staleMinutes", &r.dialer.staleMinutes);

    const Reader n = root.child("dnd");
    n.strings("promotionalCategories", &r.dnd.promotionalCategories);
    n.boolean("ncprBlocksServiceCalls", &r.dnd.ncprBlocksServiceCalls);
    return r;
}

QStringList CampaignRules::validate() const
{
    QStringList out;
    if (!windowOpen.isValid() || !windowClose.isValid() || windowOpen >= windowClose)
        out << QStringLiteral("window: opens at %1 but closes at %2; it must open before it closes").arg(timeText(windowOpen), timeText(windowClose));
    if (cod.nextMorning < windowOpen || cod.nextMorning >= windowClose)
        out << QStringLiteral("cod.nextMorning: %1 is outside the calling window %2–%3")
                        .arg(timeText(cod.nextMorning), timeText(windowOpen), timeText(windowClose));
    range(out, QStringLiteral("cod.delayMinutes"), cod.delayMinutes, 0, 1440, QStringLiteral("minutes"));
    range(out, QStringLiteral("cod.maxAttempts"), cod.maxAttempts, 1, 5);
    range(out, QStringLiteral("cod.retryGapMinutes"), cod.retryGapMinutes, 15, 1440, QStringLiteral("minutes"));
    range(out, QStringLiteral("cod.lookbackHours"), cod.lookbackHours, 1, 720, QStringLiteral("hours"));
    for (const QString &e : delivery.events)
        if (!kDeliveryEvents.contains(e))
            out << QStringLiteral("delivery.events: \"%1\" is not one of %2").arg(e, kDeliveryEvents.join(QStringLiteral(", ")));
    range(out, QStringLiteral("delivery.lookbackHours"), delivery.lookbackHours, 1, 720, QStringLiteral("hours"));
    range(out, QStringLiteral("delivery.maxAttempts"), delivery.maxAttempts, 1, 5);
    range(out, QStringLiteral("delivery.retryGapMinutes"), delivery.retryGapMinutes, 15, 1440, QStringLiteral("minutes"));
    for (auto it = cart.tiers.cbegin(); it != cart.tiers.cend(); ++it) {
        if (it.key() != QLatin1String("*") && (it.key().size() != 3 || !it.key().front().isLetter()))
            out << QStringLiteral("cart.tiers.%1: not a three-letter currency code (or \"*\")").arg(it.key());
        if (it->highAbove < 0 || it->mediumAbove < 0)
            out << QStringLiteral("cart.tiers.%1: amounts cannot be negative").arg(it.key());
        else if (it->mediumAbove > it->highAbove)
            out << QStringLiteral("cart.tiers.%1: mediumAbove (%2) must not be above highAbove (%3)").arg(it.key()).arg(it->mediumAbove).arg(it->highAbove);
    }
    range(out, QStringLiteral("cart.highDelayMinutes"), cart.highDelayMinutes, 0, 2880, QStringLiteral("minutes"));
    range(out, QStringLiteral("cart.mediumDelayMinutes"), cart.mediumDelayMinutes, 0, 2880, QStringLiteral("minutes"));
    range(out, QStringLiteral("cart.lowDelayMinutes"), cart.lowDelayMinutes, 0, 2880, QStringLiteral("minutes"));
    range(out, QStringLiteral("cart.lookbackHours"), cart.lookbackHours, 1, 720, QStringLiteral("hours"));
    range(out, QStringLiteral("callback.defaultDelayMinutes"), callback.defaultDelayMinutes, 5, 2880, QStringLiteral("minutes"));
    range(out, QStringLiteral("callback.morningHour"), callback.morningHour, 0, 11);
    range(out, QStringLiteral("callback.afternoonHour"), callback.afternoonHour, 12, 16);
    range(out, QStringLiteral("callback.eveningHour"), callback.eveningHour, 17, 23);
    range(out, QStringLiteral("callback.maxAttempts"), callback.maxAttempts, 1, 5);
    range(out, QStringLiteral("callback.retryGapMinutes"), callback.retryGapMinutes, 15, 1440, QStringLiteral("minutes"));
    range(out, QStringLiteral("callback.lookbackHours"), callback.lookbackHours, 1, 720, QStringLiteral("hours"));
    range(out, QStringLiteral("caps.perCustomerPerDay"), perCustomerPerDay, 1, 20);
    range(out, QStringLiteral("dialer.maxConcurrentCalls"), dialer.maxConcurrentCalls, 1, 1000);
    range(out, QStringLiteral("dialer.inboundReserve"), dialer.inboundReserve, 0, 1000);
    if (dialer.inboundReserve >= dialer.maxConcurrentCalls)
        out << QStringLiteral("dialer.inboundReserve: %1 leaves no line for outbound calls out of %2").arg(dialer.inboundReserve).arg(dialer.maxConcurrentCalls);
    range(out, QStringLiteral("dialer.callsPerSecond"), dialer.callsPerSecond, 0.01, 100, QStringLiteral("calls per second"));
    range(out, QStringLiteral("dialer.leaseSeconds"), dialer.leaseSeconds, 60, 3600, QStringLiteral("seconds"));
    range(out, QStringLiteral("dialer.ringTimeoutSeconds"), dialer.ringTimeoutSeconds, 5, 600, QStringLiteral("seconds"));
    range(out, QStringLiteral("dialer.failedRetryMinutes"), dialer.failedRetryMinutes, 1, 1440, QStringLiteral("minutes"));
    range(out, QStringLiteral("dialer.machineRetryMinutes"), dialer.machineRetryMinutes, 15, 2880, QStringLiteral("minutes"));
    range(out, QStringLiteral("dialer.staleMinutes"), dialer.staleMinutes, 2, 1440, QStringLiteral("minutes"));
    if (dialer.voicemail.size() > 500)
        out << QStringLiteral("dialer.voicemail: at most 500 characters (a voicemail is short)");
    for (const QString &c : dnd.promotionalCategories) {
        bool ok = false;
        const int v = c.toInt(&ok);
        if (!ok || v < 0 || v > 8)
            out << QStringLiteral("dnd.promotionalCategories: \"%1\" is not an NCPR category from 0 to 8").arg(c);
    }
    for (const auto &[name, agent] : { std::pair{ "cod.agent", cod.agent }, std::pair{ "delivery.agent", delivery.agent }, std::pair{ "cart.agent", cart.agent } })
        if (agent.trimmed().isEmpty())
            out << QStringLiteral("%1: an agent is required").arg(QLatin1String(name));
    return out;
}

} // namespace ringside::campaigns
