#include "telephony/loadscript.h"

#include "speech/ttsengine.h"

#include <QFile>
#include <QRegularExpression>

#include <condition_variable>
#include <mutex>

namespace ringside::telephony {

Result<std::vector<ScriptLine>> parseCallScript(const QString &text)
{
    using R = Result<std::vector<ScriptLine>>;
    std::vector<ScriptLine> lines;
    const QStringList rows = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString row = rows.at(i).trimmed();
        if (row.isEmpty() || row.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = row.split(QLatin1Char('|'));
        if (parts.size() < 2 || parts.size() > 3)
            return R::failure(QStringLiteral("line %1: expected 'kind | words [| expected ID]', got \"%2\"").arg(i + 1).arg(row));
        ScriptLine line{ parts.at(0).trimmed(), parts.at(1).trimmed(), parts.size() == 3 ? parts.at(2).trimmed() : QString() };
        static const QRegularExpression kindPattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
        if (!kindPattern.match(line.kind).hasMatch())
            return R::failure(QStringLiteral("line %1: kind \"%2\" must be a lower-case word (first, id, plain, …)").arg(i + 1).arg(line.kind));
        if (line.text.isEmpty())
            return R::failure(QStringLiteral("line %1: no words to say").arg(i + 1));
        lines.push_back(line);
    }
    if (lines.empty())
        return R::failure(QStringLiteral("no turns (one per line: 'kind | words [| expected ID]')"));
    return lines;
}

Result<std::vector<ScriptLine>> readCallScript(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<std::vector<ScriptLine>>::failure(QStringLiteral("%1: %2").arg(path, f.errorString()));
    auto parsed = parseCallScript(QString::fromUtf8(f.readAll()));
    if (!parsed.ok())
        return Result<std::vector<ScriptLine>>::failure(QStringLiteral("%1: %2").arg(path, parsed.error()));
    return parsed;
}

std::vector<ScriptVoice> defaultScriptVoices()
{
    return { { QStringLiteral("en-us"), 1.0 },      { QStringLiteral("en-us+f2"), 0.9 }, { QStringLiteral("en-us-nyc"), 1.1 },
             { QStringLiteral("en-us+m3"), 0.95 }, { QStringLiteral("en-us+f4"), 1.05 }, { QStringLiteral("en-gb"), 1.0 } };
}

QString readIdentifiersAloud(const QString &text)
{
    // A token with a digit, or of two or more capitals, is read character by character.
    static const QRegularExpression token(QStringLiteral("[A-Za-z0-9-]+"));
    QString out;
    qsizetype last = 0;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        QString t = m.captured();
        const bool hasDigit = std::any_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); });
        const bool capitals = t.size() >= 2 && std::all_of(t.begin(), t.end(), [](QChar c) { return c.isUpper() || c.isDigit() || c == QLatin1Char('-'); });
        if (hasDigit || capitals) {
            QStringList chars;
            for (QChar c : t)
                if (c != QLatin1Char('-'))
                    chars << QString(c);
            t = chars.join(QLatin1Char(' '));
        }
        out += t;
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

Result<std::vector<CallScript>> synthesizeCallScripts(TtsEngine &tts, const std::vector<ScriptLine> &lines,
                                                      const std::vector<ScriptVoice> &voices, int sampleRate)
{
    using R = Result<std::vector<CallScript>>;
    std::vector<CallScript> scripts;
    for (const ScriptVoice &v : voices) {
        CallScript script;
        for (const ScriptLine &line : lines) {
            TtsConfig config;
            config.voice = v.voice;
            config.speed = v.speed;
            config.sampleRate = sampleRate;
            std::vector<std::int16_t> pcm;
            QString error;
            std::mutex m;
            std::condition_variable cv;
            bool done = false;
            tts.synthesize(
                    readIdentifiersAloud(line.text), config,
                    [&](const TtsChunk &chunk) {
                        const std::vector<std::int16_t> samples = chunk.toPcm16();
                        std::lock_guard g(m);
                        pcm.insert(pcm.end(), samples.begin(), samples.end());
                        if (chunk.last) {
                            done = true;
                            cv.notify_all();
                        }
                    },
                    [&](quint64, const QString &message) {
                        std::lock_guard g(m);
                        error = message;
                        done = true;
                        cv.notify_all();
                    });
            std::unique_lock lock(m);
            if (!cv.wait_for(lock, std::chrono::seconds(30), [&] { return done; }))
                return R::failure(QStringLiteral("\"%1\" (%2): no audio after 30 s").arg(line.text, v.voice));
            if (!error.isEmpty() || pcm.empty())
                return R::failure(QStringLiteral("\"%1\" (%2): %3").arg(line.text, v.voice, error.isEmpty() ? QStringLiteral("no audio") : error));
            script.push_back({ line.kind, line.text, line.expectId, std::move(pcm) });
        }
        scripts.push_back(std::move(script));
    }
    return scripts;
}

QString turnKindFromFileName(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+[-_]([a-z][a-z0-9_]*)[-_.]"));
    return pattern.match(fileName).captured(1);
}

} // namespace ringside::telephony
