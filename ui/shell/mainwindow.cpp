#include "mainwindow.h"

#include "workspace.h"

#include "services/backend.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace ringside::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Ringside"));
    resize(1360, 860);
    setMinimumSize(960, 600);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFixedWidth(176);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setAccessibleName(tr("Workspaces"));
    QPalette nav = m_navigation->palette();
    nav.setColor(QPalette::Base, nav.color(QPalette::Window).darker(106));
    m_navigation->setPalette(nav);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    layout->addWidget(m_navigation);

    m_stack = new QStackedWidget(central);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::handleNavigationChanged);

    m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_status = new QLabel(this);
    m_progressText = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progressText);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::addWorkspace(Workspace *workspace)
{
    const int index = int(m_workspaces.size());
    m_workspaces.push_back(workspace);
    m_stack->addWidget(workspace);
    auto *item = new QListWidgetItem(workspace->icon(), workspace->title(), m_navigation);
    item->setSizeHint(QSize(0, 40));
    if (index < 9) {
        const QKeySequence shortcut(Qt::CTRL | Qt::Key(Qt::Key_1 + index));
        item->setToolTip(tr("%1 (%2)").arg(workspace->title(), shortcut.toString(QKeySequence::NativeText)));
        auto *action = new QAction(this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, [this, index] { showWorkspace(index); });
        addAction(action);
    }
    if (index == 0)
        m_navigation->setCurrentRow(0);
}

int MainWindow::workspaceCount() const
{
    return int(m_workspaces.size());
}

Workspace *MainWindow::workspaceAt(int index) const
{
    return (index >= 0 && index < workspaceCount()) ? m_workspaces[size_t(index)] : nullptr;
}

bool MainWindow::showWorkspace(int index)
{
    if (index >= 0 && index < workspaceCount())
        m_navigation->setCurrentRow(index);
    return currentWorkspace() == index;
}

int MainWindow::currentWorkspace() const
{
    return m_stack->currentIndex();
}

void MainWindow::attachBackend(Backend &backend)
{
    // Short jobs should not flash a bar: show "busy" only when work lasts a moment.
    auto *delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(250);
    connect(delay, &QTimer::timeout, this, [this, &backend] {
        if (backend.isBusy()) {
            m_progress->setRange(0, 0);
            m_progress->show();
        }
    });
    connect(&backend, &Backend::busyChanged, this, [this, delay](bool busy) {
        if (busy) {
            delay->start();
        } else {
            delay->stop();
            m_progress->hide();
            m_progressText->clear();
        }
    });
    connect(&backend, &Backend::progress, this, [this](const QString &what, int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->show();
        m_progressText->setText(what);
    });
}

void MainWindow::setStatusText(const QString &text)
{
    m_status->setText(text);
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::handleNavigationChanged(int row)
{
    const int current = m_stack->currentIndex();
    if (row == current || row < 0)
        return;
    if (Workspace *leaving = workspaceAt(current); leaving && !leaving->canLeave()) {
        const QSignalBlocker block(m_navigation);
        m_navigation->setCurrentRow(current);
        return;
    }
    m_stack->setCurrentIndex(row);
    if (Workspace *arriving = workspaceAt(row))
        arriving->activated();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (Workspace *w : m_workspaces) {
        if (!w->canLeave()) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace ringside::ui
