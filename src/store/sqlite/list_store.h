// SqliteListStore: ListStore on the embedded SQLite database.
//
// Thread safety: safe from many threads.
#pragma once

#include "store/database.h"
#include "store/list_store.h"

namespace chariot::store {

class SqliteListStore : public ListStore {
 public:
  explicit SqliteListStore(Database& database) : database_(database) {}

  // ListStore
  Result<std::vector<ListItem>> Items(const std::string& customer_id) override;
  Result<double> Add(const std::string& customer_id, const std::string& sku, double quantity,
                     double max_quantity, int64_t now) override;
  Status Set(const std::string& customer_id, const std::string& sku, double quantity,
             int64_t now) override;
  Status Remove(const std::string& customer_id, const std::string& sku) override;
  Result<int> Clear(const std::string& customer_id) override;

 private:
  Database& database_;
};

}  // namespace chariot::store
