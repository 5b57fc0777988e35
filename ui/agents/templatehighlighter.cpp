#include "templatehighlighter.h"

#include "agent/template.h"

#include <QGuiApplication>
#include <QPalette>

namespace ringside::ui {

TemplateHighlighter::TemplateHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void TemplateHighlighter::setKnownVariables(const QSet<QString> &names)
{
    if (names == m_known)
        return;
    m_known = names;
    rehighlight();
}

void TemplateHighlighter::highlightBlock(const QString &text)
{
    if (!text.contains(QLatin1Char('{')))
        return;
    const TemplateScan scan = scanTemplate(text);
    QTextCharFormat known;
    known.setForeground(QGuiApplication::palette().color(QPalette::Link));
    known.setFontWeight(QFont::DemiBold);
    QTextCharFormat unknown;
    unknown.setForeground(QColor(0xb3, 0x26, 0x1e));
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(QColor(0xb3, 0x26, 0x1e));
    for (const Placeholder &p : scan.placeholders)
        setFormat(int(p.start), int(p.length), m_known.contains(p.name) ? known : unknown);
    QTextCharFormat broken;
    broken.setForeground(QColor(0xb3, 0x26, 0x1e));
    broken.setBackground(QColor(0xfb, 0xe4, 0xe4));
    for (const TemplateIssue &issue : scan.issues) {
        // From the bad '{{' to the end of the word that follows, or two characters at least.
        qsizetype end = issue.offset + 2;
        while (end < text.size() && !text.at(end).isSpace() && text.at(end) != QLatin1Char('{'))
            ++end;
        setFormat(int(issue.offset), int(end - issue.offset), broken);
    }
}

} // namespace ringside::ui
