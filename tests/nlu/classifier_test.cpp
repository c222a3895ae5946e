#include "nlu/classifier.h"

#include <catch2/catch.hpp>

#include "nlu/test_util.h"

using namespace chariot::nlu;
using chariot::nlu::testing::Words;

TEST_CASE("the classifier learns from examples and generalises over typos", "[nlu][classifier]") {
  IntentClassifier classifier(2, 12);
  std::vector<IntentClassifier::Example> train;
  const std::vector<std::string> add = {"ajoute du lait", "mets du beurre", "ajoute des pommes",
                                        "rajoute du pain", "ajoute de la farine"};
  const std::vector<std::string> cancel = {"annule ma commande", "annule la commande",
                                           "supprime ma commande", "annuler la commande"};
  for (const auto& s : add) {
    IntentClassifier::Example e;
    e.label = 0;
    classifier.Features(Words(s, Language::kFrench).tokens, {}, e.features);
    train.push_back(e);
  }
  for (const auto& s : cancel) {
    IntentClassifier::Example e;
    e.label = 1;
    classifier.Features(Words(s, Language::kFrench).tokens, {}, e.features);
    train.push_back(e);
  }
  classifier.Train(train, {}, 20, 0, 1);
  std::vector<uint32_t> features;
  std::vector<float> p;
  classifier.Features(Words("anule ma comande", Language::kFrench).tokens, {}, features);
  classifier.Predict(features, p);
  REQUIRE(p.size() == 2);
  CHECK(p[1] > p[0]);
  CHECK(p[0] + p[1] == Approx(1.0));
  classifier.Features(Words("rajoutes des oeufs", Language::kFrench).tokens, {}, features);
  classifier.Predict(features, p);
  CHECK(p[0] > p[1]);
}
