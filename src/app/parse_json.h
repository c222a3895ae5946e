// The JSON shape of `chariot parse` and POST /v1/parse (CONTRACTS.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/product_resolver.h"
#include "nlu/parser.h"

namespace chariot::app {

// {"text","intent","confidence","slots":{...}}; quantity and score as numbers; "sku" and
// "product_name" beside "product" when resolver finds one clear match. resolver may be null.
nlohmann::json UnderstandingToJson(std::string_view text, const nlu::Understanding& understanding,
                                   const ProductResolver* resolver, std::string_view locale);

}  // namespace chariot::app
