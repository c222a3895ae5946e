// The shopping flow, catalog part: price and stock, where a product is in the customer's store,
// and "comme d'habitude".
#include "commerce/catalog_service.h"
#include "commerce/spoken_item.h"
#include "core/spoken.h"
#include "dialog/flows/shopping_common.h"

namespace chariot::dialog::shopping {
namespace {

void ProductInfo(Context& c, Response& r) {
  c.session.Visit("shopping");
  ResolveThen(c, r, c.Slot("product"), "info", "", "");
}

void ProductLocation(Context& c, Response& r) {
  c.session.Visit("shopping");
  ResolveThen(c, r, c.Slot("product"), "location", "", "");
}

void ReorderUsual(Context& c, Response& r) {
  c.session.Visit("shopping");
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  c.session.state.clear();
  auto basket = shopping->orders().UsualBasket(CustomerId(c));
  if (!basket.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  if (basket->empty()) {
    r.speech.Say(c.Say("shopping.usual_empty"));
    return;
  }
  // What is already on the list stays as it is; the rest of the usual basket is added.
  auto lines = shopping->lists().Lines(CustomerId(c));
  std::vector<std::string> said;
  for (const commerce::UsualItem& item : *basket) {
    bool there = false;
    if (lines.ok()) {
      for (const auto& line : *lines) there |= line.product.sku == item.sku;
    }
    if (there) continue;
    auto product = shopping->catalog().Product(item.sku);
    if (!product.ok()) continue;
    if (!shopping->lists().Add(CustomerId(c), item.sku, item.quantity).ok()) continue;
    said.push_back(commerce::SpokenItem(*product, item.quantity, Locale(c)));
  }
  if (said.empty()) {
    r.speech.Say(c.Say("shopping.start_with_list",
                       {{"count", CountArticles(c, lines.ok() ? lines->size() : 0)}}));
    return;
  }
  r.speech.Say(c.Say("shopping.usual_added", {{"items", JoinAnd(c, said)}}));
}

}  // namespace

void SayProductInfo(Context& c, Response& r, const store::Product& product) {
  std::string name = commerce::CatalogService::DisplayName(product, Locale(c));
  std::string price = SpokenPrice(product.price_cents, Locale(c));
  r.speech.Say(c.Say(product.sold_by == "weight" ? "shopping.price_weight" : "shopping.price",
                     {{"name", name}, {"price", price}}));
  r.speech.Say(c.Say(product.stock > 0 ? "shopping.in_stock" : "shopping.out_of_stock"));
  r.speech.Say(c.Say("shopping.anything_else"));
}

void SayProductLocation(Context& c, Response& r, const store::Product& product) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  auto customer = shopping->customers().Visit(CustomerId(c), Locale(c));
  std::string store_id = customer.ok() ? customer->customer.preferred_store : "";
  if (store_id.empty()) {
    // Which store? The postcode tells; then the answer comes.
    Memory(c)["after_postcode"] = {{"purpose", "location"}, {"sku", product.sku}};
    c.session.state = kPostcode;
    r.speech.Say(c.Say("shopping.ask_postcode"));
    r.reprompt.Say(c.Say("shopping.bad_postcode"));
    return;
  }
  auto store = shopping->catalog().Store(store_id);
  auto aisle = shopping->catalog().AisleOf(store_id, product);
  if (!store.ok() || !aisle.ok() || !aisle->has_value()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  bool english = Locale(c).rfind("en", 0) == 0;
  r.speech.Say(c.Say("shopping.location",
                     {{"name", commerce::CatalogService::DisplayName(product, Locale(c))},
                      {"aisle", std::to_string((*aisle)->aisle)},
                      {"section", english ? (*aisle)->section_en : (*aisle)->section},
                      {"store", store->name}}));
  r.speech.Say(c.Say("shopping.anything_else"));
}

void RegisterCatalogHandlers(Router& router) {
  router.On(kAnyState, "ProductInfo", ProductInfo);
  router.On(kAnyState, "ProductLocation", ProductLocation);
  router.On(kAnyState, "ReorderUsual", ReorderUsual);
}

}  // namespace chariot::dialog::shopping
