#pragma once
// Paraphrase sets (tests/nlu/validation, tests/nlu/development): what callers say, and what the
// playbook brain should understand from it. The format is in tests/nlu/validation/README.md.
// Each case is scored the way the brain reads an utterance: intents through the shipped playbook's
// own intents plus the built-in ones, slots through the brain's slot reader (playbookslots.h).

#include "engine/nlu/analyser.h"
#include "engine/playbook.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace ringside::test {

struct ParaphraseCase
{
    enum class Kind { Intent, NotIntent, Slot };
    Kind kind = Kind::Intent;
    QString name;          // intent or slot name
    QString expected;      // slot value ("" for intents)
    QString text;          // what the caller says
    QString playbook;      // playbook slug, empty for built-in intents only
    QString language;      // folder: en, hinglish, hindi
    QDate today;
    nlu::TimeDirection direction = nlu::TimeDirection::Future;
    QStringList items;     // choices for the "choice" slot
    QStringList same;      // intents the brain acts on as it does on the expected one
    QStringList also;      // intents that may be recognised beside the expected one without harm
    QString where;         // file:line
    bool onceTuned = false; // listed in the folder's once-tuned.lst: tuned on before, so not counted as never tuned
};

struct ParaphraseScore
{
    int total = 0;
    int correct = 0;
    double accuracy() const { return total ? double(correct) / total : 0.0; }
};

struct ParaphraseReport
{
    QMap<QString, ParaphraseScore> byLanguage;         // en, hinglish, hindi
    QMap<QString, ParaphraseScore> byLanguageAndKind;  // "en intents", "en slots"
    QMap<QString, ParaphraseScore> byName;             // "en intent busy", "hindi slot date"
    ParaphraseScore overall;
    QMap<QString, ParaphraseScore> neverTunedByLanguage; // the cases not marked onceTuned
    ParaphraseScore neverTuned;
    QStringList failures;                              // "where: text → what was understood"
    QStringList problems;                              // format errors, unknown playbooks
};

class ParaphraseCorpus
{
public:
    // Reads every *.txt below `folder` (one sub-folder per language), and marks the cases that
    // `folder`/once-tuned.lst lists as onceTuned. Problems (a format error, a listed phrasing no
    // case has) are collected in the report of evaluate(), never thrown.
    explicit ParaphraseCorpus(const QString &folder);

    const QList<ParaphraseCase> &cases() const { return m_cases; }
    ParaphraseReport evaluate(const nlu::Analyser &analyser, const QString &playbookFolder) const;

private:
    void readFile(const QString &path, const QString &language);
    void markOnceTuned(const QString &listPath);

    QList<ParaphraseCase> m_cases;
    QStringList m_problems;
};

// Whether a case is understood at `step` (empty: no step); `understood` says what was (for the
// failure list).
// The key a phrasing is compared by across sets: "language|lower-case simplified text".
QString phrasingKey(const QString &language, const QString &text);

bool scoreCase(const ParaphraseCase &c, const nlu::Analyser &analyser, const Playbook *pb, const QString &step,
               QString *understood);

// The steps an intent case is read at: the steps whose own rules act on the expected intent (or
// one the brain treats the same), else every step, because an intent heard through `anywhere` or
// a built-in handler may come at any of them. A case is right only when it is right at each.
// Slot cases and cases without a playbook: one reading, no step.
QStringList stepsToScore(const ParaphraseCase &c, const Playbook *pb);

} // namespace ringside::test
