#include "speech/pocketsphinxmodel.h"

#include <QFile>
#include <QFileInfo>

#include <err.h>

#include <mutex>

namespace ringside {

QString PocketsphinxModel::defaultRoot()
{
    const QString env = qEnvironmentVariable("RINGSIDE_POCKETSPHINX_MODEL");
    return env.isEmpty() ? QStringLiteral("/usr/share/pocketsphinx/model/en-us") : env;
}

bool PocketsphinxModel::supportsLanguage(const QString &language)
{
    const QString l = language.trimmed().toLower();
    return l == QLatin1String("en") || l.startsWith(QLatin1String("en-")) || l.startsWith(QLatin1String("en_"));
}

Result<std::shared_ptr<const PocketsphinxModel>> PocketsphinxModel::load(const QString &root)
{
    using R = Result<std::shared_ptr<const PocketsphinxModel>>;
    // sphinxbase logs through one global FILE*; switching it per decoder would race between
    // streams, so it is turned off once here.
    static std::once_flag quiet;
    std::call_once(quiet, [] { err_set_logfp(nullptr); });

    auto model = std::make_shared<PocketsphinxModel>();
    model->m_root = root;
    if (!QFileInfo::exists(model->acousticModelPath() + QStringLiteral("/mdef")))
        return R::failure(QStringLiteral("pocketsphinx model: no acoustic model at %1 (install pocketsphinx-en-us)")
                              .arg(model->acousticModelPath()));
    QFile dict(model->dictionaryPath());
    if (!dict.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("pocketsphinx model: cannot read %1 (%2)").arg(dict.fileName(), dict.errorString()));
    const QByteArray text = dict.readAll();
    model->m_pronunciations.reserve(140000);
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArray line = QByteArray::fromRawData(text.constData() + start, end - start);
        start = end + 1;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            continue;
        QByteArray word = line.left(space);
        const qsizetype alt = word.indexOf('(');  // "read(2)": an alternative pronunciation
        if (alt > 0)
            word.truncate(alt);
        model->m_pronunciations[word].append(line.mid(space + 1).trimmed());
    }
    if (model->m_pronunciations.isEmpty())
        return R::failure(QStringLiteral("pocketsphinx model: %1 has no entries").arg(dict.fileName()));
    return R(std::shared_ptr<const PocketsphinxModel>(std::move(model)));
}

QByteArray PocketsphinxModel::dictionaryFor(const QStringList &words) const
{
    QByteArray out;
    for (const QString &w : words) {
        const QByteArray key = w.toLower().toUtf8();
        const auto it = m_pronunciations.constFind(key);
        if (it == m_pronunciations.cend())
            continue;
        for (qsizetype i = 0; i < it->size(); ++i) {
            out += key;
            if (i > 0)
                out += '(' + QByteArray::number(i + 1) + ')';
            out += ' ' + it->at(i) + '\n';
        }
    }
    return out;
}

} // namespace ringside
