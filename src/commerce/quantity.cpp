#include "commerce/quantity.h"

#include <cmath>
#include <cstdlib>

namespace chariot::commerce {
namespace {

// Grams or millilitres in one of the unit (0 when the unit is not a measure).
double BaseAmount(const std::string& unit) {
  if (unit == "g" || unit == "ml") return 1;
  if (unit == "cl") return 10;
  if (unit == "kg" || unit == "l") return 1000;
  return 0;
}

bool SameDimension(const std::string& a, const std::string& b) {
  auto mass = [](const std::string& u) { return u == "g" || u == "kg"; };
  auto volume = [](const std::string& u) { return u == "ml" || u == "cl" || u == "l"; };
  return (mass(a) && mass(b)) || (volume(a) && volume(b));
}

}  // namespace

int64_t LinePriceCents(const store::Product& product, double quantity) {
  if (product.sold_by == "weight") return std::llround(quantity * product.price_cents);
  int64_t units = std::llround(quantity);
  return (units < 1 ? 1 : units) * product.price_cents;
}

std::optional<double> ParseQuantity(const std::string& text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  std::string copy = text;
  for (char& c : copy) {
    if (c == ',') c = '.';
  }
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end == copy.c_str() || *end != '\0' || !std::isfinite(value) || value <= 0)
    return std::nullopt;
  return value;
}

double MaxQuantity(const store::Product& product) {
  return product.sold_by == "weight" ? kMaxKilosPerItem : kMaxUnitsPerItem;
}

std::optional<double> ListQuantity(const store::Product& product, const std::string& said_quantity,
                                   const std::string& said_unit) {
  double amount = 1;
  if (!said_quantity.empty()) {
    auto parsed = ParseQuantity(said_quantity);
    if (!parsed) return std::nullopt;
    amount = *parsed;
  }
  double quantity = 0;
  if (product.sold_by == "weight") {
    // Kilos: "500 grammes" -> 0.5; a bare number is taken as kilos ("deux" bananes -> 2 kg),
    // which the implicit confirmation says aloud so the customer can correct it.
    if (said_unit == "g") {
      quantity = amount / 1000;
    } else {
      quantity = amount;
    }
    quantity = std::round(quantity * 100) / 100;
  } else if (BaseAmount(said_unit) > 0 && SameDimension(said_unit, product.unit)) {
    // "deux litres" of a 1 L bottle -> 2 bottles; "500 g" of a 1 kg bag -> 1 bag.
    double wanted = amount * BaseAmount(said_unit);
    double per_unit = product.size * BaseAmount(product.unit);
    quantity = std::ceil(wanted / per_unit - 1e-9);
  } else if (said_unit.empty() && product.unit == "piece" && product.size > 1 &&
             !product.each_name.empty()) {
    // "six œufs" of a box of 6 -> 1 box; "douze œufs" -> 2 boxes.
    quantity = std::ceil(amount / product.size - 1e-9);
  } else if (said_unit == "slice" && product.unit == "piece" && product.size > 1) {
    quantity = std::ceil(amount / product.size - 1e-9);
  } else {
    // A count of what is sold ("trois bouteilles", "deux baguettes"); fractions round up.
    quantity = std::ceil(amount - 1e-9);
  }
  if (quantity <= 0) quantity = product.sold_by == "weight" ? 0.01 : 1;
  if (quantity > MaxQuantity(product)) return std::nullopt;
  return quantity;
}

}  // namespace chariot::commerce
