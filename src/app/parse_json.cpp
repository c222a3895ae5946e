#include "app/parse_json.h"

#include <cstdlib>

namespace chariot::app {

nlohmann::json UnderstandingToJson(std::string_view text, const nlu::Understanding& understanding,
                                   const ProductResolver* resolver, std::string_view locale) {
  nlohmann::json slots = nlohmann::json::object();
  for (const auto& [name, value] : understanding.slots) {
    if (name == "quantity" || name == "score") {
      char* end = nullptr;
      double number = std::strtod(value.c_str(), &end);
      if (end != value.c_str() && *end == '\0') {
        if (name == "score") {
          slots[name] = static_cast<int>(number);
        } else {
          slots[name] = number;
        }
        continue;
      }
    }
    slots[name] = value;
  }
  auto product = understanding.slots.find("product");
  if (resolver != nullptr && product != understanding.slots.end()) {
    auto matches = resolver->Resolve(product->second, locale, "", 2);
    if (matches.size() == 1 || (matches.size() > 1 && matches[0].score > matches[1].score * 1.5)) {
      slots["sku"] = matches[0].sku;
      slots["product_name"] = matches[0].name;
    }
  }
  return {{"text", std::string(text)},
          {"intent", understanding.intent},
          {"confidence", understanding.confidence},
          {"slots", slots}};
}

}  // namespace chariot::app
