#pragma once
// Sentences of a reply, as a listener hears them: the playbook and the scenario runner keep
// replies within three, and an empty turn re-asks the last question.

#include <QString>
#include <QStringList>

namespace ringside {

// Splits at '.', '!', '?' (and the Devanagari danda) followed by a space or the end; "1.5" and
// "..." do not split. Pieces without a letter or digit are dropped.
QStringList splitSentences(const QString &text);
int countSentences(const QString &text);
// The last sentence ending in '?', or empty.
QString lastQuestion(const QString &text);

} // namespace ringside
