#include "nlu/numbers.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

namespace chariot::nlu {
namespace {

enum class WordKind { kUnit, kTeen, kTen, kHundred, kThousand, kMillion, kBillion };

struct NumberWord {
  WordKind kind;
  int value;
};

using Table = std::unordered_map<std::string_view, NumberWord>;

const Table& FrenchWords() {
  static const Table table = {
      {"zero", {WordKind::kUnit, 0}},        {"un", {WordKind::kUnit, 1}},
      {"une", {WordKind::kUnit, 1}},         {"deux", {WordKind::kUnit, 2}},
      {"trois", {WordKind::kUnit, 3}},       {"quatre", {WordKind::kUnit, 4}},
      {"cinq", {WordKind::kUnit, 5}},        {"six", {WordKind::kUnit, 6}},
      {"sept", {WordKind::kUnit, 7}},        {"huit", {WordKind::kUnit, 8}},
      {"neuf", {WordKind::kUnit, 9}},        {"dix", {WordKind::kTeen, 10}},
      {"onze", {WordKind::kTeen, 11}},       {"douze", {WordKind::kTeen, 12}},
      {"treize", {WordKind::kTeen, 13}},     {"quatorze", {WordKind::kTeen, 14}},
      {"quinze", {WordKind::kTeen, 15}},     {"seize", {WordKind::kTeen, 16}},
      {"vingt", {WordKind::kTen, 20}},       {"vingts", {WordKind::kTen, 20}},
      {"trente", {WordKind::kTen, 30}},      {"quarante", {WordKind::kTen, 40}},
      {"cinquante", {WordKind::kTen, 50}},   {"soixante", {WordKind::kTen, 60}},
      {"septante", {WordKind::kTen, 70}},    {"huitante", {WordKind::kTen, 80}},
      {"nonante", {WordKind::kTen, 90}},     {"cent", {WordKind::kHundred, 100}},
      {"cents", {WordKind::kHundred, 100}},  {"mille", {WordKind::kThousand, 1000}},
      {"million", {WordKind::kMillion, 0}},  {"millions", {WordKind::kMillion, 0}},
      {"milliard", {WordKind::kBillion, 0}}, {"milliards", {WordKind::kBillion, 0}}};
  return table;
}

const Table& EnglishWords() {
  static const Table table = {{"zero", {WordKind::kUnit, 0}},
                              {"oh", {WordKind::kUnit, 0}},
                              {"one", {WordKind::kUnit, 1}},
                              {"two", {WordKind::kUnit, 2}},
                              {"three", {WordKind::kUnit, 3}},
                              {"four", {WordKind::kUnit, 4}},
                              {"five", {WordKind::kUnit, 5}},
                              {"six", {WordKind::kUnit, 6}},
                              {"seven", {WordKind::kUnit, 7}},
                              {"eight", {WordKind::kUnit, 8}},
                              {"nine", {WordKind::kUnit, 9}},
                              {"ten", {WordKind::kTeen, 10}},
                              {"eleven", {WordKind::kTeen, 11}},
                              {"twelve", {WordKind::kTeen, 12}},
                              {"thirteen", {WordKind::kTeen, 13}},
                              {"fourteen", {WordKind::kTeen, 14}},
                              {"fifteen", {WordKind::kTeen, 15}},
                              {"sixteen", {WordKind::kTeen, 16}},
                              {"seventeen", {WordKind::kTeen, 17}},
                              {"eighteen", {WordKind::kTeen, 18}},
                              {"nineteen", {WordKind::kTeen, 19}},
                              {"twenty", {WordKind::kTen, 20}},
                              {"thirty", {WordKind::kTen, 30}},
                              {"forty", {WordKind::kTen, 40}},
                              {"fourty", {WordKind::kTen, 40}},
                              {"fifty", {WordKind::kTen, 50}},
                              {"sixty", {WordKind::kTen, 60}},
                              {"seventy", {WordKind::kTen, 70}},
                              {"eighty", {WordKind::kTen, 80}},
                              {"ninety", {WordKind::kTen, 90}},
                              {"hundred", {WordKind::kHundred, 100}},
                              {"hundreds", {WordKind::kHundred, 100}},
                              {"thousand", {WordKind::kThousand, 1000}},
                              {"thousands", {WordKind::kThousand, 1000}},
                              {"million", {WordKind::kMillion, 0}},
                              {"millions", {WordKind::kMillion, 0}},
                              {"billion", {WordKind::kBillion, 0}}};
  return table;
}

bool WordIs(const std::vector<Token>& tokens, size_t i, std::string_view word) {
  return i < tokens.size() && tokens[i].word == word;
}

// Reads the cardinal part: words (with the French/English joining rules) or one digit word,
// optionally followed by a multiplier word ("2 millions").
std::optional<NumberMatch> ParseCardinal(const std::vector<Token>& tokens, size_t begin,
                                         Language language) {
  if (begin >= tokens.size()) return std::nullopt;
  const Table& table = language == Language::kFrench ? FrenchWords() : EnglishWords();
  const std::string& first = tokens[begin].word;
  if (IsDigitWord(first)) {
    if (first.size() > 12) return std::nullopt;
    double value = std::strtod(first.c_str(), nullptr);
    size_t end = begin + 1;
    if (end < tokens.size()) {
      auto it = table.find(tokens[end].word);
      if (it != table.end() && value > 0 && value < 1000) {
        if (it->second.kind == WordKind::kThousand) return NumberMatch{value * 1000, end + 1};
        if (it->second.kind == WordKind::kMillion) return NumberMatch{value * 1e6, end + 1};
      }
    }
    return NumberMatch{value, end};
  }
  double total = 0;  // finished groups (thousands, millions)
  int current = 0;   // the group under construction, 0..999
  int last_value = -1;
  WordKind last_kind = WordKind::kUnit;
  bool any = false;
  size_t i = begin;
  size_t end = begin;
  bool english_a = false;
  while (i < tokens.size()) {
    const std::string& word = tokens[i].word;
    // "a hundred", "a thousand", "a million": "a" is one, only before such a word.
    if (language == Language::kEnglish && !any && (word == "a" || word == "an")) {
      if (i + 1 < tokens.size()) {
        auto next = table.find(tokens[i + 1].word);
        if (next != table.end() &&
            (next->second.kind == WordKind::kHundred || next->second.kind == WordKind::kThousand ||
             next->second.kind == WordKind::kMillion)) {
          current = 1;
          any = true;
          english_a = true;
          last_kind = WordKind::kUnit;
          last_value = 1;
          ++i;
          continue;
        }
      }
      break;
    }
    // Joining words: "vingt et un", "soixante et onze", "a hundred and five".
    if (any && (word == "et" || word == "and")) {
      if (i + 1 >= tokens.size()) break;
      auto next = table.find(tokens[i + 1].word);
      if (next == table.end()) break;
      bool ok = false;
      if (language == Language::kFrench) {
        ok = last_kind == WordKind::kTen && current % 10 == 0 &&
             (next->second.value == 1 || next->second.value == 11) &&
             next->second.kind != WordKind::kHundred;
      } else {
        ok = (last_kind == WordKind::kHundred || last_kind == WordKind::kThousand ||
              last_kind == WordKind::kMillion) &&
             (next->second.kind == WordKind::kUnit || next->second.kind == WordKind::kTeen ||
              next->second.kind == WordKind::kTen);
      }
      if (!ok) break;
      ++i;
      continue;
    }
    auto it = table.find(word);
    if (it == table.end()) break;
    const NumberWord& w = it->second;
    int below_hundred = current % 100;
    bool ok = false;
    switch (w.kind) {
      case WordKind::kUnit:
        if (!any) {
          ok = true;
        } else if (w.value == 0) {
          ok = false;
        } else if (last_kind == WordKind::kTen) {
          ok = below_hundred % 10 == 0;
        } else if (last_kind == WordKind::kTeen) {
          ok = language == Language::kFrench && last_value == 10 && w.value >= 7;
        } else {
          ok = last_kind == WordKind::kHundred || last_kind == WordKind::kThousand ||
               last_kind == WordKind::kMillion || last_kind == WordKind::kBillion;
        }
        if (ok) current += w.value;
        break;
      case WordKind::kTeen:
        if (!any) {
          ok = true;
        } else if (last_kind == WordKind::kTen) {
          ok = language == Language::kFrench && (below_hundred == 60 || below_hundred == 80);
        } else {
          ok = last_kind == WordKind::kHundred || last_kind == WordKind::kThousand ||
               last_kind == WordKind::kMillion || last_kind == WordKind::kBillion;
        }
        if (ok) current += w.value;
        break;
      case WordKind::kTen:
        if (language == Language::kFrench && w.value == 20 && last_kind == WordKind::kUnit &&
            last_value == 4 && any) {
          current += 76;  // quatre-vingt(s): 4 -> 80
          ok = true;
        } else if (!any) {
          ok = true;
          current += w.value;
        } else {
          ok = (last_kind == WordKind::kHundred || last_kind == WordKind::kThousand ||
                last_kind == WordKind::kMillion || last_kind == WordKind::kBillion) &&
               below_hundred == 0;
          if (ok) current += w.value;
        }
        break;
      case WordKind::kHundred:
        if (!any) {
          ok = true;
          current = 100;
        } else if (current > 0 && current < 100 && last_kind != WordKind::kHundred) {
          ok = current < 20 || language == Language::kEnglish;
          if (ok) current *= 100;
        }
        break;
      case WordKind::kThousand:
        if (total < 1000 || static_cast<long long>(total) % 1000000 == 0) {
          ok = true;
          total += (current == 0 ? 1 : current) * 1000.0;
          current = 0;
        }
        break;
      case WordKind::kMillion:
        if (total == 0 || static_cast<long long>(total) % 1000000000 == 0) {
          ok = any && current > 0;
          if (ok) {
            total += current * 1e6;
            current = 0;
          }
        }
        break;
      case WordKind::kBillion:
        ok = any && total == 0 && current > 0;
        if (ok) {
          total = current * 1e9;
          current = 0;
        }
        break;
    }
    if (!ok) break;
    any = true;
    last_kind = w.kind;
    last_value = w.value;
    ++i;
    end = i;
  }
  if (!any || end == begin || (english_a && end == begin + 1)) return std::nullopt;
  return NumberMatch{total + current, end};
}

}  // namespace

std::optional<NumberMatch> ParseNumber(const std::vector<Token>& tokens, size_t begin,
                                       Language language) {
  if (begin >= tokens.size()) return std::nullopt;
  bool french = language == Language::kFrench;
  const char* half = french ? "demi" : "half";
  // "une demi-douzaine", "demi-douzaine", "half a dozen"
  size_t i = begin;
  if (french && (WordIs(tokens, i, "un") || WordIs(tokens, i, "une")) &&
      (WordIs(tokens, i + 1, "demi") || WordIs(tokens, i + 1, "demie")))
    ++i;
  if (WordIs(tokens, i, half) || (french && WordIs(tokens, i, "demie"))) {
    if (french && (WordIs(tokens, i + 1, "douzaine") || WordIs(tokens, i + 1, "douzaines")))
      return NumberMatch{6, i + 2};
    if (!french && (WordIs(tokens, i + 1, "a") || WordIs(tokens, i + 1, "an")) &&
        WordIs(tokens, i + 2, "dozen"))
      return NumberMatch{6, i + 3};
    if (!french && WordIs(tokens, i + 1, "dozen")) return NumberMatch{6, i + 2};
    if (french) return NumberMatch{0.5, i + 1};  // "un demi (litre)"
  }
  if (!french && (WordIs(tokens, begin, "a") || WordIs(tokens, begin, "an"))) {
    if (WordIs(tokens, begin + 1, "dozen")) return NumberMatch{12, begin + 2};
    if (WordIs(tokens, begin + 1, "half")) return NumberMatch{0.5, begin + 2};
    if (WordIs(tokens, begin + 1, "couple")) {
      size_t end = begin + 2;
      if (WordIs(tokens, end, "of")) ++end;
      return NumberMatch{2, end};
    }
  }
  if (french && WordIs(tokens, begin, "une") && WordIs(tokens, begin + 1, "douzaine"))
    return NumberMatch{12, begin + 2};
  if (french && (WordIs(tokens, begin, "douzaine"))) return NumberMatch{12, begin + 1};
  std::optional<NumberMatch> number = ParseCardinal(tokens, begin, language);
  if (!number) return std::nullopt;
  size_t end = number->end;
  double value = number->value;
  // "deux douzaines", "two dozen"
  if (french && (WordIs(tokens, end, "douzaine") || WordIs(tokens, end, "douzaines"))) {
    return NumberMatch{value * 12, end + 1};
  }
  if (!french && (WordIs(tokens, end, "dozen") || WordIs(tokens, end, "dozens"))) {
    return NumberMatch{value * 12, end + 1};
  }
  // "un et demi", "one and a half", "deux et quart"
  if (french && WordIs(tokens, end, "et") &&
      (WordIs(tokens, end + 1, "demi") || WordIs(tokens, end + 1, "demie")))
    return NumberMatch{value + 0.5, end + 2};
  if (french && WordIs(tokens, end, "et") && WordIs(tokens, end + 1, "quart") && value < 1000)
    return NumberMatch{value + 0.25, end + 2};
  if (!french && WordIs(tokens, end, "and") && WordIs(tokens, end + 1, "a") &&
      WordIs(tokens, end + 2, "half"))
    return NumberMatch{value + 0.5, end + 3};
  if (!french && WordIs(tokens, end, "and") && WordIs(tokens, end + 1, "a") &&
      WordIs(tokens, end + 2, "quarter"))
    return NumberMatch{value + 0.25, end + 3};
  return NumberMatch{value, end};
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "0";
  double rounded = std::round(value);
  char buffer[64];
  if (std::fabs(value - rounded) < 1e-9 && std::fabs(rounded) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace chariot::nlu
