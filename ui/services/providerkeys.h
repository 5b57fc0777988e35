#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ringside::ui {

// A secret the engine needs for a cloud provider. The console stores it in the keychain under
// keychainKey; the engine also accepts it from the first set variable of envVars (the same names
// core/engine/llm and the speech clients read), so a key set in the environment works without
// the keychain. Keys are never written to agent files.
struct ProviderKey {
    QString id;             // "deepgram"
    QString label;          // "Deepgram"
    QString usedFor;        // "speech recognition (sttProvider deepgram)"
    QStringList envVars;    // in order of precedence
    QString keychainKey() const { return QStringLiteral("provider/") + id; }
};

// Deepgram, Google, Cartesia, Azure, Gemini, OpenAI-compatible.
const QList<ProviderKey> &providerKeys();

// The remote engine's access token: keychain "provider/engine", environment RINGSIDE_ENGINE_TOKEN.
ProviderKey engineTokenKey();

// The value of the first non-empty variable of `key.envVars`; *name gets that variable's name.
QString environmentValue(const ProviderKey &key, const QProcessEnvironment &env, QString *name = nullptr);

} // namespace ringside::ui
