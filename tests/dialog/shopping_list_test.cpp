// Whole shopping conversations through the engine: welcome, adding with choices and corrections,
// reading three at a time, removing, clearing, product questions, "comme d'habitude".
#include <catch2/catch.hpp>

#include "dialog/shopping_fixture.h"

using namespace chariot;
using chariot::testing::Contains;
using chariot::testing::ShoppingDialog;

TEST_CASE("the welcome adapts to the customer", "[dialog][shopping]") {
  ShoppingDialog d;
  CHECK(Contains(d.Launch().speech, "je suis Chariot"));
  d.Intent("AddItem", {{"product", "baguette tradition"}});
  d.Text("stop");
  CHECK(Contains(d.Launch().speech, "Votre liste en cours compte un article"));
  d.Text("stop");
  d.shopping->lists().Clear("alice");
  CHECK(Contains(d.Launch().speech, "Bon retour"));
}

TEST_CASE("adding resolves the product and confirms what was understood", "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  auto& reply = d.Text("ajoute deux litres de lait demi-écrémé");
  CHECK(Contains(reply.speech, "deux litres de lait demi-écrémé"));
  CHECK(d.QuantityOf("LAIT-DEMI-ECREME-1L") == 2);
  CHECK_FALSE(reply.end_session);

  SECTION("adding it again raises the quantity") {
    auto& again = d.Intent("AddItem", {{"product", "lait demi-écrémé"}});
    CHECK(Contains(again.speech, "un litre de lait demi-écrémé"));
    CHECK(Contains(again.speech, "trois litres"));
    CHECK(d.QuantityOf("LAIT-DEMI-ECREME-1L") == 3);
  }
  SECTION("plutôt trois: the quantity is corrected") {
    auto& corrected = d.Intent("Fallback", {}, "plutôt trois");
    CHECK(Contains(corrected.speech, "trois litres de lait demi-écrémé"));
    CHECK(d.QuantityOf("LAIT-DEMI-ECREME-1L") == 3);
  }
  SECTION("the same correction as an AddItem with only a quantity") {
    d.Intent("AddItem", {{"quantity", "1"}}, "plutôt un");
    CHECK(d.QuantityOf("LAIT-DEMI-ECREME-1L") == 1);
  }
}

TEST_CASE("several products fit: at most three are offered, then the answer is read",
          "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  auto& question = d.Intent("AddItem", {{"product", "lait"}, {"quantity", "2"}});
  CHECK(question.speech == "Lait demi-écrémé, entier ou d'avoine ?");
  CHECK(d.List().empty());

  SECTION("by name") {
    auto& added = d.Intent("Fallback", {}, "entier");
    CHECK(Contains(added.speech, "deux litres de lait entier"));
    CHECK(d.QuantityOf("LAIT-ENTIER-1L") == 2);
  }
  SECTION("by position") {
    d.Intent("Fallback", {}, "le troisième");
    CHECK(d.QuantityOf("LAIT-D-AVOINE-1L") == 2);
  }
  SECTION("none of them") {
    auto& none = d.Intent("No", {}, "aucun");
    CHECK(Contains(none.speech, "je laisse ça de côté"));
    CHECK(d.List().empty());
  }
  SECTION("not understood: asked again with the way to answer") {
    auto& again = d.Intent("Fallback", {}, "euh");
    CHECK(Contains(again.speech, "le premier"));
    d.Intent("Fallback", {}, "le deuxième");
    CHECK(d.QuantityOf("LAIT-ENTIER-1L") == 2);
  }
}

TEST_CASE("non, pas celui-là: the product is taken back and the others offered",
          "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  // The customer bought oat milk before: "lait" goes straight to it.
  REQUIRE(d.shopping->customers().SetPostcode("alice", "75011").ok());
  d.shopping->lists().Add("alice", "LAIT-D-AVOINE-1L", 1);
  auto slot = d.shopping->orders().FreeSlots("paris-republique", "pickup", 0, 1)->front();
  REQUIRE(d.shopping->orders().Place("alice", slot.id, "before").ok());

  auto& added = d.Intent("AddItem", {{"product", "lait"}});
  CHECK(Contains(added.speech, "lait d'avoine"));
  CHECK(d.QuantityOf("LAIT-D-AVOINE-1L") == 1);
  auto& undone = d.Text("non, pas celui-là");
  CHECK(Contains(undone.speech, "je retire un litre de lait d'avoine"));
  CHECK(d.QuantityOf("LAIT-D-AVOINE-1L") == 0);
  INFO(undone.speech);
  CHECK(Contains(undone.speech, "Vous vouliez plutôt lait demi-écrémé ou entier ?"));
  d.Intent("Fallback", {}, "le premier");
  CHECK(d.QuantityOf("LAIT-DEMI-ECREME-1L") == 1);
  // The same correction when the words were not understood out of context.
  d.Intent("Fallback", {}, "non, pas celui-là");
  CHECK(d.QuantityOf("LAIT-DEMI-ECREME-1L") == 0);
}

TEST_CASE("products that start with the words said come first", "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  auto& which = d.Intent("AddItem", {{"product", "oeufs"}, {"quantity", "12"}});
  CHECK(which.speech == "Œufs frais de poules élevées en plein air ou bio ?");
  d.Intent("Fallback", {}, "bio");
  CHECK(d.QuantityOf("OEUFS-BIO-X6") == 2);
}

TEST_CASE("nothing fits: the closest is suggested", "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  auto& reply = d.Intent("AddItem", {{"product", "lait de licorne"}});
  CHECK(Contains(reply.speech, "Je ne trouve pas « lait de licorne »"));
  CHECK(Contains(reply.speech, "Je l'ajoute ?"));
  d.Text("oui");
  CHECK(d.List().size() == 1);

  auto& nothing = d.Intent("AddItem", {{"product", "xylophone"}});
  CHECK(Contains(nothing.speech, "Je ne trouve pas « xylophone »"));
  CHECK(d.List().size() == 1);
}

TEST_CASE("quantities: units, eggs, kilos and impossible amounts", "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  auto& eggs = d.Intent("AddItem", {{"product", "oeufs frais"}, {"quantity", "6"}});
  INFO(eggs.speech);
  CHECK(Contains(eggs.speech, "une boîte de six œufs"));
  CHECK(Contains(
      d.Intent("AddItem", {{"product", "pommes golden"}, {"quantity", "1.5"}, {"unit", "kg"}})
          .speech,
      "un kilo et demi de pommes Golden"));
  CHECK(d.QuantityOf("POMMES-GOLDEN") == 1.5);
  auto& huge = d.Intent("AddItem", {{"product", "baguette tradition"}, {"quantity", "5000"}});
  CHECK(Contains(huge.speech, "Je ne peux pas mettre cette quantité"));
  CHECK(d.QuantityOf("BAGUETTE-TRADITION") == 0);
  d.Intent("AddItem", {{"product", "baguette tradition"}, {"quantity", "-3"}});
  CHECK(d.QuantityOf("BAGUETTE-TRADITION") == 0);
}

TEST_CASE("the list is read three at a time, then cleared after a yes", "[dialog][shopping]") {
  ShoppingDialog d;
  for (const char* sku : {"LAIT-DEMI-ECREME-1L", "BAGUETTE-TRADITION", "BEURRE-DOUX-250G",
                          "CAFE-MOULU-PUR-ARABICA-250G", "BANANES"}) {
    REQUIRE(d.shopping->lists().Add("alice", sku, 1).ok());
  }
  d.Launch();
  auto& first = d.Intent("ReadList");
  CHECK(Contains(first.speech, "Sur votre liste, cinq articles"));
  CHECK(Contains(first.speech, "un litre de lait demi-écrémé"));
  CHECK(Contains(first.speech, "une baguette tradition"));
  CHECK_FALSE(Contains(first.speech, "café"));
  CHECK(Contains(first.speech, "Voulez-vous la suite ?"));
  auto& unclear = d.Intent("Fallback", {}, "hmm");
  CHECK(Contains(unclear.speech, "Voulez-vous la suite ?"));
  auto& second = d.Intent("Fallback", {}, "la suite");
  CHECK(Contains(second.speech, "café moulu"));
  CHECK(Contains(second.speech, "un kilo de bananes"));
  CHECK(Contains(second.speech, "C'est tout pour votre liste"));

  auto& ask = d.Intent("ClearList");
  CHECK(Contains(ask.speech, "vider votre liste de cinq articles"));
  d.Text("non");
  CHECK(d.List().size() == 5);
  d.Intent("ClearList");
  d.Text("oui");
  CHECK(d.List().empty());
  CHECK(Contains(d.Intent("ReadList").speech, "Votre liste est vide"));
}

TEST_CASE("removing by voice takes what is on the list", "[dialog][shopping]") {
  ShoppingDialog d;
  REQUIRE(d.shopping->lists().Add("alice", "YAOURT-NATURE-X4", 1).ok());
  d.Launch();
  CHECK(Contains(d.Intent("RemoveItem", {{"product", "yaourts"}}).speech,
                 "J'enlève le yaourt nature"));
  CHECK(d.List().empty());
  CHECK(Contains(d.Intent("RemoveItem", {{"product", "beurre doux"}}).speech,
                 "Je ne vois pas le beurre doux"));
}

TEST_CASE("product questions: price the French way, stock, aisle in the customer's store",
          "[dialog][shopping]") {
  ShoppingDialog d;
  d.Launch();
  auto& price = d.Intent("ProductInfo", {{"product", "beurre demi-sel"}});
  CHECK(Contains(price.speech, "Beurre demi-sel 250 g : deux euros soixante-neuf."));
  CHECK(Contains(price.speech, "En stock."));
  // Without a store, the postcode is asked first, then the answer comes.
  auto& where = d.Intent("ProductLocation", {{"product", "joints de robinet 15x21"}});
  CHECK(Contains(where.speech, "code postal"));
  auto& answer = d.Intent("Fallback", {}, "75011");
  CHECK(Contains(answer.speech, "allée 15, rayon plomberie"));
  CHECK(Contains(answer.speech, "Chariot Paris République"));
}

TEST_CASE("comme d'habitude rebuilds the usual basket; a frequent product is suggested",
          "[dialog][shopping]") {
  ShoppingDialog d;
  REQUIRE(d.shopping->customers().SetPostcode("alice", "75011").ok());
  for (int week = 0; week < 2; ++week) {
    d.shopping->lists().Add("alice", "LAIT-DEMI-ECREME-1L", 2);
    d.shopping->lists().Add("alice", "CAFE-MOULU-PUR-ARABICA-250G", 1);
    auto slot = d.shopping->orders().FreeSlots("paris-republique", "pickup", 0, 1)->front();
    REQUIRE(d.shopping->orders().Place("alice", slot.id, "w" + std::to_string(week)).ok());
  }
  d.Launch();
  auto& usual = d.Intent("ReorderUsual");
  CHECK(Contains(usual.speech,
                 "Comme d'habitude : j'ajoute deux litres de lait demi-écrémé et deux cent "
                 "cinquante grammes de café moulu"));
  CHECK(d.List().size() == 2);

  d.shopping->lists().Remove("alice", "CAFE-MOULU-PUR-ARABICA-250G");
  auto& read = d.Intent("ReadList");
  CHECK(Contains(read.speech, "Vous prenez souvent"));
  CHECK(Contains(read.speech, "café moulu"));
  d.Text("oui");
  CHECK(d.List().size() == 2);
}

TEST_CASE("English customers hear English and still pay euros", "[dialog][shopping]") {
  ShoppingDialog d;
  d.locale = "en-US";
  d.Launch();
  CHECK(Contains(
      d.Intent("AddItem", {{"product", "semi-skimmed milk"}, {"quantity", "2"}, {"unit", "l"}})
          .speech,
      "Adding two liters of semi-skimmed milk"));
  auto& butter = d.Intent("ProductInfo", {{"product", "lightly salted butter"}});
  INFO(butter.speech);
  CHECK(Contains(butter.speech, "two euros sixty-nine"));
}
