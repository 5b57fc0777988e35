#pragma once
// Listens to one LlmClient in a test: the text deltas in order, and how the request ended.

#include "engine/llm/llmclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTest>

#include <optional>

namespace ringside::testing {

struct LlmProbe
{
    QObject scope;
    QStringList deltas;
    std::optional<LlmResponse> response;
    std::optional<LlmError> error;
    int endings = 0;         // finished + failed; must end at exactly 1
    qint64 endedAfterMs = -1;
    QElapsedTimer clock;

    explicit LlmProbe(LlmClient &client)
    {
        clock.start();
        QObject::connect(&client, &LlmClient::textDelta, &scope, [this](const QString &t) { deltas << t; });
        QObject::connect(&client, &LlmClient::finished, &scope, [this](const LlmResponse &r) {
            response = r;
            ++endings;
            endedAfterMs = clock.elapsed();
        });
        QObject::connect(&client, &LlmClient::failed, &scope, [this](const LlmError &e) {
            error = e;
            ++endings;
            endedAfterMs = clock.elapsed();
        });
    }
    bool wait(int timeoutMs = 10000) { return QTest::qWaitFor([this] { return endings > 0; }, timeoutMs); }
    QString errorText() const { return error ? error->describe() : QStringLiteral("(no error)"); }
};

// QVERIFY2 builds its message even when the check passes: an outcome's error may only be read
// when there is one (reading an empty optional is undefined; UBSan stops the test).
inline QString errorText(const LlmOutcome &outcome)
{
    return outcome.error ? outcome.error->describe() : QStringLiteral("(no error)");
}

} // namespace ringside::testing
