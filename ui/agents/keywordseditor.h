#pragma once

#include "agent/agent.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ringside::ui {

// sttConfig.keywords as a table: one row per word with its boost (-10…10; empty means the
// provider's neutral default). A row that does not parse stays as typed, with the reason shown,
// and is not applied until fixed.
class KeywordsEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit KeywordsEditor(QWidget *parent = nullptr);

    // Shows `keywords` unless the table already says the same (keeps rows being typed).
    void setKeywords(const QList<KeywordBoost> &keywords);
    void setReadOnly(bool readOnly);
    QTableWidget *table() const { return m_table; }
    QString localError() const;

Q_SIGNALS:
    void keywordsEdited(const QList<KeywordBoost> &keywords);

private:
    // The rows as keywords; false with *error when a row does not parse (empty rows are skipped).
    bool parseRows(QList<KeywordBoost> *out, QString *error) const;
    void handleTableEdited();

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_error = nullptr;
    bool m_filling = false;
};

} // namespace ringside::ui
