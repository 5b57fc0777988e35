#include "engine/nlu/lexicon.h"

#include "engine/nlu/lexiconreader.h"

#include <QFile>

namespace ringside::nlu {

namespace {

// "paraphrases" holds the ways of saying things tuned on tests/nlu/development (issue 16); merged last.
const char *const kFiles[] = {"language", "numbers", "calendar", "yesno", "reasons", "entities", "intents", "paraphrases"};

// A file is named after the section it holds, except paraphrases.json, which adds to several.
QStringList sectionNames()
{
    QStringList out;
    for (const char *f : kFiles) {
        if (qstrcmp(f, "paraphrases") != 0)
            out.append(QLatin1String(f));
    }
    return out;
}

// The one word a lexicon key stands for, normalised like utterance words; empty if it is not
// exactly one word.
QString singleWord(const Normaliser &n, const QString &text, bool stem)
{
    const NormalisedText t = n.normalise(text);
    if (t.size() != 1)
        return {};
    return stem ? t.at(0).stem : t.at(0).canon;
}

std::function<bool(const QString &, int *)> intLabel(int min, int max)
{
    return [min, max](const QString &label, int *value) {
        bool ok = false;
        *value = label.toInt(&ok);
        return ok && *value >= min && *value <= max;
    };
}

std::function<bool(const QString &, int *)> indexLabel(const QStringList &labels)
{
    return [labels](const QString &label, int *value) {
        *value = int(labels.indexOf(label)) + 1;
        return *value > 0;
    };
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out.append(QLatin1String(s));
    return out;
}

// Reads {"word": integer} into a stem-keyed map, checking each value lies in [min, max].
template <typename Int>
bool wordValues(LexiconReader &r, const json &value, const QString &path, qint64 min, qint64 max, QHash<QString, Int> *out)
{
    if (!value.is_object())
        return r.fail(path, QStringLiteral("must be an object of word → number"));
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString at = pointer(path, qs(it.key()));
        if (!it->is_number_integer() || it->template get<qint64>() < min || it->template get<qint64>() > max)
            return r.fail(at, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        const QString key = singleWord(r.normaliser(), qs(it.key()), true);
        if (key.isEmpty())
            return r.fail(at, QStringLiteral("must be a single word"));
        const Int v = Int(it->template get<qint64>());
        if (out->contains(key) && out->value(key) != v)
            return r.fail(at, QStringLiteral("reads the same as another word with a different value"));
        out->insert(key, v);
    }
    return true;
}

} // namespace

Result<json> Lexicon::builtinDocument()
{
    json document = json::object();
    for (const char *name : kFiles) {
        const QString path = QStringLiteral(":/ringside/nlu/%1.json").arg(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result<json>::failure(QStringLiteral("%1: cannot be read (is ringside::nlu linked?)").arg(path));
        const QByteArray bytes = file.readAll();
        const json part = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
        if (part.is_discarded())
            return Result<json>::failure(QStringLiteral("%1: is not valid JSON").arg(path));
        document = merged(document, part);
    }
    return document;
}

json Lexicon::merged(const json &document, const json &extra)
{
    if (document.is_object() && extra.is_object()) {
        json out = document;
        for (auto it = extra.begin(); it != extra.end(); ++it)
            out[it.key()] = out.contains(it.key()) ? merged(out[it.key()], it.value()) : it.value();
        return out;
    }
    if (document.is_array() && extra.is_array()) {
        json out = document;
        for (const json &v : extra)
            out.push_back(v);
        return out;
    }
    return extra;
}

namespace {

// Every Latin word anywhere in a lexicon document (keys and values), spelling-folded.
void collectWords(const json &node, const Normaliser &normaliser, Vocabulary *into)
{
    const auto words = [&](const QString &text) {
        for (const Token &t : normaliser.normalise(text).tokens) {
            if (t.script == Script::Latin)
                into->add(t.canon);
        }
    };
    if (node.is_string()) {
        words(qs(node.get<std::string>()));
    } else if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            words(qs(it.key()));
            collectWords(it.value(), normaliser, into);
        }
    } else if (node.is_array()) {
        for (const json &v : node)
            collectWords(v, normaliser, into);
    }
}

} // namespace

Vocabulary vocabularyOf(const json &document, const Normaliser &normaliser)
{
    Vocabulary vocabulary;
    collectWords(document, normaliser, &vocabulary);
    return vocabulary;
}

Result<Lexicon> Lexicon::compile(const json &document)
{
    Lexicon lex;
    lex.m_document = document;
    LexiconReader top(lex.m_normaliser);
    if (!top.object(document, QString(), sectionNames()))
        return Result<Lexicon>::failure(top.error());
    const json empty = json::object();
    auto section = [&](const char *name) -> const json & {
        const auto it = document.find(name);
        return it == document.end() ? empty : *it;
    };
    QString error;
    if (!lex.compileLanguage(section("language"), &error))
        return Result<Lexicon>::failure(error);
    // Devanagari words in the cues below and in utterances meet the lexicon's Latin words.
    Vocabulary vocabulary = vocabularyOf(document, lex.m_normaliser);
    for (auto it = lex.m_normaliser.spellings().cbegin(); it != lex.m_normaliser.spellings().cend(); ++it)
        vocabulary.addSpelling(devanagariToLatin(it.key()), it.value()); // Latin passes through unchanged
    lex.m_normaliser.setVocabulary(std::move(vocabulary));
    if (!lex.compileNumbers(section("numbers"), &error)
        || !lex.compileCalendar(section("calendar"), &error) || !lex.compileEntities(section("entities"), &error)
        || !lex.compileReasons(section("reasons"), &error))
        return Result<Lexicon>::failure(error);

    LexiconReader r(lex.m_normaliser);
    if (!r.cueMap(section("yesno"), QStringLiteral("/yesno"), names({"yes", "no", "settle", "unsure", "correction"}), &lex.m_yesNo))
        return Result<Lexicon>::failure(r.error());
    const auto intents = document.find("intents");
    if (intents != document.end()) {
        Result<IntentMatcher> m = IntentMatcher::fromJson(*intents, lex.m_normaliser, QStringLiteral("/intents"));
        if (!m)
            return Result<Lexicon>::failure(m.error());
        lex.m_intents = std::move(m).value();
    }
    return lex;
}

bool Lexicon::compileLanguage(const json &s, QString *error)
{
    const QString path = QStringLiteral("/language");
    Normaliser raw;
    LexiconReader r(raw);
    auto failed = [&]() { *error = r.error(); return false; };
    if (!r.object(s, path, names({"spellings", "negators", "clauseMarkers", "scopeBarriers", "functionWords", "hindiWords", "englishWords"})))
        return failed();

    Normaliser::Config config;
    if (const auto sp = s.find("spellings"); sp != s.end()) {
        const QString at = path + QStringLiteral("/spellings");
        if (!sp->is_object())
            return r.fail(at, QStringLiteral("must be an object of canonical word → variants")), failed();
        for (auto it = sp->begin(); it != sp->end(); ++it) {
            const QString key = pointer(at, qs(it.key()));
            const QString canon = singleWord(raw, qs(it.key()), false);
            QStringList variants;
            if (canon.isEmpty())
                return r.fail(key, QStringLiteral("must be a single word")), failed();
            if (!r.strings(it.value(), key, &variants))
                return failed();
            for (qsizetype i = 0; i < variants.size(); ++i) {
                const QString v = singleWord(raw, variants.at(i), false);
                if (v.isEmpty())
                    return r.fail(pointer(key, i), QStringLiteral("must be a single word")), failed();
                const QString already = config.spellings.value(v);
                if (!already.isEmpty() && already != canon)
                    return r.fail(pointer(key, i), QStringLiteral("'%1' is already a spelling of '%2'").arg(variants.at(i), already)), failed();
                if (v != canon)
                    config.spellings.insert(v, canon);
            }
        }
    }
    // Everything else is written in words that the spelling map may fold, so read it with one.
    const Normaliser spelled(config);
    LexiconReader w(spelled);
    auto wfailed = [&]() { *error = w.error(); return false; };
    if (const auto neg = s.find("negators"); neg != s.end()) {
        const QString at = path + QStringLiteral("/negators");
        if (!w.object(*neg, at, names({"before", "after"})))
            return wfailed();
        for (const char *side : {"before", "after"}) {
            QStringList words;
            if (neg->contains(side) && !w.strings((*neg)[side], pointer(at, QLatin1String(side)), &words))
                return wfailed();
            for (qsizetype i = 0; i < words.size(); ++i) {
                const QString c = singleWord(spelled, words.at(i), false);
                if (c.isEmpty())
                    return w.fail(pointer(pointer(at, QLatin1String(side)), i), QStringLiteral("must be a single word")), wfailed();
                (qstrcmp(side, "before") == 0 ? config.negatesForward : config.negatesBackward).insert(c);
            }
        }
    }
    const auto list = [&](const char *key, auto *into, auto read) {
        const auto it = s.find(key);
        return it == s.end() || (w.*read)(*it, pointer(path, QLatin1String(key)), into);
    };
    if (!list("clauseMarkers", &config.clauseMarkers, &LexiconReader::stemSequences)
        || !list("scopeBarriers", &config.scopeBarriers, &LexiconReader::stemSequences)
        || !list("functionWords", &config.functionWords, &LexiconReader::stemSet)
        || !list("hindiWords", &config.hindiWords, &LexiconReader::stemSet)
        || !list("englishWords", &config.englishWords, &LexiconReader::stemSet))
        return wfailed();
    m_normaliser = Normaliser(config);
    return true;
}

bool Lexicon::compileNumbers(const json &s, QString *error)
{
    const QString path = QStringLiteral("/numbers");
    LexiconReader r(m_normaliser);
    NumberWords words;
    auto at = [&](const char *key) { return pointer(path, QLatin1String(key)); };
    auto has = [&](const char *key) { return s.contains(key); };
    bool ok = r.object(s, path, names({"cardinals", "ordinals", "ordinalSuffixes", "scales", "repeaters", "zeroLetters",
                                        "ambiguous", "fillers", "plus", "one"}))
        && (!has("cardinals") || wordValues(r, s["cardinals"], at("cardinals"), 0, 99, &words.cardinals))
        && (!has("ordinals") || wordValues(r, s["ordinals"], at("ordinals"), 1, 31, &words.ordinals))
        && (!has("scales") || wordValues(r, s["scales"], at("scales"), 100, 10000000, &words.scales))
        && (!has("repeaters") || wordValues(r, s["repeaters"], at("repeaters"), 2, 4, &words.repeaters));
    for (auto [key, set] : {std::pair{"ordinalSuffixes", &words.ordinalSuffixes}, {"zeroLetters", &words.zeroLetters},
                            {"ambiguous", &words.ambiguous}, {"fillers", &words.fillers}, {"plus", &words.plus},
                            {"one", &words.one}}) {
        ok = ok && (!has(key) || r.stemSet(s[key], at(key), set));
    }
    for (auto it = words.scales.cbegin(); ok && it != words.scales.cend(); ++it) {
        qint64 v = it.value();
        while (v % 10 == 0)
            v /= 10;
        if (v != 1)
            ok = r.fail(at("scales"), QStringLiteral("'%1' must be a power of ten").arg(it.key()));
    }
    if (!ok) {
        *error = r.error();
        return false;
    }
    m_numbers = Numbers(std::move(words));
    return true;
}

bool Lexicon::compileCalendar(const json &s, QString *error)
{
    const QString path = QStringLiteral("/calendar");
    LexiconReader r(m_normaliser);
    CalendarWords &c = m_calendar;
    const QStringList weekdays = names({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
    const QStringList months = names({"january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"});
    auto map = [&](const char *key, CueSet *into, const QStringList &labels,
                   const std::function<bool(const QString &, int *)> &valueOf = {}) {
        return !s.contains(key) || r.cueMap(s[key], pointer(path, QLatin1String(key)), labels, into, valueOf);
    };
    auto list = [&](const char *key, CueSet *into) {
        return !s.contains(key) || r.phrases(s[key], pointer(path, QLatin1String(key)), QLatin1String(key), 0, into);
    };
    const bool ok = r.object(s, path, names({"relativeDays", "eitherWayDays", "weekdays", "months", "weekdayModifiers", "units",
                                             "unitLeads", "unitTails", "unitAgo", "dayOfMonth", "of", "slots", "meridiem", "clockWords",
                                             "timeLeads", "timeTails", "unavailable"}))
        && map("relativeDays", &c.relativeDays, {}, intLabel(-7, 7))
        && map("eitherWayDays", &c.eitherWayDays, {}, intLabel(1, 7))
        && map("weekdays", &c.weekdays, weekdays, indexLabel(weekdays))
        && map("months", &c.months, months, indexLabel(months))
        && map("weekdayModifiers", &c.modifiers, names({"next", "this", "last"}))
        && map("units", &c.units, {}, intLabel(1, 366))
        && list("unitLeads", &c.unitLeads) && list("unitTails", &c.unitTails) && list("unitAgo", &c.unitAgo) && list("dayOfMonth", &c.dayOfMonth)
        && list("of", &c.of)
        && map("slots", &c.timeSlots, names({"morning", "afternoon", "evening"}))
        && map("meridiem", &c.meridiem, names({"am", "pm"}))
        && list("clockWords", &c.clockWords) && list("timeLeads", &c.timeLeads) && list("timeTails", &c.timeTails)
        && list("unavailable", &c.unavailable);
    if (!ok)
        *error = r.error();
    return ok;
}

bool Lexicon::compileEntities(const json &s, QString *error)
{
    const QString path = QStringLiteral("/entities");
    LexiconReader r(m_normaliser);
    EntityWords &e = m_entities;
    auto at = [&](const char *key) { return pointer(path, QLatin1String(key)); };
    auto list = [&](const char *key, CueSet *into) {
        return !s.contains(key) || r.phrases(s[key], at(key), QLatin1String(key), 0, into);
    };
    auto stems = [&](const char *key, QSet<QString> *into) { return !s.contains(key) || r.stemSet(s[key], at(key), into); };
    const bool ok = r.object(s, path, names({"refundMethods", "addressLeads", "addressTails", "addressAfter", "addressNouns", "quantity", "quantityUnits",
                                             "verbsBeforeDo", "englishAroundDo", "itemLast", "orderLeads"}))
        && (!s.contains("refundMethods")
            || r.cueMap(s["refundMethods"], at("refundMethods"), names({"original_payment", "store_credit", "bank_transfer"}), &e.refundMethods))
        && (!s.contains("quantity") || r.cueMap(s["quantity"], at("quantity"), names({"all", "both"}), &e.quantity))
        && list("addressLeads", &e.addressLeads) && list("addressAfter", &e.addressAfter) && list("quantityUnits", &e.quantityUnits) && list("itemLast", &e.itemLast)
        && list("orderLeads", &e.orderLeads)
        && stems("addressTails", &e.addressTails) && stems("addressNouns", &e.addressNouns) && stems("verbsBeforeDo", &e.verbsBeforeDo)
        && stems("englishAroundDo", &e.englishAroundDo);
    if (!ok)
        *error = r.error();
    return ok;
}

bool Lexicon::compileReasons(const json &s, QString *error)
{
    const QString path = QStringLiteral("/reasons");
    LexiconReader r(m_normaliser);
    bool ok = r.object(s, path, names({"cancellation", "abandonment", "return"}));
    for (const ReasonSet set : {ReasonSet::Cancellation, ReasonSet::Abandonment, ReasonSet::Return}) {
        const std::string key = reasonSetName(set).toStdString();
        if (ok && s.contains(key))
            ok = r.cueMap(s[key], pointer(path, reasonSetName(set)), reasonCodes(set), &m_reasons[int(set)]);
    }
    if (!ok)
        *error = r.error();
    return ok;
}

} // namespace ringside::nlu
