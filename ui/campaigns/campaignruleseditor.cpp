#include "campaignruleseditor.h"

#include "common/moneyspinbox.h"
#include "common/undoshortcutfilter.h"

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {

// One change of the form, as the whole document before and after (small, and exact to undo).
class RulesEdit final : public QUndoCommand
{
public:
    RulesEdit(json before, json after, std::function<void(const json &)> apply)
        : m_before(std::move(before)), m_after(std::move(after)), m_apply(std::move(apply))
    {
        setText(CampaignRulesEditor::tr("Change campaign rules"));
    }
    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }

private:
    json m_before, m_after;
    std::function<void(const json &)> m_apply;
};

QSpinBox *spin(QWidget *parent, const char *name, int lo, int hi, const QString &suffix = QString())
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(lo, hi);
    s->setSuffix(suffix);
    s->setKeyboardTracking(false);
    return s;
}

MoneySpinBox *money(QWidget *parent, const char *name, const QString &currency)
{
    auto *s = new MoneySpinBox(currency, parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(0, 10000000);
    s->setKeyboardTracking(false);
    return s;
}

QTimeEdit *time(QWidget *parent, const char *name)
{
    auto *t = new QTimeEdit(parent);
    t->setObjectName(QLatin1String(name));
    t->setDisplayFormat(QStringLiteral("HH:mm"));
    t->setKeyboardTracking(false);
    return t;
}

} // namespace

CampaignRulesEditor::CampaignRulesEditor(QWidget *parent) : QWidget(parent)
{
    m_undo = new QUndoStack(this);
    auto *layout = new QVBoxLayout(this);

    auto *window = new QGroupBox(tr("Calling window (the called party's local time)"), this);
    auto *wf = new QFormLayout(window);
    m_open = time(window, "windowOpen");
    m_close = time(window, "windowClose");
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_open);
    hours->addWidget(new QLabel(QStringLiteral("–"), window));
    hours->addWidget(m_close);
    hours->addStretch(1);
    wf->addRow(tr("Calls between"), hours);
    wf->addRow(new QLabel(tr("The law applies on top: India 09:00–21:00 for promotional calls, the US 08:00–21:00."), window));

    auto *cod = new QGroupBox(tr("COD confirmation"), this);
    auto *cf = new QFormLayout(cod);
    m_codDelay = spin(cod, "codDelay", 0, 1440, tr(" min after the order"));
    m_codMorning = time(cod, "codNextMorning");
    m_codAttempts = spin(cod, "codAttempts", 1, 5);
    m_codGap = spin(cod, "codRetryGap", 0, 1440, tr(" min"));
    cf->addRow(tr("Call"), m_codDelay);
    cf->addRow(tr("Too late in the day → next morning at"), m_codMorning);
    cf->addRow(tr("Attempts"), m_codAttempts);
    cf->addRow(tr("Between attempts"), m_codGap);

    auto *cart = new QGroupBox(tr("Cart recovery and delivery updates"), this);
    auto *kf = new QFormLayout(cart);
    m_inrHigh = money(cart, "inrHigh", QStringLiteral("INR"));
    m_inrMedium = money(cart, "inrMedium", QStringLiteral("INR"));
    m_usdHigh = money(cart, "usdHigh", QStringLiteral("USD"));
    m_usdMedium = money(cart, "usdMedium", QStringLiteral("USD"));
    m_cartHighDelay = spin(cart, "cartHighDelay", 0, 2880, tr(" min"));
    m_cartMediumDelay = spin(cart, "cartMediumDelay", 0, 2880, tr(" min"));
    m_cartLowDelay = spin(cart, "cartLowDelay", 0, 2880, tr(" min"));
    m_businessWeekends = new QCheckBox(tr("Never call business customers on a weekend"), cart);
    m_businessWeekends->setObjectName(QStringLiteral("businessWeekends"));
    m_deliveryAttempts = spin(cart, "deliveryAttempts", 1, 5);
    auto tiers = [&](QDoubleSpinBox *high, QDoubleSpinBox *medium) {
        auto *row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("above"), cart));
        row->addWidget(high);
        row->addWidget(new QLabel(tr("/ above"), cart));
        row->addWidget(medium);
        row->addStretch(1);
        return row;
    };
    kf->addRow(tr("Carts in INR: high / medium value"), tiers(m_inrHigh, m_inrMedium));
    kf->addRow(tr("Carts in USD: high / medium value"), tiers(m_usdHigh, m_usdMedium));
    auto *delays = new QHBoxLayout;
    delays->addWidget(m_cartHighDelay);
    delays->addWidget(m_cartMediumDelay);
    delays->addWidget(m_cartLowDelay);
    delays->addStretch(1);
    kf->addRow(tr("Wait after abandonment: high / medium / low"), delays);
    kf->addRow(QString(), m_businessWeekends);
    kf->addRow(tr("Delivery update attempts"), m_deliveryAttempts);

    auto *limits = new QGroupBox(tr("Callbacks, caps and the dialer"), this);
    auto *lf = new QFormLayout(limits);
    m_callbackDelay = spin(limits, "callbackDelay", 0, 2880, tr(" min when no time was said"));
    m_perDay = spin(limits, "perCustomerPerDay", 1, 20, tr(" calls per customer per day"));
    m_concurrent = spin(limits, "maxConcurrentCalls", 1, 1000, tr(" lines"));
    m_reserve = spin(limits, "inboundReserve", 0, 1000, tr(" kept for callers"));
    m_pace = new QDoubleSpinBox(limits);
    m_pace->setObjectName(QStringLiteral("callsPerSecond"));
    m_pace->setRange(0, 100);
    m_pace->setDecimals(2);
    m_pace->setSuffix(tr(" calls/s"));
    m_pace->setKeyboardTracking(false);
    m_amd = new QCheckBox(tr("Detect answering machines (Twilio)"), limits);
    m_amd->setObjectName(QStringLiteral("machineDetection"));
    m_voicemail = new QLineEdit(limits);
    m_voicemail->setObjectName(QStringLiteral("voicemail"));
    m_voicemail->setPlaceholderText(tr("Empty: hang up on machines and call again later"));
    lf->addRow(tr("Callback"), m_callbackDelay);
    lf->addRow(tr("At most"), m_perDay);
    lf->addRow(tr("Concurrent calls"), m_concurrent);
    lf->addRow(tr("Reserved"), m_reserve);
    lf->addRow(tr("Pace"), m_pace);
    lf->addRow(QString(), m_amd);
    lf->addRow(tr("Voicemail"), m_voicemail);

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("rulesProblems"));
    m_problemsLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->hide();
    m_save = new QPushButton(tr("&Save rules"), this);
    m_save->setObjectName(QStringLiteral("saveRulesButton"));
    m_save->setShortcut(QKeySequence::Save);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertRulesButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(window);
    left->addWidget(cod);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(cart);
    right->addWidget(limits);
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns);
    layout->addWidget(m_problemsLabel);
    layout->addLayout(buttons);

    for (QTimeEdit *t : { m_open, m_close, m_codMorning })
        connect(t, &QTimeEdit::timeChanged, this, &CampaignRulesEditor::fieldChanged);
    for (QSpinBox *s : { m_codDelay, m_codAttempts, m_codGap, m_deliveryAttempts, m_cartHighDelay, m_cartMediumDelay, m_cartLowDelay,
                         m_callbackDelay, m_perDay, m_concurrent, m_reserve })
        connect(s, &QSpinBox::valueChanged, this, &CampaignRulesEditor::fieldChanged);
    for (QDoubleSpinBox *s : { m_inrHigh, m_inrMedium, m_usdHigh, m_usdMedium, m_pace })
        connect(s, &QDoubleSpinBox::valueChanged, this, &CampaignRulesEditor::fieldChanged);
    for (QCheckBox *c : { m_businessWeekends, m_amd })
        connect(c, &QCheckBox::toggled, this, &CampaignRulesEditor::fieldChanged);
    connect(m_voicemail, &QLineEdit::editingFinished, this, &CampaignRulesEditor::fieldChanged);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_problems.isEmpty())
            Q_EMIT saveRequested(rules());
    });
    connect(m_revert, &QPushButton::clicked, this, [this] { load(m_saved); });
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({ QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) });
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    (new UndoShortcutFilter(this))->watch(this);
    load(campaigns::CampaignRules());
}

void CampaignRulesEditor::load(const campaigns::CampaignRules &rules)
{
    m_saved = rules;
    m_undo->clear();
    show(rules.toJson());
    validate();
}

void CampaignRulesEditor::markSaved()
{
    m_saved = rules();
    m_undo->setClean();
}

bool CampaignRulesEditor::isModified() const
{
    return !m_undo->isClean();
}

campaigns::CampaignRules CampaignRulesEditor::rules() const
{
    return campaigns::CampaignRules::fromJson(formDocument());
}

json CampaignRulesEditor::formDocument() const
{
    json doc = m_saved.toJson(); // fields the form does not show keep their stored values
    auto minor = [](const QDoubleSpinBox *s) { return qint64(std::llround(s->value() * 100.0)); };
    doc["window"]["open"] = campaigns::timeText(m_open->time());
    doc["window"]["close"] = campaigns::timeText(m_close->time());
    doc["cod"]["delayMinutes"] = m_codDelay->value();
    doc["cod"]["nextMorning"] = campaigns::timeText(m_codMorning->time());
    doc["cod"]["maxAttempts"] = m_codAttempts->value();
    doc["cod"]["retryGapMinutes"] = m_codGap->value();
    doc["delivery"]["maxAttempts"] = m_deliveryAttempts->value();
    doc["cart"]["tiers"]["INR"] = { { "highAbove", minor(m_inrHigh) }, { "mediumAbove", minor(m_inrMedium) } };
    doc["cart"]["tiers"]["USD"] = { { "highAbove", minor(m_usdHigh) }, { "mediumAbove", minor(m_usdMedium) } };
    doc["cart"]["highDelayMinutes"] = m_cartHighDelay->value();
    doc["cart"]["mediumDelayMinutes"] = m_cartMediumDelay->value();
    doc["cart"]["lowDelayMinutes"] = m_cartLowDelay->value();
    doc["cart"]["skipWeekendsForBusiness"] = m_businessWeekends->isChecked();
    doc["callback"]["defaultDelayMinutes"] = m_callbackDelay->value();
    doc["caps"]["perCustomerPerDay"] = m_perDay->value();
    doc["dialer"]["maxConcurrentCalls"] = m_concurrent->value();
    doc["dialer"]["inboundReserve"] = m_reserve->value();
    doc["dialer"]["callsPerSecond"] = m_pace->value();
    doc["dialer"]["machineDetection"] = m_amd->isChecked();
    doc["dialer"]["voicemail"] = m_voicemail->text().trimmed();
    return doc;
}

void CampaignRulesEditor::show(const json &doc)
{
    m_loading = true;
    const campaigns::CampaignRules r = campaigns::CampaignRules::fromJson(doc);
    m_open->setTime(r.windowOpen);
    m_close->setTime(r.windowClose);
    m_codDelay->setValue(r.cod.delayMinutes);
    m_codMorning->setTime(r.cod.nextMorning);
    m_codAttempts->setValue(r.cod.maxAttempts);
    m_codGap->setValue(r.cod.retryGapMinutes);
    m_deliveryAttempts->setValue(r.delivery.maxAttempts);
    m_inrHigh->setValue(double(r.tiersFor(QStringLiteral("INR")).highAbove) / 100.0);
    m_inrMedium->setValue(double(r.tiersFor(QStringLiteral("INR")).mediumAbove) / 100.0);
    m_usdHigh->setValue(double(r.tiersFor(QStringLiteral("USD")).highAbove) / 100.0);
    m_usdMedium->setValue(double(r.tiersFor(QStringLiteral("USD")).mediumAbove) / 100.0);
    m_cartHighDelay->setValue(r.cart.highDelayMinutes);
    m_cartMediumDelay->setValue(r.cart.mediumDelayMinutes);
    m_cartLowDelay->setValue(r.cart.lowDelayMinutes);
    m_businessWeekends->setChecked(r.cart.skipWeekendsForBusiness);
    m_callbackDelay->setValue(r.callback.defaultDelayMinutes);
    m_perDay->setValue(r.perCustomerPerDay);
    m_concurrent->setValue(r.dialer.maxConcurrentCalls);
    m_reserve->setValue(r.dialer.inboundReserve);
    m_pace->setValue(r.dialer.callsPerSecond);
    m_amd->setChecked(r.dialer.machineDetection);
    m_voicemail->setText(r.dialer.voicemail);
    m_shown = formDocument();
    m_loading = false;
    validate();
}

void CampaignRulesEditor::fieldChanged()
{
    if (m_loading)
        return;
    const json after = formDocument();
    if (after == m_shown)
        return;
    m_undo->push(new RulesEdit(m_shown, after, [this](const json &doc) { show(doc); }));
}

void CampaignRulesEditor::validate()
{
    QStringList problems;
    const campaigns::CampaignRules r = campaigns::CampaignRules::fromJson(formDocument(), &problems);
    problems << r.validate();
    m_problems = problems;
    m_problemsLabel->setText(problems.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!problems.isEmpty());
    m_save->setEnabled(problems.isEmpty());
}

} // namespace ringside::ui
