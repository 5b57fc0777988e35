#pragma once

#include "workspace.h"

namespace ringside::ui {

// A workspace that shows a title and a short explanation; the frame uses it for workspaces
// whose full screens are built in their own folders.
class SimpleWorkspace final : public Workspace
{
    Q_OBJECT
public:
    SimpleWorkspace(const QString &title, const QIcon &icon, const QString &explanation, QWidget *parent = nullptr);
    QString title() const override { return m_title; }
    QIcon icon() const override { return m_icon; }

private:
    QString m_title;
    QIcon m_icon;
};

} // namespace ringside::ui
