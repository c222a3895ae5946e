// Click & collect after the guided steps: the DIY product that usually fixes the problem (a tap
// washer, a spark plug), found in the catalog from data/support/products.json and added to the
// customer's list on an explicit "oui", to be picked up in store.
#include <cstdio>

#include "commerce/shopping_service.h"
#include "core/product_resolver.h"
#include "dialog/flows/support_flow.h"

namespace chariot::dialog::support_flow {

bool OfferProduct(Context& c, Response& r) {
  if (c.services.support == nullptr || c.services.products == nullptr ||
      c.services.shopping == nullptr) {
    return false;
  }
  const auto& hints = c.services.support->knowledge().products;
  auto it = hints.find(Memory(c).value("problem", std::string()));
  if (it == hints.end()) return false;
  for (const support::ProductHint& hint : it->second) {
    auto words = hint.words.find(c.session.locale);
    if (words == hint.words.end()) continue;
    auto matches =
        c.services.products->Resolve(words->second, c.session.locale, c.session.user_id, 5);
    if (matches.empty()) continue;
    const ProductMatch* chosen = &matches.front();
    for (const auto& match : matches) {
      if (!hint.sku.empty() && match.sku == hint.sku) chosen = &match;
    }
    Memory(c)["product"] = {{"sku", chosen->sku}, {"name", chosen->name}};
    Ask(c, r, kProduct, "support.product_offer", "support.product_offer_reprompt",
        {{"product", chosen->name}});
    return true;
  }
  return false;
}

void OnProductAnswer(Context& c, Response& r, bool yes) {
  nlohmann::json product = Memory(c).value("product", nlohmann::json::object());
  Memory(c).erase("product");
  if (yes && c.services.shopping != nullptr && product.contains("sku")) {
    auto added =
        c.services.shopping->lists().Add(c.session.user_id, product.value("sku", std::string()), 1);
    if (added.ok()) {
      r.speech.Say(c.Say("support.product_added"));
    } else {
      std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"support_product_add_failed\"}\n");
      r.speech.Say(c.Say("support.product_not_added"));
    }
  }
  OfferAdvisor(c, r);
}

void RegisterProducts(Router& router) {
  router.On(kProduct, "Yes", [](Context& c, Response& r) { OnProductAnswer(c, r, true); });
  router.On(kProduct, "No", [](Context& c, Response& r) { OnProductAnswer(c, r, false); });
  router.On(kProduct, "Fallback", YesNoFallback(OnProductAnswer, "support.product_offer_reprompt"));
}

}  // namespace chariot::dialog::support_flow
