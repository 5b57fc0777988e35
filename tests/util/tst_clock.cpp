#include "util/clock.h"

#include <QTest>
#include <QTimeZone>

using namespace ringside;

class TestClock : public QObject
{
    Q_OBJECT
private slots:
    void pinnedClockStartsAtOption()
    {
        Clock c;
        QString error;
        QVERIFY(Clock::fromOption(QStringLiteral("2026-11-26T10:00:00+05:30"), &c, &error));
        QVERIFY(c.isPinned());
        const QDateTime now = c.now();
        QCOMPARE(now.toUTC(), QDateTime(QDate(2026, 11, 26), QTime(4, 30), QTimeZone::utc()));
        QVERIFY(c.now() >= now); // advances
    }
    void plainDateIsMidnightUtc()
    {
        Clock c;
        QVERIFY(Clock::fromOption(QStringLiteral("2026-12-01"), &c, nullptr));
        QCOMPARE(c.now().toUTC().date(), QDate(2026, 12, 1));
    }
    void emptyIsRealClock()
    {
        Clock c(QDateTime(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(Clock::fromOption(QString(), &c, nullptr));
        QVERIFY(!c.isPinned());
        QVERIFY(qAbs(c.now().secsTo(QDateTime::currentDateTime())) < 5);
    }
    void badValueExplains_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addRow("words") << QStringLiteral("tomorrow");
        QTest::addRow("no zone") << QStringLiteral("2026-11-26T10:00:00");
        QTest::addRow("bad month") << QStringLiteral("2026-13-01T00:00:00Z");
    }
    void badValueExplains()
    {
        QFETCH(QString, value);
        Clock c;
        QString error;
        QVERIFY(!Clock::fromOption(value, &c, &error));
        QVERIFY2(error.contains(QStringLiteral("--now")), qPrintable(error));
    }
    void isoKeepsOffset()
    {
        const QDateTime t = parseIso(QStringLiteral("2026-11-20T10:15:00+05:30"));
        QVERIFY(t.isValid());
        QCOMPARE(toIso(t), QStringLiteral("2026-11-20T10:15:00+05:30"));
        QCOMPARE(toIso(parseIso(QStringLiteral("2026-11-20T10:15:00Z"))), QStringLiteral("2026-11-20T10:15:00Z"));
        QVERIFY(!parseIso(QStringLiteral("2026-11-20")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
