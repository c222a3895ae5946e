#include "store/postgres/pg_commerce_stores.h"
#include "store/postgres/pg_rows.h"

namespace chariot::store {
namespace {

bool ProductExists(PgTransaction& tx, const std::string& sku) {
  return !tx.Run("SELECT 1 FROM products WHERE sku = $1", sku).empty();
}

}  // namespace

Result<std::vector<ListItem>> PgListStore::Items(const std::string& customer_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<ListItem>> {
    std::vector<ListItem> items;
    for (const auto& r : tx.Run("SELECT sku, quantity, added_at, updated_at FROM list_items "
                                "WHERE customer_id = $1 ORDER BY added_at, seq",
                                customer_id)) {
      items.push_back({pg::Text(r[0]), pg::Real(r[1]), pg::Int(r[2]), pg::Int(r[3])});
    }
    return items;
  });
}

Result<double> PgListStore::Add(const std::string& customer_id, const std::string& sku,
                                double quantity, double max_quantity, int64_t now) {
  double result = 0;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    if (!ProductExists(tx, sku)) return Status::NotFound("unknown product");
    // One statement: concurrent adds from two channels (or two instances) both count.
    auto rows = tx.Run(
        "INSERT INTO list_items (customer_id, sku, quantity, added_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $4) ON CONFLICT (customer_id, sku) DO UPDATE SET "
        "quantity = list_items.quantity + excluded.quantity, updated_at = excluded.updated_at "
        "RETURNING quantity",
        customer_id, sku, quantity, now);
    if (rows.empty()) return Status::Internal("list update returned nothing");
    result = pg::Real(rows[0][0]);
    if (result > max_quantity) return Status::InvalidArgument("quantity too large");
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

Status PgListStore::Set(const std::string& customer_id, const std::string& sku, double quantity,
                        int64_t now) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    if (!ProductExists(tx, sku)) return Status::NotFound("unknown product");
    tx.Run(
        "INSERT INTO list_items (customer_id, sku, quantity, added_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $4) ON CONFLICT (customer_id, sku) DO UPDATE SET "
        "quantity = excluded.quantity, updated_at = excluded.updated_at",
        customer_id, sku, quantity, now);
    return Status::Ok();
  });
}

Status PgListStore::Remove(const std::string& customer_id, const std::string& sku) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    auto rows =
        tx.Run("DELETE FROM list_items WHERE customer_id = $1 AND sku = $2", customer_id, sku);
    if (rows.affected_rows() == 0) return Status::NotFound("not on the list");
    return Status::Ok();
  });
}

Result<int> PgListStore::Clear(const std::string& customer_id) {
  int removed = 0;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    removed = static_cast<int>(
        tx.Run("DELETE FROM list_items WHERE customer_id = $1", customer_id).affected_rows());
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return removed;
}

// CustomerStore

Result<std::optional<Customer>> PgCustomerStore::Get(const std::string& id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<Customer>> {
    auto rows = tx.Run(
        "SELECT id, preferred_store, postcode, locale, created_at FROM customers WHERE id = $1",
        id);
    if (rows.empty()) return std::optional<Customer>();
    Customer c;
    c.id = pg::Text(rows[0][0]);
    c.preferred_store = pg::Text(rows[0][1]);
    c.postcode = pg::Text(rows[0][2]);
    c.locale = pg::Text(rows[0][3]);
    c.created_at = pg::Int(rows[0][4]);
    return std::optional<Customer>(c);
  });
}

Status PgCustomerStore::Put(const Customer& c) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    tx.Run(
        "INSERT INTO customers (id, preferred_store, postcode, locale, created_at) "
        "VALUES ($1,$2,$3,$4,$5) ON CONFLICT (id) DO UPDATE SET "
        "preferred_store=excluded.preferred_store, postcode=excluded.postcode, "
        "locale=excluded.locale",
        c.id, c.preferred_store, c.postcode, c.locale, c.created_at);
    return Status::Ok();
  });
}

Result<std::optional<std::string>> PgCustomerStore::FindAccount(
    const std::string& platform, const std::string& platform_user_id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<std::string>> {
    auto rows = tx.Run(
        "SELECT customer_id FROM customer_accounts WHERE platform = $1 AND "
        "platform_user_id = $2",
        platform, platform_user_id);
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(pg::Text(rows[0][0]));
  });
}

Status PgCustomerStore::LinkAccount(const std::string& platform,
                                    const std::string& platform_user_id,
                                    const std::string& customer_id) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    tx.Run(
        "INSERT INTO customer_accounts (platform, platform_user_id, customer_id) "
        "VALUES ($1,$2,$3) ON CONFLICT (platform, platform_user_id) DO UPDATE SET "
        "customer_id=excluded.customer_id",
        platform, platform_user_id, customer_id);
    return Status::Ok();
  });
}

}  // namespace chariot::store
