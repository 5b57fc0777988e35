#include "campaigns/dndlist.h"

#include "campaigns/dndcsv.h"

#include "storage/database.h"
#include "storage/sqlutil.h"
#include "util/phone.h"

#include <QIODevice>

namespace ringside::campaigns {

namespace {

DndEntry entryFrom(const QSqlQuery &q)
{
    DndEntry e;
    e.phone = q.value(0).toString();
    e.categories = q.value(1).toString();
    e.source = q.value(2).toString();
    e.note = q.value(3).toString();
    e.addedAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    return e;
}

QString e164(const QString &raw)
{
    return toE164(raw, raw.trimmed().startsWith(QLatin1Char('+')) ? QString() : QStringLiteral("IN"));
}

} // namespace

QString dndBlockReason(const DndEntry &entry, CallKind kind, const CampaignRules::Dnd &rules)
{
    if (entry.source == QLatin1String("opt_out"))
        return QStringLiteral("opted_out");
    if (entry.source != QLatin1String("ncpr") || entry.categories.isEmpty())
        return QStringLiteral("dnd");
    if (kind == CallKind::Service)
        return rules.ncprBlocksServiceCalls ? QStringLiteral("dnd") : QString();
    const QStringList cats = entry.categories.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (cats.contains(QLatin1String("0")))
        return QStringLiteral("dnd");
    for (const QString &c : cats)
        if (rules.promotionalCategories.contains(c))
            return QStringLiteral("dnd");
    return QString();
}

std::optional<DndEntry> DndList::find(const QString &phone)
{
    const QString number = e164(phone);
    if (number.isEmpty())
        return std::nullopt;
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT phone, categories, source, note, added_at FROM dnd WHERE phone = ?"), number);
    if (!q.next())
        return std::nullopt;
    return entryFrom(q);
}

bool DndList::add(const QString &phone, const QString &source, const QString &categories, const QString &note, const QDateTime &at,
                  QString *error)
{
    const QString number = e164(phone);
    if (number.isEmpty()) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a phone number (E.164, e.g. +919812345678, or ten digits)").arg(phone);
        return false;
    }
    bool ok = true;
    const QString cats = normaliseCategories(categories, &ok);
    if (!ok) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a list of NCPR categories (0–8)").arg(categories);
        return false;
    }
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery old = execOrThrow(db, QStringLiteral("SELECT source FROM dnd WHERE phone = ?"), number);
        // The customer's own request (or a person's entry) is stronger than the registry.
        if (old.next() && source == QLatin1String("ncpr") && old.value(0).toString() != QLatin1String("ncpr"))
            return true;
        old.finish();
        execOrThrow(db, QStringLiteral("INSERT INTO dnd (phone, national, categories, source, note, added_at) VALUES (?,?,?,?,?,?) "
                                       "ON CONFLICT(phone) DO UPDATE SET categories = excluded.categories, source = excluded.source, "
                                       "note = excluded.note, added_at = excluded.added_at"),
                    number, nationalNumber(number), source == QLatin1String("ncpr") ? cats : QStringLiteral(""), source,
                    note.isNull() ? QStringLiteral("") : note, at.toMSecsSinceEpoch());
        return true;
    });
    return true;
}

bool DndList::remove(const QString &phone)
{
    const QString number = e164(phone);
    if (number.isEmpty())
        return false;
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("DELETE FROM dnd WHERE phone = ?"), number);
    return q.numRowsAffected() > 0;
}

qint64 DndList::count()
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM dnd"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

DndImportReport DndList::importCsv(QIODevice &file, const QDateTime &at, const std::function<bool(qint64, qint64)> &progress)
{
    DndImportReport report;
    const qint64 total = file.size();
    const qint64 t = at.toMSecsSinceEpoch();
    const bool committed = m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery find(db);
        find.prepare(QStringLiteral("SELECT source FROM dnd WHERE phone = ?"));
        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral("INSERT INTO dnd (phone, national, categories, source, note, added_at) VALUES (?,?,?,'ncpr','',?) "
                                      "ON CONFLICT(phone) DO UPDATE SET categories = excluded.categories, added_at = excluded.added_at"));
        DndColumns columns;
        bool first = true;
        qint64 lineNumber = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNumber;
            if (line.trimmed().isEmpty())
                continue;
            const QStringList fields = splitCsvLine(line);
            if (first) {
                first = false;
                columns = detectDndColumns(fields);
                if (columns.phone < 0) {
                    report.problems << QStringLiteral("line 1: no phone column (name one \"Phone Number\", \"MSISDN\" or \"Mobile\")");
                    return false;
                }
                if (columns.header)
                    continue;
            }
            ++report.lines;
            QString problem;
            const std::optional<DndRow> row = readDndRow(fields, columns, &problem);
            if (!row) {
                ++report.invalid;
                if (report.problems.size() < 20)
                    report.problems << QStringLiteral("line %1: %2").arg(lineNumber).arg(problem);
                continue;
            }
            find.addBindValue(row->phone);
            if (!find.exec())
                throw StorageError(find.lastError().text());
            const bool exists = find.next();
            const bool strongerExists = exists && find.value(0).toString() != QLatin1String("ncpr");
            find.finish();
            if (strongerExists) {
                ++report.kept;
            } else {
                upsert.addBindValue(row->phone);
                upsert.addBindValue(nationalNumber(row->phone));
                upsert.addBindValue(row->categories.isEmpty() ? QStringLiteral("0") : row->categories);
                upsert.addBindValue(t);
                if (!upsert.exec())
                    throw StorageError(upsert.lastError().text());
                ++(exists ? report.updated : report.added);
            }
            if (progress && report.lines % 2000 == 0 && !progress(file.pos(), total)) {
                report.cancelled = true;
                return false;
            }
        }
        if (first)
            report.problems << QStringLiteral("the file is empty");
        return !first;
    });
    if (!committed) {
        report.added = report.updated = report.kept = 0;
    } else if (progress) {
        progress(total, total);
    }
    return report;
}

void DndList::addConsent(const QString &phone, const QString &customerId, const QString &purpose, const QString &source, const QDateTime &at)
{
    execOrThrow(m_db.connection(), QStringLiteral("INSERT INTO consents (phone, customer_id, purpose, source, given_at) VALUES (?,?,?,?,?)"),
                e164(phone), nullIfEmpty(customerId), purpose.isEmpty() ? QStringLiteral("marketing") : purpose,
                source.isNull() ? QStringLiteral("") : source, at.toMSecsSinceEpoch());
}

bool DndList::revokeConsents(const QString &phone, const QDateTime &at)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("UPDATE consents SET revoked_at = ? WHERE phone = ? AND revoked_at IS NULL"),
                              at.toMSecsSinceEpoch(), e164(phone));
    return q.numRowsAffected() > 0;
}

bool DndList::hasConsent(const QString &phone, const QDateTime &at)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT 1 FROM consents WHERE phone = ? AND given_at <= ? "
                                                                "AND (revoked_at IS NULL OR revoked_at > ?) LIMIT 1"),
                              e164(phone), at.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
    return q.next();
}

} // namespace ringside::campaigns
