#pragma once
// Data-driven tool calls. Cases live in tests/tools/cases/*.json as
//   [{"name", "tool", "arguments", "language"?, "expected"}]
// and each becomes a QTest row; "expected" is the subset of fields the result must contain.
// (JSON files also keep moc away from raw string literals, which it mis-parses.)

#include "toolharness.h"

#include <QFile>
#include <QTest>

namespace ringside::test {

inline void addToolCases(const QString &file)
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QFile f(QStringLiteral(RINGSIDE_TEST_DIR "/cases/") + file);
    if (!f.open(QIODevice::ReadOnly))
        QFAIL(qPrintable(QStringLiteral("cannot read case file %1").arg(f.fileName())));
    const json cases = json::parse(f.readAll().toStdString());
    for (const json &c : cases) {
        QTest::addRow("%s", c.at("name").get<std::string>().c_str())
                << qs(c.at("tool").get<std::string>()) << qs(c.at("arguments").dump())
                << qs(c.value("language", std::string("en-US"))) << qs(c.at("expected").dump());
    }
}

// Runs the current row against a fresh store; returns the harness for follow-up checks.
inline void runToolCase()
{
    QFETCH(QString, tool);
    QFETCH(QString, arguments);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    ToolHarness harness;
    QVERIFY2(harness.ok(), qPrintable(harness.error()));
    const json result = harness.call(tool, arguments, language);
    QString why;
    QVERIFY2(matchesSubset(result, json::parse(expected.toStdString()), &why),
             qPrintable(why + QStringLiteral("\nfull result: ") + qs(result.dump())));
}

} // namespace ringside::test
