#include "tryitpanel.h"

#include "services/backend.h"

#include "agent/jsonreader.h"
#include "commerce/demoshowcase.h"
#include "tools/toolcatalogue.h"
#include "tools/toolcontext.h"
#include "tools/toolerror.h"
#include "tools/toolregistry.h"
#include "util/clock.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {
// Values that work against the demo store (docs/demo-store.md).
json exampleValue(const std::string &name, const json &schema)
{
    namespace s = commerce::showcase;
    if (name == "order_id")
        return s::kShippedOrder.toStdString();
    if (name == "phone_number")
        return s::kShippedPhone.toStdString();
    if (name == "cart_id")
        return s::kHighValueCart.toStdString();
    if (name == "customer_id")
        return s::kShippedCustomer.toStdString();
    if (name == "return_id")
        return s::kPickupReturn.toStdString();
    if (schema.contains("enum") && schema.at("enum").is_array() && !schema.at("enum").empty())
        return schema.at("enum").front();
    const std::string type = schema.value("type", std::string("string"));
    if (type == "boolean")
        return true;
    if (type == "integer" || type == "number")
        return 1;
    if (type == "array")
        return json::array();
    if (type == "object")
        return json::object();
    return "";
}
} // namespace

QString exampleArguments(const QString &toolName)
{
    const ToolDefinition *tool = findTool(toolName);
    if (!tool)
        return QStringLiteral("{}");
    const json &params = tool->parameters;
    const json properties = params.value("properties", json::object());
    std::vector<std::string> wanted;
    if (params.contains("required"))
        for (const json &r : params.at("required"))
            wanted.push_back(r.get<std::string>());
    for (const QString &one : tool->requireOneOf) {
        if (std::find(wanted.begin(), wanted.end(), one.toStdString()) == wanted.end()) {
            wanted.push_back(one.toStdString());
            break;   // one of them is enough
        }
    }
    json args = json::object();
    for (const std::string &name : wanted) {
        if (properties.contains(name))
            args[name] = exampleValue(name, properties.at(name));
    }
    return QString::fromStdString(args.dump(2));
}

TryItPanel::TryItPanel(Backend &backend, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_clock(clock)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *note = new QLabel(tr("Runs the tool against the open store, as a call would. Tools that change an order "
                               "(confirm, cancel, reschedule…) really change it."), this);
    note->setWordWrap(true);
    note->setEnabled(false);
    m_arguments = new QPlainTextEdit(this);
    m_arguments->setObjectName(QStringLiteral("tryArgumentsEdit"));
    m_arguments->setFont(mono);
    m_arguments->setMaximumHeight(120);
    m_arguments->setPlaceholderText(tr("Arguments as a JSON object"));
    auto *row = new QHBoxLayout;
    m_run = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("tryRunButton"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setToolTip(tr("Run the tool (Ctrl+Enter)"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("tryStatus"));
    m_status->setWordWrap(true);
    row->addWidget(m_run);
    row->addWidget(m_status, 1);
    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(QStringLiteral("tryResultView"));
    m_result->setReadOnly(true);
    m_result->setFont(mono);
    m_result->setPlaceholderText(tr("The result appears here."));
    layout->addWidget(note);
    layout->addWidget(m_arguments);
    layout->addLayout(row);
    layout->addWidget(m_result, 1);
    connect(m_run, &QPushButton::clicked, this, &TryItPanel::run);
}

void TryItPanel::setTool(const QString &toolName, const QString &language)
{
    m_language = language;
    if (toolName == m_tool)
        return;
    m_tool = toolName;
    ++m_generation;   // a result for the previous tool is no longer wanted
    m_arguments->setPlainText(exampleArguments(toolName));
    m_result->clear();
    m_status->clear();
    m_run->setEnabled(!toolName.isEmpty());
}

void TryItPanel::run()
{
    if (m_tool.isEmpty())
        return;
    const JsonReadResult read = readJson(m_arguments->toPlainText().toUtf8());
    if (!read.parsed || !read.issues.isEmpty()) {
        m_status->setText(tr("The arguments are not valid JSON: %1")
                                  .arg(read.issues.isEmpty() ? QString() : read.issues.first().message));
        return;
    }
    if (!read.value.is_object()) {
        m_status->setText(tr("The arguments must be a JSON object: {\"name\": value, …}"));
        return;
    }
    const json arguments = json::parse(read.value.dump());
    ToolContext context;
    context.now = m_clock.now();
    context.language = m_language.isEmpty() ? QStringLiteral("en-US") : m_language;
    const QString tool = m_tool;
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Running %1…").arg(tool));
    m_run->setEnabled(false);
    whenReady(m_backend.run([tool, arguments, context](WorkerServices &s) {
                  return QString::fromStdString(s.tools().call(tool, arguments, context).dump(2));
              }),
              this,
              [this, generation, tool](const QString &result) {
                  m_run->setEnabled(true);
                  if (generation != m_generation)
                      return;
                  m_result->setPlainText(result);
                  const json parsed = json::parse(result.toStdString(), nullptr, false);
                  m_status->setText(isToolError(parsed)
                                            ? tr("%1 refused the arguments: %2").arg(tool, stringAt(parsed.at("error"), "message"))
                                            : tr("%1 answered.").arg(tool));
                  Q_EMIT finished();
              },
              [this, generation](const QString &error) {
                  m_run->setEnabled(true);
                  if (generation != m_generation)
                      return;
                  m_status->setText(error);
                  Q_EMIT finished();
              });
}

QString TryItPanel::resultText() const
{
    return m_result->toPlainText();
}

QString TryItPanel::statusText() const
{
    return m_status->text();
}

} // namespace ringside::ui
