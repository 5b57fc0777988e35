#include "simpleworkspace.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ringside::ui {

SimpleWorkspace::SimpleWorkspace(const QString &title, const QIcon &icon, const QString &explanation, QWidget *parent)
    : Workspace(parent)
    , m_title(title)
    , m_icon(icon)
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    heading->setFont(f);
    auto *text = new QLabel(explanation, this);
    text->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch(1);
}

} // namespace ringside::ui
