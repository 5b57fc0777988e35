#include "engine/nlu/lexiconreader.h"

namespace ringside::nlu {

QString pointer(const QString &path, const QString &key)
{
    QString k = key;
    k.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return path + QLatin1Char('/') + k;
}

QString pointer(const QString &path, qsizetype index)
{
    return path + QLatin1Char('/') + QString::number(index);
}

bool LexiconReader::fail(const QString &path, const QString &problem)
{
    m_error = (path.isEmpty() ? QStringLiteral("/") : path) + QStringLiteral(": ") + problem;
    return false;
}

bool LexiconReader::object(const json &value, const QString &path, const QStringList &allowed)
{
    if (!value.is_object())
        return fail(path, QStringLiteral("must be an object"));
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString key = qs(it.key());
        if (!allowed.contains(key))
            return fail(pointer(path, key), QStringLiteral("unknown key; expected one of %1").arg(allowed.join(QStringLiteral(", "))));
    }
    return true;
}

bool LexiconReader::strings(const json &value, const QString &path, QStringList *out)
{
    if (!value.is_array())
        return fail(path, QStringLiteral("must be an array of strings"));
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            return fail(pointer(path, qsizetype(i)), QStringLiteral("must be a string"));
        out->append(qs(value[i].get<std::string>()));
    }
    return true;
}

bool LexiconReader::stemSequences(const json &value, const QString &path, QList<QStringList> *out)
{
    QStringList list;
    if (!strings(value, path, &list))
        return false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QStringList stems = m_normaliser.stems(list.at(i));
        if (stems.isEmpty())
            return fail(pointer(path, i), QStringLiteral("has no words once punctuation is removed"));
        out->append(stems);
    }
    return true;
}

bool LexiconReader::stemSet(const json &value, const QString &path, QSet<QString> *out)
{
    QList<QStringList> sequences;
    if (!stemSequences(value, path, &sequences))
        return false;
    for (const QStringList &s : std::as_const(sequences))
        out->insert(s.join(QLatin1Char(' ')));
    return true;
}

bool LexiconReader::phrases(const json &value, const QString &path, const QString &label, int cueValue, CueSet *out)
{
    if (!value.is_array())
        return fail(path, QStringLiteral("must be an array of phrases"));
    for (std::size_t i = 0; i < value.size(); ++i) {
        const json &entry = value[i];
        const QString at = pointer(path, qsizetype(i));
        Cue cue;
        cue.label = label;
        cue.value = cueValue;
        if (entry.is_string()) {
            cue.phrase = qs(entry.get<std::string>());
        } else if (entry.is_object()) {
            if (!object(entry, at, {QStringLiteral("phrase"), QStringLiteral("weight")}))
                return false;
            const auto p = entry.find("phrase");
            if (p == entry.end() || !p->is_string())
                return fail(pointer(at, QStringLiteral("phrase")), QStringLiteral("must be a string"));
            cue.phrase = qs(p->get<std::string>());
            if (const auto w = entry.find("weight"); w != entry.end()) {
                if (!w->is_number() || w->get<double>() <= 0.0 || w->get<double>() > 1.0)
                    return fail(pointer(at, QStringLiteral("weight")), QStringLiteral("must be a number above 0 and at most 1"));
                cue.weight = w->get<double>();
            }
        } else {
            return fail(at, QStringLiteral("must be a phrase string or {\"phrase\", \"weight\"}"));
        }
        cue.stems = m_normaliser.stems(cue.phrase);
        if (cue.stems.isEmpty())
            return fail(at, QStringLiteral("has no words once punctuation is removed"));
        out->add(std::move(cue));
    }
    return true;
}

bool LexiconReader::cueMap(const json &value, const QString &path, const QStringList &labels, CueSet *out,
                           const std::function<bool(const QString &, int *)> &valueOf)
{
    if (!value.is_object())
        return fail(path, QStringLiteral("must be an object of label → phrases"));
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString label = qs(it.key());
        const QString at = pointer(path, label);
        if (!labels.isEmpty() && !labels.contains(label))
            return fail(at, QStringLiteral("unknown label; expected one of %1").arg(labels.join(QStringLiteral(", "))));
        int v = 0;
        if (valueOf && !valueOf(label, &v))
            return fail(at, QStringLiteral("is not a valid key here"));
        if (!phrases(it.value(), at, label, v, out))
            return false;
    }
    return true;
}

} // namespace ringside::nlu
