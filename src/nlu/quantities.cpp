#include "nlu/quantities.h"

namespace chariot::nlu {

void UnitLexicon::Add(const std::string& code, const std::vector<std::string>& phrases,
                      Language language) {
  int index = -1;
  for (size_t i = 0; i < codes_.size(); ++i)
    if (codes_[i] == code) index = static_cast<int>(i);
  if (index < 0) {
    index = static_cast<int>(codes_.size());
    codes_.push_back(code);
  }
  for (const std::string& phrase : phrases) matcher_.Add(FoldWords(phrase, language), index);
}

std::optional<std::pair<std::string, size_t>> UnitLexicon::MatchAt(const std::vector<Token>& tokens,
                                                                   size_t begin) const {
  PhraseHit hit;
  if (!matcher_.LongestAt(tokens, begin, hit)) return std::nullopt;
  return std::make_pair(codes_[hit.value], hit.end);
}

std::vector<QuantityMatch> ParseQuantities(const std::vector<Token>& tokens, size_t begin,
                                           Language language, const UnitLexicon& units) {
  std::vector<QuantityMatch> out;
  std::optional<NumberMatch> number = ParseNumber(tokens, begin, language);
  if (!number && language == Language::kEnglish && begin < tokens.size() &&
      (tokens[begin].word == "a" || tokens[begin].word == "an") &&
      units.MatchAt(tokens, begin + 1)) {
    number = NumberMatch{1, begin + 1};  // "a liter of milk"
  }
  if (!number) return out;
  out.push_back({number->value, "", number->end});
  auto unit = units.MatchAt(tokens, number->end);
  if (!unit) return out;
  out.push_back({number->value, unit->first, unit->second});
  size_t end = unit->second;
  auto word_is = [&tokens](size_t i, const char* word) {
    return i < tokens.size() && tokens[i].word == word;
  };
  // "un kilo et demi", "a liter and a half"
  if (language == Language::kFrench) {
    if (word_is(end, "et") && (word_is(end + 1, "demi") || word_is(end + 1, "demie")))
      out.push_back({number->value + 0.5, unit->first, end + 2});
  } else if (word_is(end, "and") && word_is(end + 1, "a") && word_is(end + 2, "half")) {
    out.push_back({number->value + 0.5, unit->first, end + 3});
  }
  return out;
}

}  // namespace chariot::nlu
