// SqliteCatalogStore: CatalogStore on the embedded SQLite database (schemas 0002_commerce).
//
// Thread safety: safe from many threads (every call goes through Database's lock).
#pragma once

#include "store/catalog_store.h"
#include "store/database.h"

namespace chariot::store {

class SqliteCatalogStore : public CatalogStore {
 public:
  explicit SqliteCatalogStore(Database& database) : database_(database) {}

  // CatalogStore
  Status Replace(const CatalogData& data) override;
  Result<int64_t> ProductCount() override;
  Result<Product> GetProduct(const std::string& sku) override;
  Result<std::map<std::string, Product>> GetProducts(const std::vector<std::string>& skus) override;
  Result<std::vector<SearchHit>> Search(const std::string& fts_query, int limit) override;
  Result<std::map<std::string, std::string>> Synonyms(const std::string& locale) override;
  Result<std::vector<StoreInfo>> Stores() override;
  Result<StoreInfo> GetStore(const std::string& id) override;
  Result<std::optional<Aisle>> GetAisle(const std::string& store_id,
                                        const std::string& category) override;
  Result<std::vector<std::string>> StoresCovering(const std::string& fulfillment,
                                                  const std::string& postcode) override;
  Result<std::vector<SlotTemplate>> SlotTemplates() override;

 private:
  Database& database_;
};

// Reads the product columns in the order of kProductColumns.
inline constexpr const char* kProductColumns =
    "sku, name, name_en, department, category, sold_by, size, unit, size_label, price_cents, "
    "stock, gender, pack, each_name, plural, popularity, search_text";
Product ReadProduct(SQLite::Statement& statement, int first_column = 0);

}  // namespace chariot::store
