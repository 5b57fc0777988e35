#pragma once

#include "telephony/gateway.h"
#include "telephony/gatewayserver.h"

#include "util/result.h"

#include <QHostAddress>
#include <QStringList>

#include <memory>

namespace ringside {
class Database;
class EspeakTts;
class SpeechProviders;
} // namespace ringside

namespace ringside::telephony {

class AgentDirectory;
class CachingTts;

// Everything a running gateway needs, wired once: the NLU, the agents, espeak-ng behind a
// reply cache, the embedded recognizer's model (when config.speechRecognition), the agents'
// cloud speech providers (keys from config.environment, the embedded engines behind them), the
// Gateway and its GatewayServer. `ringside-engine serve`, the console's embedded engine and the tests build
// the same thing through here. Lives on the thread that owns the server (usually the main one).
class GatewayRuntime
{
public:
    // Fails with a clear message when the NLU, the TTS or (with speech recognition on) the
    // recognizer's model cannot be loaded. Agents that fail to load are left out and listed in
    // *notices. The gateway's workers are started; nothing listens yet.
    static Result<std::shared_ptr<GatewayRuntime>> create(Database &db, GatewayConfig config, QStringList *notices = nullptr);
    ~GatewayRuntime();

    // Returns the port (0 on failure with *error set). Port 0 picks a free one.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

    Gateway &gateway() { return *m_gateway; }
    GatewayServer &server() { return *m_server; }
    const AgentDirectory &agents() const { return *m_agents; }

private:
    GatewayRuntime() = default;

    std::shared_ptr<const nlu::Analyser> m_analyser;
    std::unique_ptr<AgentDirectory> m_agents;
    std::unique_ptr<EspeakTts> m_espeak;
    std::shared_ptr<CachingTts> m_tts;
    std::shared_ptr<SpeechProviders> m_speech;
    std::unique_ptr<Gateway> m_gateway;
    std::unique_ptr<GatewayServer> m_server;
};

} // namespace ringside::telephony
