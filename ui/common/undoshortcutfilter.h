#pragma once

#include <QObject>

namespace ringside::ui {

// Line edits, spin boxes and text edits keep their own undo history and claim Ctrl+Z for it.
// Installed on them, this filter lets Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) through to the window's
// actions, so one QUndoStack per document undoes every kind of edit in order.
class UndoShortcutFilter final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Installs the filter on `root` and every editor widget inside it.
    void watch(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace ringside::ui
