// Quantities: a number with its unit, as said before a product ("deux litres", "un kilo et
// demi", "500 g", "a dozen", "two and a half pounds" is not a unit we sell by).
// Units come from the Unit slot type of intents/<locale>/slots.json and map to the codes of
// CONTRACTS.md (g kg ml cl l bottle pack box can jar bunch slice).
//
// Thread safety: a UnitLexicon is built once and read by many threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nlu/numbers.h"
#include "nlu/phrase_matcher.h"

namespace chariot::nlu {

class UnitLexicon {
 public:
  // code: "kg"; phrases: spoken forms ("kilo", "kilos", "kilogramme").
  void Add(const std::string& code, const std::vector<std::string>& phrases, Language language);
  // The unit starting at tokens[begin] (longest phrase).
  std::optional<std::pair<std::string, size_t>> MatchAt(const std::vector<Token>& tokens,
                                                        size_t begin) const;

 private:
  PhraseMatcher matcher_;
  std::vector<std::string> codes_;
};

struct QuantityMatch {
  double value = 0;
  std::string unit;  // empty when no unit was said
  size_t end = 0;
};

// The readings of a quantity starting at tokens[begin], shortest first: the number alone, the
// number with its unit, the number with its unit and "et demi"/"and a half". Empty when no
// number starts there.
std::vector<QuantityMatch> ParseQuantities(const std::vector<Token>& tokens, size_t begin,
                                           Language language, const UnitLexicon& units);

}  // namespace chariot::nlu
