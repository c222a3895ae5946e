#include "feedback/score_reader.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

namespace chariot::feedback {
namespace {

// Accented Latin-1 letters (as the second byte of a C3 sequence) folded to ASCII.
char FoldLatin1(unsigned char second) {
  static const char* kUpper = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTs";  // C3 80..9F
  static const char* kLower = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // C3 A0..BF
  if (second >= 0x80 && second <= 0x9F) return kUpper[second - 0x80];
  if (second >= 0xA0 && second <= 0xBF) return kLower[second - 0xA0];
  return ' ';
}

const std::vector<std::pair<std::string, int>>& NumberWords() {
  static const std::vector<std::pair<std::string, int>> kWords = {
      {"zero", 0},       {"un", 1},      {"une", 1},     {"deux", 2},    {"trois", 3},
      {"quatre", 4},     {"cinq", 5},    {"six", 6},     {"sept", 7},    {"huit", 8},
      {"neuf", 9},       {"dix", 10},    {"onze", 11},   {"douze", 12},  {"treize", 13},
      {"quatorze", 14},  {"quinze", 15}, {"seize", 16},  {"vingt", 20},  {"trente", 30},
      {"cinquante", 50}, {"cent", 100},  {"one", 1},     {"two", 2},     {"three", 3},
      {"four", 4},       {"five", 5},    {"six", 6},     {"seven", 7},   {"eight", 8},
      {"nine", 9},       {"ten", 10},    {"eleven", 11}, {"twelve", 12}, {"twenty", 20},
      {"hundred", 100},  {"nought", 0},  {"nil", 0},
  };
  return kWords;
}

std::optional<int> WordValue(const std::string& word) {
  for (const auto& [w, v] : NumberWords()) {
    if (w == word) return v;
  }
  return std::nullopt;
}

bool IsArticleLike(const std::string& word) {
  return word == "un" || word == "une" || word == "one";
}

struct Number {
  double value = 0;
  size_t token = 0;  // index of the (last) token it was read from
  bool article_like = false;
  bool denominator = false;  // follows "sur" / "out of"
};

std::vector<std::string> Split(const std::string& normalised) {
  std::vector<std::string> tokens;
  std::istringstream in(normalised);
  for (std::string t; in >> t;) tokens.push_back(t);
  return tokens;
}

bool ContainsPhrase(const std::string& normalised, const char* phrase) {
  std::string padded = " " + normalised + " ";
  return padded.find(std::string(" ") + phrase + " ") != std::string::npos;
}

// A clear refusal, whatever else is said.
bool IsRefusal(const std::string& n) {
  static const std::array<const char*, 27> kPhrases = {"c est tout",
                                                       "au revoir",
                                                       "that s all",
                                                       "goodbye",
                                                       "bye",
                                                       "non merci",
                                                       "merci non",
                                                       "pas envie",
                                                       "je ne veux pas",
                                                       "je veux pas",
                                                       "je prefere pas",
                                                       "je prefere ne pas",
                                                       "pas de note",
                                                       "sans commentaire",
                                                       "pas maintenant",
                                                       "une autre fois",
                                                       "laisse tomber",
                                                       "no thanks",
                                                       "no thank you",
                                                       "rather not",
                                                       "don t want",
                                                       "do not want",
                                                       "no comment",
                                                       "skip",
                                                       "not now",
                                                       "pass",
                                                       "pas de reponse"};
  for (const char* p : kPhrases) {
    if (ContainsPhrase(n, p)) return true;
  }
  return false;
}

// "Je ne sais pas": a refusal only when no score follows ("je sais pas, disons sept").
bool IsHesitation(const std::string& n) {
  static const std::array<const char*, 6> kPhrases = {
      "aucune idee", "je ne sais pas", "je sais pas", "i don t know", "no idea", "dunno"};
  for (const char* p : kPhrases) {
    if (ContainsPhrase(n, p)) return true;
  }
  return false;
}

int YesNo(const std::string& n) {  // 1 yes, 0 no, -1 neither
  static const std::array<const char*, 10> kNo = {
      "non",        "no",         "pas vraiment", "pas du tout", "nope",
      "not really", "not at all", "nan",          "pas trop",    "absolument pas"};
  static const std::array<const char*, 14> kYes = {
      "oui", "yes",          "ouais",      "tout a fait", "absolument", "bien sur", "yeah",
      "yep", "parfaitement", "exactement", "en effet",    "of course",  "sure",     "definitely"};
  for (const char* p : kNo) {
    if (ContainsPhrase(n, p)) return 0;
  }
  for (const char* p : kYes) {
    if (ContainsPhrase(n, p)) return 1;
  }
  return -1;
}

// Reads the numbers said, in order, marking those that are a denominator ("sur dix").
std::vector<Number> ReadNumbers(const std::vector<std::string>& tokens) {
  std::vector<Number> numbers;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    std::optional<double> value;
    bool article = false;
    if (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0]))) {
      char* end = nullptr;
      std::string decimal = t;
      for (char& c : decimal) {
        if (c == ',') c = '.';
      }
      double v = std::strtod(decimal.c_str(), &end);
      if (end != nullptr && *end == '\0') value = v;
    } else if (auto v = WordValue(t)) {
      value = *v;
      article = IsArticleLike(t);
      // "dix sept", "dix-huit", "vingt et un": compounds are beyond every scale.
      if (*v == 10 && i + 1 < tokens.size()) {
        auto next = WordValue(tokens[i + 1]);
        if (next && *next >= 7 && *next <= 9) {
          value = 10 + *next;
          ++i;
        }
      }
    }
    if (!value) continue;
    Number number{*value, i, article, false};
    if (i >= 1 &&
        (tokens[i - 1] == "sur" || (tokens[i - 1] == "of" && i >= 2 && tokens[i - 2] == "out"))) {
      number.denominator = true;
    }
    numbers.push_back(number);
  }
  return numbers;
}

bool IsHalfAfter(const std::vector<std::string>& tokens, size_t index) {
  // "huit et demi", "eight and a half"
  if (index + 2 < tokens.size() && tokens[index + 1] == "et" && tokens[index + 2] == "demi")
    return true;
  if (index + 3 < tokens.size() && tokens[index + 1] == "and" && tokens[index + 2] == "a" &&
      tokens[index + 3] == "half")
    return true;
  return false;
}

}  // namespace

std::string NormaliseForMatching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      char folded = FoldLatin1(static_cast<unsigned char>(text[++i]));
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(folded)));
    } else if (c == 0xC5 && i + 1 < text.size()) {  // œ Œ
      ++i;
      out += "oe";
    } else if (c >= 0x80) {
      out += ' ';  // other non-ASCII: typographic apostrophes, dashes, emoji
    } else if (std::isalnum(c)) {
      // "10sur10", "8pts": digits and letters are separate words.
      if (!out.empty() && std::isalnum(static_cast<unsigned char>(out.back())) &&
          (std::isdigit(c) != 0) != (std::isdigit(static_cast<unsigned char>(out.back())) != 0)) {
        out += ' ';
      }
      out += static_cast<char>(std::tolower(c));
    } else if (c == '/') {
      out += " sur ";
    } else if ((c == ',' || c == '.') && !out.empty() &&
               std::isdigit(static_cast<unsigned char>(out.back())) && i + 1 < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      out += '.';  // "7,5" stays one number
    } else {
      out += ' ';
    }
  }
  std::string collapsed;
  for (const std::string& t : Split(out)) {
    if (!collapsed.empty()) collapsed += ' ';
    collapsed += t;
  }
  return collapsed;
}

ScoreAnswer ReadScore(std::string_view text, SurveyKind kind) {
  const Scale scale = ScaleOf(kind);
  const std::string n = NormaliseForMatching(text);
  if (n.empty()) return {};
  if (IsRefusal(n)) return {AnswerKind::kDeclined};

  const std::vector<std::string> tokens = Split(n);
  std::vector<Number> numbers = ReadNumbers(tokens);

  // A denominator must be the scale's own ("dix sur dix" to NPS, "quatre sur cinq" to CSAT).
  std::vector<Number> said;
  for (const Number& number : numbers) {
    if (number.denominator) {
      if (number.value != scale.max) return {};
      continue;
    }
    said.push_back(number);
  }
  // "un"/"une"/"one" are articles as often as numbers: a number only when nothing else is.
  if (said.size() > 1) {
    std::vector<Number> kept;
    for (const Number& number : said) {
      if (!number.article_like) kept.push_back(number);
    }
    said = kept;
  }

  if (said.empty() && IsHesitation(n)) return {AnswerKind::kDeclined};
  if (kind == SurveyKind::kGoal && said.empty()) {
    int yes_no = YesNo(n);
    if (yes_no >= 0) return {AnswerKind::kScore, yes_no};
    return {};
  }
  if (said.empty()) {
    if (YesNo(n) == 0 && tokens.size() <= 2) return {AnswerKind::kDeclined};  // a bare "non"
    return {};
  }

  auto on_scale = [&](double v) { return v >= scale.min && v <= scale.max; };
  if (said.size() == 1) {
    double v = said[0].value;
    bool half = IsHalfAfter(tokens, said[0].token) || (v != static_cast<int>(v));
    int whole = static_cast<int>(v);
    if (half) {
      if (v - whole != 0 && v - whole != 0.5) return {};
      if (on_scale(whole) && on_scale(whole + 1))
        return {AnswerKind::kBetween, 0, whole, whole + 1};
      return {};
    }
    if (!on_scale(v)) return {};
    return {AnswerKind::kScore, whole};
  }
  // Two numbers said: the same one twice is one score ("huit, oui huit"); two different ones
  // on the scale are a hesitation the flow resolves by asking which.
  std::set<int> distinct;
  for (const Number& number : said) {
    if (!on_scale(number.value) || number.value != static_cast<int>(number.value)) return {};
    distinct.insert(static_cast<int>(number.value));
  }
  if (distinct.size() == 1) return {AnswerKind::kScore, *distinct.begin()};
  if (distinct.size() == 2) return {AnswerKind::kBetween, 0, *distinct.begin(), *distinct.rbegin()};
  return {};
}

ScoreAnswer ReadAnswer(std::string_view text, std::string_view intent, const Slots& slots,
                       SurveyKind kind) {
  if (!text.empty()) {
    ScoreAnswer answer = ReadScore(text, kind);
    if (answer.kind != AnswerKind::kNotUnderstood) return answer;
  }
  const Scale scale = ScaleOf(kind);
  if (intent == "GiveRating") {
    auto it = slots.find("score");
    if (it != slots.end()) {
      char* end = nullptr;
      long v = std::strtol(it->second.c_str(), &end, 10);
      if (end != nullptr && *end == '\0' && !it->second.empty() && v >= scale.min &&
          v <= scale.max) {
        return {AnswerKind::kScore, static_cast<int>(v)};
      }
    }
    return {};
  }
  if (kind == SurveyKind::kGoal && intent == "Yes") return {AnswerKind::kScore, 1};
  if (kind == SurveyKind::kGoal && intent == "No") return {AnswerKind::kScore, 0};
  if (text.empty() &&
      (intent == "No" || intent == "Cancel" || intent == "Stop" || intent == "Done")) {
    return {AnswerKind::kDeclined};
  }
  return {};
}

}  // namespace chariot::feedback
