// The dialog engine with the real shopping flow, the demo catalog and a fixed clock, driven with
// Turns (mostly kIntent with explicit slots, so the tests do not depend on the grammar).
#pragma once

#include <catch2/catch.hpp>
#include <map>

#include "commerce/commerce_fixture.h"
#include "dialog/engine.h"
#include "store/sqlite/sqlite_session_store.h"

namespace chariot::testing {

// Understands a few phrases exactly, for the kText turns of these tests.
class ShoppingPhraseBook : public nlu::Parser {
 public:
  nlu::Understanding Parse(std::string_view text, std::string_view, int64_t) const override {
    nlu::Understanding u;
    std::string t(text);
    if (t == "ajoute deux litres de lait demi-écrémé") {
      u.intent = "AddItem";
      u.slots = {{"product", "lait demi-écrémé"}, {"quantity", "2"}, {"unit", "l"}};
    } else if (t == "oui") {
      u.intent = "Yes";
    } else if (t == "non" || t == "non, pas celui-là") {
      u.intent = "No";
    } else if (t == "la suite") {
      u.intent = "Next";
    } else if (t == "c'est tout") {
      u.intent = "Done";
    } else if (t == "stop") {
      u.intent = "Stop";
    }
    u.confidence = u.intent == "Fallback" ? 0 : 1;
    return u;
  }
  std::vector<std::string> Locales() const override { return {"fr-FR", "en-US"}; }
};

struct ShoppingDialog : CommerceFixture {
  std::unique_ptr<store::SqliteSessionStore> sessions;
  ShoppingPhraseBook parser;
  dialog::Prompts prompts;
  std::unique_ptr<dialog::Engine> engine;
  std::string session_id;
  std::string user = "alice";
  std::string locale = "fr-FR";
  bool account_linked = true;
  Reply last;

  ShoppingDialog() {
    sessions = std::make_unique<store::SqliteSessionStore>(*db);
    auto loaded = dialog::Prompts::Load(app::ResolveResourcePaths().intents_dir);
    REQUIRE(loaded.ok());
    prompts = *loaded;
    dialog::Services services;
    services.products = &shopping->resolver();
    services.shopping = shopping.get();
    engine = std::make_unique<dialog::Engine>(parser, prompts, services, *sessions, nullptr, clock);
  }

  Turn Base(TurnKind kind) {
    Turn turn;
    turn.kind = kind;
    turn.channel = "api";
    turn.locale = locale;
    turn.user_id = user;
    turn.session_id = session_id;
    turn.account_linked = account_linked;
    return turn;
  }
  const Reply& Send(const Turn& turn) {
    last = engine->Handle(turn);
    session_id = last.end_session ? "" : last.session_id;
    return last;
  }
  const Reply& Launch() { return Send(Base(TurnKind::kLaunch)); }
  // An intent understood by the platform, with the words said.
  const Reply& Intent(const std::string& intent, Slots slots = {}, const std::string& text = "") {
    Turn turn = Base(TurnKind::kIntent);
    turn.intent = intent;
    turn.slots = std::move(slots);
    turn.text = text;
    return Send(turn);
  }
  // Free words, understood by our parser (the phrase book above) or read in context.
  const Reply& Text(const std::string& text) {
    Turn turn = Base(TurnKind::kText);
    turn.text = text;
    return Send(turn);
  }
  std::vector<commerce::ListLine> List() { return *shopping->lists().Lines(user); }
  double QuantityOf(const std::string& sku) {
    for (const auto& line : List()) {
      if (line.product.sku == sku) return line.quantity;
    }
    return 0;
  }
};

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace chariot::testing
