#pragma once
// The agents Ringside knows: the five shipped ones (compiled in under :/ringside/agents/) and the
// agent files in a user folder (the console's data folder). A user file whose slug matches a
// shipped agent replaces it, so an edited copy wins over the original.

#include "agent/agent.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ringside {

struct CatalogueEntry {
    QString slug;       // file name without .json: "order-tracker"
    QString path;       // ":/ringside/agents/order-tracker.json" or a file in the user folder
    bool shipped = false;
    Agent agent;
    QList<AgentIssue> issues;   // an entry with issues is listed so the console can show them
};

class AgentCatalogue
{
public:
    // `userFolder` may be empty or missing (only shipped agents). `knownTools` as for loadAgent.
    explicit AgentCatalogue(QString userFolder = {}, QStringList knownTools = {});

    // Reads the shipped agents and the user folder again.
    void reload();

    // Shipped agents first (in file-name order), then the user's.
    const QList<CatalogueEntry> &entries() const { return m_entries; }
    QString userFolder() const { return m_userFolder; }

    // By slug ("order-tracker"), by name ignoring case ("order tracker"), or by the path of an
    // agent file (loaded on the spot when it is not in the catalogue). When a user agent and a
    // shipped one share a name, the user's is found.
    Result<CatalogueEntry> find(const QString &key) const;

    // The agent in another language: its variant file `variants/<slug>.<language>.json`, from the
    // user folder first, then the shipped ones (e.g. :/ringside/agents/variants/order-tracker.ta-IN.json).
    // `languageCode` is a BCP 47 tag ("ta-IN"; "ta" finds "ta-IN" too). The agent itself when it
    // already speaks that language, or when there is no such variant (*found is then false).
    // Variants are not listed in entries(): they are the same agent, spoken differently.
    CatalogueEntry variantFor(const CatalogueEntry &agent, const QString &languageCode, bool *found = nullptr) const;
    // The languages `agent` has variants for (its own not included), sorted.
    QStringList variantLanguages(const CatalogueEntry &agent) const;

    static QString shippedFolder();
    // Agent files are *.json; playbooks beside them (*.playbook.json) are not agents.
    static bool isAgentFileName(const QString &fileName);

private:
    QList<CatalogueEntry> readFolder(const QString &folder, bool shipped) const;
    CatalogueEntry loadEntry(const QString &path, bool shipped) const;

    QString m_userFolder;
    QStringList m_knownTools;
    QList<CatalogueEntry> m_entries;
};

// A file-name slug for an agent name: "COD Confirmation" → "cod-confirmation".
QString agentSlug(const QString &name);

} // namespace ringside
