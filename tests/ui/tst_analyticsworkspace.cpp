// The Analytics workspace over the demo call history: filters chosen with the keyboard change the
// KPI tiles and the charts' series; the ROI result follows its assumptions; CSV and PNG exports
// write real files; an empty database offers the demo store; all queries stay on the worker.
#include "analytics/analyticscharts.h"
#include "analytics/analyticsworkspace.h"
#include "analytics/kpitiles.h"
#include "analytics/roipanel.h"
#include "common/emptystate.h"
#include "common/messagebar.h"
#include "services/backend.h"
#include "services/demodata.h"
#include "uitestutil.h"

#include "analytics/csvexport.h"
#include "storage/database.h"
#include "util/clock.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLineSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;

namespace {
// Each area series of the calls-per-day chart: its use case and its daily counts.
QMap<QString, QList<double>> callsPerDay(AnalyticsWorkspace &w)
{
    QMap<QString, QList<double>> out;
    const auto series = w.charts()->chart(AnalyticsCharts::CallsPerDay)->series();
    for (QAbstractSeries *s : series) {
        auto *area = qobject_cast<QAreaSeries *>(s);
        if (!area)
            continue;
        QList<double> counts;
        const QList<QPointF> upper = area->upperSeries()->points();
        const QList<QPointF> lower = area->lowerSeries()->points();
        for (qsizetype i = 0; i < upper.size(); ++i)
            counts << upper[i].y() - lower[i].y();
        out.insert(area->objectName(), counts);
    }
    return out;
}

QMap<QString, double> outcomeSlices(AnalyticsWorkspace &w)
{
    QMap<QString, double> out;
    for (QAbstractSeries *s : w.charts()->chart(AnalyticsCharts::Outcomes)->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(s))
            for (QPieSlice *slice : pie->slices())
                out.insert(slice->objectName(), slice->value());
    }
    return out;
}

// Chooses an item of a non-editable combo with the arrow keys, as a keyboard user does.
void chooseWithKeys(QComboBox *combo, int index)
{
    combo->setFocus();
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
}
} // namespace

class TestAnalyticsWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    Clock m_clock { fixedNow() };
    std::unique_ptr<AnalyticsWorkspace> m_workspace;

    bool refreshAndWait(const std::function<void()> &action)
    {
        QSignalSpy refreshed(m_workspace.get(), &AnalyticsWorkspace::refreshed);
        action();
        return refreshed.wait(60000) || refreshed.count() > 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<Backend>();
        QCOMPARE(await(m_backend->openDatabase(m_dir.filePath(QStringLiteral("ringside.db")))), QString());
        const DemoLoadReport demo = await(m_backend->run([](WorkerServices &s) { return loadDemoData(s, fixedNow()); }));
        QVERIFY2(demo.loaded, qPrintable(demo.error));
        m_workspace = std::make_unique<AnalyticsWorkspace>(*m_backend, m_clock);
        m_workspace->resize(1200, 900);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        QVERIFY(refreshAndWait([this] { m_workspace->activated(); }));
        QVERIFY(m_workspace->snapshot().has_value());
    }

    void showsTheLast30DaysOfEveryUseCase()
    {
        const AnalyticsSnapshot &s = *m_workspace->snapshot();
        QCOMPARE(s.kpis.query.period.days(), 30);
        QCOMPARE(s.kpis.query.period.to, fixedNow().toTimeZone(s.kpis.query.period.zone).date());
        const qint64 calls = s.kpis.overview.calls;
        QVERIFY(calls > 0);
        QCOMPARE(m_workspace->tiles()->tile(KpiTiles::Calls)->value(), QLocale().toString(calls));
        QVERIFY(m_workspace->tiles()->tile(KpiTiles::CodConfirmation)->value().endsWith(QLocale().percent()));

        const auto perDay = callsPerDay(*m_workspace);
        QVERIFY2(perDay.size() >= 4, qPrintable(perDay.keys().join(QLatin1Char(','))));
        double total = 0;
        for (const QList<double> &days : perDay) {
            QCOMPARE(days.size(), 30);
            for (double d : days)
                total += d;
        }
        // The stacked areas add up to every call that started in the period (live ones included).
        QCOMPARE(qint64(total), calls + s.kpis.overview.inProgress);
        QVERIFY(!outcomeSlices(*m_workspace).isEmpty());
    }

    void useCaseFilterChangesTheCharts()
    {
        const auto before = callsPerDay(*m_workspace);
        const auto outcomesBefore = outcomeSlices(*m_workspace);
        auto *filter = m_workspace->findChild<QComboBox *>(QStringLiteral("useCaseFilter"));
        const int cod = filter->findData(QStringLiteral("cod_confirmation"));
        QVERIFY(refreshAndWait([&] { chooseWithKeys(filter, cod); }));
        QCOMPARE(m_workspace->snapshot()->kpis.query.useCase, QStringLiteral("cod_confirmation"));

        const auto after = callsPerDay(*m_workspace);
        QCOMPARE(after.keys(), QStringList { QStringLiteral("cod_confirmation") });
        QCOMPARE(after.value(QStringLiteral("cod_confirmation")), before.value(QStringLiteral("cod_confirmation")));
        QVERIFY(after != before);
        const auto outcomesAfter = outcomeSlices(*m_workspace);
        QVERIFY(outcomesAfter != outcomesBefore);
        QVERIFY(!outcomesAfter.contains(QStringLiteral("recovered")));   // a cart outcome, not a COD one
        QVERIFY(outcomesAfter.value(QStringLiteral("confirmed")) > 0);

        QVERIFY(refreshAndWait([&] { chooseWithKeys(filter, 0); }));   // back to all
        QCOMPARE(callsPerDay(*m_workspace), before);
    }

    void periodFilterChangesTheRange()
    {
        auto *period = m_workspace->findChild<QComboBox *>(QStringLiteral("periodCombo"));
        QVERIFY(refreshAndWait([&] { chooseWithKeys(period, period->findData(7)); }));
        QCOMPARE(m_workspace->snapshot()->kpis.query.period.days(), 7);
        for (const QList<double> &days : callsPerDay(*m_workspace))
            QCOMPARE(days.size(), 7);
        const qint64 week = m_workspace->snapshot()->kpis.overview.calls;
        QVERIFY(refreshAndWait([&] { chooseWithKeys(period, period->findData(90)); }));
        QCOMPARE(m_workspace->snapshot()->kpis.query.period.days(), 90);
        QVERIFY(m_workspace->snapshot()->kpis.overview.calls > week);

        const QDate to = fixedNow().date().addDays(-10);
        QVERIFY(refreshAndWait([&] { m_workspace->setCustomRange(to.addDays(-13), to); }));
        QCOMPARE(m_workspace->snapshot()->kpis.query.period.from, to.addDays(-13));
        QCOMPARE(m_workspace->snapshot()->kpis.query.period.to, to);

        // A range that ends before it starts is an error in the bar; the last good figures stay.
        const auto shown = callsPerDay(*m_workspace);
        QVERIFY(refreshAndWait([&] { m_workspace->setCustomRange(to, to.addDays(-5)); }));
        QVERIFY(!m_workspace->messageBar()->isHidden());
        QVERIFY(!m_workspace->messageBar()->text().isEmpty());
        QCOMPARE(callsPerDay(*m_workspace), shown);
        QVERIFY(refreshAndWait([&] { m_workspace->setLastDays(30); }));
        QVERIFY(m_workspace->messageBar()->isHidden());
    }

    void roiFollowsItsAssumptions()
    {
        RoiPanel *roi = m_workspace->roi();
        QTRY_VERIFY(!roi->benefitText().isEmpty());
        const QString benefit = roi->benefitText();
        const QString ratio = roi->roiText();
        auto *human = roi->findChild<QDoubleSpinBox *>(QStringLiteral("costPerHumanCallSpin"));
        QVERIFY(human->value() > 0);   // INR defaults
        QSignalSpy recomputed(roi, &RoiPanel::recomputed);
        human->setFocus();
        human->selectAll();
        QTest::keyClicks(human, QString::number(human->value() * 3));
        QTest::keyClick(human, Qt::Key_Return);
        QVERIFY(recomputed.wait(10000));
        QVERIFY(roi->benefitText() != benefit);
        QVERIFY(roi->roiText() != ratio);
        QCOMPARE(roi->assumptions().costPerHumanCall, human->value());
    }

    void exportsCsvAndChartImages()
    {
        const QString csv = m_dir.filePath(QStringLiteral("calls.csv"));
        QVERIFY(m_workspace->exportCsv(csv));
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->messageBar()->text().contains(QStringLiteral("Exported")), 30000);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.size() > 2);
        QVERIFY(lines.first().startsWith(analytics::csvColumns().first().toUtf8()));
        const qint64 rows = std::count_if(lines.begin() + 1, lines.end(), [](const QByteArray &l) { return !l.trimmed().isEmpty(); });
        QVERIFY2(m_workspace->messageBar()->text().contains(QLocale().toString(rows)),
                 qPrintable(m_workspace->messageBar()->text()));

        const QString png = m_dir.filePath(QStringLiteral("calls-per-day.png"));
        QVERIFY(m_workspace->exportChartPng(AnalyticsCharts::CallsPerDay, png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 200 && image.height() > 150);
    }

    void anEmptyDatabaseOffersTheDemoStore()
    {
        QTemporaryDir dir;
        Backend backend;
        QCOMPARE(await(backend.openDatabase(dir.filePath(QStringLiteral("empty.db")))), QString());
        AnalyticsWorkspace workspace(backend, m_clock);
        workspace.show();
        QSignalSpy refreshed(&workspace, &AnalyticsWorkspace::refreshed);
        workspace.activated();
        QVERIFY(refreshed.wait(30000));
        auto *empty = workspace.findChild<EmptyState *>();
        QVERIFY(empty && empty->isVisible());
        QSignalSpy demo(&workspace, &AnalyticsWorkspace::demoStoreRequested);
        QVERIFY(clickButton(&workspace, QStringLiteral("emptyStateAction")));
        QCOMPARE(demo.count(), 1);
    }

    void queriesStayOnTheWorker()
    {
        QCOMPARE(await(m_backend->run([](WorkerServices &s) { return s.database().connectionCount(); })), 1);
    }
};

QTEST_MAIN(TestAnalyticsWorkspace)
#include "tst_analyticsworkspace.moc"
