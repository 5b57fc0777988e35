#pragma once
// The language of an outbound call, by the seed's rule: the customer's preferred language, else
// the language of their Indian state (the seed's map), else Hindi for the seed's northern states,
// else English (en-IN; en-US for US numbers). Then the agent: its variant in that language when
// the catalogue has one, else the agent as it is — both recorded on the scheduled call.

#include <QString>

#include <functional>
#include <optional>

namespace ringside {
struct Customer;
}

namespace ringside::campaigns {

struct LanguageChoice
{
    QString language;  // BCP 47
    QString source;    // preferred | state | northern_state | default
};

LanguageChoice chooseLanguage(const Customer *customer, const QString &country);

// The seed's state map, with the common spellings and codes of each state ("Tamil Nadu", "TN",
// "IN-TN"); empty when the state is not in it. `northern` is set for the Hindi-default states.
QString stateLanguage(const QString &state, bool *northern = nullptr);

// The agent to call with and the language it speaks. `lookup(slug, language)` returns a variant's
// slug and language when one exists (the conversation part's catalogue); without one the agent
// keeps its own language.
struct AgentChoice
{
    QString slug;
    QString language;  // what the agent actually speaks
    bool variant = false;
};
using AgentVariantLookup = std::function<std::optional<AgentChoice>(const QString &slug, const QString &language)>;

} // namespace ringside::campaigns
