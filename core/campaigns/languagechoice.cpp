#include "campaigns/languagechoice.h"

#include "commerce/commercetypes.h"

#include <QHash>

namespace ringside::campaigns {

namespace {

struct StateRow
{
    const char *language; // empty: a northern state (Hindi)
    const char *names;    // '|'-separated spellings, lower case
};

// The seed's map, then its northern states, each with the spellings stores use.
const StateRow kStates[] = {
    { "mr-IN", "maharashtra|mh|in-mh" },
    { "ta-IN", "tamil nadu|tamilnadu|tn|in-tn" },
    { "kn-IN", "karnataka|ka|in-ka" },
    { "gu-IN", "gujarat|gj|in-gj" },
    { "bn-IN", "west bengal|westbengal|wb|in-wb" },
    { "ml-IN", "kerala|kl|in-kl" },
    { "te-IN", "andhra pradesh|andhrapradesh|ap|in-ap" },
    { "te-IN", "telangana|tg|ts|in-tg" },
    { "", "delhi|new delhi|nct of delhi|dl|in-dl" },
    { "", "uttar pradesh|uttarpradesh|up|in-up" },
    { "", "bihar|br|in-br" },
    { "", "rajasthan|rj|in-rj" },
    { "", "madhya pradesh|madhyapradesh|mp|in-mp" },
    { "", "punjab|pb|in-pb" },
    { "", "haryana|hr|in-hr" },
};

QHash<QString, QString> buildLanguageIndex()
{
    QHash<QString, QString> index;
    for (const StateRow &row : kStates)
        for (const QString &name : QString::fromLatin1(row.names).split(QLatin1Char('|')))
            index.insert(name, QString::fromLatin1(row.language));
    return index;
}

} // namespace

QString stateLanguage(const QString &state, bool *northern)
{
    static const QHash<QString, QString> index = buildLanguageIndex();
    if (northern)
        *northern = false;
    const QString key = state.simplified().toLower();
    const auto it = index.constFind(key);
    if (it == index.cend())
        return QString();
    if (it->isEmpty()) {
        if (northern)
            *northern = true;
        return QStringLiteral("hi-IN");
    }
    return *it;
}

LanguageChoice chooseLanguage(const Customer *customer, const QString &country)
{
    if (customer && !customer->preferredLanguage.trimmed().isEmpty())
        return { customer->preferredLanguage.trimmed(), QStringLiteral("preferred") };
    const bool indian = country == QLatin1String("IN") || (customer && customer->country.compare(QLatin1String("IN"), Qt::CaseInsensitive) == 0);
    if (customer && indian) {
        bool northern = false;
        const QString language = stateLanguage(customer->state, &northern);
        if (!language.isEmpty())
            return { language, northern ? QStringLiteral("northern_state") : QStringLiteral("state") };
    }
    return { country == QLatin1String("US") ? QStringLiteral("en-US") : QStringLiteral("en-IN"), QStringLiteral("default") };
}

} // namespace ringside::campaigns
