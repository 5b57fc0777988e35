// Result<T>: a value or an error. Reading the value of a failed result is a programming error that
// stops the program with the result's own error (release builds too), instead of reading memory
// that holds no value. The stopping cases run in a child process (this binary, re-started).
#include "util/result.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <cstdio>

using namespace ringside;

namespace {
constexpr char kChildVariable[] = "RINGSIDE_TST_RESULT_CHILD";

// In the child: reads a failed result the way `how` says; returning means it did not stop.
int childMisuse(const QByteArray &how)
{
    auto failed = Result<QString>::failure(QStringLiteral("no order \"ORD-000000\""));
    qsizetype size = -1;
    if (how == "value")
        size = failed.value().size();
    else if (how == "arrow")
        size = failed->size();
    else if (how == "moved")
        size = std::move(failed).value().size();
    else if (how == "const") {
        const auto &constant = failed;
        size = constant.value().size();
    }
    std::fprintf(stderr, "child read a value of size %lld\n", static_cast<long long>(size));
    return 0;
}
} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void valueAndErrorAsGiven()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QVERIFY(bool(good));
        QCOMPARE(good.value(), 42);
        QVERIFY(good.error().isEmpty());
        const auto bad = Result<int>::failure(QStringLiteral("broken"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error(), QStringLiteral("broken"));
        Result<QString> text(QStringLiteral("abc"));
        QCOMPARE(text->size(), 3);
        QCOMPARE(std::move(text).value(), QStringLiteral("abc"));
    }

    void valueOfAFailedResultStopsWithItsError_data()
    {
        QTest::addColumn<QByteArray>("how");
        QTest::addRow("value()") << QByteArray("value");
        QTest::addRow("operator->") << QByteArray("arrow");
        QTest::addRow("value() &&") << QByteArray("moved");
        QTest::addRow("value() const") << QByteArray("const");
    }

    void valueOfAFailedResultStopsWithItsError()
    {
        QFETCH(QByteArray, how);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kChildVariable), QString::fromLatin1(how));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(child.exitStatus() == QProcess::CrashExit, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Result::value() on a failed result: no order \"ORD-000000\"")), qPrintable(err));
    }
};

int main(int argc, char *argv[])
{
    const QByteArray how = qgetenv(kChildVariable);
    if (!how.isEmpty())
        return childMisuse(how);
    QCoreApplication app(argc, argv);
    TestResult test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_result.moc"
