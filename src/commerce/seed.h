// SeedDemoData: loads the catalog files of data/ (docs/DATA.md) into the commerce stores.
//
// Idempotent and safe on every start: products are upserted by sku (stock is only set for new
// products, so restarting never undoes orders), stores, aisles, coverage, slot templates and
// synonyms are replaced, and the slots of the next 7 days are created from the templates when
// missing. A retailer replaces data/ with its own files in the same format.
//
// Thread safety: call once at start, before serving.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/catalog_store.h"
#include "store/order_store.h"

namespace chariot::commerce {

struct SeedReport {
  int products = 0;
  int stores = 0;
  int slot_templates = 0;
};

// Reads data_dir/products.json, stores.json, slots.json and synonyms.json. Fails with
// InvalidArgument naming the file and the problem when one is missing or malformed (nothing is
// written then), Unavailable when the database fails.
Result<SeedReport> SeedDemoData(store::CatalogStore& catalog, store::OrderStore& orders,
                                const std::string& data_dir, int64_t now_seconds);

// Parses the files only (for validation tests and `migrate`): same errors as SeedDemoData.
Result<store::CatalogData> LoadCatalogFiles(const std::string& data_dir);

}  // namespace chariot::commerce
