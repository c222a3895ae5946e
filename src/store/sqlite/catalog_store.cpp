#include "store/sqlite/catalog_store.h"

namespace chariot::store {

Product ReadProduct(SQLite::Statement& s, int c) {
  Product p;
  p.sku = s.getColumn(c + 0).getString();
  p.name = s.getColumn(c + 1).getString();
  p.name_en = s.getColumn(c + 2).getString();
  p.department = s.getColumn(c + 3).getString();
  p.category = s.getColumn(c + 4).getString();
  p.sold_by = s.getColumn(c + 5).getString();
  p.size = s.getColumn(c + 6).getDouble();
  p.unit = s.getColumn(c + 7).getString();
  p.size_label = s.getColumn(c + 8).getString();
  p.price_cents = s.getColumn(c + 9).getInt64();
  p.stock = s.getColumn(c + 10).getInt64();
  p.gender = s.getColumn(c + 11).getString();
  p.pack = s.getColumn(c + 12).getString();
  p.each_name = s.getColumn(c + 13).getString();
  p.plural = s.getColumn(c + 14).getString();
  p.popularity = s.getColumn(c + 15).getInt();
  p.search_text = s.getColumn(c + 16).getString();
  return p;
}

namespace {

StoreInfo ReadStore(SQLite::Statement& s) {
  StoreInfo info;
  info.id = s.getColumn(0).getString();
  info.kind = s.getColumn(1).getString();
  info.name = s.getColumn(2).getString();
  info.address = s.getColumn(3).getString();
  info.city = s.getColumn(4).getString();
  info.postcode = s.getColumn(5).getString();
  info.opening_hours_json = s.getColumn(6).getString();
  info.collect_counter = s.getColumn(7).getString();
  info.collect_counter_en = s.getColumn(8).getString();
  return info;
}

constexpr const char* kStoreColumns =
    "id, kind, name, address, city, postcode, opening_hours_json, collect_counter, "
    "collect_counter_en";

}  // namespace

// CatalogStore

Status SqliteCatalogStore::Replace(const CatalogData& data) {
  return database_.Write([&](Connection& c) -> Status {
    auto& upsert = c.Prepare(
        "INSERT INTO products (sku, name, name_en, department, category, sold_by, size, unit, "
        "size_label, price_cents, stock, gender, pack, each_name, plural, popularity, search_text) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(sku) DO UPDATE SET "
        "name=excluded.name, name_en=excluded.name_en, department=excluded.department, "
        "category=excluded.category, sold_by=excluded.sold_by, size=excluded.size, "
        "unit=excluded.unit, size_label=excluded.size_label, price_cents=excluded.price_cents, "
        "gender=excluded.gender, pack=excluded.pack, each_name=excluded.each_name, "
        "plural=excluded.plural, popularity=excluded.popularity, search_text=excluded.search_text");
    for (const Product& p : data.products) {
      upsert.reset();
      upsert.clearBindings();
      upsert.bind(1, p.sku);
      upsert.bind(2, p.name);
      upsert.bind(3, p.name_en);
      upsert.bind(4, p.department);
      upsert.bind(5, p.category);
      upsert.bind(6, p.sold_by);
      upsert.bind(7, p.size);
      upsert.bind(8, p.unit);
      upsert.bind(9, p.size_label);
      upsert.bind(10, static_cast<int64_t>(p.price_cents));
      upsert.bind(11, static_cast<int64_t>(p.stock));
      upsert.bind(12, p.gender);
      upsert.bind(13, p.pack);
      upsert.bind(14, p.each_name);
      upsert.bind(15, p.plural);
      upsert.bind(16, p.popularity);
      upsert.bind(17, p.search_text);
      upsert.exec();
    }
    c.Exec("INSERT INTO products_fts(products_fts) VALUES('rebuild')");

    c.Exec("DELETE FROM store_aisles");
    c.Exec("DELETE FROM store_coverage");
    c.Exec("DELETE FROM slot_templates");
    c.Exec("DELETE FROM synonyms");
    auto& store = c.Prepare(
        "INSERT INTO stores (id, kind, name, address, city, postcode, opening_hours_json, "
        "collect_counter, collect_counter_en) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE "
        "SET kind=excluded.kind, name=excluded.name, address=excluded.address, "
        "city=excluded.city, postcode=excluded.postcode, "
        "opening_hours_json=excluded.opening_hours_json, collect_counter=excluded.collect_counter, "
        "collect_counter_en=excluded.collect_counter_en");
    for (const StoreInfo& s : data.stores) {
      store.reset();
      store.clearBindings();
      store.bind(1, s.id);
      store.bind(2, s.kind);
      store.bind(3, s.name);
      store.bind(4, s.address);
      store.bind(5, s.city);
      store.bind(6, s.postcode);
      store.bind(7, s.opening_hours_json);
      store.bind(8, s.collect_counter);
      store.bind(9, s.collect_counter_en);
      store.exec();
    }
    auto& aisle = c.Prepare(
        "INSERT INTO store_aisles (store_id, category, aisle, section, section_en) "
        "VALUES (?,?,?,?,?)");
    for (const auto& [store_id, by_category] : data.aisles) {
      for (const auto& [category, a] : by_category) {
        aisle.reset();
        aisle.clearBindings();
        aisle.bind(1, store_id);
        aisle.bind(2, category);
        aisle.bind(3, a.aisle);
        aisle.bind(4, a.section);
        aisle.bind(5, a.section_en);
        aisle.exec();
      }
    }
    auto& coverage = c.Prepare(
        "INSERT OR IGNORE INTO store_coverage (store_id, fulfillment, prefix) VALUES (?,?,?)");
    for (const auto& [store_id, fulfillment, prefix] : data.coverage) {
      coverage.reset();
      coverage.clearBindings();
      coverage.bind(1, store_id);
      coverage.bind(2, fulfillment);
      coverage.bind(3, prefix);
      coverage.exec();
    }
    auto& slot = c.Prepare(
        "INSERT OR REPLACE INTO slot_templates (store_id, fulfillment, weekday, start_minute, "
        "end_minute, capacity, cutoff_minutes, fee_cents) VALUES (?,?,?,?,?,?,?,?)");
    for (const SlotTemplate& t : data.slot_templates) {
      slot.reset();
      slot.clearBindings();
      slot.bind(1, t.store_id);
      slot.bind(2, t.fulfillment);
      slot.bind(3, t.weekday);
      slot.bind(4, t.start_minute);
      slot.bind(5, t.end_minute);
      slot.bind(6, t.capacity);
      slot.bind(7, t.cutoff_minutes);
      slot.bind(8, static_cast<int64_t>(t.fee_cents));
      slot.exec();
    }
    auto& synonym =
        c.Prepare("INSERT OR REPLACE INTO synonyms (locale, term, replacement) VALUES (?,?,?)");
    for (const auto& [locale, terms] : data.synonyms) {
      for (const auto& [term, replacement] : terms) {
        synonym.reset();
        synonym.clearBindings();
        synonym.bind(1, locale);
        synonym.bind(2, term);
        synonym.bind(3, replacement);
        synonym.exec();
      }
    }
    return Status::Ok();
  });
}

Result<int64_t> SqliteCatalogStore::ProductCount() {
  return database_.Read([&](Connection& c) -> Result<int64_t> {
    auto& s = c.Prepare("SELECT COUNT(*) FROM products");
    s.executeStep();
    return s.getColumn(0).getInt64();
  });
}

Result<Product> SqliteCatalogStore::GetProduct(const std::string& sku) {
  return database_.Read([&](Connection& c) -> Result<Product> {
    auto& s = c.Prepare(std::string("SELECT ") + kProductColumns + " FROM products WHERE sku = ?");
    s.bind(1, sku);
    if (!s.executeStep()) return Status::NotFound("unknown product");
    return ReadProduct(s);
  });
}

Result<std::map<std::string, Product>> SqliteCatalogStore::GetProducts(
    const std::vector<std::string>& skus) {
  return database_.Read([&](Connection& c) -> Result<std::map<std::string, Product>> {
    std::map<std::string, Product> out;
    auto& s = c.Prepare(std::string("SELECT ") + kProductColumns + " FROM products WHERE sku = ?");
    for (const std::string& sku : skus) {
      s.reset();
      s.clearBindings();
      s.bind(1, sku);
      if (s.executeStep()) out.emplace(sku, ReadProduct(s));
    }
    return out;
  });
}

Result<std::vector<SearchHit>> SqliteCatalogStore::Search(const std::string& fts_query, int limit) {
  return database_.Read([&](Connection& c) -> Result<std::vector<SearchHit>> {
    auto& s = c.Prepare(
        "SELECT p.sku, p.name, p.name_en, p.department, p.category, p.sold_by, p.size, p.unit, "
        "p.size_label, p.price_cents, p.stock, p.gender, p.pack, p.each_name, p.plural, "
        "p.popularity, p.search_text, bm25(products_fts) FROM products_fts "
        "JOIN products p ON p.rowid = products_fts.rowid WHERE products_fts MATCH ? "
        "ORDER BY bm25(products_fts) LIMIT ?");
    s.bind(1, fts_query);
    s.bind(2, limit);
    std::vector<SearchHit> hits;
    while (s.executeStep()) {
      SearchHit hit;
      hit.product = ReadProduct(s);
      hit.rank = s.getColumn(17).getDouble();
      hits.push_back(std::move(hit));
    }
    return hits;
  });
}

Result<std::map<std::string, std::string>> SqliteCatalogStore::Synonyms(const std::string& locale) {
  return database_.Read([&](Connection& c) -> Result<std::map<std::string, std::string>> {
    auto& s = c.Prepare("SELECT term, replacement FROM synonyms WHERE locale = ?");
    s.bind(1, locale);
    std::map<std::string, std::string> out;
    while (s.executeStep()) out[s.getColumn(0).getString()] = s.getColumn(1).getString();
    return out;
  });
}

Result<std::vector<StoreInfo>> SqliteCatalogStore::Stores() {
  return database_.Read([&](Connection& c) -> Result<std::vector<StoreInfo>> {
    auto& s = c.Prepare(std::string("SELECT ") + kStoreColumns + " FROM stores ORDER BY id");
    std::vector<StoreInfo> out;
    while (s.executeStep()) out.push_back(ReadStore(s));
    return out;
  });
}

Result<StoreInfo> SqliteCatalogStore::GetStore(const std::string& id) {
  return database_.Read([&](Connection& c) -> Result<StoreInfo> {
    auto& s = c.Prepare(std::string("SELECT ") + kStoreColumns + " FROM stores WHERE id = ?");
    s.bind(1, id);
    if (!s.executeStep()) return Status::NotFound("unknown store");
    return ReadStore(s);
  });
}

Result<std::optional<Aisle>> SqliteCatalogStore::GetAisle(const std::string& store_id,
                                                          const std::string& category) {
  return database_.Read([&](Connection& c) -> Result<std::optional<Aisle>> {
    auto& s = c.Prepare(
        "SELECT aisle, section, section_en FROM store_aisles WHERE store_id = ? AND category = ?");
    s.bind(1, store_id);
    s.bind(2, category);
    if (!s.executeStep()) return std::optional<Aisle>();
    return std::optional<Aisle>(
        Aisle{s.getColumn(0).getInt(), s.getColumn(1).getString(), s.getColumn(2).getString()});
  });
}

Result<std::vector<std::string>> SqliteCatalogStore::StoresCovering(const std::string& fulfillment,
                                                                    const std::string& postcode) {
  return database_.Read([&](Connection& c) -> Result<std::vector<std::string>> {
    auto& s = c.Prepare(
        "SELECT c.store_id FROM store_coverage c JOIN stores s ON s.id = c.store_id "
        "WHERE c.fulfillment = ?1 AND substr(?2, 1, length(c.prefix)) = c.prefix "
        "ORDER BY length(c.prefix) DESC, abs(CAST(s.postcode AS INTEGER) - CAST(?2 AS INTEGER)), "
        "c.store_id");
    s.bind(1, fulfillment);
    s.bind(2, postcode);
    std::vector<std::string> out;
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
  });
}

Result<std::vector<SlotTemplate>> SqliteCatalogStore::SlotTemplates() {
  return database_.Read([&](Connection& c) -> Result<std::vector<SlotTemplate>> {
    auto& s = c.Prepare(
        "SELECT store_id, fulfillment, weekday, start_minute, end_minute, capacity, "
        "cutoff_minutes, fee_cents FROM slot_templates");
    std::vector<SlotTemplate> out;
    while (s.executeStep()) {
      SlotTemplate t;
      t.store_id = s.getColumn(0).getString();
      t.fulfillment = s.getColumn(1).getString();
      t.weekday = s.getColumn(2).getInt();
      t.start_minute = s.getColumn(3).getInt();
      t.end_minute = s.getColumn(4).getInt();
      t.capacity = s.getColumn(5).getInt();
      t.cutoff_minutes = s.getColumn(6).getInt();
      t.fee_cents = s.getColumn(7).getInt64();
      out.push_back(t);
    }
    return out;
  });
}

}  // namespace chariot::store
