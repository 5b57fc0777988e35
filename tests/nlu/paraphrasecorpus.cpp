#include "paraphrasecorpus.h"

#include "engine/playbookslots.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace ringside::test {

namespace {

// Built-in intents that may be heard beside another without changing what the brain does:
// "hello, where is my order" is still a question about the order.
const QStringList kBenign = { QStringLiteral("greeting"), QStringLiteral("thanks") };

QString comparable(QString s)
{
    s = s.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^\\w\\s]")), QStringLiteral(" "));
    return s.simplified();
}

QString valueText(const json &v)
{
    if (v.is_string())
        return qs(v.get<std::string>());
    if (v.is_object() && v.contains("name"))
        return valueText(v["name"]);
    return qs(v.dump());
}

QStringList acceptedIntents(const nlu::Analysis &a)
{
    QStringList out;
    for (const nlu::IntentResult *r : { &a.playbook, &a.universal }) {
        if (r->matchedAny() && (r->sure || r->confidence >= 0.9) && !out.contains(r->intent))
            out << r->intent;
    }
    return out;
}

} // namespace

ParaphraseCorpus::ParaphraseCorpus(const QString &folder)
{
    const QDir root(folder);
    if (!root.exists()) {
        m_problems << QStringLiteral("%1: no such folder").arg(folder);
        return;
    }
    for (const QString &language : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        QDirIterator it(root.filePath(language), { QStringLiteral("*.txt") }, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &file : files)
            readFile(file, language);
    }
    if (root.exists(QStringLiteral("once-tuned.lst")))
        markOnceTuned(root.filePath(QStringLiteral("once-tuned.lst")));
}

QString phrasingKey(const QString &language, const QString &text)
{
    return language + QLatin1Char('|') + text.simplified().toLower();
}

void ParaphraseCorpus::markOnceTuned(const QString &listPath)
{
    QFile file(listPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_problems << QStringLiteral("%1: cannot read").arg(listPath);
        return;
    }
    QHash<QString, QList<ParaphraseCase *>> byKey;
    for (ParaphraseCase &c : m_cases)
        byKey[phrasingKey(c.language, c.text)] << &c;
    int lineNo = 0;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        ++lineNo;
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        const QString key = tab > 0 ? phrasingKey(line.left(tab), line.mid(tab + 1)) : QString();
        const auto found = byKey.constFind(key);
        if (found == byKey.constEnd()) {
            // A listed phrasing that no case has any more would silently shrink the list.
            m_problems << QStringLiteral("once-tuned.lst:%1: no held-out case has this phrasing").arg(lineNo);
            continue;
        }
        for (ParaphraseCase *c : *found)
            c->onceTuned = true;
    }
}

void ParaphraseCorpus::readFile(const QString &path, const QString &language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_problems << QStringLiteral("%1: cannot read").arg(path);
        return;
    }
    const QString name = QFileInfo(path).fileName();
    QStringList playbooks = { QString() };
    QDate today(2026, 12, 24);
    nlu::TimeDirection direction = nlu::TimeDirection::Future;
    QStringList items;
    QHash<QString, QStringList> same;
    QHash<QString, QStringList> also;
    ParaphraseCase::Kind kind = ParaphraseCase::Kind::Intent;
    QString blockName;
    QString blockValue;
    int lineNo = 0;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (QString line : lines) {
        ++lineNo;
        const QString where = QStringLiteral("%1/%2:%3").arg(language, name).arg(lineNo);
        if (const qsizetype hash = line.indexOf(QLatin1String(" #")); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('@'))) {
            const QString key = line.section(QLatin1Char(' '), 0, 0).mid(1);
            const QString rest = line.section(QLatin1Char(' '), 1).trimmed();
            if (key == QLatin1String("playbook")) {
                playbooks.clear();
                for (const QString &p : rest.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    playbooks << (p == QLatin1String("none") ? QString() : p);
            } else if (key == QLatin1String("today")) {
                today = QDate::fromString(rest, Qt::ISODate);
                if (!today.isValid())
                    m_problems << QStringLiteral("%1: @today needs YYYY-MM-DD").arg(where);
            } else if (key == QLatin1String("direction")) {
                direction = rest == QLatin1String("past") ? nlu::TimeDirection::Past : nlu::TimeDirection::Future;
            } else if (key == QLatin1String("items")) {
                items.clear();
                for (const QString &i : rest.split(QLatin1Char('|'), Qt::SkipEmptyParts))
                    items << i.trimmed();
            } else if (key == QLatin1String("same") || key == QLatin1String("also")) {
                // "@same a b": either one leads to the same action; "@also a b": heard together, harmless.
                const QStringList names = rest.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (names.isEmpty())
                    m_problems << QStringLiteral("%1: @%2 needs intent names").arg(where, key);
                QHash<QString, QStringList> &table = key == QLatin1String("same") ? same : also;
                for (const QString &n : names)
                    table[n] += names;
            } else {
                m_problems << QStringLiteral("%1: unknown directive @%2").arg(where, key);
            }
            continue;
        }
        if (line.startsWith(QLatin1String("=="))) {
            const QStringList parts = line.mid(2).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() < 2) {
                m_problems << QStringLiteral("%1: a block is \"== intent NAME\", \"== notintent NAME\" or \"== slot NAME [VALUE]\"").arg(where);
                blockName.clear();
                continue;
            }
            if (parts[0] == QLatin1String("intent"))
                kind = ParaphraseCase::Kind::Intent;
            else if (parts[0] == QLatin1String("notintent"))
                kind = ParaphraseCase::Kind::NotIntent;
            else if (parts[0] == QLatin1String("slot"))
                kind = ParaphraseCase::Kind::Slot;
            else
                m_problems << QStringLiteral("%1: unknown block kind \"%2\"").arg(where, parts[0]);
            blockName = parts[1];
            blockValue = parts.mid(2).join(QLatin1Char(' '));
            continue;
        }
        if (blockName.isEmpty()) {
            m_problems << QStringLiteral("%1: a phrase outside any block").arg(where);
            continue;
        }
        QString text = line;
        QString value = blockValue;
        if (const qsizetype arrow = line.lastIndexOf(QLatin1String("=>")); arrow >= 0) {
            text = line.left(arrow).trimmed();
            value = line.mid(arrow + 2).trimmed();
        }
        if (kind == ParaphraseCase::Kind::Slot && value.isEmpty()) {
            m_problems << QStringLiteral("%1: a slot phrase needs a value (\"text => value\" or in the block line)").arg(where);
            continue;
        }
        for (const QString &playbook : playbooks) {
            ParaphraseCase c;
            c.kind = kind;
            c.name = blockName;
            c.expected = value;
            c.text = text;
            c.playbook = playbook;
            c.language = language;
            c.today = today;
            c.direction = direction;
            c.items = items;
            c.same = same.value(blockName);
            c.also = also.value(blockName) + c.same;
            c.where = where;
            m_cases << c;
        }
    }
}

QStringList stepsToScore(const ParaphraseCase &c, const Playbook *pb)
{
    if (!pb || c.kind == ParaphraseCase::Kind::Slot || pb->listening.isEmpty())
        return { QString() };
    const QStringList names = QStringList(c.name) + c.same;
    QStringList acting;
    for (auto it = pb->listening.cbegin(); it != pb->listening.cend(); ++it) {
        if (std::any_of(names.cbegin(), names.cend(), [&](const QString &n) { return it.value().own.contains(n); }))
            acting << it.key();
    }
    return acting.isEmpty() ? pb->listening.keys() : acting;
}

bool scoreCase(const ParaphraseCase &c, const nlu::Analyser &analyser, const Playbook *pb, const QString &step,
               QString *understood)
{
    nlu::OrderIdPattern pattern;
    if (pb && pb->settings.orderIdPattern)
        pattern = *pb->settings.orderIdPattern;
    nlu::AnalysisContext context;
    context.today = c.today;
    context.direction = c.direction;
    context.orderId = pattern;
    context.items = c.items;
    context.intents = pb && !pb->intents.isEmpty() ? &pb->intents : nullptr;
    if (pb && !step.isEmpty()) {
        const Playbook::Listening listening = pb->listening.value(step);
        context.stepIntents = listening.own;
        context.firstRuleSure = listening.firstSure;
        context.firstRulePossible = listening.firstPossible;
    }
    const nlu::Analysis a = analyser.analyse(c.text, context);
    const QStringList accepted = acceptedIntents(a);

    if (c.kind != ParaphraseCase::Kind::Slot) {
        *understood = accepted.isEmpty() ? QStringLiteral("no intent") : accepted.join(QStringLiteral(" + "));
        if (c.kind == ParaphraseCase::Kind::NotIntent)
            return !accepted.contains(c.name);
        const bool heard = std::any_of(accepted.cbegin(), accepted.cend(),
                                       [&](const QString &i) { return i == c.name || c.same.contains(i); });
        if (!heard)
            return false;
        for (const QString &other : accepted) {
            if (other != c.name && !kBenign.contains(other) && !c.also.contains(other))
                return false;
        }
        return true;
    }

    playbook::SlotContext slotContext;
    slotContext.analyser = &analyser;
    slotContext.orderIdPattern = pattern;
    slotContext.expected = { c.name };
    slotContext.utterance = c.text;
    if (!c.items.isEmpty()) {
        json items = json::array();
        for (const QString &i : c.items)
            items.push_back({ { "name", i } });
        slotContext.choiceItems = items;
    }
    const playbook::HeardSlots heard = playbook::heardSlots(a, slotContext);
    const auto v = heard.values.find(c.name.toStdString());
    if (v == heard.values.end()) {
        *understood = heard.partialSlot == c.name ? QStringLiteral("partial %1").arg(heard.partialDigits)
                    : heard.invalidSlot == c.name ? QStringLiteral("invalid: %1").arg(heard.invalidProblem)
                                                   : QStringLiteral("nothing");
        return false;
    }
    *understood = valueText(*v);
    if (c.name == QLatin1String("address"))
        return comparable(*understood) == comparable(c.expected);
    return understood->compare(c.expected, Qt::CaseInsensitive) == 0;
}

ParaphraseReport ParaphraseCorpus::evaluate(const nlu::Analyser &analyser, const QString &playbookFolder) const
{
    ParaphraseReport report;
    report.problems = m_problems;
    QHash<QString, std::shared_ptr<const Playbook>> playbooks;
    for (const ParaphraseCase &c : m_cases) {
        const Playbook *pb = nullptr;
        if (!c.playbook.isEmpty()) {
            if (!playbooks.contains(c.playbook)) {
                const QString path = QDir(playbookFolder).filePath(c.playbook + QStringLiteral(".playbook.json"));
                PlaybookLoadResult loaded = loadPlaybookFile(path, analyser);
                if (!loaded.ok())
                    report.problems << QStringLiteral("%1: playbook %2 does not load").arg(c.where, c.playbook);
                playbooks.insert(c.playbook, loaded.playbook);
            }
            pb = playbooks.value(c.playbook).get();
            if (!pb)
                continue;
        }
        QString understood;
        bool ok = true;
        for (const QString &step : stepsToScore(c, pb)) {
            ok = scoreCase(c, analyser, pb, step, &understood);
            if (!ok)
                break;
        }
        const QString kind = c.kind == ParaphraseCase::Kind::Slot ? QStringLiteral("slots") : QStringLiteral("intents");
        const QString what = c.kind == ParaphraseCase::Kind::Slot ? QStringLiteral("slot") : QStringLiteral("intent");
        for (ParaphraseScore *s : { &report.overall, &report.byLanguage[c.language],
                                    &report.byLanguageAndKind[c.language + QLatin1Char(' ') + kind],
                                    &report.byName[QStringLiteral("%1 %2 %3").arg(c.language, what, c.name)] }) {
            ++s->total;
            s->correct += ok ? 1 : 0;
        }
        if (!c.onceTuned) {
            for (ParaphraseScore *s : { &report.neverTuned, &report.neverTunedByLanguage[c.language] }) {
                ++s->total;
                s->correct += ok ? 1 : 0;
            }
        }
        if (!ok) {
            const QString expected = c.kind == ParaphraseCase::Kind::Slot ? QStringLiteral("%1=%2").arg(c.name, c.expected)
                                   : c.kind == ParaphraseCase::Kind::NotIntent ? QStringLiteral("not %1").arg(c.name)
                                                                               : c.name;
            report.failures << QStringLiteral("%1 [%2] \"%3\": expected %4, understood %5")
                                   .arg(c.where, c.playbook.isEmpty() ? QStringLiteral("built-in") : c.playbook, c.text,
                                        expected, understood);
        }
    }
    return report;
}

} // namespace ringside::test
