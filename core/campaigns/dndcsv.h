#pragma once
// The rows of an NCPR/DND export. The registry and the operators' scrubbing portals export CSV
// with a phone column and a preference column among others (service area, date, operator);
// column names vary ("Phone Number", "MSISDN", "Mobile"; "Preference", "Category", "Opted
// Categories"), categories are digits 0–8 separated by '#', ',', ';', '|' or spaces, and a file
// may have no header at all (then the first number-like column is the phone and a column of
// category digits, if any, the preference).

#include <QString>
#include <QStringList>

#include <optional>

namespace ringside::campaigns {

// One CSV line split into fields (RFC 4180 quoting; a quoted field cannot span lines here).
QStringList splitCsvLine(const QString &line);

struct DndColumns
{
    int phone = -1;
    int categories = -1;
    bool header = false; // the first line named the columns
};

// From the first line: a header when it names a phone column, else guessed from the values.
DndColumns detectDndColumns(const QStringList &firstLine);

struct DndRow
{
    QString phone;       // E.164
    QString categories;  // normalised "1,5"; '' when the file has none (a full block)
};

// Reads one data line; fills *problem and returns nullopt when it has no usable number.
std::optional<DndRow> readDndRow(const QStringList &fields, const DndColumns &columns, QString *problem);

// "1#2 ,5" → "1,2,5"; '' for none; *ok false when something else than 0–8 is there.
QString normaliseCategories(const QString &text, bool *ok = nullptr);

} // namespace ringside::campaigns
