// ListService: the customer's shopping list, shared by the voice and the app.
//
// Quantities are checked here (positive, finite, at most 99 units or 20 kilos a line) so every
// channel obeys the same rules; the store makes each change atomic.
//
// Thread safety: safe from many threads.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/catalog_store.h"
#include "store/list_store.h"

namespace chariot::commerce {

struct ListLine {
  store::Product product;
  double quantity = 0;
};

class ListService {
 public:
  ListService(store::ListStore& lists, store::CatalogStore& catalog, const Clock& clock)
      : lists_(lists), catalog_(catalog), clock_(clock) {}

  // The lines in the order they were added.
  Result<std::vector<ListLine>> Lines(const std::string& customer_id);
  // Adds quantity to the line (creating it); returns the line's new quantity. InvalidArgument
  // for a quantity <= 0, not finite or over the limit (nothing changes); NotFound: unknown sku.
  Result<double> Add(const std::string& customer_id, const std::string& sku, double quantity);
  // Sets the quantity of a line (creating it). Same errors as Add.
  Status Set(const std::string& customer_id, const std::string& sku, double quantity);
  // NotFound when the product was not on the list.
  Status Remove(const std::string& customer_id, const std::string& sku);
  // Returns how many lines were removed.
  Result<int> Clear(const std::string& customer_id);

 private:
  Result<store::Product> Check(const std::string& sku, double quantity);

  store::ListStore& lists_;
  store::CatalogStore& catalog_;
  const Clock& clock_;
};

}  // namespace chariot::commerce
