// ringside-engine export calls: call records as CSV (RFC 4180) for spreadsheets.
// The format lives in core/analytics/csvexport.*; this file maps options to it.
#include "clianalytics.h"
#include "cliutil.h"

#include "analytics/csvexport.h"
#include "analytics/kpis.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QFile>
#include <QSaveFile>

namespace ringside::cli {

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ringside-engine export calls --db PATH [--format csv] [--from DATE --to DATE] [--out FILE]\n"
        "Writes call records as CSV: a header row, RFC 4180 quoting, UTF-8, times ISO-8601 in --tz (default: the "
        "store's). Without --from/--to, every call. Without --out, to standard output."));
    parser.addPositionalArgument(QStringLiteral("calls"), QStringLiteral("What to export (only calls for now)."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("format"), QStringLiteral("Output format: csv (default)."), QStringLiteral("F"), QStringLiteral("csv") });
    parser.addOption({ QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD."), QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD, inclusive."), QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("tz"), QStringLiteral("Time zone of the days and the times written (default: the store's)."),
                       QStringLiteral("ZONE") });
    parser.addOption({ QStringLiteral("use-case"), QStringLiteral("Only this use case."), QStringLiteral("X") });
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Only calls by this agent."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("channel"), QStringLiteral("Only this channel."), QStringLiteral("C") });
    parser.addOption({ QStringLiteral("out"), QStringLiteral("Write to FILE (replaced only once the export is complete)."),
                       QStringLiteral("FILE") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    const QStringList operands = parser.positionalArguments().mid(1);
    if (operands.size() != 1 || operands.first() != QLatin1String("calls")) {
        err(operands.isEmpty() ? QStringLiteral("export: say what to export: 'export calls'")
                               : QStringLiteral("export: unknown data set '%1' (calls)").arg(operands.join(QLatin1Char(' '))));
        err(QStringLiteral("Try 'ringside-engine export --help'."));
        return Usage;
    }
    const QString format = parser.value(QStringLiteral("format")).trimmed().toLower();
    if (format != QLatin1String("csv")) {
        err(QStringLiteral("export: --format: '%1' is not supported (csv)").arg(parser.value(QStringLiteral("format"))));
        return Usage;
    }
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const auto query = kpiQueryFrom(parser, *db, clock.now(), QStringLiteral("export"));
    if (!query)
        return Usage;
    analytics::CallFilter filter;
    if (parser.isSet(QStringLiteral("from")) || parser.isSet(QStringLiteral("to"))) {
        filter.from = QDateTime::fromMSecsSinceEpoch(query->period.startMs(), Qt::UTC);
        filter.to = QDateTime::fromMSecsSinceEpoch(query->period.endMs(), Qt::UTC);
    }
    filter.useCase = query->useCase;
    filter.agent = query->agent;
    filter.channel = query->channel;

    try {
        if (!parser.isSet(QStringLiteral("out"))) {
            QFile stdoutFile;
            if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
                return Failed;
            const qint64 rows = analytics::exportCallsCsv(*db, filter, query->period.zone, stdoutFile);
            stdoutFile.flush();
            return rows < 0 ? Failed : Ok;
        }
        const QString path = parser.value(QStringLiteral("out"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            err(QStringLiteral("export: --out: cannot write %1: %2").arg(path, file.errorString()));
            return Failed;
        }
        const qint64 rows = analytics::exportCallsCsv(*db, filter, query->period.zone, file);
        if (rows < 0 || !file.commit()) {
            err(QStringLiteral("export: --out: writing %1 failed: %2").arg(path, file.errorString()));
            return Failed;
        }
        err(QStringLiteral("exported %1 calls to %2").arg(rows).arg(path));
    } catch (const StorageError &e) {
        err(QStringLiteral("error: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    return Ok;
}

} // namespace ringside::cli
