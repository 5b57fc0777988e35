#pragma once

#include "engine/nlu/cueset.h"
#include "engine/nlu/normaliser.h"
#include "util/jsonqt.h"

#include <QSet>
#include <QStringList>

#include <functional>

namespace ringside::nlu {

// Reads lexicon JSON into compiled structures, stopping at the first problem with an error
// that names the field by JSON pointer ("/reasons/return/size_isue: unknown reason …").
// Phrases are normalised with the normaliser given, exactly as utterances will be.
class LexiconReader
{
public:
    explicit LexiconReader(const Normaliser &normaliser) : m_normaliser(normaliser) {}

    const QString &error() const { return m_error; }
    bool fail(const QString &path, const QString &problem);

    // `value` must be an object whose keys are all in `allowed`.
    bool object(const json &value, const QString &path, const QStringList &allowed);
    bool strings(const json &value, const QString &path, QStringList *out);
    // Stems of every phrase in a list of strings, each phrase's stems joined by spaces.
    bool stemSet(const json &value, const QString &path, QSet<QString> *out);
    bool stemSequences(const json &value, const QString &path, QList<QStringList> *out);

    // A list of phrases: "text" or {"phrase": "text", "weight": 0.5} with 0 < weight ≤ 1.
    bool phrases(const json &value, const QString &path, const QString &label, int cueValue, CueSet *out);
    // {"label": [phrases…], …}. Labels must be in `labels` when it is not empty;
    // `valueOf` turns a label into the cue's value and may reject it by returning false.
    bool cueMap(const json &value, const QString &path, const QStringList &labels, CueSet *out,
                const std::function<bool(const QString &label, int *value)> &valueOf = {});

    const Normaliser &normaliser() const { return m_normaliser; }

private:
    const Normaliser &m_normaliser;
    QString m_error;
};

// "/a/b" with "~" and "/" escaped as JSON pointers require.
QString pointer(const QString &path, const QString &key);
QString pointer(const QString &path, qsizetype index);

} // namespace ringside::nlu
