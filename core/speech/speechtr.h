#pragma once

#include <QCoreApplication>

namespace ringside {

// Translation context for speech messages that reach the console and the CLI
// ("unsupported language: …"), so they go through Qt Linguist like ui/ strings.
struct SpeechTr
{
    Q_DECLARE_TR_FUNCTIONS(ringside::Speech)
};

} // namespace ringside
