#include "simpleworkspace.h"

#include "common/emptystate.h"

#include <QVBoxLayout>

namespace ringside::ui {

SimpleWorkspace::SimpleWorkspace(const QString &title, const QIcon &icon, const QString &explanation, QWidget *parent)
    : Workspace(parent)
    , m_title(title)
    , m_icon(icon)
{
    auto *layout = new QVBoxLayout(this);
    auto *empty = new EmptyState(this);
    empty->setContent(icon, title, explanation);
    layout->addWidget(empty);
}

} // namespace ringside::ui
