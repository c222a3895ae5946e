// SqliteCustomerStore: CustomerStore on the embedded SQLite database.
//
// Thread safety: safe from many threads.
#pragma once

#include "store/customer_store.h"
#include "store/database.h"

namespace chariot::store {

class SqliteCustomerStore : public CustomerStore {
 public:
  explicit SqliteCustomerStore(Database& database) : database_(database) {}

  // CustomerStore
  Result<std::optional<Customer>> Get(const std::string& id) override;
  Status Put(const Customer& customer) override;
  Result<std::optional<std::string>> FindAccount(const std::string& platform,
                                                 const std::string& platform_user_id) override;
  Status LinkAccount(const std::string& platform, const std::string& platform_user_id,
                     const std::string& customer_id) override;

 private:
  Database& database_;
};

}  // namespace chariot::store
