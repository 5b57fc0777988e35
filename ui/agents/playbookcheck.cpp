#include "playbookcheck.h"

#include "engine/nlu/analyser.h"
#include "engine/playbook.h"

namespace ringside::ui {

QList<JsonIssue> checkPlaybookText(const QByteArray &bytes, const QStringList &agentTools)
{
    static const Result<nlu::Analyser> analyser = nlu::Analyser::builtin();   // immutable, thread-safe
    if (!analyser.ok())
        return { JsonIssue { QString(), QStringLiteral("the built-in NLU lexicon does not load: %1").arg(analyser.error()) } };
    return loadPlaybook(bytes, analyser.value(), agentTools).issues;
}

} // namespace ringside::ui
