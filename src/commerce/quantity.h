// Quantity: from what the customer said ("deux litres", "six", "un kilo et demi", "trois
// bouteilles") to the quantity kept on the list for a product: a whole number of units sold for
// products sold by the unit, kilos for weighed ones.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>

#include "store/catalog_store.h"

namespace chariot::commerce {

inline constexpr double kMaxUnitsPerItem = 99;
inline constexpr double kMaxKilosPerItem = 20;

// said_quantity: the slot ("2", "1.5"), "" when none was said (one unit, or one kilo).
// said_unit: g kg ml cl l bottle pack box can jar bunch slice, or "".
// nullopt when the quantity is not a positive finite number or exceeds the limits above.
std::optional<double> ListQuantity(const store::Product& product, const std::string& said_quantity,
                                   const std::string& said_unit);

// The largest quantity the list keeps for this product.
double MaxQuantity(const store::Product& product);

// The price of a list line in cents, as the order will charge it (weighed: quantity x price per
// kilo, rounded to the cent; by the unit: units x price).
int64_t LinePriceCents(const store::Product& product, double quantity);

// Parses a positive decimal number ("2", "1.5", "1,5"); nullopt otherwise.
std::optional<double> ParseQuantity(const std::string& text);

}  // namespace chariot::commerce
