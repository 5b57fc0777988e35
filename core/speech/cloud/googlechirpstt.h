#pragma once

#include "speech/cloud/googlechirprequest.h"
#include "speech/cloud/networkworker.h"
#include "speech/cloud/sttsink.h"
#include "speech/sttengine.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <deque>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace ringside {

// Google Speech-to-Text v2 with Chirp, one `recognize` request per caller turn: the path for
// Hindi (hi-IN) speech, which the embedded recognizer cannot hear.
//
// Live streaming in v2 is gRPC only, so this client buffers the turn's audio and sends it when the
// pipeline calls finalize(); there are no partial() results (barge-in then rests on the VAD alone)
// and the turn's final arrives one request round trip after its end. Turns longer than
// maxRequestSeconds go out as consecutive requests whose transcripts are joined. Turns are
// answered in order, one request at a time.
//
// A transient failure (5xx, connection refused or reset) is retried after a short backoff within
// GoogleChirpOptions' per-call budget, so one 503 neither loses the turn nor reaches error() (which
// ends a Hindi call's hearing: nothing stands behind Chirp). A 4xx, a timeout, an unreadable
// answer or a failure past the budget still delivers the turn's final (what earlier pieces of it
// produced, else "") and then reports one error(); the next turn tries again.
class GoogleChirpStt final : public SttEngine
{
public:
    explicit GoogleChirpStt(GoogleChirpOptions options);
    ~GoogleChirpStt() override;

    bool start(const SttConfig &config, Callbacks callbacks) override;
    void feed(const std::int16_t *samples, std::size_t n) override;
    void finalize() override;
    void setExpectation(SttExpectation) override {} // a recognize request has no such switch
    void stop() override;
    QString name() const override { return QStringLiteral("google"); }

private:
    struct Turn
    {
        std::shared_ptr<SttSink> sink;
        QList<QByteArray> pieces; // encoded audio, ≤ maxRequestSeconds each
        QString language;
        int sampleRate = 16000;
        QString encoding;
        bool truncated = false;
    };

    // Worker thread only.
    void enqueue(Turn turn);
    void sendNext();
    void onReply(QNetworkReply *reply);
    // Schedules the front piece again when `transient` and the budgets allow; false otherwise.
    bool retryLater(bool transient, const QString &error);
    void finishTurn(const QString &error);
    void clear();

    GoogleChirpOptions m_options;
    std::unique_ptr<NetworkWorker> m_worker;

    // Caller thread.
    std::shared_ptr<SttSink> m_sink;
    SttConfig m_config;
    std::vector<std::int16_t> m_audio;
    bool m_truncated = false;

    // Worker thread.
    QNetworkAccessManager *m_network = nullptr;
    std::deque<Turn> m_turns;
    QPointer<QNetworkReply> m_reply;
    int m_piece = 0;              // index into m_turns.front().pieces being recognized
    QStringList m_texts;          // transcripts of the front turn so far
    double m_confidenceSum = 0.0;
    int m_confidences = 0;
    int m_retriesThisCall = 0;
    int m_retriesThisPiece = 0;
    quint64 m_generation = 0;     // bumped by clear(): a pending retry of a cleared turn is dropped
};

} // namespace ringside
