// SqliteOrderStore: OrderStore on the embedded SQLite database. Place and Cancel each run in one
// BEGIN IMMEDIATE transaction touching list_items, products.stock, slots.booked and orders.
//
// Thread safety: safe from many threads.
#pragma once

#include "store/database.h"
#include "store/order_store.h"

namespace chariot::store {

class SqliteOrderStore : public OrderStore {
 public:
  explicit SqliteOrderStore(Database& database) : database_(database) {}

  // OrderStore
  Status EnsureSlots(const std::vector<Slot>& slots) override;
  Result<std::vector<Slot>> FreeSlots(const std::string& store_id, const std::string& fulfillment,
                                      int64_t now, int64_t not_before, int limit) override;
  Result<Slot> GetSlot(int64_t slot_id) override;
  Result<PlaceResult> Place(const PlaceRequest& request) override;
  Result<Order> Cancel(const std::string& customer_id, int64_t order_id, int64_t now) override;
  Result<std::vector<Order>> Orders(const std::string& customer_id, int limit) override;
  Result<std::map<std::string, std::pair<int, double>>> PurchaseHistory(
      const std::string& customer_id) override;

 private:
  Database& database_;
};

}  // namespace chariot::store
