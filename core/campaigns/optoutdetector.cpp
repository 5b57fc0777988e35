#include "campaigns/optoutdetector.h"

#include <QFile>

namespace ringside::campaigns {

namespace {
const QString kPlaybook = QStringLiteral(":/ringside/agents/cart-recovery.playbook.json");
const char *kIntent = "do_not_call";
} // namespace

Result<OptOutDetector> OptOutDetector::create(const nlu::Analyser &analyser)
{
    using R = Result<OptOutDetector>;
    QFile file(kPlaybook);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("%1: cannot be read").arg(kPlaybook));
    const QByteArray text = file.readAll();
    const json doc = json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    json intent;
    if (doc.is_object() && doc.contains("playbook") && doc["playbook"].contains("intents"))
        for (const json &i : doc["playbook"]["intents"])
            if (i.is_object() && i.value("name", std::string()) == kIntent)
                intent = i;
    if (intent.is_null())
        return R::failure(QStringLiteral("%1: no \"%2\" intent").arg(kPlaybook, QLatin1String(kIntent)));
    auto matcher = analyser.compileIntents(json::array({ intent }), QStringLiteral("/playbook/intents"));
    if (!matcher.ok())
        return R::failure(matcher.error());
    nlu::IntentMatcher m = std::move(matcher).value();
    m.setOptions({ 0.8, 0.0 }); // a whole phrase, not a word that happens to be in one
    return OptOutDetector(analyser, std::move(m));
}

QString OptOutDetector::heard(const QString &utterance) const
{
    const nlu::IntentResult r = m_matcher.match(m_analyser.normalise(utterance));
    if (r.intent == QLatin1String(kIntent) && r.confidence >= 0.8 && !r.negated.contains(QLatin1String(kIntent)))
        return r.matched.isEmpty() ? utterance : r.matched;
    return QString();
}

} // namespace ringside::campaigns
