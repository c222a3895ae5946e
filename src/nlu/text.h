// Text normalization: what speech recognizers and keyboards hand over, turned into words that
// templates, numbers and dates can be matched against.
//
// - lower case; accents folded for matching ("évier" -> "evier", "œufs" -> "oeufs"), while
//   NormalizedText::lower keeps the accents so product words can be given back as said;
// - punctuation, emoji, control characters and markup (<speak>, <b>) are separators;
// - French elisions split ("l'évier" -> "l" "evier"; "aujourd'hui" stays one word); English
//   apostrophes join ("don't" -> "dont");
// - digits and letters split ("18h30" -> "18" "h" "30", "2kg" -> "2" "kg"); "1,5" and "1.5" are one
//   decimal word "1.5"; "18:30" reads "18" "h" "30";
// - fillers dropped ("euh", "s'il vous plaît", "stp", "um", "please"), unless nothing else is left.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chariot::nlu {

enum class Language { kFrench, kEnglish };
Language LanguageOf(std::string_view locale);  // "fr-..." -> French, anything else English

struct Token {
  std::string word;    // folded: lower case, no accents
  uint32_t begin = 0;  // byte span in NormalizedText::lower
  uint32_t end = 0;
  int32_t id = -1;        // vocabulary id, set by the parser (-1: unknown word)
  int32_t fuzzy_id = -1;  // a vocabulary word one typo away, when the word itself is unknown
  bool in_date = false;   // part of a date or time expression (set by the parser)
};

struct NormalizedText {
  std::string lower;  // the input lower-cased, accents kept, markup and controls blanked
  std::vector<Token> tokens;
  void Clear() {
    lower.clear();
    tokens.clear();
  }
};

enum class NormalizeResult { kOk, kInvalidUtf8, kTooLong };

inline constexpr size_t kMaxTextBytes = 2000;
inline constexpr size_t kMaxTokens = 48;

// Fills out (cleared first). kInvalidUtf8 / kTooLong leave out empty.
NormalizeResult Normalize(std::string_view text, Language language, NormalizedText& out);

// Folds one phrase the same way and returns its words (for templates and synonyms).
std::vector<std::string> FoldWords(std::string_view phrase, Language language);

// True when word (folded) is a one-word filler of the language ("euh", "please").
bool IsFiller(std::string_view word, Language language);

// True when the phrase words are only digits (and one '.').
bool IsDigitWord(std::string_view word);

}  // namespace chariot::nlu
