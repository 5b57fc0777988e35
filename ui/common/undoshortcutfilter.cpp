#include "undoshortcutfilter.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace ringside::ui {

void UndoShortcutFilter::watch(QWidget *root)
{
    const auto editors = root->findChildren<QWidget *>();
    for (QWidget *w : editors) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w))
            w->installEventFilter(this);
    }
}

bool UndoShortcutFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();   // not overridden: the shortcut system hands it to the window's action
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ringside::ui
