// Mapping what went wrong on the wire to the error kinds the brain acts on.
#include "engine/llm/llmerrors.h"

#include <QTest>
#include <QTimeZone>

using namespace ringside;

class TestLlmErrors : public QObject
{
    Q_OBJECT
private slots:
    void statusAndBodyGiveKindAndMessage_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("openai 400") << 400 << QByteArray(R"({"error":{"message":"Invalid schema for function","type":"invalid_request_error"}})")
                                    << int(LlmError::Http4xx) << false << QStringLiteral("Invalid schema for function");
        QTest::addRow("ollama 404") << 404 << QByteArray::fromStdString(json{{"error", "model \"qwen9\" not found, try pulling it first"}}.dump())
                                    << int(LlmError::Http4xx) << false << QStringLiteral("not found, try pulling");
        QTest::addRow("gemini 403") << 403 << QByteArray(R"({"error":{"code":403,"message":"API key not valid","status":"PERMISSION_DENIED"}})")
                                    << int(LlmError::Http4xx) << false << QStringLiteral("PERMISSION_DENIED: API key not valid");
        QTest::addRow("500 json") << 500 << QByteArray(R"({"error":{"message":"CUDA error"}})")
                                  << int(LlmError::Http5xx) << true << QStringLiteral("CUDA error");
        QTest::addRow("502 html") << 502 << QByteArray("<html><body>Bad   gateway</body></html>")
                                  << int(LlmError::Http5xx) << true << QStringLiteral("Bad gateway");
        QTest::addRow("429") << 429 << QByteArray() << int(LlmError::RateLimited) << true << QStringLiteral("HTTP 429");
        QTest::addRow("408") << 408 << QByteArray() << int(LlmError::Timeout) << true << QStringLiteral("HTTP 408");
    }
    void statusAndBodyGiveKindAndMessage()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(bool, retryable);
        QFETCH(QString, mentions);
        const LlmError e = errorFromHttpStatus(status, body, {}, QStringLiteral("http://127.0.0.1:1/v1/chat/completions"));
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.retryable, retryable);
        QCOMPARE(e.httpStatus, status);
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("/v1/chat/completions")), qPrintable(e.message));
    }

    void retryAfterSecondsOrDate()
    {
        const QDateTime now(QDate(2026, 11, 26), QTime(10, 0), QTimeZone::utc());
        QCOMPARE(parseRetryAfter("7", now), 7000);
        QCOMPARE(parseRetryAfter(" 0 ", now), 0);
        QCOMPARE(parseRetryAfter("Thu, 26 Nov 2026 10:00:30 GMT", now), 30000);
        QCOMPARE(parseRetryAfter("Thu, 26 Nov 2026 09:00:00 GMT", now), 0); // already past
        QCOMPARE(parseRetryAfter("soon", now), -1);
        QCOMPARE(parseRetryAfter("-3", now), -1);
        QCOMPARE(parseRetryAfter("", now), -1);
        const LlmError e = errorFromHttpStatus(429, {}, "12", QStringLiteral("x"), now);
        QCOMPARE(e.retryAfterMs, 12000);
    }

    void geminiRetryInfoGivesTheDelay()
    {
        const QByteArray body = R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED",
            "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure"},
                       {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37.5s"}]}})";
        const LlmError e = errorFromHttpStatus(429, body, {}, QStringLiteral("gemini"));
        QCOMPARE(e.kind, LlmError::RateLimited);
        QCOMPARE(e.retryAfterMs, 37500);
        QVERIFY(e.message.contains(QStringLiteral("Quota exceeded")));
    }

    void errorObjectInsideAStream_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addRow("llama.cpp 500") << QByteArray(R"({"error":{"code":500,"message":"failed to decode","type":"server_error"}})")
                                       << int(LlmError::Http5xx) << 500;
        QTest::addRow("vllm 400") << QByteArray(R"({"error":{"object":"error","message":"context too long","type":"BadRequestError","code":400}})")
                                  << int(LlmError::Http4xx) << 400;
        QTest::addRow("gemini status only") << QByteArray(R"({"error":{"message":"overloaded","status":"UNAVAILABLE"}})")
                                            << int(LlmError::Http5xx) << 0;
        QTest::addRow("gemini exhausted") << QByteArray(R"({"error":{"message":"quota","status":"RESOURCE_EXHAUSTED"}})")
                                          << int(LlmError::RateLimited) << 0;
        QTest::addRow("plain string") << QByteArray(R"({"error":"something broke"})") << int(LlmError::Http5xx) << 0;
    }
    void errorObjectInsideAStream()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, kind);
        QFETCH(int, status);
        const auto e = errorFromPayload(json::parse(payload.toStdString()), QStringLiteral("srv"));
        QVERIFY(e.has_value());
        QCOMPARE(int(e->kind), kind);
        QCOMPARE(e->httpStatus, status);
    }

    void noErrorObjectMeansNoError()
    {
        QVERIFY(!errorFromPayload(json::parse(R"({"choices":[]})"), QStringLiteral("srv")));
        QVERIFY(!errorFromPayload(json::parse(R"({"error":null})"), QStringLiteral("srv")));
        QVERIFY(!errorFromPayload(json::array(), QStringLiteral("srv")));
    }

    void describeNamesKindStatusAndRetry()
    {
        LlmError e = LlmError::make(LlmError::Http5xx, QStringLiteral("boom"), 503);
        e.retryAfterMs = 2000;
        QCOMPARE(e.describe(), QStringLiteral("Http5xx (HTTP 503, retryable, retry after 2000 ms): boom"));
    }
};

QTEST_GUILESS_MAIN(TestLlmErrors)
#include "tst_llmerrors.moc"
