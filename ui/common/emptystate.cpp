#include "emptystate.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ringside::ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(this);
    m_title->setAlignment(Qt::AlignCenter);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_text = new QLabel(this);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    // A fixed width: a word-wrapped label placed with an alignment gets its height for its
    // one-line size hint otherwise, and the second line is cut.
    m_text->setFixedWidth(520);
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("emptyStateAction"));
    m_action->setDefault(true);
    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(m_action, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    connect(m_action, &QPushButton::clicked, this, &EmptyState::actionTriggered);
}

void EmptyState::setContent(const QIcon &icon, const QString &title, const QString &text, const QString &actionText)
{
    m_icon->setPixmap(icon.pixmap(48, 48));
    m_title->setText(title);
    m_text->setText(text);
    // The layout still sizes the label from its one-line hint on some platforms: ask for the
    // wrapped height outright so the second line is never cut.
    m_text->setMinimumHeight(m_text->heightForWidth(m_text->width()));
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
}

} // namespace ringside::ui
