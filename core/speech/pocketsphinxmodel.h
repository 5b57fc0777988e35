#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace ringside {

// The embedded recognizer's files (the pocketsphinx-en-us acoustic model and CMU pronouncing
// dictionary), loaded once per process and shared read-only by every PocketsphinxStt stream.
// Construct it where the app wires its services and pass it to each stream.
class PocketsphinxModel
{
public:
    // Debian's pocketsphinx-en-us; RINGSIDE_POCKETSPHINX_MODEL overrides it for other layouts.
    static QString defaultRoot();

    // Reads `root`/cmudict-en-us.dict and checks `root`/en-us holds an acoustic model.
    // Also silences sphinxbase's process-wide log (it would otherwise write to stderr per stream).
    static Result<std::shared_ptr<const PocketsphinxModel>> load(const QString &root = defaultRoot());

    // Languages the model can recognize: English in any region ("en", "en-US", "en-IN", …).
    // Hindi and everything else need a cloud provider.
    static bool supportsLanguage(const QString &language);

    QString acousticModelPath() const { return m_root + QStringLiteral("/en-us"); }
    QString dictionaryPath() const { return m_root + QStringLiteral("/cmudict-en-us.dict"); }

    bool contains(const QString &word) const { return m_pronunciations.contains(word.toLower().toUtf8()); }
    int wordCount() const { return int(m_pronunciations.size()); }

    // A dictionary in pocketsphinx's text format holding only `words` (all their pronunciations);
    // unknown words are left out. A small dictionary makes each stream start in milliseconds.
    QByteArray dictionaryFor(const QStringList &words) const;

private:
    QString m_root;
    QHash<QByteArray, QList<QByteArray>> m_pronunciations; // word → phone strings
};

} // namespace ringside
