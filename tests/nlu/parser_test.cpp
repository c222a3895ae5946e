#include "nlu/parser.h"

#include <catch2/catch.hpp>
#include <random>
#include <thread>

#include "nlu/civil_time.h"
#include "nlu/shared_parser.h"

using namespace chariot::nlu;
using chariot::nlu::testing::SharedParser;

namespace {
const int64_t kNow = *ParseIso8601("2026-11-24T10:00:00+01:00");

Understanding Fr(const std::string& text) { return SharedParser().Parse(text, "fr-FR", kNow); }
Understanding En(const std::string& text) { return SharedParser().Parse(text, "en-US", kNow); }
}  // namespace

TEST_CASE("the contract example parses as in CONTRACTS.md", "[nlu][parser]") {
  Understanding u = Fr("ajoute deux litres de lait");
  CHECK(u.intent == "AddItem");
  CHECK(u.slots == chariot::Slots{{"product", "lait"}, {"quantity", "2"}, {"unit", "l"}});
  CHECK(u.confidence > 0.8);
  CHECK(u.confidence <= 1.0);
}

TEST_CASE("speech-recognizer text: case, punctuation, fillers, missing accents", "[nlu][parser]") {
  CHECK(Fr("EUH, Ajoute du Lait Demi-Écrémé, s'il vous plaît !").slots.at("product") ==
        "lait demi-écrémé");
  CHECK(Fr("ca sent le gaz").slots.at("problem") == "gas_smell");
  CHECK(Fr("odeur de gaz").slots.at("problem") == "gas_smell");
  CHECK(Fr("fais moi livrer apres demain").slots.at("date") == "2026-11-26");
  CHECK(En("um add 2 kilos of apples please").slots ==
        chariot::Slots{{"product", "apples"}, {"quantity", "2"}, {"unit", "kg"}});
}

TEST_CASE("small misspellings and unseen phrasings reach the right intent", "[nlu][parser]") {
  CHECK(Fr("ajoutes du beure").intent == "AddItem");
  CHECK(Fr("anule ma comande").intent == "CancelOrder");
  CHECK(En("cancle my order").intent == "CancelOrder");
  CHECK(Fr("est ce que tu pourrais vider complètement ma liste").intent == "ClearList");
}

TEST_CASE("off-topic sentences are Fallback", "[nlu][parser]") {
  CHECK(Fr("quel temps fera-t-il à brest ce week-end").intent == "Fallback");
  CHECK(En("who won the world cup in 1998").intent == "Fallback");
}

TEST_CASE("an unknown locale is Fallback; a sibling locale is read", "[nlu][parser]") {
  CHECK(SharedParser().Parse("ajoute du lait", "de-DE", kNow).intent == "Fallback");
  CHECK(SharedParser().Parse("ajoute du lait", "fr-CA", kNow).intent == "AddItem");
  CHECK(SharedParser().Locales() == std::vector<std::string>{"en-US", "fr-FR"});
}

TEST_CASE("hostile input is Fallback, never a crash", "[nlu][parser][hostile]") {
  const std::vector<std::string> inputs = {
      "",
      " ",
      std::string(10000, 'a'),
      std::string(10000, ' '),
      "ajoute " + std::string(5000, 'x'),
      std::string("\xC3\x28\xA0\xA1", 4),
      std::string("ajoute du lait \xFF", 16),
      std::string("\x00\x01\x02\x1B[31m", 8),
      "🥛🥛🥛",
      "<speak><audio src=\"http://evil\"/></speak>",
      "<script>alert(1)</script>",
      "&lt;&gt;&amp;",
      "\u202E\u200B\u200D",
      "{}[]()<>|\\\"'",
  };
  for (const std::string& input : inputs) {
    for (const char* locale : {"fr-FR", "en-US"}) {
      Understanding u = SharedParser().Parse(input, locale, kNow);
      INFO(input.substr(0, 40));
      CHECK(u.intent == "Fallback");
      CHECK(u.confidence >= 0);
      CHECK(u.confidence <= 1);
    }
  }
  // Markup is not speech: the words inside are still read.
  CHECK(Fr("<speak>ajoute du lait</speak>").intent == "AddItem");
}

TEST_CASE("random bytes and word salad, bounded iterations", "[nlu][parser][hostile]") {
  std::mt19937 rng(20261124);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 300);
  const std::vector<std::string> words = {
      "ajoute", "du", "lait",     "demain",   "à",      "18h30", "soixante", "dix", "et",
      "demi",   "le", "3",        "décembre", "annule", "gaz",   "commande", "add", "of",
      "the",    "pm", "douzaine", "kilo",     "'",      "-",     "dans",     "une", "heure"};
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  for (int i = 0; i < 2000; ++i) {
    std::string input;
    int n = length(rng);
    if (i % 2 == 0) {
      for (int k = 0; k < n; ++k) input.push_back(static_cast<char>(byte(rng)));
    } else {
      for (int k = 0; k < n / 5; ++k) input += words[pick(rng)] + " ";
    }
    Understanding u = SharedParser().Parse(input, i % 4 < 2 ? "fr-FR" : "en-US", kNow + i * 3607);
    REQUIRE(u.confidence >= 0);
    REQUIRE(u.confidence <= 1);
    REQUIRE_FALSE(u.intent.empty());
  }
}

TEST_CASE("Parse is safe from many threads at once", "[nlu][parser]") {
  const std::vector<std::string> texts = {"ajoute deux litres de lait", "vide ma liste",
                                          "fais-moi livrer demain soir", "quel temps fait-il"};
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(Fr(t).intent);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        for (size_t k = 0; k < texts.size(); ++k)
          if (Fr(texts[k]).intent != expected[k]) ++mismatches;
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == 0);
}

TEST_CASE("a malformed intents folder fails to load with the file named", "[nlu][parser]") {
  auto parser = Parser::Load("/nonexistent");
  REQUIRE_FALSE(parser.ok());
  CHECK(parser.status().code() == chariot::StatusCode::kInvalidArgument);
}
