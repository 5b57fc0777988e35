#pragma once
// The offline brain: runs a playbook (docs/playbook-format.md) with the NLU for English, Hinglish
// and Hindi. Deterministic: the same words in the same state give the same reply and tool calls.
// Finishes every turn inside respond(). The playbook and analyser are shared and immutable; a
// brain holds only its conversation's state, so sessions stay small.

#include "conversation/brain.h"
#include "engine/playbook.h"
#include "engine/playbookstate.h"
#include "engine/playbooktemplate.h"

#include <QHash>

#include <memory>

namespace ringside {

namespace nlu {
class Analyser;
}
namespace playbook {
class Interpreter;
}

class PlaybookBrain final : public Brain
{
public:
    // `variables` are the call's template variables (timezone and currency among them, for speech).
    PlaybookBrain(std::shared_ptr<const Playbook> playbook, std::shared_ptr<const nlu::Analyser> analyser,
                  const QHash<QString, QString> &variables, const QString &language);

    void begin(BrainContext &ctx) override;
    void respond(const QString &userText, BrainContext &ctx) override;
    void agentInterrupted(const QString &heardText) override;
    ListenExpectation expectation() const override;
    QStringList expectedPhrases() const override;
    QString kind() const override { return QStringLiteral("playbook"); }

    // Where the conversation is, for the console and tests.
    QString currentStep() const { return m_state.step; }
    const json &memory() const { return m_state.root; }
    const Playbook &playbook() const { return *m_playbook; }

private:
    playbook::SpeechStyle styleFor(const BrainContext &ctx) const;
    nlu::AnalysisContext analysisContext(const QDate &today, const QStringList &choiceLabels) const;
    // The pipeline of docs/playbook-format.md, "Built-in behaviour".
    void interpret(playbook::Interpreter &run, playbook::TurnState &turn);
    // The interpreter's own intents: hard (human, complaint) or soft (repeat, wait, goodbye).
    bool universal(playbook::Interpreter &run, playbook::TurnState &turn, bool hard);
    bool partialOrInvalid(playbook::Interpreter &run, playbook::TurnState &turn);
    // True when a whisper moved the call to another step (the caller's words are then not read).
    bool followWhispers(playbook::Interpreter &run, BrainContext &ctx);
    void finish(playbook::Interpreter &run, playbook::TurnState &turn);
    // Slots said before they were asked for: kept, and given to the step that asks for them.
    void rememberFacts(const playbook::TurnState &turn);
    void carryForward(playbook::Interpreter &run, playbook::TurnState &turn);
    json recallChoice(playbook::Interpreter &run);

    std::shared_ptr<const Playbook> m_playbook;
    std::shared_ptr<const nlu::Analyser> m_analyser;
    QString m_language;
    nlu::OrderIdPattern m_orderIdPattern;
    playbook::ConversationState m_state;
    QString m_heardOfLastReply;
};

} // namespace ringside
