#include "nlu/text.h"

#include <catch2/catch.hpp>

using namespace chariot::nlu;

namespace {
std::string Joined(const std::string& text, Language language) {
  NormalizedText out;
  if (Normalize(text, language, out) != NormalizeResult::kOk) return "<error>";
  std::string joined;
  for (const Token& t : out.tokens) joined += (joined.empty() ? "" : " ") + t.word;
  return joined;
}
}  // namespace

TEST_CASE("case, accents and punctuation are folded", "[nlu][text]") {
  CHECK(Joined("Ajoute DU Lait Demi-Écrémé !", Language::kFrench) == "ajoute du lait demi ecreme");
  CHECK(Joined("des œufs, du thé", Language::kFrench) == "des oeufs du the");
}

TEST_CASE("French elisions split, English apostrophes join", "[nlu][text]") {
  CHECK(Joined("j'ai une fuite d'eau sous l’évier", Language::kFrench) ==
        "j ai une fuite d eau sous l evier");
  CHECK(Joined("aujourd'hui", Language::kFrench) == "aujourdhui");
  CHECK(Joined("I don't want it", Language::kEnglish) == "i dont want it");
}

TEST_CASE("numbers, decimals and times split from letters", "[nlu][text]") {
  CHECK(Joined("18h30", Language::kFrench) == "18 h 30");
  CHECK(Joined("18:30", Language::kFrench) == "18 h 30");
  CHECK(Joined("1,5 kg", Language::kFrench) == "1.5 kg");
  CHECK(Joined("2kg", Language::kFrench) == "2 kg");
  CHECK(Joined("un, deux", Language::kFrench) == "un deux");
}

TEST_CASE("fillers are dropped unless nothing else is left", "[nlu][text]") {
  CHECK(Joined("euh ajoute du lait s'il vous plaît", Language::kFrench) == "ajoute du lait");
  CHECK(Joined("stp vide ma liste", Language::kFrench) == "vide ma liste");
  CHECK(Joined("um add milk please", Language::kEnglish) == "add milk");
  CHECK(Joined("merci", Language::kFrench) == "merci");
}

TEST_CASE("markup, emoji and controls are separators; bad UTF-8 is refused", "[nlu][text]") {
  CHECK(Joined("<speak>ajoute du lait</speak>", Language::kFrench) == "ajoute du lait");
  CHECK(Joined("du lait 🥛\x01\x7f", Language::kFrench) == "du lait");
  CHECK(Joined("\xC3\x28", Language::kFrench) == "<error>");
  CHECK(Joined("\xE0\x80\x80", Language::kFrench) == "<error>");
  CHECK(Joined("\xED\xA0\x80", Language::kFrench) == "<error>");
  CHECK(Joined(std::string(3000, 'a'), Language::kFrench) == "<error>");
  CHECK(Joined("", Language::kFrench).empty());
}

TEST_CASE("the lower-case text keeps accents for product words", "[nlu][text]") {
  NormalizedText out;
  REQUIRE(Normalize("Lait DEMI-ÉCRÉMÉ", Language::kFrench, out) == NormalizeResult::kOk);
  REQUIRE(out.tokens.size() == 3);
  CHECK(out.lower.substr(out.tokens[1].begin, out.tokens[2].end - out.tokens[1].begin) ==
        "demi-écrémé");
}
