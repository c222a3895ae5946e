// The shopping flow, list part: welcome, adding with its choices and corrections, removing,
// reading three at a time, clearing.
#include <cmath>

#include "commerce/quantity.h"
#include "commerce/spoken_item.h"
#include "commerce/text_fold.h"
#include "dialog/flows/shopping_common.h"

namespace chariot::dialog::shopping {
namespace {

constexpr size_t kReadPage = 3;

std::vector<std::string> StringsOf(const nlohmann::json& array) {
  std::vector<std::string> out;
  if (!array.is_array()) return out;
  for (const auto& v : array) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

// Launch: first time, returning with a list in progress, or returning.
void Welcome(Context& c, Response& r) {
  commerce::ShoppingService* shopping = c.services.shopping;
  if (!shopping) {
    r.speech.Say(c.Say("core.welcome"));
    return;
  }
  auto visit = shopping->customers().Visit(CustomerId(c), Locale(c));
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (visit.ok() && visit->first_time) {
    r.speech.Say(c.Say("shopping.welcome_first"));
  } else if (lines.ok() && !lines->empty()) {
    r.speech.Say(c.Say("shopping.welcome_back_list", {{"count", CountArticles(c, lines->size())}}));
  } else {
    r.speech.Say(c.Say("shopping.welcome_back"));
  }
  r.reprompt.Say(c.Say("core.help"));
}

void StartShopping(Context& c, Response& r) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  c.session.Visit("shopping");
  c.session.state.clear();
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (lines.ok() && !lines->empty()) {
    r.speech.Say(c.Say("shopping.start_with_list", {{"count", CountArticles(c, lines->size())}}));
  } else {
    r.speech.Say(c.Say("shopping.start"));
  }
}

void AddItem(Context& c, Response& r) {
  c.session.Visit("shopping");
  ResolveThen(c, r, c.Slot("product"), "add", c.Slot("quantity"), c.Slot("unit"));
}

// In kWhich: "le deuxième", "entier", "aucun".
void AnswerWhich(Context& c, Response& r) {
  nlohmann::json which = Memory(c).value("which", nlohmann::json::object());
  std::vector<std::string> skus = StringsOf(which.value("options", nlohmann::json::array()));
  std::vector<std::string> names = StringsOf(which.value("names", nlohmann::json::array()));
  if (c.intent == "No" || c.intent == "Cancel" ||
      commerce::FoldAccents(c.turn.text).rfind("aucun", 0) == 0 || YesOrNo(c) < 0) {
    Memory(c).erase("which");
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.which_none"));
    return;
  }
  std::string said = c.turn.text.empty() ? c.Slot("product") : c.turn.text;
  int index = OptionNamed(said, names);
  if (index < 0 && !c.Slot("product").empty()) index = OptionNamed(c.Slot("product"), names);
  if (index < 0) index = OrdinalSaid(said, skus.size()) - 1;
  if (index < 0 || index >= static_cast<int>(skus.size())) {
    // A new product named outright: start again with it.
    if (c.intent == "AddItem" && !c.Slot("product").empty()) return AddItem(c, r);
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.which_reprompt"));
    return;
  }
  auto product = c.services.shopping->catalog().Product(skus[index]);
  if (!product.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  std::vector<std::string> others;
  for (size_t i = 0; i < skus.size(); ++i) {
    if (static_cast<int>(i) != index) others.push_back(skus[i]);
  }
  std::string quantity =
      c.Slot("quantity").empty() ? which.value("quantity", "") : c.Slot("quantity");
  std::string unit = c.Slot("unit").empty() ? which.value("unit", "") : c.Slot("unit");
  RunPurpose(c, r, *product, which.value("purpose", "add"), quantity, unit, others);
}

// In kSuggest: yes adds (or answers about) the closest product offered.
void AnswerSuggest(Context& c, Response& r) {
  nlohmann::json suggest = Memory(c).value("suggest", nlohmann::json::object());
  Memory(c).erase("suggest");
  c.session.state.clear();
  if (YesOrNo(c) <= 0) {
    r.speech.Say(c.Say("shopping.suggest_declined"));
    return;
  }
  auto product = c.services.shopping->catalog().Product(suggest.value("sku", ""));
  if (!product.ok()) {
    r.speech.Say(c.Say("shopping.suggest_declined"));
    return;
  }
  RunPurpose(c, r, *product, suggest.value("purpose", "add"), suggest.value("quantity", ""),
             suggest.value("unit", ""), {});
}

// After an add, "non, pas celui-là": take it back and offer the other candidates.
void UndoLastAdd(Context& c, Response& r) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  nlohmann::json last = Memory(c).value("last_add", nlohmann::json::object());
  Memory(c).erase("last_add");
  c.session.state.clear();
  auto product = shopping->catalog().Product(last.value("sku", ""));
  if (!product.ok()) {
    r.finish = true;  // nothing to undo: "non" is the end of the conversation
    return;
  }
  double added = last.value("added", 0.0);
  auto lines = shopping->lists().Lines(CustomerId(c));
  double now_on_list = 0;
  if (lines.ok()) {
    for (const auto& line : *lines) {
      if (line.product.sku == product->sku) now_on_list = line.quantity;
    }
  }
  if (now_on_list - added > 1e-9) {
    shopping->lists().Set(CustomerId(c), product->sku, now_on_list - added);
  } else if (now_on_list > 0) {
    shopping->lists().Remove(CustomerId(c), product->sku);
  }
  std::vector<std::string> alternatives =
      StringsOf(last.value("alternatives", nlohmann::json::array()));
  auto others = shopping->catalog().Products(alternatives);
  if (others.ok() && !others->empty()) {
    std::vector<std::string> names;
    nlohmann::json options = nlohmann::json::array();
    for (const std::string& sku : alternatives) {
      auto it = others->find(sku);
      if (it == others->end()) continue;
      names.push_back(Locale(c).rfind("en", 0) == 0 ? it->second.name_en : it->second.name);
      options.push_back(sku);
    }
    Memory(c)["which"] = {
        {"options", options}, {"names", names}, {"quantity", ""}, {"unit", ""}, {"purpose", "add"}};
    c.session.state = kWhich;
    std::string choices = ChoiceOfNames(c, names);
    // Mid-sentence: "plutôt lait demi-écrémé" (names keep their capitals otherwise: "Golden").
    if (!choices.empty() && choices[0] >= 'A' && choices[0] <= 'Z' &&
        Locale(c).rfind("en", 0) != 0) {
      choices[0] = static_cast<char>(choices[0] - 'A' + 'a');
    }
    r.speech.Say(
        c.Say("shopping.undone_alternatives",
              {{"item", commerce::SpokenItem(*product, added, Locale(c))}, {"options", choices}}));
    r.reprompt.Say(c.Say("shopping.which_reprompt"));
    return;
  }
  r.speech.Say(
      c.Say("shopping.undone", {{"item", commerce::SpokenItem(*product, added, Locale(c))}}));
  r.speech.Say(c.Say("shopping.anything_else"));
}

// After an add, "plutôt trois" (an AddItem or an answer with a quantity but no product): the
// quantity of the last product becomes what was said.
bool ChangeLastQuantity(Context& c, Response& r) {
  std::string quantity = c.Slot("quantity");
  if (quantity.empty() && c.intent == "Fallback") quantity = NumberInText(c.turn.text);
  if (quantity.empty() || !c.Slot("product").empty()) return false;
  nlohmann::json last = Memory(c).value("last_add", nlohmann::json::object());
  auto product = c.services.shopping->catalog().Product(last.value("sku", ""));
  if (!product.ok()) return false;
  auto amount = commerce::ListQuantity(*product, quantity, c.Slot("unit"));
  if (!amount) {
    r.speech.Say(c.Say("shopping.bad_quantity"));
    return true;
  }
  if (!c.services.shopping->lists().Set(CustomerId(c), product->sku, *amount).ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return true;
  }
  Memory(c)["last_add"]["added"] = *amount;
  r.speech.Say(c.Say("shopping.quantity_changed",
                     {{"item", commerce::SpokenItem(*product, *amount, Locale(c))}}));
  r.speech.Say(c.Say("shopping.anything_else"));
  return true;
}

void AddedThenAddItem(Context& c, Response& r) {
  if (c.services.shopping && ChangeLastQuantity(c, r)) return;
  AddItem(c, r);
}

void AddedThenNo(Context& c, Response& r);

void AddedThenFallback(Context& c, Response& r) {
  // "non, pas celui-là" and "plutôt trois" may arrive without an intent.
  if (YesOrNo(c) < 0) return AddedThenNo(c, r);
  if (c.services.shopping && ChangeLastQuantity(c, r)) return;
  c.session.state.clear();
  r.not_understood = true;
  r.speech.Say(c.Say("core.not_understood_1"));
}

void AddedThenNo(Context& c, Response& r) {
  // "non merci" ends; "non, pas celui-là" corrects. The words tell them apart.
  std::string text = " " + c.turn.text + " ";
  for (const char* done : {"merci", "c'est tout", "thanks", "that's all", "that's it"}) {
    if (text.find(done) != std::string::npos) {
      c.session.state.clear();
      r.finish = true;
      return;
    }
  }
  UndoLastAdd(c, r);
}

void RemoveItem(Context& c, Response& r) {
  c.session.Visit("shopping");
  std::string words = c.Slot("product");
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  // Prefer what is on the list: "enlève le lait" removes the milk there, whatever its kind.
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (lines.ok() && !words.empty()) {
    auto found = shopping->catalog().Find(words, Locale(c), CustomerId(c), 10);
    for (const auto& candidate : found) {
      if (!candidate.exact) continue;
      for (const auto& line : *lines) {
        if (line.product.sku == candidate.product.sku) return RemoveProduct(c, r, line.product);
      }
    }
    // Same name, another size on the list.
    for (const auto& candidate : found) {
      for (const auto& line : *lines) {
        if (candidate.exact && line.product.name == candidate.product.name) {
          return RemoveProduct(c, r, line.product);
        }
      }
    }
  }
  ResolveThen(c, r, words, "remove", "", "");
}

void ReadList(Context& c, Response& r) {
  c.session.Visit("shopping");
  ReadListFrom(c, r, 0);
}

void StopReading(Context& c, Response& r);

void ReadNext(Context& c, Response& r) {
  if (c.intent != "Next" && !AsksForMore(c) && YesOrNo(c) <= 0) {
    if (YesOrNo(c) < 0) return StopReading(c, r);
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.list_more"));
    return;
  }
  size_t offset = Memory(c).value("read_offset", 0);
  ReadListFrom(c, r, offset);
}

void StopReading(Context& c, Response& r) {
  c.session.state.clear();
  Memory(c).erase("read_offset");
  r.speech.Say(c.Say("shopping.anything_else"));
}

void ClearList(Context& c, Response& r) {
  c.session.Visit("shopping");
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (!lines.ok() || lines->empty()) {
    r.speech.Say(c.Say("shopping.list_empty"));
    return;
  }
  c.session.state = kConfirmClear;
  r.speech.Say(c.Say("shopping.clear_confirm", {{"count", CountArticles(c, lines->size())}}));
  r.reprompt.Say(c.Say("shopping.yes_no"));
}

void ConfirmClear(Context& c, Response& r) {
  if (YesOrNo(c) == 0) {
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.yes_no"));
    return;
  }
  c.session.state.clear();
  if (YesOrNo(c) < 0) {
    r.speech.Say(c.Say("shopping.clear_kept"));
    return;
  }
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  if (!shopping->lists().Clear(CustomerId(c)).ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  r.speech.Say(c.Say("shopping.cleared"));
}

}  // namespace

void RemoveProduct(Context& c, Response& r, const store::Product& product) {
  c.session.state.clear();
  Status removed = c.services.shopping->lists().Remove(CustomerId(c), product.sku);
  std::string name = commerce::TheName(product, Locale(c));
  if (removed.code() == StatusCode::kNotFound) {
    r.speech.Say(c.Say("shopping.not_on_list", {{"name", name}}));
  } else if (!removed.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  } else {
    r.speech.Say(c.Say("shopping.removed", {{"name", name}}));
  }
  r.speech.Say(c.Say("shopping.anything_else"));
}

void ReadListFrom(Context& c, Response& r, size_t offset) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (!lines.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  if (lines->empty()) {
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.list_empty"));
    return;
  }
  if (offset >= lines->size()) offset = 0;
  if (offset == 0)
    r.speech.Say(c.Say("shopping.list_intro", {{"count", CountArticles(c, lines->size())}}));
  std::vector<std::string> items;
  size_t end = std::min(lines->size(), offset + kReadPage);
  for (size_t i = offset; i < end; ++i) {
    items.push_back(commerce::SpokenItem((*lines)[i].product, (*lines)[i].quantity, Locale(c)));
  }
  r.speech.Say(JoinAnd(c, items) + ".");
  if (end < lines->size()) {
    Memory(c)["read_offset"] = end;
    c.session.state = kReading;
    r.speech.Say(c.Say("shopping.list_more"));
    r.reprompt.Say(c.Say("shopping.list_more"));
    return;
  }
  Memory(c).erase("read_offset");
  c.session.state.clear();
  r.speech.Say(c.Say("shopping.list_end"));
  // One suggestion per session: something often bought and not on the list.
  if (!Memory(c).value("suggested", false)) {
    std::vector<std::string> skus;
    for (const auto& line : *lines) skus.push_back(line.product.sku);
    auto suggestion = shopping->orders().Suggestion(CustomerId(c), skus);
    if (suggestion.ok() && suggestion->has_value()) {
      auto product = shopping->catalog().Product(**suggestion);
      if (product.ok()) {
        Memory(c)["suggested"] = true;
        Memory(c)["suggest"] = {
            {"sku", product->sku}, {"quantity", ""}, {"unit", ""}, {"purpose", "add"}};
        c.session.state = kSuggest;
        r.speech.Say(c.Say("shopping.suggest_usual",
                           {{"item", commerce::SpokenItem(*product, 1, Locale(c))}}));
        r.reprompt.Say(c.Say("shopping.suggest_reprompt"));
        return;
      }
    }
  }
  r.speech.Say(c.Say("shopping.anything_else"));
}

void RegisterListHandlers(Router& router) {
  router.On(kAnyState, "Launch", Welcome);
  router.On(kAnyState, "StartShopping", StartShopping);
  router.On(kAnyState, "AddItem", AddItem);
  router.On(kAnyState, "RemoveItem", RemoveItem);
  router.On(kAnyState, "ReadList", ReadList);
  router.On(kAnyState, "ClearList", ClearList);

  // Answers to "lequel ?" come as whatever the words looked like out of context ("le premier"
  // reads as a date, so as PlaceOrder).
  for (const char* intent : {"Fallback", "AddItem", "ProductInfo", "No", "Next", "RemoveItem",
                             "GiveRating", "PlaceOrder"}) {
    router.On(kWhich, intent, AnswerWhich);
  }
  router.On(kSuggest, "Yes", AnswerSuggest);
  router.On(kSuggest, "No", AnswerSuggest);
  router.On(kSuggest, "Fallback", AnswerSuggest);

  router.On(kAdded, "No", AddedThenNo);
  router.On(kAdded, "AddItem", AddedThenAddItem);
  router.On(kAdded, "Fallback", AddedThenFallback);
  router.On(kAdded, "GiveRating", AddedThenFallback);  // "plutôt trois" read as a bare number

  router.On(kReading, "Next", ReadNext);
  router.On(kReading, "Yes", ReadNext);
  router.On(kReading, "No", StopReading);
  router.On(kReading, "Fallback", ReadNext);

  router.On(kConfirmClear, "Yes", ConfirmClear);
  router.On(kConfirmClear, "No", ConfirmClear);
  router.On(kConfirmClear, "Fallback", ConfirmClear);
}

}  // namespace chariot::dialog::shopping
