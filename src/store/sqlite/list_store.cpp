#include "store/sqlite/list_store.h"

namespace chariot::store {
namespace {

bool ProductExists(Connection& c, const std::string& sku) {
  auto& s = c.Prepare("SELECT 1 FROM products WHERE sku = ?");
  s.bind(1, sku);
  return s.executeStep();
}

}  // namespace

// ListStore

Result<std::vector<ListItem>> SqliteListStore::Items(const std::string& customer_id) {
  return database_.Read([&](Connection& c) -> Result<std::vector<ListItem>> {
    auto& s = c.Prepare(
        "SELECT sku, quantity, added_at, updated_at FROM list_items WHERE customer_id = ? "
        "ORDER BY added_at, rowid");
    s.bind(1, customer_id);
    std::vector<ListItem> items;
    while (s.executeStep()) {
      items.push_back({s.getColumn(0).getString(), s.getColumn(1).getDouble(),
                       s.getColumn(2).getInt64(), s.getColumn(3).getInt64()});
    }
    return items;
  });
}

Result<double> SqliteListStore::Add(const std::string& customer_id, const std::string& sku,
                                    double quantity, double max_quantity, int64_t now) {
  double result = 0;
  Status status = database_.Write([&](Connection& c) -> Status {
    if (!ProductExists(c, sku)) return Status::NotFound("unknown product");
    // One statement: concurrent adds from two channels both count.
    auto& s = c.Prepare(
        "INSERT INTO list_items (customer_id, sku, quantity, added_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(customer_id, sku) DO UPDATE SET "
        "quantity = quantity + excluded.quantity, updated_at = excluded.updated_at "
        "RETURNING quantity");
    s.bind(1, customer_id);
    s.bind(2, sku);
    s.bind(3, quantity);
    s.bind(4, static_cast<int64_t>(now));
    if (!s.executeStep()) return Status::Internal("list update returned nothing");
    result = s.getColumn(0).getDouble();
    while (s.executeStep()) {
    }
    if (result > max_quantity) return Status::InvalidArgument("quantity too large");
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

Status SqliteListStore::Set(const std::string& customer_id, const std::string& sku, double quantity,
                            int64_t now) {
  return database_.Write([&](Connection& c) -> Status {
    if (!ProductExists(c, sku)) return Status::NotFound("unknown product");
    auto& s = c.Prepare(
        "INSERT INTO list_items (customer_id, sku, quantity, added_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(customer_id, sku) DO UPDATE SET "
        "quantity = excluded.quantity, updated_at = excluded.updated_at");
    s.bind(1, customer_id);
    s.bind(2, sku);
    s.bind(3, quantity);
    s.bind(4, static_cast<int64_t>(now));
    s.exec();
    return Status::Ok();
  });
}

Status SqliteListStore::Remove(const std::string& customer_id, const std::string& sku) {
  return database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare("DELETE FROM list_items WHERE customer_id = ? AND sku = ?");
    s.bind(1, customer_id);
    s.bind(2, sku);
    if (s.exec() == 0) return Status::NotFound("not on the list");
    return Status::Ok();
  });
}

Result<int> SqliteListStore::Clear(const std::string& customer_id) {
  int removed = 0;
  Status status = database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare("DELETE FROM list_items WHERE customer_id = ?");
    s.bind(1, customer_id);
    removed = s.exec();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return removed;
}

}  // namespace chariot::store
