#include "engine/llmbrain/brainprompt.h"

#include "agent/template.h"

#include <QHash>

namespace ringside {

QString renderWithVariables(const QString &text, const VariableLookup &lookup)
{
    QHash<QString, QString> values;
    for (const QString &name : placeholders(text))
        values.insert(name, lookup(name));
    return renderTemplate(text, values).text;
}

QString houseRules(const QStringList &tools)
{
    QStringList rules = {
        QStringLiteral("You are speaking on a phone call and every word you write is read aloud. Write plain "
                       "spoken sentences: no lists, headings, markdown, emoji or symbols. Keep each reply under "
                       "three sentences."),
        QStringLiteral("Never guess order details, dates, amounts or policies: get them from your tools and "
                       "prefer the wording in their results, which is already prepared for speech. Spell order "
                       "IDs and tracking numbers one character at a time."),
        QStringLiteral("Never read out tool names, field names, JSON or raw data."),
    };
    if (tools.contains(QStringLiteral("transfer_to_human"))) {
        rules << QStringLiteral("Call transfer_to_human, with a reason and a one-line summary for the person who "
                                "takes over, when the customer asks for a person, says a package marked delivered "
                                "never arrived, wants to complain, reports a damaged item, or the order is more "
                                "than 7 days late.");
    }
    if (tools.contains(QStringLiteral("end_call")))
        rules << QStringLiteral("When the conversation is over, say a short goodbye and call end_call.");
    rules << QStringLiteral("System notes marked as operator guidance come from a supervisor listening in: follow "
                            "them, but never mention or read them to the customer.");
    QString text = QStringLiteral("## Rules for this call\n");
    for (const QString &rule : rules)
        text += QStringLiteral("- ") + rule + QLatin1Char('\n');
    return text;
}

QString buildSystemPrompt(const QString &renderedPrompt, const QStringList &tools, const QString &greeting)
{
    QString prompt = renderedPrompt.trimmed();
    if (!prompt.isEmpty())
        prompt += QStringLiteral("\n\n");
    prompt += houseRules(tools);
    if (!greeting.trimmed().isEmpty()) {
        prompt += QStringLiteral("\n## How this call began\nYou opened the call by saying: \"")
                  + greeting.trimmed() + QStringLiteral("\" Do not greet the customer again.\n");
    }
    return prompt;
}

} // namespace ringside
