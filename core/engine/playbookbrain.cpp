#include "engine/playbookbrain.h"

#include "engine/nlu/analyser.h"
#include "engine/playbookinterpreter.h"
#include "engine/playbookslots.h"
#include "util/sentences.h"
#include "tools/speechformat.h"

namespace ringside {

using namespace playbook;

namespace {

constexpr int kRecentUtterances = 6; // an item named this many turns back is still remembered
constexpr int kFactTurns = 4;        // a slot said this many turns back is still taken
constexpr int kMaxCarryHops = 3;     // steps one turn may pass through on carried slots

QStringList expectedSlots(const json &step)
{
    const auto e = step.find("expect");
    return e == step.end() ? QStringList() : namesIn(*e);
}

} // namespace

PlaybookBrain::PlaybookBrain(std::shared_ptr<const Playbook> pb, std::shared_ptr<const nlu::Analyser> analyser,
                             const QHash<QString, QString> &variables, const QString &language)
    : m_playbook(std::move(pb)), m_analyser(std::move(analyser)), m_language(language)
{
    json &vars = m_state.root["vars"];
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        vars[it.key().toStdString()] = it.value();
    m_state.step = m_playbook->start;
    m_state.root["step"] = m_state.step;
    if (m_playbook->settings.orderIdPattern) {
        m_orderIdPattern = *m_playbook->settings.orderIdPattern;
    } else if (auto p = nlu::OrderIdPattern::fromExample(variables.value(QStringLiteral("orderIdFormat"))); p.ok()) {
        m_orderIdPattern = p.value();
    }
}

SpeechStyle PlaybookBrain::styleFor(const BrainContext &ctx) const
{
    SpeechStyle style;
    style.language = m_language;
    style.zone = zoneOrUtc(stringAt(m_state.root["vars"], "timezone"));
    style.now = ctx.now();
    style.currency = stringAt(m_state.root["vars"], "currency");
    return style;
}

nlu::AnalysisContext PlaybookBrain::analysisContext(const QDate &today, const QStringList &choiceLabels) const
{
    nlu::AnalysisContext c;
    c.today = today;
    c.direction = m_playbook->settings.dateDirection;
    c.dayFirst = m_playbook->settings.dayFirst;
    c.orderId = m_orderIdPattern;
    c.defaultCountry = m_playbook->settings.phoneCountry;
    c.items = choiceLabels;
    c.intents = m_playbook->intents.isEmpty() ? nullptr : &m_playbook->intents;
    const Playbook::Listening listening = m_playbook->listening.value(m_state.step);
    c.stepIntents = listening.own;
    c.firstRuleSure = listening.firstSure;
    c.firstRulePossible = listening.firstPossible;
    return c;
}

void PlaybookBrain::begin(BrainContext &ctx)
{
    TurnState turn;
    turn.ctx = &ctx;
    const SpeechStyle style = styleFor(ctx);
    Interpreter run(*m_playbook, m_state, turn, style);
    run.runActions(m_playbook->begin);
    finish(run, turn);
}

void PlaybookBrain::respond(const QString &userText, BrainContext &ctx)
{
    if (m_state.ended) {
        ctx.finishTurn();
        return;
    }
    TurnState turn;
    turn.ctx = &ctx;
    const SpeechStyle style = styleFor(ctx);
    Interpreter run(*m_playbook, m_state, turn, style);
    const bool redirected = followWhispers(run, ctx);

    if (m_state.escalated) {
        run.say(run.builtin(QStringLiteral("holding")));
    } else if (!redirected) {
        json items;
        const QStringList labels = run.choiceLabels(&items);
        turn.analysis = m_analyser->analyse(userText, analysisContext(style.now.toTimeZone(style.zone).date(), labels));
        m_state.root["turn"] = { { "text", userText.trimmed() }, { "language", nlu::languageTag(turn.analysis.language()) } };

        SlotContext slotContext;
        slotContext.analyser = m_analyser.get();
        slotContext.orderIdPattern = m_orderIdPattern;
        slotContext.phoneCountry = m_playbook->settings.phoneCountry;
        slotContext.expected = expectedSlots(run.currentStep());
        slotContext.choiceItems = items;
        slotContext.choiceKey = stringAt(run.currentStep().value("choices", json::object()), "key");
        slotContext.utterance = userText;
        slotContext.pendingSlot = m_state.pendingSlot;
        slotContext.pendingDigits = m_state.pendingDigits;
        turn.heard = heardSlots(turn.analysis, slotContext);
        run.rememberSlots({});
        ++m_state.turnNumber;
        m_state.recentUtterances << userText.trimmed();
        while (m_state.recentUtterances.size() > kRecentUtterances)
            m_state.recentUtterances.removeFirst();

        interpret(run, turn);
        if (turn.consumed.contains(QStringLiteral("choice")))
            m_state.recentUtterances.clear(); // that item is chosen; its words name nothing more
        rememberFacts(turn);
        carryForward(run, turn);
        if (turn.ruleFired && !turn.retried)
            m_state.retries = 0;
    }
    // Always answer: a turn that said nothing asks the step's question again.
    if (!turn.stopped && turn.reply.isEmpty())
        turn.askAtEnd = true;
    finish(run, turn);
    ctx.finishTurn();
}

void PlaybookBrain::interpret(Interpreter &run, TurnState &turn)
{
    if (m_state.offeringHuman) {
        m_state.offeringHuman = false;
        const json answer = turn.heard.values.value("yes_no", json());
        if (answer == "yes") {
            run.escalate(QStringLiteral("other"),
                         QStringLiteral("The agent could not understand the caller at step %1 and the caller accepted a person. "
                                        "Last words: \"%2\"").arg(m_state.step, stringAt(m_state.root["turn"], "text").left(120)),
                         QString());
            return;
        }
        if (answer == "no") {
            run.say(run.builtin(QStringLiteral("tryAgain")));
            m_state.retries = 0;
            turn.askAtEnd = true;
            return;
        }
        // Neither: perhaps they answered the original question; carry on.
    }
    if (universal(run, turn, true))
        return;
    if (run.runRules(m_playbook->anywhere))
        return;
    if (universal(run, turn, false))
        return;
    if (partialOrInvalid(run, turn))
        return;
    const json &step = run.currentStep();
    if (step.contains("on") && run.runRules(step["on"]))
        return;
    run.retry(QString());
}

bool PlaybookBrain::universal(Interpreter &run, TurnState &turn, bool hard)
{
    const auto fires = [&](const char *intent) {
        const QString name = QLatin1String(intent);
        return run.intentIs({ name }) && !run.playbookHandles(name);
    };
    if (hard) {
        if (fires("human")) {
            run.escalate(QStringLiteral("customer_request"), QString(), QString());
            return true;
        }
        if (fires("complaint")) {
            run.escalate(QStringLiteral("complaint"), QString(), QString());
            return true;
        }
        return false;
    }
    // "wait, it's 482913" is an order ID, not a request to wait.
    for (const QString &slot : expectedSlots(run.currentStep())) {
        if (slot != QLatin1String("text") && slot != QLatin1String("yes_no") && turn.heard.has(slot))
            return false;
    }
    if (fires("repeat")) {
        const QString last = turn.ctx->lastAgentText().trimmed();
        if (last.isEmpty()) {
            run.say(run.builtin(QStringLiteral("nothingToRepeat")));
            turn.askAtEnd = true;
        } else {
            // The prefix only when it keeps the reply within three sentences.
            if (countSentences(last) < 3)
                run.say(run.builtin(QStringLiteral("repeatPrefix")));
            run.say(last);
        }
        return true;
    }
    if (fires("wait")) {
        run.say(run.builtin(QStringLiteral("wait")));
        return true;
    }
    if (fires("goodbye")) {
        run.end(QString());
        return true;
    }
    return false;
}

bool PlaybookBrain::partialOrInvalid(Interpreter &run, TurnState &turn)
{
    const HeardSlots &h = turn.heard;
    const json &step = run.currentStep();
    const auto textFor = [&](const char *kind, const QString &slot) {
        const auto texts = step.find(kind);
        if (texts != step.end() && texts->contains(slot.toStdString()))
            return run.text((*texts)[slot.toStdString()]);
        return run.builtin(QLatin1String(kind));
    };
    if (!h.partialSlot.isEmpty()) {
        m_state.pendingSlot = h.partialSlot;
        m_state.pendingDigits = h.partialDigits;
        m_state.root["partial"] = spellId(h.partialDigits);
        run.say(textFor("partial", h.partialSlot));
        m_state.root.erase("partial");
        return true;
    }
    if (!h.invalidSlot.isEmpty()) {
        m_state.pendingSlot.clear();
        m_state.pendingDigits.clear();
        m_state.root["problem"] = h.invalidProblem;
        run.retry(textFor("invalid", h.invalidSlot));
        m_state.root.erase("problem");
        return true;
    }
    return false;
}

bool PlaybookBrain::followWhispers(Interpreter &run, BrainContext &ctx)
{
    bool redirected = false;
    for (const QString &whisper : ctx.takeWhispers()) {
        const QString w = whisper.trimmed();
        const QString verb = w.section(QLatin1Char(' '), 0, 0).toLower();
        const QString rest = w.section(QLatin1Char(' '), 1).trimmed();
        if (verb == QLatin1String("goto") && m_playbook->step(rest)) {
            run.gotoStep(rest, true);
            redirected = true;
        } else if (verb == QLatin1String("say") && !rest.isEmpty()) {
            run.say(rest);
        } else {
            ctx.notice(QStringLiteral("the playbook brain follows only \"goto STEP\" and \"say TEXT\" whispers; "
                                      "not followed: \"%1\"").arg(w.left(200)));
        }
    }
    return redirected;
}

void PlaybookBrain::rememberFacts(const TurnState &turn)
{
    for (auto it = m_state.facts.begin(); it != m_state.facts.end();) {
        if (it.value().value("turn", 0) < m_state.turnNumber - kFactTurns)
            it = m_state.facts.erase(it);
        else
            ++it;
    }
    for (const QString &slot : turn.heard.carriable) {
        if (turn.consumed.contains(slot))
            continue;
        const auto v = turn.heard.values.find(slot.toStdString());
        if (v != turn.heard.values.end())
            m_state.facts[slot.toStdString()] = { { "value", *v }, { "turn", m_state.turnNumber } };
    }
}

json PlaybookBrain::recallChoice(Interpreter &run)
{
    json items;
    const QStringList labels = run.choiceLabels(&items);
    if (labels.isEmpty() || !items.is_array())
        return nullptr;
    for (auto it = m_state.recentUtterances.crbegin(); it != m_state.recentUtterances.crend(); ++it) {
        const nlu::ItemMatch m = m_analyser->item(*it, labels);
        // Only a name ("the blue shirt"): "the second one" said earlier was about another list.
        if (m.sure && !m.byPosition && m.index >= 0 && size_t(m.index) < items.size())
            return items[size_t(m.index)];
    }
    return nullptr;
}

void PlaybookBrain::carryForward(Interpreter &run, TurnState &turn)
{
    for (int hop = 0; hop < kMaxCarryHops; ++hop) {
        if (!turn.entered || !turn.askAtEnd || turn.stopped || turn.endOutcome)
            return;
        const json &step = run.currentStep();
        const QStringList expected = expectedSlots(step);
        HeardSlots carried;
        for (const QString &slot : expected) {
            const auto fact = m_state.facts.find(slot.toStdString());
            if (fact != m_state.facts.end())
                carried.values[slot.toStdString()] = (*fact)["value"];
        }
        if (expected.contains(QStringLiteral("choice")) && step.value("recall", false)) {
            if (json chosen = recallChoice(run); !chosen.is_null())
                carried.values["choice"] = std::move(chosen);
        }
        if (carried.values.empty())
            return;
        for (auto it = carried.values.begin(); it != carried.values.end(); ++it)
            m_state.facts.erase(it.key());
        // The step's rules hear only what was carried: the words of this turn were about
        // something else, so their intents and yes/no must not fire again.
        turn.heard = carried;
        turn.analysis.universal = nlu::IntentResult();
        turn.analysis.playbook = nlu::IntentResult();
        turn.analysis.yesNo = nlu::YesNo();
        turn.entered = false;
        turn.askAtEnd = false;
        run.rememberSlots({});
        if (!step.contains("on") || !run.runRules(step["on"])) {
            turn.askAtEnd = true;
            return;
        }
        if (turn.consumed.contains(QStringLiteral("choice")))
            m_state.recentUtterances.clear();
    }
}

void PlaybookBrain::finish(Interpreter &run, TurnState &turn)
{
    if (turn.askAtEnd && !turn.stopped) {
        const json &step = run.currentStep();
        if (const auto ask = step.find("ask"); ask != step.end())
            run.say(run.text(*ask));
        else if (turn.reply.isEmpty())
            run.say(run.builtin(QStringLiteral("didNotCatch")));
    }
    run.flush();
    if (turn.endOutcome) {
        m_state.ended = true;
        turn.ctx->endCall(*turn.endOutcome);
    }
}

void PlaybookBrain::agentInterrupted(const QString &heardText)
{
    // "repeat that" always repeats the whole reply; kept for the console's view of the call.
    m_heardOfLastReply = heardText;
}

ListenExpectation PlaybookBrain::expectation() const
{
    const json *step = m_playbook->step(m_state.step);
    const QStringList expected = step ? expectedSlots(*step) : QStringList();
    if (expected.contains(QStringLiteral("order_id")) || expected.contains(QStringLiteral("phone")))
        return ListenExpectation::DigitsAndLetters;
    if (expected == QStringList{ QStringLiteral("yes_no") })
        return ListenExpectation::YesNo;
    return ListenExpectation::General;
}

QStringList PlaybookBrain::expectedPhrases() const
{
    QStringList out;
    const json *step = m_playbook->step(m_state.step);
    if (!step)
        return out;
    if (expectedSlots(*step).contains(QStringLiteral("yes_no")))
        out << QStringLiteral("yes") << QStringLiteral("no") << QStringLiteral("haan") << QStringLiteral("nahi");
    QList<QStringList> byIntent;
    QStringList seenIntents;
    for (const json *rules : { step->contains("on") ? &(*step)["on"] : nullptr, &m_playbook->anywhere }) {
        if (!rules)
            continue;
        for (const json &rule : *rules) {
            if (!rule.contains("when") || !rule["when"].contains("intent"))
                continue;
            for (const QString &intent : namesIn(rule["when"]["intent"])) {
                if (seenIntents.contains(intent))
                    continue;
                seenIntents << intent;
                byIntent << m_playbook->phrases.value(intent);
            }
        }
    }
    // The recognizer takes a bounded number of phrases: one from each intent in turn, so a step
    // with many intents of its own does not crowd out what callers may say anywhere in the call.
    constexpr qsizetype kMaxPhrases = 64;
    for (qsizetype i = 0; out.size() < kMaxPhrases; ++i) {
        bool any = false;
        for (const QStringList &phrases : byIntent) {
            if (i >= phrases.size())
                continue;
            any = true;
            if (!out.contains(phrases.at(i)))
                out << phrases.at(i);
            if (out.size() >= kMaxPhrases)
                break;
        }
        if (!any)
            break;
    }
    return out;
}

} // namespace ringside
