#include "fielderrors.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ringside::ui {

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("fieldError"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    label->setPalette(p);
    label->hide();
    return label;
}

QWidget *FieldErrors::wrap(const QString &pointer, QWidget *editor)
{
    auto *box = new QWidget(editor->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    QLabel *label = makeErrorLabel(box);
    layout->addWidget(label);
    add(pointer, editor, label);
    return box;
}

void FieldErrors::add(const QString &pointer, QWidget *editor, QLabel *label)
{
    label->setAccessibleName(tr("Problem with %1").arg(pointer));
    m_fields.append({ pointer, editor, label });
}

const FieldErrors::Field *FieldErrors::fieldFor(const QString &pointer) const
{
    const Field *best = nullptr;
    for (const Field &f : m_fields) {
        const bool contains = pointer == f.pointer
                || (pointer.startsWith(f.pointer) && pointer.at(f.pointer.size()) == QLatin1Char('/'));
        if (contains && (!best || f.pointer.size() > best->pointer.size()))
            best = &f;
    }
    return best;
}

void FieldErrors::show(const QList<JsonIssue> &issues)
{
    QHash<const Field *, QStringList> messages;
    for (const JsonIssue &issue : issues) {
        if (const Field *f = fieldFor(issue.pointer))
            messages[f].append(issue.message);
    }
    for (const Field &f : m_fields) {
        if (!f.label)
            continue;
        const QStringList lines = messages.value(&f);
        f.label->setText(lines.join(QLatin1Char('\n')));
        f.label->setVisible(!lines.isEmpty());
        if (f.editor)
            f.editor->setToolTip(lines.join(QLatin1Char('\n')));
    }
}

QWidget *FieldErrors::editorFor(const QString &pointer) const
{
    const Field *f = fieldFor(pointer);
    return f ? f->editor.data() : nullptr;
}

QString FieldErrors::errorText(const QString &pointer) const
{
    for (const Field &f : m_fields) {
        if (f.pointer == pointer)
            return f.label ? f.label->text() : QString();
    }
    return {};
}

} // namespace ringside::ui
