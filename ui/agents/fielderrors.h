#pragma once

#include "agent/jsonreader.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QLabel;
class QWidget;

namespace ringside::ui {

// Puts each validation issue next to the field it is about. Fields register the JSON pointer they
// edit ("/agent/llmTemperature") with their editor and an error label; an issue goes to the field
// with the longest registered pointer that contains it ("/agent/sttConfig/keywords/2" → the
// keyword table). Issues no field claims are only in the summary.
class FieldErrors final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Wraps `editor` with an error label below it and returns the wrapper to put in a layout.
    QWidget *wrap(const QString &pointer, QWidget *editor);
    // Registers an existing label for a pointer (for editors with their own layout).
    void add(const QString &pointer, QWidget *editor, QLabel *label);

    void show(const QList<JsonIssue> &issues);

    // The editor that shows issues at `pointer`, or nullptr (to jump from the summary).
    QWidget *editorFor(const QString &pointer) const;
    // The text shown beside the field registered for exactly `pointer` (tests, accessibility).
    QString errorText(const QString &pointer) const;

private:
    struct Field {
        QString pointer;
        QPointer<QWidget> editor;
        QPointer<QLabel> label;
    };
    const Field *fieldFor(const QString &pointer) const;

    QList<Field> m_fields;
};

// The red, word-wrapped label FieldErrors uses; hidden while empty.
QLabel *makeErrorLabel(QWidget *parent);

} // namespace ringside::ui
