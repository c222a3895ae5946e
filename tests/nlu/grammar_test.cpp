#include "nlu/grammar.h"

#include <catch2/catch.hpp>

#include "nlu/template.h"
#include "nlu/test_util.h"

using namespace chariot::nlu;
using chariot::nlu::testing::Words;

namespace {
struct Fixture {
  Vocabulary vocabulary;
  Grammar grammar;
  std::vector<Span> spans;
  std::vector<std::vector<int>> spans_at;

  explicit Fixture(const std::string& source) {
    auto parsed = ParseTemplate(source, {});
    REQUIRE(parsed.ok());
    SlotRef product;
    product.slot = 0;
    product.slot_type = 0;
    product.free_text = true;
    grammar.Add(0, source, *parsed, {{"product", product}}, vocabulary, Language::kFrench);
    vocabulary.BuildTypoIndex();
  }
  Alignment Align(const std::string& text, bool fuzzy, NormalizedText& words) {
    words = Words(text, Language::kFrench);
    for (Token& token : words.tokens) {
      token.id = vocabulary.Find(token.word);
      token.fuzzy_id = token.id < 0 ? vocabulary.FindNear(token.word) : -1;
    }
    spans_at.assign(words.tokens.size(), {});
    AlignOptions options;
    options.fuzzy = fuzzy;
    options.bound = fuzzy ? 3.5 : 0.6;
    return grammar.Align(0, words.tokens, spans, spans_at, options);
  }
};
}  // namespace

TEST_CASE("exact alignment reads the product between template words", "[nlu][grammar]") {
  Fixture f("(ajoute|mets) [du|de la] {product} [à ma liste]");
  NormalizedText words;
  Alignment a = f.Align("ajoute du lait demi écrémé à ma liste", false, words);
  REQUIRE(a.template_index == 0);
  REQUIRE(a.fills.size() == 1);
  CHECK(a.fills[0].begin == 2);
  CHECK(a.fills[0].end == 5);
  CHECK(f.Align("enlève du lait", false, words).template_index < 0);
}

TEST_CASE("fuzzy alignment tolerates extra words, missing words and typos", "[nlu][grammar]") {
  Fixture f("(ajoute|mets) [du|de la] {product} à ma liste");
  NormalizedText words;
  Alignment extra = f.Align("alors ajoute vite du lait à ma liste", true, words);
  CHECK(extra.template_index == 0);
  CHECK(extra.cost > 0);
  Alignment missing = f.Align("ajoute du lait ma liste", true, words);
  CHECK(missing.template_index == 0);
  Alignment typo = f.Align("ajoutte du lait à ma liste", true, words);
  CHECK(typo.template_index == 0);
  CHECK(typo.cost < extra.cost + 1);
  CHECK(f.Align("ajoutte du lait à ma liste", false, words).template_index < 0);
}

TEST_CASE("the typo index finds words one edit away", "[nlu][grammar]") {
  Vocabulary vocabulary;
  vocabulary.Intern("commande");
  vocabulary.Intern("annule");
  vocabulary.BuildTypoIndex();
  CHECK(vocabulary.FindNear("comande") == vocabulary.Find("commande"));    // deletion
  CHECK(vocabulary.FindNear("commandde") == vocabulary.Find("commande"));  // insertion
  CHECK(vocabulary.FindNear("commende") == vocabulary.Find("commande"));   // substitution
  CHECK(vocabulary.FindNear("cmomande") == vocabulary.Find("commande"));   // transposition
  CHECK(vocabulary.FindNear("banane") < 0);
}
