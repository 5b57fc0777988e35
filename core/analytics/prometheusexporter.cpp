#include "prometheusexporter.h"

#include "cartrecoveries.h"

#include "callrecord.h"
#include "moneytext.h"
#include "rollup.h"
#include "commerce/commerceenums.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QLocale>
#include <QSqlQuery>

#include <cmath>
#include <functional>
#include <map>

namespace ringside::analytics {

namespace {

const QString kCounter = QStringLiteral("counter");
const QString kGauge = QStringLiteral("gauge");

QStringList codReasons()
{
    return { QStringLiteral("changed_mind"), QStringLiteral("found_cheaper"), QStringLiteral("delivery_too_slow"),
             QStringLiteral("wrong_item"), QStringLiteral("other") };
}

QStringList abandonmentReasons()
{
    return { QStringLiteral("price_too_high"), QStringLiteral("shipping_cost"), QStringLiteral("payment_issues"),
             QStringLiteral("found_cheaper"), QStringLiteral("just_browsing"), QStringLiteral("not_ready"),
             QStringLiteral("other") };
}

struct Data {
    std::map<QString, RollupTotals> byUseCase;
    std::map<std::pair<QString, QString>, qint64> callsByAgent;     // (agent, use case) → finished calls
    std::map<std::pair<QString, QString>, qint64> revenueMinor;    // (use case, currency) → amount
};

Data load(Database &database)
{
    Data d;
    QSqlDatabase db = database.connection();
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT use_case, agent, %1 FROM call_rollup GROUP BY use_case, agent")
                                      .arg(rollupSumsSql()));
    while (q.next()) {
        const RollupTotals t = readTotals(q, 2);
        d.byUseCase[q.value(0).toString()] += t;
        d.callsByAgent[{ q.value(1).toString(), q.value(0).toString() }] += t[col::Calls];
    }
    QSqlQuery m = execOrThrow(db, QStringLiteral("SELECT use_case, currency, SUM(amount_minor) FROM call_revenue_rollup "
                                                 "GROUP BY use_case, currency"));
    while (m.next())
        d.revenueMinor[{ m.value(0).toString(), m.value(1).toString() }] += m.value(2).toLongLong();
    return d;
}

void counter(MetricsText &out, const QString &name, const QString &help, double value)
{
    out.family(name, kCounter, help);
    out.sample({}, {}, value);
}

void labelled(MetricsText &out, const QString &name, const QString &help, const QString &label, const QStringList &values,
              const std::function<qint64(const QString &)> &count)
{
    out.family(name, kCounter, help);
    for (const QString &v : values)
        out.sample({}, { { label, v } }, double(count(v)));
}

void money(MetricsText &out, const Data &d, const QString &useCase, const QString &name, const QString &help)
{
    out.family(name, kCounter, help);
    for (const auto &[key, minor] : d.revenueMinor) {
        if (key.first == useCase)
            out.sample({}, { { QStringLiteral("currency"), key.second } }, minorToMajor(minor, key.second));
    }
}

void histogram(MetricsText &out, const Data &d, const QString &name, const QString &help,
               const std::vector<qint64> &boundsMs, int firstBucket, int sumColumn, int countColumn)
{
    out.family(name, QStringLiteral("histogram"), help);
    for (const auto &[useCase, t] : d.byUseCase) {
        qint64 cumulative = 0;
        for (size_t i = 0; i < boundsMs.size(); ++i) {
            cumulative += t[firstBucket + int(i)];
            out.sample(QStringLiteral("_bucket"), { { QStringLiteral("use_case"), useCase },
                                                    { QStringLiteral("le"), MetricsText::formatValue(double(boundsMs[i]) / 1000.0) } },
                       double(cumulative));
        }
        cumulative += t[firstBucket + int(boundsMs.size())];
        out.sample(QStringLiteral("_bucket"), { { QStringLiteral("use_case"), useCase }, { QStringLiteral("le"), QStringLiteral("+Inf") } },
                   double(cumulative));
        out.sample(QStringLiteral("_sum"), { { QStringLiteral("use_case"), useCase } }, double(t[sumColumn]) / 1000.0);
        out.sample(QStringLiteral("_count"), { { QStringLiteral("use_case"), useCase } }, double(t[countColumn]));
    }
}

} // namespace

void MetricsText::family(const QString &name, const QString &type, const QString &help)
{
    m_family = name;
    m_text += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n").arg(name, escapeHelp(help), type);
}

void MetricsText::sample(const QString &suffix, const Labels &labels, double value)
{
    m_text += m_family + suffix;
    if (!labels.empty()) {
        QStringList parts;
        for (const auto &[label, v] : labels)
            parts << QStringLiteral("%1=\"%2\"").arg(label, escapeLabelValue(v));
        m_text += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    m_text += QLatin1Char(' ') + formatValue(value) + QLatin1Char('\n');
}

QString MetricsText::escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QString MetricsText::escapeHelp(const QString &help)
{
    QString out = help;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

QString MetricsText::formatValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString renderMetrics(Database &db)
{
    const Data d = load(db);
    static const RollupTotals none;
    auto of = [&](const char *useCase) -> const RollupTotals & {
        const auto it = d.byUseCase.find(QLatin1String(useCase));
        return it == d.byUseCase.end() ? none : it->second;
    };
    const RollupTotals &wismo = of("wismo"), &cod = of("cod_confirmation"), &cart = of("cart_recovery");
    MetricsText out;

    out.family(QStringLiteral("ringside_calls_total"), kCounter, QStringLiteral("Finished calls by use case and outcome."));
    for (const auto &[useCase, t] : d.byUseCase) {
        for (const QString &o : outcomes())
            out.sample({}, { { QStringLiteral("use_case"), useCase }, { QStringLiteral("outcome"), o } }, double(t.outcome(o)));
    }
    out.family(QStringLiteral("ringside_calls_in_progress"), kGauge, QStringLiteral("Calls live now, by use case."));
    for (const auto &[useCase, t] : d.byUseCase)
        out.sample({}, { { QStringLiteral("use_case"), useCase } }, double(t[col::InProgress]));
    out.family(QStringLiteral("ringside_agent_calls_total"), kCounter, QStringLiteral("Finished calls by agent and use case."));
    for (const auto &[key, calls] : d.callsByAgent)
        out.sample({}, { { QStringLiteral("agent"), key.first }, { QStringLiteral("use_case"), key.second } }, double(calls));

    counter(out, QStringLiteral("ringside_wismo_calls_total"), QStringLiteral("Order-status (WISMO) calls finished."), double(wismo[col::Calls]));
    counter(out, QStringLiteral("ringside_wismo_calls_resolved_total"), QStringLiteral("WISMO calls resolved by the AI alone."),
            double(wismo[col::ResolvedByAi]));
    counter(out, QStringLiteral("ringside_wismo_calls_escalated_total"), QStringLiteral("WISMO calls escalated to a person."),
            double(wismo[col::Escalated]));
    labelled(out, QStringLiteral("ringside_wismo_status_total"), QStringLiteral("WISMO calls by the order's status at the time."),
             QStringLiteral("status"), commerce::orderStatuses(), [&](const QString &s) { return wismo.status(s); });
    labelled(out, QStringLiteral("ringside_wismo_carrier_total"), QStringLiteral("WISMO calls by the order's carrier."),
             QStringLiteral("carrier"), commerce::carriers(), [&](const QString &c) { return wismo.carrier(c); });

    counter(out, QStringLiteral("ringside_cod_calls_total"), QStringLiteral("COD confirmation calls attempted."), double(cod[col::Calls]));
    counter(out, QStringLiteral("ringside_cod_confirmed_total"),
            QStringLiteral("COD orders confirmed on the call (not a change request, which leaves the order pending)."),
            double(cod.outcome(QStringLiteral("confirmed"))));
    counter(out, QStringLiteral("ringside_cod_modified_total"),
            QStringLiteral("COD calls that ended in a change request (address, date, items): the order waits, unconfirmed."),
            double(cod.outcome(QStringLiteral("modified"))));
    counter(out, QStringLiteral("ringside_cod_cancelled_total"), QStringLiteral("COD orders cancelled on the call."),
            double(cod.outcome(QStringLiteral("cancelled"))));
    labelled(out, QStringLiteral("ringside_cod_cancellation_reason_total"), QStringLiteral("COD cancellations by reason."),
             QStringLiteral("reason"), codReasons(), [&](const QString &r) { return cod.reason(r); });
    money(out, d, QStringLiteral("cod_confirmation"), QStringLiteral("ringside_cod_confirmed_value_total"),
          QStringLiteral("Value of COD orders confirmed, in major units of the currency."));

    counter(out, QStringLiteral("ringside_cart_recovery_calls_total"), QStringLiteral("Cart recovery calls made."), double(cart[col::Calls]));
    labelled(out, QStringLiteral("ringside_cart_recovery_outcome_total"), QStringLiteral("Cart recovery calls by outcome."),
             QStringLiteral("outcome"), outcomes(), [&](const QString &o) { return cart.outcome(o); });
    // Recovered = an order placed from the cart within seven days of its call (cartrecoveries.h).
    const std::vector<RecoveredCart> recovered = recoveredCarts(db.connection(), 0, 0);
    std::map<QString, qint64> recoveredMinor;
    for (const RecoveredCart &rc : recovered)
        recoveredMinor[rc.currency] += rc.totalMinor;
    counter(out, QStringLiteral("ringside_cart_recovery_conversions_total"), QStringLiteral("Carts recovered: an order placed from the cart within 7 days of its call."),
            double(recovered.size()));
    out.family(QStringLiteral("ringside_cart_recovery_revenue_total"), kCounter,
               QStringLiteral("Value of the orders placed from recovered carts, in major units of the currency."));
    for (const auto &[currency, minor] : recoveredMinor)
        out.sample({}, { { QStringLiteral("currency"), currency } }, minorToMajor(minor, currency));
    labelled(out, QStringLiteral("ringside_cart_abandonment_reason_total"), QStringLiteral("Cart abandonment reasons given on calls."),
             QStringLiteral("reason"), abandonmentReasons(), [&](const QString &r) { return cart.reason(r); });

    histogram(out, d, QStringLiteral("ringside_call_duration_seconds"), QStringLiteral("Talk time of connected calls."),
              durationBucketBoundsMs(), col::DurationFirst, col::TalkMs, col::Answered);
    histogram(out, d, QStringLiteral("ringside_turn_latency_seconds"),
              QStringLiteral("Time from the end of the customer's speech to the agent's first audio, per turn."),
              latencyBucketBoundsMs(), col::LatencyFirst, col::LatSumMs, col::LatN);
    return out.text();
}

} // namespace ringside::analytics
