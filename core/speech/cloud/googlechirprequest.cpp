#include "speech/cloud/googlechirprequest.h"
#include "util/remotejson.h"

#include "util/jsonqt.h"

namespace ringside {

QString googleChirpModel(const QString &sttModel)
{
    const QString m = sttModel.trimmed();
    const QString lower = m.toLower();
    if (lower.isEmpty() || lower == QLatin1String("chirp") || lower == QLatin1String("chirp-3")
        || lower == QLatin1String("chirp_3"))
        return QStringLiteral("chirp_3");
    return m;
}

QUrl googleRecognizeUrl(const GoogleChirpOptions &options)
{
    QUrl base = options.baseUrl;
    if (base.isEmpty()) {
        const QString host = options.location == QLatin1String("global")
                                 ? QStringLiteral("speech.googleapis.com")
                                 : options.location + QStringLiteral("-speech.googleapis.com");
        base = QUrl(QStringLiteral("https://") + host);
    }
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path + QStringLiteral("/v2/projects/%1/locations/%2/recognizers/_:recognize")
                            .arg(options.project, options.location));
    return base;
}

QByteArray googleRecognizeBody(const GoogleChirpOptions &options, const QString &language, int sampleRate,
                               const QString &encoding, const QByteArray &audio)
{
    json body = {
        {"config",
         {{"explicitDecodingConfig", {{"encoding", encoding}, {"sampleRateHertz", sampleRate}, {"audioChannelCount", 1}}},
          {"languageCodes", json::array({language})},
          {"model", googleChirpModel(options.model)}}},
        {"content", QString::fromLatin1(audio.toBase64())},
    };
    return QByteArray::fromStdString(body.dump());
}

GoogleRecognizeResult parseGoogleRecognize(const QByteArray &body)
{
    GoogleRecognizeResult r;
    const json j = parseRemoteJson(body);
    if (!j.is_object()) {
        r.error = QStringLiteral("the answer is not a JSON object: %1").arg(QString::fromUtf8(body.left(120)));
        return r;
    }
    const auto results = j.find("results");
    if (results != j.end() && !results->is_array()) {
        r.error = QStringLiteral("results is not an array");
        return r;
    }
    QStringList texts;
    double confidenceSum = 0.0;
    int confidences = 0;
    if (results != j.end()) {
        for (const json &res : *results) {
            if (!res.is_object() || !res.contains("alternatives"))
                continue; // a result without alternatives carries only offsets
            const json &alts = res["alternatives"];
            if (!alts.is_array() || alts.empty() || !alts[0].is_object()) {
                r.error = QStringLiteral("results[].alternatives is not a list of objects");
                return r;
            }
            const QString text = stringAt(alts[0], "transcript").trimmed();
            if (!text.isEmpty())
                texts << text;
            if (alts[0].contains("confidence") && alts[0]["confidence"].is_number() && !text.isEmpty()) {
                confidenceSum += alts[0]["confidence"].get<double>();
                ++confidences;
            }
        }
    }
    r.ok = true;
    r.transcript = texts.join(QLatin1Char(' '));
    r.confidence = confidences > 0 ? confidenceSum / confidences : 0.0;
    return r;
}

QString describeGoogleHttpError(int status, const QByteArray &body)
{
    QString what;
    const json j = parseRemoteJson(body);
    if (j.is_object() && j.contains("error") && j["error"].is_object()) {
        const QString grpc = stringAt(j["error"], "status");
        const QString message = stringAt(j["error"], "message");
        what = (grpc.isEmpty() ? QString() : grpc + QStringLiteral(": ")) + message;
    } else {
        what = QString::fromUtf8(body.left(200)).simplified();
    }
    QString line = QStringLiteral("HTTP %1").arg(status);
    if (!what.isEmpty())
        line += QLatin1Char(' ') + what;
    if (status == 401)
        line += QStringLiteral("; refresh GOOGLE_ACCESS_TOKEN (gcloud auth print-access-token)");
    else if (status == 403)
        line += QStringLiteral("; check GOOGLE_CLOUD_PROJECT and that Speech-to-Text is enabled for it");
    else if (status == 404)
        line += QStringLiteral("; check GOOGLE_SPEECH_LOCATION serves the model");
    else if (status == 429)
        line += QStringLiteral("; over quota, try again shortly");
    return line;
}

} // namespace ringside
