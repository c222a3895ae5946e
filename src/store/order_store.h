// OrderStore: delivery and pick-up slots, and orders, with the transactions that keep the list,
// the stock and the slot capacity consistent.
//
// Thread safety: implementations are safe from many threads; Place and Cancel are each one
// database transaction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/catalog_store.h"

namespace chariot::store {

struct Slot {
  int64_t id = 0;
  std::string store_id;
  std::string fulfillment;
  int64_t start_at = 0;
  int64_t end_at = 0;
  int64_t cutoff_at = 0;  // orders close, and cancelling is refused, from this instant
  int capacity = 0;
  int booked = 0;
  int64_t fee_cents = 0;
};

struct OrderItem {
  std::string sku;
  std::string name;
  double quantity = 0;
  int64_t unit_count = 0;
  int64_t price_cents = 0;  // line total
};

struct Order {
  int64_t id = 0;
  std::string customer_id;
  std::string status;  // confirmed | cancelled
  std::string fulfillment;
  std::string store_id;
  int64_t slot_id = 0;
  int64_t slot_start = 0;
  int64_t slot_end = 0;
  int64_t cutoff_at = 0;
  int64_t fee_cents = 0;
  int64_t total_cents = 0;
  int64_t created_at = 0;
  std::vector<OrderItem> items;
};

struct PlaceRequest {
  std::string customer_id;
  int64_t slot_id = 0;
  std::string idempotency_key;  // non-empty; the same key always yields the same order
  int64_t now = 0;
};

struct PlaceResult {
  Order order;
  bool replayed = false;  // the key had already placed this order; nothing changed now
};

class OrderStore {
 public:
  virtual ~OrderStore() = default;

  // Creates the slots of every template for the local days in [from_day, from_day + days)
  // that do not exist yet (INSERT OR IGNORE). local_day_start(day index) gives the instants.
  virtual Status EnsureSlots(const std::vector<Slot>& slots) = 0;
  // Slots of a store and fulfillment with free capacity whose cutoff is after now, soonest
  // first, at most limit; starting no earlier than not_before.
  virtual Result<std::vector<Slot>> FreeSlots(const std::string& store_id,
                                              const std::string& fulfillment, int64_t now,
                                              int64_t not_before, int limit) = 0;
  virtual Result<Slot> GetSlot(int64_t slot_id) = 0;

  // In one transaction: returns the order already placed with the key (replayed), or takes the
  // customer's whole list, checks every product's stock and the slot (exists, before cutoff,
  // capacity left), decrements stock, books the slot, writes the order and empties the list.
  // Failures change nothing: InvalidArgument "empty list", Conflict "slot full" / "slot closed",
  // Conflict "out of stock: <sku>" , NotFound for an unknown slot.
  virtual Result<PlaceResult> Place(const PlaceRequest& request) = 0;
  // Cancels a confirmed order of this customer before its cutoff, giving back stock and slot
  // capacity, in one transaction. NotFound (not this customer's), Conflict (already cancelled,
  // or past the cutoff).
  virtual Result<Order> Cancel(const std::string& customer_id, int64_t order_id, int64_t now) = 0;
  // The customer's orders, newest first, at most limit, with their items.
  virtual Result<std::vector<Order>> Orders(const std::string& customer_id, int limit) = 0;
  // How many confirmed orders contained each sku, and the average quantity, for this customer.
  virtual Result<std::map<std::string, std::pair<int, double>>> PurchaseHistory(
      const std::string& customer_id) = 0;
};

}  // namespace chariot::store
