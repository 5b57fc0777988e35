#pragma once

#include "engine/nlu/lexicon.h"

#include <QStringList>

namespace ringside::nlu {

struct ItemMatch
{
    int index = -1;          // into the item list; -1 when nothing matched
    double score = 0.0;      // 0–1
    int runnerUp = -1;
    double runnerUpScore = 0.0;
    bool sure = false;       // score ≥ 0.5 and at least 0.15 clear of the runner-up; else ask which
    bool byPosition = false; // chosen by "the second one" / "last one" rather than by name
};

// Which of `items` (product names from an order or cart) the caller means: by name, fuzzily
// ("the running shoes" → "Running Shoes", "sneaker" → "Sneakers", "tshirt" → "T-Shirt", one
// typo per word of four letters or more). A word only one item has decides (0.5 plus half the
// share of the name said); words several items share only narrow it down (half the share).
// When no name matches at all, by position: "the second one", "doosra wala", "the last one".
ItemMatch matchItem(const NormalisedText &text, const QStringList &items, const Lexicon &lexicon);

} // namespace ringside::nlu
