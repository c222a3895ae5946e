// The commerce stores over PostgreSQL (schemas/migrations/postgres/0002_commerce.sql): catalog,
// shopping lists, orders and customers. Same contracts as the SQLite ones (store/*_store.h).
//
// Several instances may share the database. Where SQLite relies on its single writer, these use
// row locks: Place locks the slot, the customer's list rows and each product's stock row (in sku
// order, so two orders never deadlock), and serialises one idempotency key with an advisory lock;
// Cancel locks the order then its slot. Catalog search uses a generated tsvector column ('simple'
// configuration over the folded words) instead of FTS5.
//
// Thread safety: safe from many threads and many processes.
#pragma once

#include "store/catalog_store.h"
#include "store/customer_store.h"
#include "store/list_store.h"
#include "store/order_store.h"
#include "store/postgres/pg_database.h"

namespace chariot::store {

class PgCatalogStore : public CatalogStore {
 public:
  explicit PgCatalogStore(PgDatabase& db) : db_(db) {}
  Status Replace(const CatalogData& data) override;
  Result<int64_t> ProductCount() override;
  Result<Product> GetProduct(const std::string& sku) override;
  Result<std::map<std::string, Product>> GetProducts(const std::vector<std::string>& skus) override;
  // Accepts the FTS5 expressions commerce builds ("w"* joined by AND or OR) and runs them as a
  // tsquery; rank is -ts_rank, so lower is better as with bm25. InvalidArgument for other syntax.
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
  PgDatabase& db_;
};

// Converts commerce's FTS5 expression ("lait"* AND "demi"*) to a tsquery (lait:* & demi:*).
// InvalidArgument for anything else.
Result<std::string> FtsToTsQuery(const std::string& fts_query);

class PgListStore : public ListStore {
 public:
  explicit PgListStore(PgDatabase& db) : db_(db) {}
  Result<std::vector<ListItem>> Items(const std::string& customer_id) override;
  Result<double> Add(const std::string& customer_id, const std::string& sku, double quantity,
                     double max_quantity, int64_t now) override;
  Status Set(const std::string& customer_id, const std::string& sku, double quantity,
             int64_t now) override;
  Status Remove(const std::string& customer_id, const std::string& sku) override;
  Result<int> Clear(const std::string& customer_id) override;

 private:
  PgDatabase& db_;
};

class PgOrderStore : public OrderStore {
 public:
  explicit PgOrderStore(PgDatabase& db) : db_(db) {}
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
  PgDatabase& db_;
};

class PgCustomerStore : public CustomerStore {
 public:
  explicit PgCustomerStore(PgDatabase& db) : db_(db) {}
  Result<std::optional<Customer>> Get(const std::string& id) override;
  Status Put(const Customer& customer) override;
  Result<std::optional<std::string>> FindAccount(const std::string& platform,
                                                 const std::string& platform_user_id) override;
  Status LinkAccount(const std::string& platform, const std::string& platform_user_id,
                     const std::string& customer_id) override;

 private:
  PgDatabase& db_;
};

}  // namespace chariot::store
