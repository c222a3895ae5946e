#include "store/sqlite/order_store.h"

#include <cmath>
#include <optional>

namespace chariot::store {
namespace {

constexpr const char* kSlotColumns =
    "id, store_id, fulfillment, start_at, end_at, cutoff_at, capacity, booked, fee_cents";
constexpr const char* kOrderColumns =
    "id, customer_id, status, fulfillment, store_id, slot_id, slot_start, slot_end, cutoff_at, "
    "fee_cents, total_cents, created_at";

Slot ReadSlot(SQLite::Statement& s) {
  Slot slot;
  slot.id = s.getColumn(0).getInt64();
  slot.store_id = s.getColumn(1).getString();
  slot.fulfillment = s.getColumn(2).getString();
  slot.start_at = s.getColumn(3).getInt64();
  slot.end_at = s.getColumn(4).getInt64();
  slot.cutoff_at = s.getColumn(5).getInt64();
  slot.capacity = s.getColumn(6).getInt();
  slot.booked = s.getColumn(7).getInt();
  slot.fee_cents = s.getColumn(8).getInt64();
  return slot;
}

Order ReadOrder(SQLite::Statement& s) {
  Order o;
  o.id = s.getColumn(0).getInt64();
  o.customer_id = s.getColumn(1).getString();
  o.status = s.getColumn(2).getString();
  o.fulfillment = s.getColumn(3).getString();
  o.store_id = s.getColumn(4).getString();
  o.slot_id = s.getColumn(5).getInt64();
  o.slot_start = s.getColumn(6).getInt64();
  o.slot_end = s.getColumn(7).getInt64();
  o.cutoff_at = s.getColumn(8).getInt64();
  o.fee_cents = s.getColumn(9).getInt64();
  o.total_cents = s.getColumn(10).getInt64();
  o.created_at = s.getColumn(11).getInt64();
  return o;
}

void LoadItems(Connection& c, Order& order) {
  auto& s = c.Prepare(
      "SELECT sku, name, quantity, unit_count, price_cents FROM order_items WHERE order_id = ? "
      "ORDER BY rowid");
  s.bind(1, static_cast<int64_t>(order.id));
  while (s.executeStep()) {
    order.items.push_back({s.getColumn(0).getString(), s.getColumn(1).getString(),
                           s.getColumn(2).getDouble(), s.getColumn(3).getInt64(),
                           s.getColumn(4).getInt64()});
  }
}

std::optional<Order> FindOrder(Connection& c, const char* where, const std::string& value) {
  auto& s = c.Prepare(std::string("SELECT ") + kOrderColumns + " FROM orders WHERE " + where);
  s.bind(1, value);
  if (!s.executeStep()) return std::nullopt;
  Order order = ReadOrder(s);
  s.reset();
  LoadItems(c, order);
  return order;
}

}  // namespace

// OrderStore

Status SqliteOrderStore::EnsureSlots(const std::vector<Slot>& slots) {
  return database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare(
        "INSERT OR IGNORE INTO slots (store_id, fulfillment, start_at, end_at, cutoff_at, "
        "capacity, booked, fee_cents) VALUES (?,?,?,?,?,?,0,?)");
    for (const Slot& slot : slots) {
      s.reset();
      s.clearBindings();
      s.bind(1, slot.store_id);
      s.bind(2, slot.fulfillment);
      s.bind(3, static_cast<int64_t>(slot.start_at));
      s.bind(4, static_cast<int64_t>(slot.end_at));
      s.bind(5, static_cast<int64_t>(slot.cutoff_at));
      s.bind(6, slot.capacity);
      s.bind(7, static_cast<int64_t>(slot.fee_cents));
      s.exec();
    }
    return Status::Ok();
  });
}

Result<std::vector<Slot>> SqliteOrderStore::FreeSlots(const std::string& store_id,
                                                      const std::string& fulfillment, int64_t now,
                                                      int64_t not_before, int limit) {
  return database_.Read([&](Connection& c) -> Result<std::vector<Slot>> {
    auto& s = c.Prepare(std::string("SELECT ") + kSlotColumns +
                        " FROM slots WHERE store_id = ? AND fulfillment = ? AND cutoff_at > ? "
                        "AND start_at >= ? AND booked < capacity ORDER BY start_at LIMIT ?");
    s.bind(1, store_id);
    s.bind(2, fulfillment);
    s.bind(3, static_cast<int64_t>(now));
    s.bind(4, static_cast<int64_t>(not_before));
    s.bind(5, limit);
    std::vector<Slot> out;
    while (s.executeStep()) out.push_back(ReadSlot(s));
    return out;
  });
}

Result<Slot> SqliteOrderStore::GetSlot(int64_t slot_id) {
  return database_.Read([&](Connection& c) -> Result<Slot> {
    auto& s = c.Prepare(std::string("SELECT ") + kSlotColumns + " FROM slots WHERE id = ?");
    s.bind(1, static_cast<int64_t>(slot_id));
    if (!s.executeStep()) return Status::NotFound("unknown slot");
    return ReadSlot(s);
  });
}

Result<PlaceResult> SqliteOrderStore::Place(const PlaceRequest& request) {
  if (request.idempotency_key.empty()) return Status::InvalidArgument("missing idempotency key");
  PlaceResult result;
  Status status = database_.Write([&](Connection& c) -> Status {
    if (auto existing = FindOrder(c, "idempotency_key = ?", request.idempotency_key)) {
      if (existing->customer_id != request.customer_id) return Status::Conflict("key in use");
      result.order = std::move(*existing);
      result.replayed = true;
      return Status::Ok();
    }
    auto& slot_query =
        c.Prepare(std::string("SELECT ") + kSlotColumns + " FROM slots WHERE id = ?");
    slot_query.bind(1, static_cast<int64_t>(request.slot_id));
    if (!slot_query.executeStep()) return Status::NotFound("unknown slot");
    Slot slot = ReadSlot(slot_query);
    slot_query.reset();
    if (slot.cutoff_at <= request.now) return Status::Conflict("slot closed");
    if (slot.booked >= slot.capacity) return Status::Conflict("slot full");

    std::vector<OrderItem> items;
    auto& list = c.Prepare(
        "SELECT l.sku, p.name, l.quantity, p.sold_by, p.price_cents, p.stock FROM list_items l "
        "JOIN products p ON p.sku = l.sku WHERE l.customer_id = ? ORDER BY l.added_at, l.rowid");
    list.bind(1, request.customer_id);
    int64_t total = slot.fee_cents;
    std::string short_sku;
    while (list.executeStep()) {
      OrderItem item;
      item.sku = list.getColumn(0).getString();
      item.name = list.getColumn(1).getString();
      item.quantity = list.getColumn(2).getDouble();
      bool weighed = list.getColumn(3).getString() == "weight";
      int64_t price = list.getColumn(4).getInt64();
      int64_t stock = list.getColumn(5).getInt64();
      item.unit_count =
          weighed ? static_cast<int64_t>(std::ceil(item.quantity)) : std::llround(item.quantity);
      if (item.unit_count < 1) item.unit_count = 1;
      item.price_cents = weighed ? std::llround(item.quantity * price) : item.unit_count * price;
      if (stock < item.unit_count && short_sku.empty()) short_sku = item.sku;
      total += item.price_cents;
      items.push_back(std::move(item));
    }
    list.reset();
    if (items.empty()) return Status::InvalidArgument("empty list");
    if (!short_sku.empty()) return Status::Conflict("out of stock: " + short_sku);

    auto& take = c.Prepare("UPDATE products SET stock = stock - ?1 WHERE sku = ?2 AND stock >= ?1");
    for (const OrderItem& item : items) {
      take.reset();
      take.clearBindings();
      take.bind(1, static_cast<int64_t>(item.unit_count));
      take.bind(2, item.sku);
      if (take.exec() != 1) return Status::Conflict("out of stock: " + item.sku);
    }
    auto& book =
        c.Prepare("UPDATE slots SET booked = booked + 1 WHERE id = ? AND booked < capacity");
    book.bind(1, static_cast<int64_t>(slot.id));
    if (book.exec() != 1) return Status::Conflict("slot full");

    auto& insert = c.Prepare(
        "INSERT INTO orders (customer_id, status, fulfillment, store_id, slot_id, slot_start, "
        "slot_end, cutoff_at, fee_cents, total_cents, idempotency_key, created_at) "
        "VALUES (?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, request.customer_id);
    insert.bind(2, slot.fulfillment);
    insert.bind(3, slot.store_id);
    insert.bind(4, static_cast<int64_t>(slot.id));
    insert.bind(5, static_cast<int64_t>(slot.start_at));
    insert.bind(6, static_cast<int64_t>(slot.end_at));
    insert.bind(7, static_cast<int64_t>(slot.cutoff_at));
    insert.bind(8, static_cast<int64_t>(slot.fee_cents));
    insert.bind(9, static_cast<int64_t>(total));
    insert.bind(10, request.idempotency_key);
    insert.bind(11, static_cast<int64_t>(request.now));
    insert.exec();
    int64_t order_id = c.LastInsertRowId();

    auto& line = c.Prepare(
        "INSERT INTO order_items (order_id, sku, name, quantity, unit_count, price_cents) "
        "VALUES (?,?,?,?,?,?)");
    for (const OrderItem& item : items) {
      line.reset();
      line.clearBindings();
      line.bind(1, static_cast<int64_t>(order_id));
      line.bind(2, item.sku);
      line.bind(3, item.name);
      line.bind(4, item.quantity);
      line.bind(5, static_cast<int64_t>(item.unit_count));
      line.bind(6, static_cast<int64_t>(item.price_cents));
      line.exec();
    }
    auto& clear = c.Prepare("DELETE FROM list_items WHERE customer_id = ?");
    clear.bind(1, request.customer_id);
    clear.exec();

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

Result<Order> SqliteOrderStore::Cancel(const std::string& customer_id, int64_t order_id,
                                       int64_t now) {
  Order order;
  Status status = database_.Write([&](Connection& c) -> Status {
    auto found = FindOrder(c, "id = ?", std::to_string(order_id));
    if (!found || found->customer_id != customer_id) return Status::NotFound("unknown order");
    order = std::move(*found);
    if (order.status != "confirmed") return Status::Conflict("order already cancelled");
    if (order.cutoff_at <= now) return Status::Conflict("past the cut-off");
    auto& give = c.Prepare("UPDATE products SET stock = stock + ? WHERE sku = ?");
    for (const OrderItem& item : order.items) {
      give.reset();
      give.clearBindings();
      give.bind(1, static_cast<int64_t>(item.unit_count));
      give.bind(2, item.sku);
      give.exec();
    }
    auto& slot = c.Prepare("UPDATE slots SET booked = booked - 1 WHERE id = ? AND booked > 0");
    slot.bind(1, static_cast<int64_t>(order.slot_id));
    slot.exec();
    auto& mark = c.Prepare(
        "UPDATE orders SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND "
        "status = 'confirmed'");
    mark.bind(1, static_cast<int64_t>(now));
    mark.bind(2, static_cast<int64_t>(order.id));
    if (mark.exec() != 1) return Status::Conflict("order already cancelled");
    order.status = "cancelled";
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return order;
}

Result<std::vector<Order>> SqliteOrderStore::Orders(const std::string& customer_id, int limit) {
  return database_.Read([&](Connection& c) -> Result<std::vector<Order>> {
    auto& s = c.Prepare(std::string("SELECT ") + kOrderColumns +
                        " FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC "
                        "LIMIT ?");
    s.bind(1, customer_id);
    s.bind(2, limit);
    std::vector<Order> orders;
    while (s.executeStep()) orders.push_back(ReadOrder(s));
    s.reset();
    for (Order& order : orders) LoadItems(c, order);
    return orders;
  });
}

Result<std::map<std::string, std::pair<int, double>>> SqliteOrderStore::PurchaseHistory(
    const std::string& customer_id) {
  return database_.Read(
      [&](Connection& c) -> Result<std::map<std::string, std::pair<int, double>>> {
        auto& s = c.Prepare(
            "SELECT i.sku, COUNT(*), AVG(i.quantity) FROM order_items i JOIN orders o ON o.id = "
            "i.order_id WHERE o.customer_id = ? AND o.status = 'confirmed' GROUP BY i.sku");
        s.bind(1, customer_id);
        std::map<std::string, std::pair<int, double>> out;
        while (s.executeStep()) {
          out[s.getColumn(0).getString()] = {s.getColumn(1).getInt(), s.getColumn(2).getDouble()};
        }
        return out;
      });
}

}  // namespace chariot::store
