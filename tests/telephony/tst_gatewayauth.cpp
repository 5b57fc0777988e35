// The gateway's credentials on their own: StreamSigner (signed stream parameters: what is covered,
// expiry, call binding, single use, the ledger's bound) and the operators file with MonitorAccess
// (each problem named with its entry and field; tokens compared by hash; origins).
#include "telephony/operatorcredentials.h"
#include "telephony/streamsigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTest>

using namespace ringside::telephony;

namespace {

const QByteArray kKey = StreamSigner::keyFrom(QByteArrayLiteral("unit-test-secret"), {});

QHash<QString, QString> params()
{
    return { { QStringLiteral("agent"), QStringLiteral("order-tracker") },
             { QStringLiteral("customer"), QStringLiteral("C-0001") },
             { QStringLiteral("from"), QStringLiteral("+919812345678") } };
}

} // namespace

class TestGatewayAuth : public QObject
{
    Q_OBJECT

private slots:
    void theKeyComesFromTheSecretElseTheTwilioToken()
    {
        QVERIFY(StreamSigner::keyFrom({}, {}).isEmpty());
        QCOMPARE(StreamSigner::keyFrom("s", "t"), StreamSigner::keyFrom("s", {}));
        QCOMPARE(StreamSigner::keyFrom({}, "t"), StreamSigner::keyFrom("t", {}));
        QVERIFY(StreamSigner::keyFrom("t", {}) != QByteArray("t")); // derived, never the token itself
        StreamSigner none;
        QString why;
        QVERIFY(!none.canSign());
        QVERIFY(none.sign(params(), QDateTime::currentSecsSinceEpoch() + 60).isEmpty());
        QCOMPARE(none.verify(params(), QString(), QDateTime::currentSecsSinceEpoch(), &why), StreamSigner::Verdict::Unsigned);
    }

    void everyParameterIsCoveredAndEachSignaturePassesOnce()
    {
        StreamSigner signer(kKey);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QHash<QString, QString> p = params();
        signer.signInto(&p, QStringLiteral("CA1"), 60);
        QCOMPARE(p.value(QStringLiteral("call_sid")), QStringLiteral("CA1"));
        QString why;
        for (const QString &name : { QStringLiteral("agent"), QStringLiteral("customer"), QStringLiteral("from"), QStringLiteral("call_sid") }) {
            QHash<QString, QString> changed = p;
            changed[name] += QLatin1Char('x');
            QCOMPARE(signer.verify(changed, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::BadSignature);
        }
        QHash<QString, QString> added = p;
        added.insert(QStringLiteral("order"), QStringLiteral("ORD-1"));
        QCOMPARE(signer.verify(added, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::BadSignature);
        QHash<QString, QString> removed = p;
        removed.remove(QStringLiteral("customer"));
        QCOMPARE(signer.verify(removed, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::BadSignature);
        // Splitting a value across a name boundary does not forge the same MAC (length prefixes).
        QHash<QString, QString> shifted = p;
        shifted.remove(QStringLiteral("agent"));
        shifted.insert(QStringLiteral("agen"), QStringLiteral("torder-tracker"));
        QCOMPARE(signer.verify(shifted, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::BadSignature);

        QCOMPARE(signer.verify(p, QStringLiteral("CA2"), now, &why), StreamSigner::Verdict::WrongCall);
        QCOMPARE(signer.verify(p, QStringLiteral("CA1"), now + 61, &why), StreamSigner::Verdict::Expired);
        QCOMPARE(signer.verify(p, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::Ok);
        QCOMPARE(signer.rememberedNonces(), 1);
        QCOMPARE(signer.verify(p, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::Replayed);
        QVERIFY(why.contains(QStringLiteral("already used")));
        // Another gateway with another secret does not accept it either.
        StreamSigner other(StreamSigner::keyFrom("another secret", {}));
        QCOMPARE(other.verify(p, QStringLiteral("CA1"), now, &why), StreamSigner::Verdict::BadSignature);
    }

    void malformedSignaturesAreRefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("verdict");
        const QString mac(64, QLatin1Char('0'));
        const QString nonce(24, QLatin1Char('a'));
        QTest::addRow("missing") << QString() << int(StreamSigner::Verdict::Missing);
        QTest::addRow("old callSid-only hex") << mac << int(StreamSigner::Verdict::Malformed);
        QTest::addRow("v2") << QStringLiteral("v2.1.%1.%2").arg(nonce, mac) << int(StreamSigner::Verdict::Malformed);
        QTest::addRow("expiry not a number") << QStringLiteral("v1.soon.%1.%2").arg(nonce, mac) << int(StreamSigner::Verdict::Malformed);
        QTest::addRow("short nonce") << QStringLiteral("v1.1.abc.%1").arg(mac) << int(StreamSigner::Verdict::Malformed);
        QTest::addRow("upper-case hex") << QStringLiteral("v1.1.%1.%2").arg(nonce.toUpper(), mac) << int(StreamSigner::Verdict::Malformed);
        QTest::addRow("wrong mac") << QStringLiteral("v1.%1.%2.%3").arg(QDateTime::currentSecsSinceEpoch() + 60).arg(nonce, mac)
                                   << int(StreamSigner::Verdict::BadSignature);
    }
    void malformedSignaturesAreRefused()
    {
        QFETCH(QString, value);
        QFETCH(int, verdict);
        StreamSigner signer(kKey);
        QHash<QString, QString> p = params();
        if (!value.isEmpty())
            p.insert(QStringLiteral("ringside_auth"), value);
        QString why;
        QCOMPARE(int(signer.verify(p, QString(), QDateTime::currentSecsSinceEpoch(), &why)), verdict);
        QVERIFY(!why.isEmpty());
    }

    void aSignatureForMoreThanADayIsRefused()
    {
        StreamSigner signer(kKey);
        QHash<QString, QString> p = params();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        p.insert(QStringLiteral("ringside_auth"), signer.sign(p, now + 2 * 86400));
        QString why;
        QCOMPARE(signer.verify(p, QString(), now, &why), StreamSigner::Verdict::Malformed);
    }

    void theOperatorsFileNamesEachProblem_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("problem");
        QTest::addRow("not json") << QByteArray("{") << QStringLiteral("not JSON");
        QTest::addRow("no list") << QByteArray("{}") << QStringLiteral("operators: required array");
        QTest::addRow("empty") << QByteArray("{\"operators\":[]}") << QStringLiteral("the list is empty");
        QTest::addRow("bad name") << QByteArray("{\"operators\":[{\"name\":\"a b\",\"token\":\"0123456789abcdef\"}]}") << QStringLiteral("operators[0].name");
        QTest::addRow("twice") << QByteArray("{\"operators\":[{\"name\":\"a\",\"token\":\"0123456789abcdef\"},{\"name\":\"a\",\"token\":\"0123456789abcdeg\"}]}")
                               << QStringLiteral("operators[1].name: \"a\" is listed twice");
        QTest::addRow("short token") << QByteArray("{\"operators\":[{\"name\":\"a\",\"token\":\"short\"}]}") << QStringLiteral("operators[0].token: shorter");
        QTest::addRow("bad hash") << QByteArray("{\"operators\":[{\"name\":\"a\",\"token_sha256\":\"xyz\"}]}") << QStringLiteral("operators[0].token_sha256");
        QTest::addRow("no token") << QByteArray("{\"operators\":[{\"name\":\"a\"}]}") << QStringLiteral("operators[0]: token_sha256 (or token) is missing");
        QTest::addRow("nested") << QByteArray("{\"operators\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}") << QStringLiteral("not JSON");
    }
    void theOperatorsFileNamesEachProblem()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, problem);
        const auto parsed = parseOperatorCredentials(file);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(problem), qPrintable(parsed.error()));
    }

    void aConsoleIsTheOperatorItsTokenNames()
    {
        const QByteArray ravisHash = QCryptographicHash::hash("ravi-token-0123456789", QCryptographicHash::Sha256).toHex();
        const auto parsed = parseOperatorCredentials("{\"operators\":[{\"name\":\"asha\",\"token\":\"asha-token-0123456789\"},"
                                                     "{\"name\":\"ravi\",\"token_sha256\":\"" + ravisHash + "\"}]}");
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        MonitorAccess access(parsed.value(), QStringLiteral("scraper-token"), { QStringLiteral("https://Console.Example.com/") });
        QVERIFY(!access.isOpen());
        QCOMPARE(access.operatorFor("asha-token-0123456789"), QStringLiteral("asha"));
        QCOMPARE(access.operatorFor("ravi-token-0123456789"), QStringLiteral("ravi"));
        QVERIFY(access.operatorFor("asha-token-012345678").isEmpty());
        QVERIFY(access.operatorFor({}).isEmpty());
        QVERIFY(access.metricsAllowed("scraper-token"));
        QVERIFY(access.metricsAllowed("ravi-token-0123456789"));
        QVERIFY(!access.metricsAllowed({}));
        QVERIFY(access.originAllowed({}));
        QVERIFY(access.originAllowed("https://console.example.com"));
        QVERIFY(!access.originAllowed("https://console.example.com.evil.example"));
        QVERIFY(!access.originAllowed("http://console.example.com"));
        QCOMPARE(presentedToken("Bearer  abc ", QStringLiteral("q")), QByteArray("abc"));
        QCOMPARE(presentedToken("Basic abc", QStringLiteral("q")), QByteArray("q"));

        MonitorAccess open;
        QVERIFY(open.isOpen());
        QVERIFY(open.metricsAllowed({}));
        const QString generated = open.generateToken(QStringLiteral("operator"));
        QVERIFY(!open.isOpen());
        QCOMPARE(generated.size(), 48);
        QCOMPARE(open.operatorFor(generated.toUtf8()), QStringLiteral("operator"));
        QVERIFY(!open.metricsAllowed({}));
    }
};

QTEST_GUILESS_MAIN(TestGatewayAuth)
#include "tst_gatewayauth.moc"
