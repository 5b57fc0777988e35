#pragma once

#include <QString>
#include <QStringList>

namespace ringside::ui {

// Suggestions for the editable model and voice pickers. The agent format accepts any model or
// voice id (providers add new ones all the time), so these are a starting point, not a limit.
QStringList suggestedLlmModels(const QString &llmProvider);
QStringList suggestedSttModels(const QString &sttProvider);
QStringList suggestedTtsVoices(const QString &ttsProvider, const QString &language);
// en-US, en-IN, hi-IN, …
QStringList suggestedLanguages();
// A readable name for a provider id: "gemini-2.5" → "Gemini 2.5", "embedded" → "Embedded (offline)".
QString providerLabel(const QString &provider);

} // namespace ringside::ui
