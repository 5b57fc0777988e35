#pragma once

#include <QSet>
#include <QSyntaxHighlighter>

namespace ringside::ui {

// Colours {{variables}} in greeting and prompt editors: known ones (built-in or declared by the
// agent) in the link colour, unknown ones red with a wavy underline, broken braces red on pink.
class TemplateHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit TemplateHighlighter(QTextDocument *document);

    void setKnownVariables(const QSet<QString> &names);

protected:
    void highlightBlock(const QString &text) override;

private:
    QSet<QString> m_known;
};

} // namespace ringside::ui
