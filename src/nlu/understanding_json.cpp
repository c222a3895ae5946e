#include "nlu/understanding_json.h"

#include <cmath>
#include <cstdlib>

namespace chariot::nlu {
namespace {

// A match is clear when it is alone, or when it scores well above the runner-up.
constexpr double kClearMargin = 1.5;

bool IsNumericSlot(const std::string& name) { return name == "quantity" || name == "score"; }

// The text as valid UTF-8 for the JSON document (invalid bytes become U+FFFD), so dumping the
// answer can never throw.
std::string SafeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    bool valid = length > 0 && i + length <= text.size();
    uint32_t cp = length == 1   ? c
                  : length == 2 ? (c & 0x1F)
                  : length == 3 ? (c & 0x0F)
                                : (c & 0x07);
    for (size_t k = 1; valid && k < length; ++k) {
      unsigned char d = static_cast<unsigned char>(text[i + k]);
      valid = (d & 0xC0) == 0x80;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (valid) {
      static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      valid = cp >= kMin[length] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (valid) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

}  // namespace

nlohmann::json UnderstandingToJson(std::string_view text, const nlu::Understanding& understanding,
                                   const ProductResolver* resolver, std::string_view locale) {
  nlohmann::json slots = nlohmann::json::object();
  for (const auto& [name, value] : understanding.slots) {
    if (IsNumericSlot(name)) {
      char* end = nullptr;
      double number = std::strtod(value.c_str(), &end);
      if (end != nullptr && *end == '\0' && std::isfinite(number)) {
        if (number == std::floor(number) && std::fabs(number) < 1e15) {
          slots[name] = static_cast<int64_t>(number);
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
    std::vector<ProductMatch> matches = resolver->Resolve(product->second, locale, "", 2);
    bool clear = matches.size() == 1 || (matches.size() >= 2 && matches[0].score > 0 &&
                                         matches[0].score >= kClearMargin * matches[1].score);
    if (clear) {
      slots["sku"] = matches[0].sku;
      slots["product_name"] = matches[0].name;
    }
  }
  nlohmann::json out;
  out["text"] = SafeUtf8(text);
  out["intent"] = understanding.intent;
  out["confidence"] = std::round(understanding.confidence * 1000.0) / 1000.0;
  out["slots"] = std::move(slots);
  return out;
}

}  // namespace chariot::nlu
