// ListStore: each customer's shopping list, one row per product.
//
// Every change is one atomic statement on the row, so two channels (voice and the app) editing
// the same list at once both land: Add increments in SQL, it never reads-then-writes.
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::store {

struct ListItem {
  std::string sku;
  double quantity = 0;  // units for products sold by the unit, kilos for weighed ones
  int64_t added_at = 0;
  int64_t updated_at = 0;
};

class ListStore {
 public:
  virtual ~ListStore() = default;
  // Items in the order they were first added.
  virtual Result<std::vector<ListItem>> Items(const std::string& customer_id) = 0;
  // Adds quantity (> 0) to the item, creating it; returns the new quantity. InvalidArgument when
  // the result would exceed max_quantity (nothing changes); NotFound for an unknown sku.
  virtual Result<double> Add(const std::string& customer_id, const std::string& sku,
                             double quantity, double max_quantity, int64_t now) = 0;
  // Sets the quantity (> 0), creating the item when absent.
  virtual Status Set(const std::string& customer_id, const std::string& sku, double quantity,
                     int64_t now) = 0;
  // NotFound when the item was not on the list.
  virtual Status Remove(const std::string& customer_id, const std::string& sku) = 0;
  // Returns how many items were removed.
  virtual Result<int> Clear(const std::string& customer_id) = 0;
};

}  // namespace chariot::store
