#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace ringside::ui {

class SecretStore;

// A setting the engine needs for a cloud provider. The console stores it in the keychain under
// keychainKey; the engine also accepts it from the first set variable of envVars (the same names
// core/engine/llm and the speech clients read), so a value set in the environment works without
// the keychain. Keys are never written to agent files. Not every entry is a secret (a Google
// project, an Azure region): those are shown as typed.
struct ProviderKey {
    QString id;             // "deepgram"
    QString label;          // "Deepgram"
    QString usedFor;        // "speech recognition (sttProvider deepgram)"
    QStringList envVars;    // in order of precedence
    bool secret = true;     // masked while typed
    QString keychainKey() const { return QStringLiteral("provider/") + id; }
};

// Deepgram; Google Chirp's access token and project; Cartesia; Azure's key and region; Gemini;
// OpenAI-compatible.
const QList<ProviderKey> &providerKeys();

// The remote engine's access token: keychain "provider/engine", environment RINGSIDE_ENGINE_TOKEN.
ProviderKey engineTokenKey();

// The value of the first non-empty variable of `key.envVars`; *name gets that variable's name.
QString environmentValue(const ProviderKey &key, const QProcessEnvironment &env, QString *name = nullptr);

// `env` with each provider value kept in the keychain (`stored`: keychain key → value) added as the
// provider's first variable — unless the environment already sets one of its variables, which wins.
QProcessEnvironment withStoredKeys(QProcessEnvironment env, const QHash<QString, QString> &stored);

// Reads every provider key from `secrets` and calls `done` (on `context`'s thread) with
// withStoredKeys(env, …): the environment an embedded engine runs its calls with. A key the
// keychain cannot give (locked, no service) is left out; the environment still counts.
void loadProviderEnvironment(SecretStore &secrets, QProcessEnvironment env, QObject *context,
                             std::function<void(const QProcessEnvironment &)> done);

} // namespace ringside::ui
