#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>

namespace ringside::ui {

// One of the console's top-level workspaces (Agents, Test Call, Live Calls, Analytics, Settings).
// The main window lists them in its navigation; each owns its own widgets. A workspace's
// objectName is its stable id ("agents"): screenshots are named after it.
class Workspace : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // Called when the user leaves the workspace or closes the window; false keeps them here
    // (e.g. unsaved changes the user chose not to discard).
    virtual bool canLeave() { return true; }
    // Called each time the workspace is shown.
    virtual void activated() {}
};

} // namespace ringside::ui
