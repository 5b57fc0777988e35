#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace ringside {

// Settings of the Google Speech-to-Text v2 client that do not come from the agent.
struct GoogleChirpOptions
{
    QUrl baseUrl;                   // empty: https://{location}-speech.googleapis.com (global: speech.googleapis.com)
    QString project;                // GOOGLE_CLOUD_PROJECT
    QString location = QStringLiteral("us"); // GOOGLE_SPEECH_LOCATION; chirp_3 serves from "us", "eu", "asia-south1", …
    QString accessToken;            // GOOGLE_ACCESS_TOKEN, an OAuth2 bearer token
    QString model;                  // the agent's sttModel (see googleChirpModel)
    bool muLaw = false;             // send MULAW instead of LINEAR16 (half the upload, telephone quality)
    int requestTimeoutMs = 15000;
    int maxRequestSeconds = 55;     // the API takes at most 1 min of audio per request: longer turns are split
    int maxUtteranceSeconds = 300;  // audio beyond this in one turn is dropped (and said so)
    // A transient failure (HTTP 5xx, connection refused or reset) is sent again after a backoff
    // (retryBackoffMs, doubled for the same request, at most twice per request), up to this many
    // times per call; then it is reported like any other error. 4xx answers are never retried.
    int maxRetriesPerCall = 4;
    int retryBackoffMs = 200;
};

// The agent's sttModel as a v2 model id: "", "chirp", "chirp-3", "chirp_3" → "chirp_3" (the agent
// format's "chirp" means the current Chirp generation); anything else is passed as written.
QString googleChirpModel(const QString &sttModel);

// {base}/v2/projects/{project}/locations/{location}/recognizers/_:recognize
QUrl googleRecognizeUrl(const GoogleChirpOptions &options);

// The recognize request for one piece of audio (already in `encoding`: "LINEAR16" or "MULAW").
QByteArray googleRecognizeBody(const GoogleChirpOptions &options, const QString &language, int sampleRate,
                               const QString &encoding, const QByteArray &audio);

struct GoogleRecognizeResult
{
    bool ok = false;
    QString transcript;      // results[].alternatives[0].transcript joined with spaces
    double confidence = 0.0; // their mean; 0 when Google gives none (Chirp often does not)
    QString error;           // when !ok: what was wrong with the answer
};

// Reads a 200 answer. An answer without results (silence) is ok with an empty transcript.
GoogleRecognizeResult parseGoogleRecognize(const QByteArray &body);

// "HTTP 403 PERMISSION_DENIED: …" plus what to check, from an error answer's google.rpc.Status.
QString describeGoogleHttpError(int status, const QByteArray &body);

} // namespace ringside
