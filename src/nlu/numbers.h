// Numbers said in words or digits, French and English, read from normalized words.
//
// French: "zéro" to millions, "soixante-dix-sept", "quatre-vingt-quinze", "vingt et un",
// "deux cent cinquante", "1,5", "un et demi", "une demi-douzaine", "une douzaine", "deux
// douzaines", "un demi". English: "zero" to millions, "twenty-five", "a hundred and five",
// "1.5", "one and a half", "half a dozen", "a dozen", "a couple of".
// Word sequences that are not one number ("deux trois", "seven ten") stop at the first word
// that cannot continue the number.
//
// Thread safety: pure functions (tables are built once, thread-safely).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nlu/text.h"

namespace chariot::nlu {

struct NumberMatch {
  double value = 0;
  size_t end = 0;  // one past the last word used
};

// The longest number starting at tokens[begin]; nullopt when none starts there.
std::optional<NumberMatch> ParseNumber(const std::vector<Token>& tokens, size_t begin,
                                       Language language);

// Plain decimal: 2 -> "2", 1.5 -> "1.5", 0.25 -> "0.25".
std::string FormatNumber(double value);

}  // namespace chariot::nlu
