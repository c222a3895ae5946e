// CatalogStore: products, stores (and the dark store), their aisles, coverage and synonyms.
//
// Read-mostly: the seeding replaces the catalog's descriptive columns; stock only changes through
// OrderStore's transactions. Searching takes words already folded by the commerce layer
// (commerce/text_fold.h) and returns candidates; ranking for the customer is commerce's job.
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::store {

struct Product {
  std::string sku;
  std::string name;
  std::string name_en;
  std::string department;  // grocery | diy
  std::string category;
  std::string sold_by = "unit";  // unit | weight (price_cents per kg)
  double size = 1;
  std::string unit;        // g kg ml cl l piece
  std::string size_label;  // display size when set ("20 m")
  int64_t price_cents = 0;
  int64_t stock = 0;
  std::string gender = "m";
  std::string pack;       // what one unit sold is called ("bouteille", "paquet")
  std::string each_name;  // what the pack holds when counted ("œuf", "rouleau")
  std::string plural;     // plural of the name when the simple rule fails
  int popularity = 0;
  std::string search_text;  // folded names, fr and en
};

struct SearchHit {
  Product product;
  double rank = 0;  // FTS5 bm25: lower (more negative) is better
};

struct StoreInfo {
  std::string id;
  std::string kind;  // store | dark_store
  std::string name;
  std::string address;
  std::string city;
  std::string postcode;
  std::string opening_hours_json;
  std::string collect_counter;
  std::string collect_counter_en;
};

struct Aisle {
  int aisle = 0;
  std::string section;
  std::string section_en;
};

struct SlotTemplate {
  std::string store_id;
  std::string fulfillment;  // delivery | pickup | express
  int weekday = 0;          // 0 = Sunday
  int start_minute = 0;
  int end_minute = 0;
  int capacity = 0;
  int cutoff_minutes = 0;
  int64_t fee_cents = 0;
};

// Everything the seeding writes, in one go.
struct CatalogData {
  std::vector<Product> products;
  std::vector<StoreInfo> stores;
  // store id -> category -> aisle
  std::map<std::string, std::map<std::string, Aisle>> aisles;
  // (store id, fulfillment, postcode prefix)
  std::vector<std::tuple<std::string, std::string, std::string>> coverage;
  std::vector<SlotTemplate> slot_templates;
  // locale -> folded term -> folded replacement
  std::map<std::string, std::map<std::string, std::string>> synonyms;
};

class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  // Replaces the catalog in one transaction: products are inserted or updated by sku (their
  // stock is set only when the product is new, so re-seeding never undoes orders), stores,
  // aisles, coverage, slot templates and synonyms are replaced. The full-text index is rebuilt.
  virtual Status Replace(const CatalogData& data) = 0;
  // Number of products (0 on a fresh database).
  virtual Result<int64_t> ProductCount() = 0;

  // The product, NotFound when unknown.
  virtual Result<Product> GetProduct(const std::string& sku) = 0;
  // Products for the skus that exist, keyed by sku.
  virtual Result<std::map<std::string, Product>> GetProducts(
      const std::vector<std::string>& skus) = 0;
  // Full-text search. fts_query is an FTS5 MATCH expression built by the caller from folded
  // words (each quoted). Best first, at most limit.
  virtual Result<std::vector<SearchHit>> Search(const std::string& fts_query, int limit) = 0;
  // The synonyms of a locale (folded term -> folded replacement).
  virtual Result<std::map<std::string, std::string>> Synonyms(const std::string& locale) = 0;

  virtual Result<std::vector<StoreInfo>> Stores() = 0;
  // NotFound when unknown.
  virtual Result<StoreInfo> GetStore(const std::string& id) = 0;
  // The aisle of a category in a store; nullopt when the store does not stock it.
  virtual Result<std::optional<Aisle>> GetAisle(const std::string& store_id,
                                                const std::string& category) = 0;
  // Stores (ids) covering a postcode for a fulfillment (delivery | express): longest prefix
  // first, then the store whose own postcode is nearest.
  virtual Result<std::vector<std::string>> StoresCovering(const std::string& fulfillment,
                                                          const std::string& postcode) = 0;
  virtual Result<std::vector<SlotTemplate>> SlotTemplates() = 0;
};

}  // namespace chariot::store
