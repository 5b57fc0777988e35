#pragma once
// For parts that react to the mirror changing (the campaigns scheduler): called after each
// committed sync page and each applied webhook event with the local ids that were written. Called
// on the thread that did the writing (a sync or webhook worker): hand work on with a queued call.

#include <QStringList>

namespace ringside::platforms {

class StoreChangeListener
{
public:
    virtual ~StoreChangeListener() = default;
    virtual void ordersChanged(const QStringList &orderIds) = 0;
    virtual void cartsChanged(const QStringList &cartIds) = 0;
};

} // namespace ringside::platforms
