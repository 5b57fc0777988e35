#include "telephony/standincaller.h"

#include "speech/mulaw.h"
#include "telephony/base64.h"
#include "telephony/streamsigner.h"
#include "util/remotejson.h"
#include "util/jsonqt.h"

#include <QNetworkRequest>

#include <chrono>
#include <cmath>
#include <cstdlib>

namespace ringside::telephony {

namespace {

constexpr int kSpeechPeak = 400; // a frame with a sample above this is speech, not line noise

bool hasSpeech(const std::int16_t *pcm, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        if (std::abs(int(pcm[i])) > kSpeechPeak)
            return true;
    }
    return false;
}

} // namespace

qint64 speechEndOf(const std::vector<std::int16_t> &pcm, int sampleRate)
{
    // The end of the last 10 ms window whose peak is above the floor.
    const std::size_t win = std::size_t(sampleRate) / 100;
    for (std::size_t end = pcm.size(); end > 0;) {
        const std::size_t start = end > win ? end - win : 0;
        if (hasSpeech(pcm.data() + start, end - start))
            return qint64(end);
        end = start;
    }
    return 0;
}

qint64 StandInCaller::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

StandInCaller::StandInCaller(Config config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    const int frameMs = m_config.protocol == MediaProtocol::Exotel ? 100 : 20;
    m_silence.assign(std::size_t(m_config.sampleRate) * std::size_t(frameMs) / 1000, 0);
    connect(&m_socket, &QWebSocket::connected, this, &StandInCaller::onConnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &StandInCaller::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_clock.stop();
        Q_EMIT closed();
    });
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(10);
    connect(&m_clock, &QTimer::timeout, this, [this] { tick(nowNs()); });
}

StandInCaller::~StandInCaller()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void StandInCaller::dial(bool ownClock)
{
    QNetworkRequest request(m_config.url);
    if (!m_config.authorization.isEmpty())
        request.setRawHeader("Authorization", m_config.authorization);
    m_socket.open(request);
    if (ownClock)
        m_clock.start();
}

QByteArray StandInCaller::sidKey() const
{
    return m_config.protocol == MediaProtocol::Twilio ? QByteArrayLiteral("streamSid") : QByteArrayLiteral("stream_sid");
}

void StandInCaller::onConnected()
{
    const bool twilio = m_config.protocol == MediaProtocol::Twilio;
    if (twilio)
        sendRaw(QByteArrayLiteral(R"({"event":"connected","protocol":"Call","version":"1.0.0"})"));
    else
        sendRaw(QByteArrayLiteral(R"({"event":"connected"})"));
    sendStart();
    Q_EMIT opened();
}

void StandInCaller::sendStart()
{
    QHash<QString, QString> custom = m_config.customParameters;
    if (m_config.protocol == MediaProtocol::Twilio) {
        // Twilio streams learn the numbers from the TwiML's parameters, as the gateway writes them.
        if (!m_config.from.isEmpty() && !custom.contains(QStringLiteral("from")))
            custom.insert(QStringLiteral("from"), m_config.from);
        if (!m_config.to.isEmpty() && !custom.contains(QStringLiteral("to")))
            custom.insert(QStringLiteral("to"), m_config.to);
    }
    if (!m_config.streamSecret.isEmpty())
        StreamSigner(StreamSigner::keyFrom(m_config.streamSecret, {})).signInto(&custom, m_config.callSid, 120);
    json params = json::object();
    for (auto it = custom.cbegin(); it != custom.cend(); ++it)
        params[it.key().toStdString()] = it.value();
    json msg;
    if (m_config.protocol == MediaProtocol::Twilio) {
        msg = { { "event", "start" },
                { "sequenceNumber", std::to_string(m_seq++) },
                { "streamSid", m_config.streamSid },
                { "start",
                  { { "streamSid", m_config.streamSid },
                    { "accountSid", m_config.accountSid },
                    { "callSid", m_config.callSid },
                    { "tracks", { "inbound" } },
                    { "customParameters", params },
                    { "mediaFormat", { { "encoding", "audio/x-mulaw" }, { "sampleRate", 8000 }, { "channels", 1 } } } } } };
    } else {
        msg = { { "event", "start" },
                { "sequence_number", std::to_string(m_seq++) },
                { "stream_sid", m_config.streamSid },
                { "start",
                  { { "stream_sid", m_config.streamSid },
                    { "call_sid", m_config.callSid },
                    { "account_sid", m_config.accountSid },
                    { "from", m_config.from },
                    { "to", m_config.to },
                    { "custom_parameters", params },
                    { "media_format",
                      { { "encoding", "audio/x-raw" }, { "sample_rate", std::to_string(m_config.sampleRate) }, { "bit_rate", "16" } } } } } };
    }
    sendRaw(QByteArray::fromStdString(msg.dump()));
    m_started = true;
    m_sendT0Ns = nowNs();
    m_framesDue = 0;
}

void StandInCaller::sendFrame(const std::int16_t *pcm, std::size_t n)
{
    const bool twilio = m_config.protocol == MediaProtocol::Twilio;
    std::vector<std::uint8_t> bytes(twilio ? n : n * 2);
    if (twilio) {
        muLawEncode(pcm, n, bytes.data());
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            bytes[2 * i] = std::uint8_t(std::uint16_t(pcm[i]) & 0xff);
            bytes[2 * i + 1] = std::uint8_t(std::uint16_t(pcm[i]) >> 8);
        }
    }
    std::string b64(base64EncodedLength(bytes.size()), '\0');
    base64Encode(bytes.data(), bytes.size(), b64.data());
    const qint64 ts = (m_chunk - 1) * (twilio ? 20 : 100);
    QByteArray msg = twilio ? QByteArrayLiteral(R"({"event":"media","sequenceNumber":")") : QByteArrayLiteral(R"({"event":"media","sequence_number":")");
    msg += QByteArray::number(m_seq++) + "\",\"" + sidKey() + "\":\"" + m_config.streamSid.toLatin1() + "\",\"media\":{";
    if (twilio)
        msg += "\"track\":\"inbound\",";
    msg += "\"chunk\":\"" + QByteArray::number(m_chunk++) + "\",\"timestamp\":\"" + QByteArray::number(ts) + "\",\"payload\":\"";
    msg += QByteArray::fromStdString(b64) + "\"}}";
    sendRaw(msg);
    ++m_stats.framesSent;
}

void StandInCaller::tick(qint64 now)
{
    if (!m_started || !isOpen())
        return;
    const std::size_t frame = m_silence.size();
    const qint64 frameNs = qint64(frame) * 1'000'000'000 / m_config.sampleRate;
    const qint64 due = (now - m_sendT0Ns) / frameNs + 1;
    if (due - m_framesDue > 10) {
        ++m_stats.sendLateTicks; // this process could not keep up; skip the silence it missed
        if (m_playIndex >= m_play.size() && m_queue.empty())
            m_framesDue = due - 1;
    }
    while (m_framesDue < due) {
        ++m_framesDue;
        if (m_playIndex >= m_play.size() && !m_queue.empty()) {
            m_play = std::move(m_queue.front().pcm);
            m_speechEndSample = m_queue.front().speechEnd;
            m_kind = m_queue.front().kind;
            m_queue.pop_front();
            m_playIndex = 0;
        }
        if (m_playIndex < m_play.size()) {
            std::vector<std::int16_t> chunk(frame, 0);
            const std::size_t take = std::min(frame, m_play.size() - m_playIndex);
            std::copy_n(m_play.data() + m_playIndex, take, chunk.data());
            const bool crossesEnd = qint64(m_playIndex) < m_speechEndSample && qint64(m_playIndex + take) >= m_speechEndSample;
            m_playIndex += take;
            sendFrame(chunk.data(), frame);
            if (crossesEnd) {
                // The caller has finished speaking: the frame leaves when its last sample has been
                // captured, so its speech ended this much earlier.
                const qint64 after = qint64(frame) - (m_speechEndSample - qint64(m_playIndex - take));
                m_turnEndNs = now - after * 1'000'000'000 / m_config.sampleRate;
                m_turnKind = m_kind;
            }
            if (m_playIndex >= m_play.size()) {
                m_play.clear();
                m_playIndex = 0;
                Q_EMIT utteranceSent();
            }
        } else if (m_config.sendSilence) {
            sendFrame(m_silence.data(), frame);
        }
    }
    // Marks come back once the audio before them has played, as Twilio does.
    while (!m_pendingMarks.empty() && m_pendingMarks.front().first <= now) {
        const QString name = m_pendingMarks.front().second;
        m_pendingMarks.pop_front();
        const json echo = { { "event", "mark" },
                            { m_config.protocol == MediaProtocol::Twilio ? "sequenceNumber" : "sequence_number", std::to_string(m_seq++) },
                            { sidKey().toStdString(), m_config.streamSid },
                            { "mark", { { "name", name } } } };
        sendRaw(QByteArray::fromStdString(echo.dump()));
        ++m_stats.marksEchoed;
    }
}

void StandInCaller::say(const std::vector<std::int16_t> &pcm, qint64 speechEnd, const QString &kind)
{
    m_queue.push_back({ pcm, speechEnd >= 0 ? speechEnd : speechEndOf(pcm, m_config.sampleRate), kind });
}

void StandInCaller::sayText(const QString &text)
{
    const json msg = { { "event", kTextInjectionEvent }, { sidKey().toStdString(), m_config.streamSid }, { "text", text } };
    sendRaw(QByteArray::fromStdString(msg.dump()));
    m_turnEndNs = nowNs();
    m_turnKind.clear();
}

void StandInCaller::pressDigit(const QString &digit)
{
    const json msg = { { "event", "dtmf" },
                       { sidKey().toStdString(), m_config.streamSid },
                       { "dtmf", { { "track", "inbound_track" }, { "digit", digit } } } };
    sendRaw(QByteArray::fromStdString(msg.dump()));
}

void StandInCaller::sendRaw(const QByteArray &text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

void StandInCaller::sendBinary(const QByteArray &bytes)
{
    m_socket.sendBinaryMessage(bytes);
}

void StandInCaller::hangUp()
{
    if (!isOpen())
        return;
    const json msg = { { "event", "stop" },
                       { sidKey().toStdString(), m_config.streamSid },
                       { "stop", { { m_config.protocol == MediaProtocol::Twilio ? "callSid" : "call_sid", m_config.callSid }, { "reason", "callended" } } } };
    sendRaw(QByteArray::fromStdString(msg.dump()));
    m_socket.close();
}

void StandInCaller::drop()
{
    m_socket.abort();
}

bool StandInCaller::agentActive(qint64 now, int quietMs) const
{
    return m_playEndNs > now || (m_lastAudioNs > 0 && now - m_lastAudioNs < qint64(quietMs) * 1'000'000);
}

void StandInCaller::onText(const QString &text)
{
    const qint64 now = nowNs();
    const json msg = parseRemoteJson(text.toUtf8());
    if (!msg.is_object())
        return;
    const QString event = stringAt(msg, "event");
    if (m_events.size() < 4096) // what tests look at; a long run does not keep every frame's name
        m_events << event;
    if (event == QLatin1String("media")) {
        const std::string b64 = stringAt(objectAt(msg, "media"), "payload").toStdString();
        std::vector<std::uint8_t> bytes(base64DecodedMax(b64.size()));
        const std::ptrdiff_t n = base64Decode(b64.data(), b64.size(), bytes.data(), bytes.size());
        if (n <= 0)
            return;
        const bool twilio = m_config.protocol == MediaProtocol::Twilio;
        const std::size_t samples = twilio ? std::size_t(n) : std::size_t(n) / 2;
        std::vector<std::int16_t> pcm(samples);
        if (twilio) {
            muLawDecode(bytes.data(), samples, pcm.data());
        } else {
            for (std::size_t i = 0; i < samples; ++i)
                pcm[i] = std::int16_t(std::uint16_t(bytes[2 * i]) | (std::uint16_t(bytes[2 * i + 1]) << 8));
        }
        m_received.insert(m_received.end(), pcm.begin(), pcm.end());
        ++m_stats.mediaFramesReceived;
        const bool speech = hasSpeech(pcm.data(), pcm.size());
        if (speech) {
            m_stats.answered = true;
            if (m_turnEndNs > 0) {
                m_stats.turnLatenciesMs.push_back(int((now - m_turnEndNs) / 1'000'000));
                m_stats.turnKinds << m_turnKind;
                m_turnEndNs = 0;
            }
        }
        // The simulated playout: a stretch starts playing a jitter buffer after its first frame;
        // a frame that arrives after everything before it has played came too late.
        const qint64 duration = qint64(samples) * 1'000'000'000 / m_config.sampleRate;
        if (!m_inStretch) {
            m_playEndNs = std::max(m_playEndNs, now + qint64(m_config.jitterBufferMs) * 1'000'000);
        } else if (now > m_playEndNs) {
            ++m_stats.lateFrames;
            m_stats.gapMs += (now - m_playEndNs) / 1'000'000;
            m_playEndNs = now;
        }
        m_inStretch = true;
        m_playEndNs += duration;
        m_lastAudioNs = now;
        Q_EMIT mediaReceived(int(samples), speech);
    } else if (event == QLatin1String("mark")) {
        const QString name = stringAt(objectAt(msg, "mark"), "name");
        ++m_stats.marksReceived;
        m_pendingMarks.emplace_back(std::max(now, m_playEndNs), name);
        if (name.endsWith(QLatin1String("-end")))
            m_inStretch = false; // the agent paused: the next audio starts a new stretch
        Q_EMIT markReceived(name);
    } else if (event == QLatin1String("clear")) {
        ++m_stats.clears;
        m_playEndNs = now;
        m_inStretch = false;
        for (auto &m : m_pendingMarks)
            m.first = now; // Twilio answers a clear with the marks still pending
        Q_EMIT cleared();
    }
}

} // namespace ringside::telephony
