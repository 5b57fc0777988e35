#pragma once

#include "speech/arpalanguagemodel.h"
#include "speech/sttengine.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace ringside {

// Builds what the embedded recognizer listens for, per expectation:
//  - General: the built-in domain phrases, the playbook's expected phrases (weighted up),
//    sttConfig.keywords (weighted by their boost) and order IDs / phone numbers after their usual
//    lead-ins ("my order number is o r d four …"), as a trigram model;
//  - YesNo: confirmations weighted far above the rest of the domain, as a trigram model;
//  - DigitsAndLetters: a JSGF grammar of an optional lead-in and any run of digits and letters,
//    plus the few ways callers say they have no number.
// Words the pronunciation dictionary lacks cannot be recognized; they are dropped and reported.
class DomainLanguageModel
{
public:
    using KnownWord = std::function<bool(const QString &word)>;

    DomainLanguageModel(const SttConfig &config, KnownWord isKnown);

    ArpaLanguageModel general() const;
    ArpaLanguageModel yesNo() const;
    QString identifierGrammar(bool spanOnly = false) const; // JSGF text

    // Empty when `format` is a valid sttConfig identifier format, else what is wrong with it.
    static QString identifierFormatProblem(const QString &format);

    // Every word any of the three may produce (for the stream's dictionary).
    QStringList vocabulary() const;
    // "keywords[1]: 'bluedart' is not in the pronunciation dictionary; dropped", one per problem.
    QStringList warnings() const { return m_warnings; }

private:
    QStringList known(const QString &text, const QString &source);
    void addIdentifiers(ArpaLanguageModel &lm, double weight, int count, bool withContext) const;
    QStringList randomIdentifier(int shape, const std::function<int(int)> &pick) const;

    KnownWord m_known;
    QList<QStringList> m_builtIn;
    QList<QStringList> m_playbook;
    QList<QStringList> m_confirmations;
    QList<QStringList> m_leadIns;
    QList<QPair<QStringList, double>> m_keywords;
    QStringList m_extraWords;
    QStringList m_sequenceWords;
    QStringList m_noNumber;
    QStringList m_identifierFormats;
    QStringList m_warnings;
};

} // namespace ringside
