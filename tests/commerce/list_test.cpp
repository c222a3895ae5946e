// The shopping list: quantities, limits, and two channels editing at once.
#include <catch2/catch.hpp>
#include <thread>

#include "commerce/quantity.h"
#include "commerce/spoken_item.h"
#include "commerce_fixture.h"

using namespace chariot;
using chariot::testing::CommerceFixture;

TEST_CASE("adding what is already there raises the quantity", "[commerce][list]") {
  CommerceFixture f;
  auto& lists = f.shopping->lists();
  CHECK(*lists.Add("alice", "LAIT-DEMI-ECREME-1L", 2) == 2);
  CHECK(*lists.Add("alice", "LAIT-DEMI-ECREME-1L", 1) == 3);
  REQUIRE(lists.Set("alice", "LAIT-DEMI-ECREME-1L", 1).ok());
  auto lines = lists.Lines("alice");
  REQUIRE(lines->size() == 1);
  CHECK((*lines)[0].quantity == 1);
  CHECK(lists.Lines("bob")->empty());
  REQUIRE(lists.Remove("alice", "LAIT-DEMI-ECREME-1L").ok());
  CHECK(lists.Remove("alice", "LAIT-DEMI-ECREME-1L").code() == StatusCode::kNotFound);
}

TEST_CASE("hostile quantities and unknown products are refused", "[commerce][list]") {
  CommerceFixture f;
  auto& lists = f.shopping->lists();
  CHECK(lists.Add("alice", "LAIT-DEMI-ECREME-1L", -1).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(lists.Add("alice", "LAIT-DEMI-ECREME-1L", 0).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(lists.Add("alice", "LAIT-DEMI-ECREME-1L", 1e12).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(lists.Add("alice", "LAIT-DEMI-ECREME-1L", 0.5).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(lists.Add("alice", "LAIT-DEMI-ECREME-1L", std::nan("")).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK(lists.Add("alice", "NOPE", 1).status().code() == StatusCode::kNotFound);
  REQUIRE(lists.Add("alice", "LAIT-DEMI-ECREME-1L", 98).ok());
  CHECK(lists.Add("alice", "LAIT-DEMI-ECREME-1L", 5).status().code() ==
        StatusCode::kInvalidArgument);
  CHECK((*lists.Lines("alice"))[0].quantity == 98);
  CHECK(lists.Add("alice", "POMMES-GOLDEN", 1.5).ok());
}

TEST_CASE("two channels adding at once lose nothing", "[commerce][list]") {
  CommerceFixture f;
  auto& lists = f.shopping->lists();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) REQUIRE(lists.Add("alice", "BAGUETTE-TRADITION", 1).ok());
    });
  }
  for (auto& t : threads) t.join();
  CHECK((*lists.Lines("alice"))[0].quantity == 40);
}

TEST_CASE("what was said becomes a sensible list quantity", "[commerce][list]") {
  CommerceFixture f;
  auto product = [&](const char* sku) { return *f.stores->catalog.GetProduct(sku); };
  auto milk = product("LAIT-DEMI-ECREME-1L");
  CHECK(*commerce::ListQuantity(milk, "2", "l") == 2);
  CHECK(*commerce::ListQuantity(milk, "", "") == 1);
  CHECK(*commerce::ListQuantity(milk, "50", "cl") == 1);
  CHECK(*commerce::ListQuantity(milk, "3", "bottle") == 3);
  auto eggs = product("OEUFS-FRAIS-DE-POULES-ELEVEES-EN-X6");
  CHECK(*commerce::ListQuantity(eggs, "6", "") == 1);
  CHECK(*commerce::ListQuantity(eggs, "12", "") == 2);
  auto apples = product("POMMES-GOLDEN");
  CHECK(*commerce::ListQuantity(apples, "1.5", "kg") == 1.5);
  CHECK(*commerce::ListQuantity(apples, "500", "g") == 0.5);
  CHECK_FALSE(commerce::ListQuantity(milk, "-2", "").has_value());
  CHECK_FALSE(commerce::ListQuantity(milk, "1000", "").has_value());
  CHECK_FALSE(commerce::ListQuantity(milk, "abc", "").has_value());
}

TEST_CASE("items are spoken with number, unit and gender", "[commerce][list]") {
  CommerceFixture f;
  auto product = [&](const char* sku) { return *f.stores->catalog.GetProduct(sku); };
  CHECK(commerce::SpokenItem(product("LAIT-DEMI-ECREME-1L"), 2, "fr-FR") ==
        "deux litres de lait demi-écrémé");
  CHECK(commerce::SpokenItem(product("POMMES-GOLDEN"), 1.5, "fr-FR") ==
        "un kilo et demi de pommes Golden");
  CHECK(commerce::SpokenItem(product("OEUFS-FRAIS-DE-POULES-ELEVEES-EN-X6"), 1, "fr-FR") ==
        "une boîte de six œufs frais de poules élevées en plein air");
  CHECK(commerce::SpokenItem(product("BAGUETTE-TRADITION"), 2, "fr-FR") ==
        "deux baguettes tradition");
  CHECK(commerce::SpokenItem(product("BAGUETTE-TRADITION"), 1, "fr-FR") ==
        "une baguette tradition");
  CHECK(commerce::SpokenItem(product("PAPIER-TOILETTE-X12"), 1, "fr-FR") ==
        "un paquet de douze rouleaux de papier toilette");
  CHECK(commerce::SpokenItem(product("BEURRE-DOUX-250G"), 1, "fr-FR") ==
        "deux cent cinquante grammes de beurre doux");
  CHECK(commerce::SpokenItem(product("HUILE-D-OLIVE-VIERGE-EXTRA-75CL"), 1, "fr-FR") ==
        "soixante-quinze centilitres d'huile d'olive vierge extra");
  CHECK(commerce::SpokenItem(product("LAIT-DEMI-ECREME-1L"), 2, "en-US") ==
        "two liters of semi-skimmed milk");
}
