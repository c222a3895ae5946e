#include <algorithm>
#include <cmath>

#include "store/postgres/pg_commerce_stores.h"
#include "store/postgres/pg_rows.h"

namespace chariot::store {
namespace {

constexpr const char* kSlotColumns =
    "id, store_id, fulfillment, start_at, end_at, cutoff_at, capacity, booked, fee_cents";
constexpr const char* kOrderColumns =
    "id, customer_id, status, fulfillment, store_id, slot_id, slot_start, slot_end, cutoff_at, "
    "fee_cents, total_cents, created_at";

Slot ReadSlot(const pqxx::row& r) {
  Slot s;
  s.id = pg::Int(r[0]);
  s.store_id = pg::Text(r[1]);
  s.fulfillment = pg::Text(r[2]);
  s.start_at = pg::Int(r[3]);
  s.end_at = pg::Int(r[4]);
  s.cutoff_at = pg::Int(r[5]);
  s.capacity = static_cast<int>(pg::Int(r[6]));
  s.booked = static_cast<int>(pg::Int(r[7]));
  s.fee_cents = pg::Int(r[8]);
  return s;
}

Order ReadOrder(const pqxx::row& r) {
  Order o;
  o.id = pg::Int(r[0]);
  o.customer_id = pg::Text(r[1]);
  o.status = pg::Text(r[2]);
  o.fulfillment = pg::Text(r[3]);
  o.store_id = pg::Text(r[4]);
  o.slot_id = pg::Int(r[5]);
  o.slot_start = pg::Int(r[6]);
  o.slot_end = pg::Int(r[7]);
  o.cutoff_at = pg::Int(r[8]);
  o.fee_cents = pg::Int(r[9]);
  o.total_cents = pg::Int(r[10]);
  o.created_at = pg::Int(r[11]);
  return o;
}

void LoadItems(PgTransaction& tx, Order& order) {
  for (const auto& r : tx.Run("SELECT sku, name, quantity, unit_count, price_cents FROM "
                              "order_items WHERE order_id = $1 ORDER BY seq",
                              order.id)) {
    order.items.push_back(
        {pg::Text(r[0]), pg::Text(r[1]), pg::Real(r[2]), pg::Int(r[3]), pg::Int(r[4])});
  }
}

}  // namespace

Status PgOrderStore::EnsureSlots(const std::vector<Slot>& slots) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    for (const Slot& s : slots) {
      tx.Run(
          "INSERT INTO slots (store_id, fulfillment, start_at, end_at, cutoff_at, capacity, "
          "booked, fee_cents) VALUES ($1,$2,$3,$4,$5,$6,0,$7) ON CONFLICT DO NOTHING",
          s.store_id, s.fulfillment, s.start_at, s.end_at, s.cutoff_at, s.capacity, s.fee_cents);
    }
    return Status::Ok();
  });
}

Result<std::vector<Slot>> PgOrderStore::FreeSlots(const std::string& store_id,
                                                  const std::string& fulfillment, int64_t now,
                                                  int64_t not_before, int limit) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<Slot>> {
    std::vector<Slot> out;
    for (const auto& r : tx.Run(std::string("SELECT ") + kSlotColumns +
                                    " FROM slots WHERE store_id = $1 AND fulfillment = $2 AND "
                                    "cutoff_at > $3 AND start_at >= $4 AND booked < capacity "
                                    "ORDER BY start_at LIMIT $5",
                                store_id, fulfillment, now, not_before, limit)) {
      out.push_back(ReadSlot(r));
    }
    return out;
  });
}

Result<Slot> PgOrderStore::GetSlot(int64_t slot_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<Slot> {
    auto rows =
        tx.Run(std::string("SELECT ") + kSlotColumns + " FROM slots WHERE id = $1", slot_id);
    if (rows.empty()) return Status::NotFound("unknown slot");
    return ReadSlot(rows[0]);
  });
}

Result<PlaceResult> PgOrderStore::Place(const PlaceRequest& request) {
  if (request.idempotency_key.empty()) return Status::InvalidArgument("missing idempotency key");
  PlaceResult result;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    result = PlaceResult();
    // One key at a time across instances: a retried request waits for the first one and then
    // finds its order (each statement of a read-committed transaction sees the latest commits).
    tx.Run("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", request.idempotency_key);
    auto existing =
        tx.Run(std::string("SELECT ") + kOrderColumns + " FROM orders WHERE idempotency_key = $1",
               request.idempotency_key);
    if (!existing.empty()) {
      result.order = ReadOrder(existing[0]);
      if (result.order.customer_id != request.customer_id) return Status::Conflict("key in use");
      LoadItems(tx, result.order);
      result.replayed = true;
      return Status::Ok();
    }
    // Lock order: slot, then the customer's list, then stock rows by sku (Cancel takes the slot
    // before stock too), so concurrent orders wait for each other instead of deadlocking.
    auto slot_rows =
        tx.Run(std::string("SELECT ") + kSlotColumns + " FROM slots WHERE id = $1 FOR UPDATE",
               request.slot_id);
    if (slot_rows.empty()) return Status::NotFound("unknown slot");
    Slot slot = ReadSlot(slot_rows[0]);
    if (slot.cutoff_at <= request.now) return Status::Conflict("slot closed");
    if (slot.booked >= slot.capacity) return Status::Conflict("slot full");

    // Locking the list rows makes a second order of the same customer (another slot, another
    // instance) wait and then find the list emptied by the first.
    auto list = tx.Run(
        "SELECT l.sku, p.name, l.quantity, p.sold_by, p.price_cents FROM list_items l "
        "JOIN products p ON p.sku = l.sku WHERE l.customer_id = $1 "
        "ORDER BY l.added_at, l.seq FOR UPDATE OF l",
        request.customer_id);
    std::vector<OrderItem> items;
    int64_t total = slot.fee_cents;
    for (const auto& r : list) {
      OrderItem item;
      item.sku = pg::Text(r[0]);
      item.name = pg::Text(r[1]);
      item.quantity = pg::Real(r[2]);
      bool weighed = pg::Text(r[3]) == "weight";
      int64_t price = pg::Int(r[4]);
      item.unit_count =
          weighed ? static_cast<int64_t>(std::ceil(item.quantity)) : std::llround(item.quantity);
      if (item.unit_count < 1) item.unit_count = 1;
      item.price_cents = weighed ? std::llround(item.quantity * price) : item.unit_count * price;
      total += item.price_cents;
      items.push_back(std::move(item));
    }
    if (items.empty()) return Status::InvalidArgument("empty list");

    // Stock: check every line first (the contract names the first short product in list order),
    // locking the rows in sku order.
    std::vector<const OrderItem*> by_sku;
    for (const OrderItem& item : items) by_sku.push_back(&item);
    std::sort(by_sku.begin(), by_sku.end(),
              [](const OrderItem* a, const OrderItem* b) { return a->sku < b->sku; });
    std::map<std::string, int64_t> stock;
    for (const OrderItem* item : by_sku) {
      auto rows = tx.Run("SELECT stock FROM products WHERE sku = $1 FOR UPDATE", item->sku);
      stock[item->sku] = rows.empty() ? 0 : pg::Int(rows[0][0]);
    }
    for (const OrderItem& item : items) {
      if (stock[item.sku] < item.unit_count) return Status::Conflict("out of stock: " + item.sku);
    }
    for (const OrderItem* item : by_sku) {
      tx.Run("UPDATE products SET stock = stock - $1 WHERE sku = $2", item->unit_count, item->sku);
    }
    if (tx.Run("UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity", slot.id)
            .affected_rows() != 1) {
      return Status::Conflict("slot full");
    }
    auto inserted = tx.Run(
        "INSERT INTO orders (customer_id, status, fulfillment, store_id, slot_id, slot_start, "
        "slot_end, cutoff_at, fee_cents, total_cents, idempotency_key, created_at) "
        "VALUES ($1, 'confirmed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        request.customer_id, slot.fulfillment, slot.store_id, slot.id, slot.start_at, slot.end_at,
        slot.cutoff_at, slot.fee_cents, total, request.idempotency_key, request.now);
    int64_t order_id = pg::Int(inserted[0][0]);
    for (const OrderItem& item : items) {
      tx.Run(
          "INSERT INTO order_items (order_id, sku, name, quantity, unit_count, price_cents) "
          "VALUES ($1,$2,$3,$4,$5,$6)",
          order_id, item.sku, item.name, item.quantity, item.unit_count, item.price_cents);
    }
    tx.Run("DELETE FROM list_items WHERE customer_id = $1", request.customer_id);

    Order& order = result.order;
    order.id = order_id;
    order.customer_id = request.customer_id;
    order.status = "confirmed";
    order.fulfillment = slot.fulfillment;
    order.store_id = slot.store_id;
    order.slot_id = slot.id;
    order.slot_start = slot.start_at;
    order.slot_end = slot.end_at;
    order.cutoff_at = slot.cutoff_at;
    order.fee_cents = slot.fee_cents;
    order.total_cents = total;
    order.created_at = request.now;
    order.items = std::move(items);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

Result<Order> PgOrderStore::Cancel(const std::string& customer_id, int64_t order_id, int64_t now) {
  Order order;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    auto rows = tx.Run(
        std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id = $1 FOR UPDATE", order_id);
    if (rows.empty()) return Status::NotFound("unknown order");
    order = ReadOrder(rows[0]);
    if (order.customer_id != customer_id) return Status::NotFound("unknown order");
    LoadItems(tx, order);
    if (order.status != "confirmed") return Status::Conflict("order already cancelled");
    if (order.cutoff_at <= now) return Status::Conflict("past the cut-off");
    tx.Run("UPDATE slots SET booked = booked - 1 WHERE id = $1 AND booked > 0", order.slot_id);
    std::vector<OrderItem> by_sku = order.items;
    std::sort(by_sku.begin(), by_sku.end(),
              [](const OrderItem& a, const OrderItem& b) { return a.sku < b.sku; });
    for (const OrderItem& item : by_sku) {
      tx.Run("UPDATE products SET stock = stock + $1 WHERE sku = $2", item.unit_count, item.sku);
    }
    tx.Run("UPDATE orders SET status = 'cancelled', cancelled_at = $1 WHERE id = $2", now,
           order.id);
    order.status = "cancelled";
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return order;
}

Result<std::vector<Order>> PgOrderStore::Orders(const std::string& customer_id, int limit) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<Order>> {
    std::vector<Order> orders;
    for (const auto& r : tx.Run(std::string("SELECT ") + kOrderColumns +
                                    " FROM orders WHERE customer_id = $1 "
                                    "ORDER BY created_at DESC, id DESC LIMIT $2",
                                customer_id, limit)) {
      orders.push_back(ReadOrder(r));
    }
    for (Order& order : orders) LoadItems(tx, order);
    return orders;
  });
}

Result<std::map<std::string, std::pair<int, double>>> PgOrderStore::PurchaseHistory(
    const std::string& customer_id) {
  using History = std::map<std::string, std::pair<int, double>>;
  return db_.Read([&](PgTransaction& tx) -> Result<History> {
    History out;
    for (const auto& r : tx.Run("SELECT i.sku, COUNT(*), AVG(i.quantity) FROM order_items i "
                                "JOIN orders o ON o.id = i.order_id WHERE o.customer_id = $1 "
                                "AND o.status = 'confirmed' GROUP BY i.sku",
                                customer_id)) {
      out[pg::Text(r[0])] = {static_cast<int>(pg::Int(r[1])), pg::Real(r[2])};
    }
    return out;
  });
}

}  // namespace chariot::store
