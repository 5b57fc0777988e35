#include "clisession.h"

#include "cliutil.h"

#include "tools/toolcatalogue.h"

namespace ringside::cli {

bool agentFrom(const QCommandLineParser &parser, const QString &command, CatalogueEntry *entry, int *exitCode)
{
    const AgentCatalogue catalogue(QString(), toolNames());
    const Result<CatalogueEntry> found = catalogue.find(parser.value(QStringLiteral("agent")));
    if (!found.ok()) {
        err(QStringLiteral("%1: --agent: %2").arg(command, found.error()));
        err(QStringLiteral("Try 'ringside-engine %1 --help'.").arg(command));
        *exitCode = Usage;
        return false;
    }
    if (!found->issues.isEmpty()) {
        for (const AgentIssue &issue : found->issues)
            err(QStringLiteral("%1: %2").arg(found->path, formatIssue(issue)));
        *exitCode = Failed;
        return false;
    }
    *entry = found.value();
    return true;
}

CallSubject subjectFrom(const QCommandLineParser &parser)
{
    CallSubject subject;
    subject.customerId = parser.value(QStringLiteral("customer"));
    subject.orderId = parser.value(QStringLiteral("order"));
    subject.cartId = parser.value(QStringLiteral("cart"));
    subject.callerPhone = parser.value(QStringLiteral("caller"));
    return subject;
}

} // namespace ringside::cli
