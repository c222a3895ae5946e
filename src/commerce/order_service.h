// OrderService: where an order can come from, the free slots, placing, status and cancelling,
// and what the order history says about the customer's habits.
//
// Slots are materialised lazily from the templates for the next 7 days, at most once per Paris
// day, so they never run out. Placing is one transaction in the store (list, stock, slot,
// order); the idempotency key makes a retried confirmation return the first order.
//
// Thread safety: safe from many threads.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/catalog_store.h"
#include "store/customer_store.h"
#include "store/order_store.h"

namespace chariot::commerce {

// Where an order with this fulfillment would come from, or why it cannot.
struct Site {
  enum class Problem { kNone, kNeedPostcode, kNotCovered };
  Problem problem = Problem::kNone;
  store::StoreInfo store;
};

struct UsualItem {
  std::string sku;
  double quantity = 0;
};

class OrderService {
 public:
  OrderService(store::OrderStore& orders, store::CatalogStore& catalog, const Clock& clock)
      : orders_(orders), catalog_(catalog), clock_(clock) {}

  // fulfillment: delivery | pickup | express. InvalidArgument for another value.
  Result<Site> SiteFor(const store::Customer& customer, const std::string& fulfillment);
  // Free slots soonest first starting no earlier than not_before (0: now), at most limit.
  Result<std::vector<store::Slot>> FreeSlots(const std::string& store_id,
                                             const std::string& fulfillment, int64_t not_before,
                                             int limit);
  Result<store::Slot> Slot(int64_t slot_id) { return orders_.GetSlot(slot_id); }
  // See store::OrderStore::Place for the failures.
  Result<store::PlaceResult> Place(const std::string& customer_id, int64_t slot_id,
                                   const std::string& idempotency_key);
  Result<std::vector<store::Order>> Orders(const std::string& customer_id, int limit = 20) {
    return orders_.Orders(customer_id, limit);
  }
  // The most recent confirmed order whose slot has not ended; nullopt when none.
  Result<std::optional<store::Order>> CurrentOrder(const std::string& customer_id);
  // See store::OrderStore::Cancel.
  Result<store::Order> Cancel(const std::string& customer_id, int64_t order_id);

  // The usual basket: products in at least half of the last five confirmed orders (at least
  // twice when there are several), with their usual quantity. Empty without history.
  Result<std::vector<UsualItem>> UsualBasket(const std::string& customer_id);
  // The product the customer buys most often that is not in `skus_on_list`; nullopt when none
  // was bought at least twice.
  Result<std::optional<std::string>> Suggestion(const std::string& customer_id,
                                                const std::vector<std::string>& skus_on_list);

 private:
  Status EnsureSlots();

  store::OrderStore& orders_;
  store::CatalogStore& catalog_;
  const Clock& clock_;
  std::atomic<int64_t> slots_ready_day_{-1};
};

}  // namespace chariot::commerce
