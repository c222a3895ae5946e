// Shared pieces of the shopping flow's handlers (shopping*.cpp): the flow's memory in
// session.data["shopping"], the customer, and the sentences every part needs.
//
// Flow memory (session.data["shopping"]):
//   which:    {"options":[sku...], "quantity":"2", "unit":"l",
//   "purpose":"add|info|location|remove"} suggest:  {"sku", "quantity", "unit", "purpose"}   a
//   product offered for a yes/no last_add: {"sku", "added", "alternatives":[sku...]}  for "non, pas
//   celui-là" / "plutôt trois" read_offset: next list line to read order:    {"fulfillment",
//   "store_id", "slot_ids":[...], "offset", "slot_id", "token",
//              "date", "part_of_day"}
//   cancel_order_id, suggested (bool: the end-of-list suggestion was made)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commerce/shopping_service.h"
#include "dialog/context.h"
#include "dialog/router.h"

namespace chariot::dialog::shopping {

// States of the flow.
inline constexpr const char* kWhich = "shopping.which";
inline constexpr const char* kSuggest = "shopping.suggest";
inline constexpr const char* kAdded = "shopping.added";
inline constexpr const char* kReading = "shopping.reading";
inline constexpr const char* kConfirmClear = "shopping.confirm_clear";
inline constexpr const char* kFulfillment = "shopping.fulfillment";
inline constexpr const char* kPostcode = "shopping.postcode";
inline constexpr const char* kSlot = "shopping.slot";
inline constexpr const char* kConfirmOrder = "shopping.confirm_order";
inline constexpr const char* kConfirmCancel = "shopping.confirm_cancel";

nlohmann::json& Memory(Context& c);
// The service, or nullptr after saying it is unavailable.
commerce::ShoppingService* Service(Context& c, Response& r);
const std::string& CustomerId(const Context& c);
const std::string& Locale(const Context& c);

// "trois articles" / "un article".
std::string CountArticles(Context& c, size_t count);
// "A, B ou C" with the locale's "ou".
std::string JoinOr(Context& c, const std::vector<std::string>& parts);
// "A, B et C".
std::string JoinAnd(Context& c, const std::vector<std::string>& parts);
// The choices among product names, common leading words said once:
// "Lait demi-écrémé, entier ou d'avoine".
std::string ChoiceOfNames(Context& c, const std::vector<std::string>& names);
// 1-based position said ("le deuxième", "the second", "2", "le dernier" -> count); 0 when none.
int OrdinalSaid(const std::string& text, size_t count);
// Yes or no, from the intent or, when the words were not understood, from the words themselves
// ("oui", "non, pas celui-là", "yes please"): 1 yes, -1 no, 0 neither.
int YesOrNo(const Context& c);
// The words ask for more ("la suite", "next", "d'autres").
bool AsksForMore(const Context& c);
// A small count said in the words ("plutôt trois", "make it 2") as a decimal string; "" if none.
std::string NumberInText(const std::string& text);
// The option whose name best matches the words said (unique best), or -1.
int OptionNamed(const std::string& text, const std::vector<std::string>& names);

// Adds the product with the quantity said and speaks the implicit confirmation. Moves the
// conversation to kAdded (so "non, pas celui-là" and "plutôt trois" work next).
void AddAndConfirm(Context& c, Response& r, const store::Product& product,
                   const std::string& quantity, const std::string& unit,
                   const std::vector<std::string>& alternatives);

// Resolves the words for a purpose ("add", "info", "location", "remove") and, when one product
// fits, runs the purpose; several -> asks which (kWhich); none -> says so and offers the closest.
void ResolveThen(Context& c, Response& r, const std::string& words, const std::string& purpose,
                 const std::string& quantity, const std::string& unit);
// Runs a purpose on a chosen product.
void RunPurpose(Context& c, Response& r, const store::Product& product, const std::string& purpose,
                const std::string& quantity, const std::string& unit,
                const std::vector<std::string>& alternatives);

// Product facts (shopping_catalog.cpp).
void SayProductInfo(Context& c, Response& r, const store::Product& product);
void SayProductLocation(Context& c, Response& r, const store::Product& product);
// List reading (shopping_list.cpp).
void ReadListFrom(Context& c, Response& r, size_t offset);
void RemoveProduct(Context& c, Response& r, const store::Product& product);

// Registration of each part.
void RegisterListHandlers(Router& router);
void RegisterCatalogHandlers(Router& router);
void RegisterOrderHandlers(Router& router);

}  // namespace chariot::dialog::shopping
