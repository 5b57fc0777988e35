#pragma once

#include "callrecord.h"

#include <QIODevice>
#include <QStringList>
#include <QTimeZone>

namespace ringside {
class Database;
}

namespace ringside::analytics {

// Call records as CSV for spreadsheets (RFC 4180): a header row, comma separators, CRLF line ends,
// fields quoted when they hold a comma, quote, CR or LF (quotes doubled), UTF-8 without a BOM.
// Instants are ISO-8601 in `zone` with its offset ("2026-11-20T10:30:00+05:30"); money is a
// decimal in major units beside its currency; booleans are true/false; empty means none. Text
// cells never start a formula (csvTextField).

const QStringList &csvColumns();

// One field, quoted if it needs to be.
QString csvField(const QString &value);
// A text field (names, ids, reasons — anything a caller or an agent file could have written): one
// that a spreadsheet would read as a formula (it starts with = + - @, a tab or a CR) gets a
// leading apostrophe first, so it is shown as text and never run (CSV injection).
QString csvTextField(const QString &value);

// Streams the matching records, oldest first, to `out`; returns how many rows were written.
// Throws StorageError on a database failure; returns -1 if `out` stops accepting data.
qint64 exportCallsCsv(Database &db, const CallFilter &filter, const QTimeZone &zone, QIODevice &out);

} // namespace ringside::analytics
