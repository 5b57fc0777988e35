#pragma once

#include <QMainWindow>

#include <vector>

class QListWidget;
class QStackedWidget;
class QLabel;

namespace ringside::ui {

class Workspace;

// The console's frame: a navigation list on the left, the current workspace on the right,
// a status bar naming the engine and database.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Takes ownership. Workspaces appear in the order added; Ctrl+1… switch between them.
    void addWorkspace(Workspace *workspace);
    int workspaceCount() const;
    Workspace *workspaceAt(int index) const;
    void showWorkspace(int index);
    int currentWorkspace() const;

    void setStatusText(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void handleNavigationChanged(int row);

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status = nullptr;
    std::vector<Workspace *> m_workspaces;
};

} // namespace ringside::ui
