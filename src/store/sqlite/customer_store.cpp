#include "store/sqlite/customer_store.h"

namespace chariot::store {

// CustomerStore

Result<std::optional<Customer>> SqliteCustomerStore::Get(const std::string& id) {
  return database_.Read([&](Connection& c) -> Result<std::optional<Customer>> {
    auto& s = c.Prepare(
        "SELECT id, preferred_store, postcode, locale, created_at FROM customers WHERE id = ?");
    s.bind(1, id);
    if (!s.executeStep()) return std::optional<Customer>();
    Customer customer;
    customer.id = s.getColumn(0).getString();
    customer.preferred_store = s.getColumn(1).getString();
    customer.postcode = s.getColumn(2).getString();
    customer.locale = s.getColumn(3).getString();
    customer.created_at = s.getColumn(4).getInt64();
    return std::optional<Customer>(customer);
  });
}

Status SqliteCustomerStore::Put(const Customer& customer) {
  return database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare(
        "INSERT INTO customers (id, preferred_store, postcode, locale, created_at) "
        "VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "preferred_store=excluded.preferred_store, "
        "postcode=excluded.postcode, locale=excluded.locale");
    s.bind(1, customer.id);
    s.bind(2, customer.preferred_store);
    s.bind(3, customer.postcode);
    s.bind(4, customer.locale);
    s.bind(5, static_cast<int64_t>(customer.created_at));
    s.exec();
    return Status::Ok();
  });
}

Result<std::optional<std::string>> SqliteCustomerStore::FindAccount(
    const std::string& platform, const std::string& platform_user_id) {
  return database_.Read([&](Connection& c) -> Result<std::optional<std::string>> {
    auto& s = c.Prepare(
        "SELECT customer_id FROM customer_accounts WHERE platform = ? AND platform_user_id = ?");
    s.bind(1, platform);
    s.bind(2, platform_user_id);
    if (!s.executeStep()) return std::optional<std::string>();
    return std::optional<std::string>(s.getColumn(0).getString());
  });
}

Status SqliteCustomerStore::LinkAccount(const std::string& platform,
                                        const std::string& platform_user_id,
                                        const std::string& customer_id) {
  return database_.Write([&](Connection& c) -> Status {
    auto& s = c.Prepare(
        "INSERT INTO customer_accounts (platform, platform_user_id, customer_id) VALUES (?,?,?) "
        "ON CONFLICT(platform, platform_user_id) DO UPDATE SET customer_id=excluded.customer_id");
    s.bind(1, platform);
    s.bind(2, platform_user_id);
    s.bind(3, customer_id);
    s.exec();
    return Status::Ok();
  });
}

}  // namespace chariot::store
