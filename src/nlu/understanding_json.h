// UnderstandingToJson: the JSON shape of `chariot parse` and POST /v1/parse (CONTRACTS.md).
//
//   {"text":"ajoute deux litres de lait","intent":"AddItem","confidence":0.97,
//    "slots":{"product":"lait","quantity":2,"unit":"l"}}
//
// quantity and score are JSON numbers; other slots are strings. When a resolver is given and
// the product words resolve to exactly one clear match, "sku" and "product_name" are added
// beside "product" in slots.
//
// Thread safety: pure; the resolver must be safe to call from the calling thread.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/product_resolver.h"
#include "nlu/parser.h"

namespace chariot::nlu {

nlohmann::json UnderstandingToJson(std::string_view text, const nlu::Understanding& understanding,
                                   const ProductResolver* resolver, std::string_view locale);

}  // namespace chariot::nlu
