// Ordering by voice through the engine: fulfillment, postcode, slots three at a time, explicit
// confirmation, retried confirmation, full slot, empty list, account linking, status, cancel.
#include <catch2/catch.hpp>

#include "dialog/shopping_fixture.h"

using namespace chariot;
using chariot::testing::Contains;
using chariot::testing::ShoppingDialog;

namespace {

void FillList(ShoppingDialog& d) {
  REQUIRE(d.shopping->lists().Add(d.user, "LAIT-DEMI-ECREME-1L", 2).ok());
  REQUIRE(d.shopping->lists().Add(d.user, "BAGUETTE-TRADITION", 1).ok());
}

}  // namespace

TEST_CASE("a first-time customer orders a home delivery", "[dialog][shopping][order]") {
  ShoppingDialog d;
  FillList(d);
  d.Launch();
  auto& how = d.Intent("PlaceOrder");
  CHECK(Contains(how.speech, "livré à domicile, retirer vos courses en magasin"));
  auto& postcode = d.Intent("Fallback", {}, "livraison à domicile");
  CHECK(Contains(postcode.speech, "code postal"));
  auto& bad = d.Intent("Fallback", {}, "je ne sais pas");
  CHECK(Contains(bad.speech, "cinq chiffres"));
  auto& slots = d.Intent("Fallback", {}, "75011");
  // Monday 10:00: the next delivery slots start at 14:00 today (cut-off three hours before).
  CHECK(Contains(slots.speech,
                 "Je peux proposer : lundi 23 novembre entre 14 heures et 16 heures, "
                 "entre 16 heures et 18 heures ou entre 18 heures et 20 heures."));
  CHECK_FALSE(Contains(slots.speech, "20 heures et 22 heures"));
  auto& more = d.Text("la suite");
  CHECK(Contains(more.speech,
                 "lundi 23 novembre entre 20 heures et 22 heures, "
                 "mardi 24 novembre entre 8 heures et 10 heures ou entre 10 heures et midi"));
  auto& confirm = d.Intent("Fallback", {}, "le deuxième");
  // 2 x 1,09 + 1,20 + 4,99 delivery = 8,37
  CHECK(Contains(confirm.speech,
                 "Je récapitule : deux articles, huit euros trente-sept au total, "
                 "livraison à domicile, mardi 24 novembre entre 8 heures et 10 heures. "
                 "Je passe la commande ?"));
  CHECK(d.shopping->orders().Orders("alice")->empty());
  auto& done = d.Text("oui");
  CHECK(Contains(done.speech, "C'est commandé ! Commande numéro 1"));
  auto orders = d.shopping->orders().Orders("alice");
  REQUIRE(orders->size() == 1);
  CHECK((*orders)[0].total_cents == 837);
  CHECK(d.List().empty());
  CHECK(d.shopping->customers().Find("alice")->value().postcode == "75011");
}

TEST_CASE("nothing is ordered without a yes", "[dialog][shopping][order]") {
  ShoppingDialog d;
  FillList(d);
  d.shopping->customers().SetPostcode("alice", "75011");
  d.Launch();
  d.Intent("PlaceOrder", {{"fulfillment", "pickup"}});
  CHECK(Contains(d.last.speech, "Je peux proposer"));
  auto& confirm = d.Intent("Fallback", {}, "le premier");
  CHECK(Contains(confirm.speech, "retrait au magasin Chariot Paris République"));
  auto& unclear = d.Intent("Fallback", {}, "peut-être");
  CHECK(Contains(unclear.speech, "oui ou par non"));
  auto& kept = d.Text("non");
  CHECK(Contains(kept.speech, "je ne commande rien"));
  CHECK(d.shopping->orders().Orders("alice")->empty());
  CHECK(d.List().size() == 2);
}

TEST_CASE("a retried confirmation never makes two orders", "[dialog][shopping][order]") {
  ShoppingDialog d;
  FillList(d);
  d.shopping->customers().SetPostcode("alice", "75011");
  d.Launch();
  d.Intent("PlaceOrder", {{"fulfillment", "express"}});
  INFO(d.last.speech);
  CHECK(Contains(d.last.speech,
                 "lundi 23 novembre entre 11 heures et midi, entre midi et 13 heures"));
  d.Intent("Fallback", {}, "le premier");
  std::string session = d.session_id;
  // The platform sends the same "oui" twice (a timeout on its side): same session, same state
  // stored before the first answer was saved.
  auto stored = d.sessions->Load(session, d.clock.NowSeconds());
  REQUIRE(stored.ok());
  REQUIRE(stored->has_value());
  store::StoredSession before = **stored;
  d.Text("oui");
  CHECK(Contains(d.last.speech, "C'est commandé"));
  REQUIRE(d.sessions->Save(before).ok());  // as if the first answer's session save was lost
  d.session_id = session;
  d.Text("oui");
  CHECK(Contains(d.last.speech, "C'est commandé ! Commande numéro 1"));
  CHECK(d.shopping->orders().Orders("alice")->size() == 1);
  // And a "oui" at the top level after the order is just a yes.
  d.Text("oui");
  CHECK(d.shopping->orders().Orders("alice")->size() == 1);
}

TEST_CASE("an empty list or a full slot gets a clear answer", "[dialog][shopping][order]") {
  ShoppingDialog d;
  d.shopping->customers().SetPostcode("alice", "75011");
  d.Launch();
  CHECK(Contains(d.Intent("PlaceOrder", {{"fulfillment", "delivery"}}).speech,
                 "Votre liste est vide"));

  FillList(d);
  d.Intent("PlaceOrder", {{"fulfillment", "express"}});
  d.Intent("Fallback", {}, "le premier");
  // While the customer hesitates, others take the last places of the slot.
  auto slot = d.shopping->orders().FreeSlots("paris-express", "express", 0, 1)->front();
  for (int i = slot.booked; i < slot.capacity; ++i) {
    std::string other = "other" + std::to_string(i);
    d.shopping->lists().Add(other, "BAGUETTE-TRADITION", 1);
    REQUIRE(d.shopping->orders().Place(other, slot.id, "o" + std::to_string(i)).ok());
  }
  auto& full = d.Text("oui");
  CHECK(Contains(full.speech, "Ce créneau vient d'être complet."));
  CHECK(Contains(full.speech, "entre midi et 13 heures"));
  CHECK(d.shopping->orders().Orders("alice")->empty());
  d.Intent("Fallback", {}, "le premier");
  d.Text("oui");
  CHECK(d.shopping->orders().Orders("alice")->size() == 1);
}

TEST_CASE("express only where the dark store delivers", "[dialog][shopping][order]") {
  ShoppingDialog d;
  FillList(d);
  d.shopping->customers().SetPostcode("alice", "69003");
  d.Launch();
  auto& reply = d.Intent("PlaceOrder", {{"fulfillment", "express"}});
  CHECK(Contains(reply.speech, "L'express n'est pas disponible au 69003"));
  auto& slots = d.Intent("Fallback", {}, "retrait en magasin");
  CHECK(Contains(slots.speech, "Je peux proposer"));
  d.Intent("Fallback", {}, "le premier");
  CHECK(Contains(d.last.speech, "Chariot Lyon Part-Dieu"));
}

TEST_CASE("a day and part of day said are honoured", "[dialog][shopping][order]") {
  ShoppingDialog d;
  FillList(d);
  d.shopping->customers().SetPostcode("alice", "75011");
  d.Launch();
  auto& reply =
      d.Intent("PlaceOrder",
               {{"fulfillment", "delivery"}, {"date", "2026-11-28"}, {"part_of_day", "evening"}});
  CHECK(
      Contains(reply.speech,
               "samedi 28 novembre entre 18 heures et 20 heures ou entre 20 heures et 22 heures"));
  CHECK_FALSE(Contains(reply.speech, "vendredi"));
}

TEST_CASE("an Alexa user without a linked account keeps the list but must link to order",
          "[dialog][shopping][order]") {
  ShoppingDialog d;
  d.account_linked = false;
  d.Launch();
  d.Intent("AddItem", {{"product", "baguette tradition"}});
  CHECK(d.List().size() == 1);
  auto& reply = d.Intent("PlaceOrder", {{"fulfillment", "delivery"}});
  CHECK(reply.handoff == Handoff::kLinkAccount);
  CHECK(Contains(reply.speech, "lier votre compte"));
  CHECK_FALSE(reply.card_title.empty());
  CHECK(d.List().size() == 1);
}

TEST_CASE("order status and cancellation before the cut-off only", "[dialog][shopping][order]") {
  ShoppingDialog d;
  d.Launch();
  CHECK(Contains(d.Intent("OrderStatus").speech, "pas de commande en cours"));
  FillList(d);
  d.shopping->customers().SetPostcode("alice", "75011");
  auto slot = d.shopping->orders().FreeSlots("paris-republique", "delivery", 0, 1)->front();
  auto placed = d.shopping->orders().Place("alice", slot.id, "k");
  REQUIRE(placed.ok());

  auto& status = d.Intent("OrderStatus");
  CHECK(Contains(status.speech,
                 "Votre commande numéro 1 est confirmée : livraison à domicile, "
                 "lundi 23 novembre entre 14 heures et 16 heures, pour huit euros trente-sept."));
  auto& ask = d.Intent("CancelOrder");
  CHECK(Contains(ask.speech, "Voulez-vous annuler la commande numéro 1"));
  d.Text("non");
  CHECK(d.shopping->orders().Orders("alice")->front().status == "confirmed");

  SECTION("confirmed: cancelled") {
    d.Intent("CancelOrder");
    CHECK(Contains(d.Text("oui").speech, "La commande numéro 1 est annulée"));
    CHECK(d.shopping->orders().Orders("alice")->front().status == "cancelled");
  }
  SECTION("after the cut-off: refused") {
    d.clock.Set(slot.cutoff_at + 60);
    CHECK(Contains(d.Intent("CancelOrder").speech, "trop tard"));
    CHECK(d.shopping->orders().Orders("alice")->front().status == "confirmed");
  }
  SECTION("the cut-off passes while the customer answers") {
    d.clock.Set(slot.cutoff_at - 60);
    d.Intent("CancelOrder");
    d.clock.Set(slot.cutoff_at + 60);
    CHECK(Contains(d.Text("oui").speech, "trop tard"));
    CHECK(d.shopping->orders().Orders("alice")->front().status == "confirmed");
  }
}
