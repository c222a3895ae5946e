#include <cctype>

#include "store/postgres/pg_commerce_stores.h"
#include "store/postgres/pg_rows.h"

namespace chariot::store {
namespace {

constexpr const char* kProductColumns =
    "sku, name, name_en, department, category, sold_by, size, unit, size_label, price_cents, "
    "stock, gender, pack, each_name, plural, popularity, search_text";
constexpr const char* kStoreColumns =
    "id, kind, name, address, city, postcode, opening_hours_json, collect_counter, "
    "collect_counter_en";

Product ReadProduct(const pqxx::row& r) {
  Product p;
  p.sku = pg::Text(r[0]);
  p.name = pg::Text(r[1]);
  p.name_en = pg::Text(r[2]);
  p.department = pg::Text(r[3]);
  p.category = pg::Text(r[4]);
  p.sold_by = pg::Text(r[5]);
  p.size = pg::Real(r[6]);
  p.unit = pg::Text(r[7]);
  p.size_label = pg::Text(r[8]);
  p.price_cents = pg::Int(r[9]);
  p.stock = pg::Int(r[10]);
  p.gender = pg::Text(r[11]);
  p.pack = pg::Text(r[12]);
  p.each_name = pg::Text(r[13]);
  p.plural = pg::Text(r[14]);
  p.popularity = static_cast<int>(pg::Int(r[15]));
  p.search_text = pg::Text(r[16]);
  return p;
}

StoreInfo ReadStore(const pqxx::row& r) {
  return {pg::Text(r[0]), pg::Text(r[1]), pg::Text(r[2]), pg::Text(r[3]), pg::Text(r[4]),
          pg::Text(r[5]), pg::Text(r[6]), pg::Text(r[7]), pg::Text(r[8])};
}

}  // namespace

Result<std::string> FtsToTsQuery(const std::string& fts) {
  std::string out;
  size_t i = 0;
  bool expect_word = true;
  auto skip_spaces = [&] {
    while (i < fts.size() && fts[i] == ' ') ++i;
  };
  skip_spaces();
  while (i < fts.size()) {
    if (expect_word) {
      bool quoted = fts[i] == '"';
      if (quoted) ++i;
      std::string word;
      while (i < fts.size() && std::isalnum(static_cast<unsigned char>(fts[i])) &&
             !std::isupper(static_cast<unsigned char>(fts[i]))) {
        word += fts[i++];
      }
      if (quoted) {
        if (i >= fts.size() || fts[i] != '"') return Status::InvalidArgument("unsupported search");
        ++i;
      }
      if (word.empty()) return Status::InvalidArgument("unsupported search");
      out += word;
      if (i < fts.size() && fts[i] == '*') {
        out += ":*";
        ++i;
      }
      expect_word = false;
    } else {
      if (fts.compare(i, 3, "AND") == 0) {
        out += " & ";
        i += 3;
      } else if (fts.compare(i, 2, "OR") == 0) {
        out += " | ";
        i += 2;
      } else {
        return Status::InvalidArgument("unsupported search");
      }
      expect_word = true;
    }
    skip_spaces();
  }
  if (expect_word) return Status::InvalidArgument("unsupported search");
  return out;
}

Status PgCatalogStore::Replace(const CatalogData& data) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    // Two instances starting at once both seed: one at a time, the second rewrites the same.
    tx.Run("SELECT pg_advisory_xact_lock($1)", pg::kCatalogLock);
    for (const Product& p : data.products) {
      tx.Run(
          "INSERT INTO products (sku, name, name_en, department, category, sold_by, size, unit, "
          "size_label, price_cents, stock, gender, pack, each_name, plural, popularity, "
          "search_text) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) "
          "ON CONFLICT (sku) DO UPDATE SET name=excluded.name, name_en=excluded.name_en, "
          "department=excluded.department, category=excluded.category, "
          "sold_by=excluded.sold_by, size=excluded.size, unit=excluded.unit, "
          "size_label=excluded.size_label, price_cents=excluded.price_cents, "
          "gender=excluded.gender, pack=excluded.pack, each_name=excluded.each_name, "
          "plural=excluded.plural, popularity=excluded.popularity, "
          "search_text=excluded.search_text",
          p.sku, p.name, p.name_en, p.department, p.category, p.sold_by, p.size, p.unit,
          p.size_label, p.price_cents, p.stock, p.gender, p.pack, p.each_name, p.plural,
          p.popularity, p.search_text);
    }
    tx.Exec("DELETE FROM store_aisles");
    tx.Exec("DELETE FROM store_coverage");
    tx.Exec("DELETE FROM slot_templates");
    tx.Exec("DELETE FROM synonyms");
    for (const StoreInfo& s : data.stores) {
      tx.Run(
          "INSERT INTO stores (id, kind, name, address, city, postcode, opening_hours_json, "
          "collect_counter, collect_counter_en) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) "
          "ON CONFLICT (id) DO UPDATE SET kind=excluded.kind, name=excluded.name, "
          "address=excluded.address, city=excluded.city, postcode=excluded.postcode, "
          "opening_hours_json=excluded.opening_hours_json, "
          "collect_counter=excluded.collect_counter, "
          "collect_counter_en=excluded.collect_counter_en",
          s.id, s.kind, s.name, s.address, s.city, s.postcode, s.opening_hours_json,
          s.collect_counter, s.collect_counter_en);
    }
    for (const auto& [store_id, by_category] : data.aisles) {
      for (const auto& [category, a] : by_category) {
        tx.Run(
            "INSERT INTO store_aisles (store_id, category, aisle, section, section_en) "
            "VALUES ($1,$2,$3,$4,$5)",
            store_id, category, a.aisle, a.section, a.section_en);
      }
    }
    for (const auto& [store_id, fulfillment, prefix] : data.coverage) {
      tx.Run(
          "INSERT INTO store_coverage (store_id, fulfillment, prefix) VALUES ($1,$2,$3) "
          "ON CONFLICT DO NOTHING",
          store_id, fulfillment, prefix);
    }
    for (const SlotTemplate& t : data.slot_templates) {
      tx.Run(
          "INSERT INTO slot_templates (store_id, fulfillment, weekday, start_minute, end_minute, "
          "capacity, cutoff_minutes, fee_cents) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) "
          "ON CONFLICT (store_id, fulfillment, weekday, start_minute) DO UPDATE SET "
          "end_minute=excluded.end_minute, capacity=excluded.capacity, "
          "cutoff_minutes=excluded.cutoff_minutes, fee_cents=excluded.fee_cents",
          t.store_id, t.fulfillment, t.weekday, t.start_minute, t.end_minute, t.capacity,
          t.cutoff_minutes, t.fee_cents);
    }
    for (const auto& [locale, terms] : data.synonyms) {
      for (const auto& [term, replacement] : terms) {
        tx.Run(
            "INSERT INTO synonyms (locale, term, replacement) VALUES ($1,$2,$3) "
            "ON CONFLICT (locale, term) DO UPDATE SET replacement=excluded.replacement",
            locale, term, replacement);
      }
    }
    return Status::Ok();
  });
}

Result<int64_t> PgCatalogStore::ProductCount() {
  return db_.Read([&](PgTransaction& tx) -> Result<int64_t> {
    return pg::Int(tx.Run("SELECT COUNT(*) FROM products")[0][0]);
  });
}

Result<Product> PgCatalogStore::GetProduct(const std::string& sku) {
  return db_.Read([&](PgTransaction& tx) -> Result<Product> {
    auto rows =
        tx.Run(std::string("SELECT ") + kProductColumns + " FROM products WHERE sku = $1", sku);
    if (rows.empty()) return Status::NotFound("unknown product");
    return ReadProduct(rows[0]);
  });
}

Result<std::map<std::string, Product>> PgCatalogStore::GetProducts(
    const std::vector<std::string>& skus) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::map<std::string, Product>> {
    std::map<std::string, Product> out;
    for (const std::string& sku : skus) {
      auto rows =
          tx.Run(std::string("SELECT ") + kProductColumns + " FROM products WHERE sku = $1", sku);
      if (!rows.empty()) out.emplace(sku, ReadProduct(rows[0]));
    }
    return out;
  });
}

Result<std::vector<SearchHit>> PgCatalogStore::Search(const std::string& fts_query, int limit) {
  auto tsquery = FtsToTsQuery(fts_query);
  if (!tsquery.ok()) return tsquery.status();
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<SearchHit>> {
    // ts_rank normalised by document length (1: 1 + log(length)) favours short names, as
    // bm25 does; equal ranks keep the catalog's order, as FTS5 keeps rowid order.
    auto rows = tx.Run(std::string("SELECT ") + kProductColumns +
                           ", ts_rank(search_vector, q, 1) AS r FROM products, "
                           "to_tsquery('simple', $1) AS q WHERE search_vector @@ q "
                           "ORDER BY r DESC, seq LIMIT $2",
                       *tsquery, limit);
    std::vector<SearchHit> hits;
    for (const auto& row : rows) hits.push_back({ReadProduct(row), -pg::Real(row[17])});
    return hits;
  });
}

Result<std::map<std::string, std::string>> PgCatalogStore::Synonyms(const std::string& locale) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::map<std::string, std::string>> {
    std::map<std::string, std::string> out;
    for (const auto& row :
         tx.Run("SELECT term, replacement FROM synonyms WHERE locale = $1", locale)) {
      out[pg::Text(row[0])] = pg::Text(row[1]);
    }
    return out;
  });
}

Result<std::vector<StoreInfo>> PgCatalogStore::Stores() {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<StoreInfo>> {
    std::vector<StoreInfo> out;
    for (const auto& row :
         tx.Run(std::string("SELECT ") + kStoreColumns + " FROM stores ORDER BY id")) {
      out.push_back(ReadStore(row));
    }
    return out;
  });
}

Result<StoreInfo> PgCatalogStore::GetStore(const std::string& id) {
  return db_.Read([&](PgTransaction& tx) -> Result<StoreInfo> {
    auto rows = tx.Run(std::string("SELECT ") + kStoreColumns + " FROM stores WHERE id = $1", id);
    if (rows.empty()) return Status::NotFound("unknown store");
    return ReadStore(rows[0]);
  });
}

Result<std::optional<Aisle>> PgCatalogStore::GetAisle(const std::string& store_id,
                                                      const std::string& category) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<Aisle>> {
    auto rows = tx.Run(
        "SELECT aisle, section, section_en FROM store_aisles WHERE store_id = $1 AND "
        "category = $2",
        store_id, category);
    if (rows.empty()) return std::optional<Aisle>();
    return std::optional<Aisle>(
        Aisle{static_cast<int>(pg::Int(rows[0][0])), pg::Text(rows[0][1]), pg::Text(rows[0][2])});
  });
}

Result<std::vector<std::string>> PgCatalogStore::StoresCovering(const std::string& fulfillment,
                                                                const std::string& postcode) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<std::string>> {
    // SQLite's CAST(x AS INTEGER) reads the leading digits and gives 0 otherwise; the same here.
    auto rows = tx.Run(
        "SELECT c.store_id FROM store_coverage c JOIN stores s ON s.id = c.store_id "
        "WHERE c.fulfillment = $1 AND substr($2::text, 1, length(c.prefix)) = c.prefix "
        "ORDER BY length(c.prefix) DESC, "
        "abs(COALESCE(substring(s.postcode from '^[0-9]{1,15}')::bigint, 0) - "
        "COALESCE(substring($2::text from '^[0-9]{1,15}')::bigint, 0)), c.store_id",
        fulfillment, postcode);
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(pg::Text(row[0]));
    return out;
  });
}

Result<std::vector<SlotTemplate>> PgCatalogStore::SlotTemplates() {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<SlotTemplate>> {
    std::vector<SlotTemplate> out;
    for (const auto& r : tx.Run("SELECT store_id, fulfillment, weekday, start_minute, end_minute, "
                                "capacity, cutoff_minutes, fee_cents FROM slot_templates "
                                "ORDER BY store_id, fulfillment, weekday, start_minute")) {
      SlotTemplate t;
      t.store_id = pg::Text(r[0]);
      t.fulfillment = pg::Text(r[1]);
      t.weekday = static_cast<int>(pg::Int(r[2]));
      t.start_minute = static_cast<int>(pg::Int(r[3]));
      t.end_minute = static_cast<int>(pg::Int(r[4]));
      t.capacity = static_cast<int>(pg::Int(r[5]));
      t.cutoff_minutes = static_cast<int>(pg::Int(r[6]));
      t.fee_cents = pg::Int(r[7]);
      out.push_back(t);
    }
    return out;
  });
}

}  // namespace chariot::store
