#include "commerce/seed.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "commerce/slot_calendar.h"
#include "commerce/text_fold.h"

namespace chariot::commerce {
namespace {

using nlohmann::json;

Result<json> ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument(path + ": cannot be read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  json document = json::parse(buffer.str(), nullptr, false);
  if (document.is_discarded()) return Status::InvalidArgument(path + ": not valid JSON");
  return document;
}

int MinuteOfDay(const std::string& hhmm) {
  static const std::regex pattern("([01][0-9]|2[0-4]):([0-5][0-9])");
  std::smatch m;
  if (!std::regex_match(hhmm, m, pattern)) return -1;
  return std::stoi(m[1]) * 60 + std::stoi(m[2]);
}

int Weekday(const std::string& day) {
  static const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int i = 0; i < 7; ++i) {
    if (day == kDays[i]) return i;
  }
  return -1;
}

const std::set<std::string> kUnits = {"g", "kg", "ml", "cl", "l", "piece"};

Status ParseProducts(const json& doc, const std::string& file, store::CatalogData& data) {
  if (!doc.contains("products") || !doc["products"].is_array()) {
    return Status::InvalidArgument(file + ": \"products\" must be an array");
  }
  std::set<std::string> skus;
  for (size_t i = 0; i < doc["products"].size(); ++i) {
    const json& p = doc["products"][i];
    std::string where = file + ": product " + std::to_string(i) + ": ";
    if (!p.is_object()) return Status::InvalidArgument(where + "not an object");
    store::Product product;
    product.sku = p.value("sku", "");
    product.name = p.value("name", "");
    if (product.sku.empty() || product.sku.size() > 64)
      return Status::InvalidArgument(where + "bad sku");
    if (!skus.insert(product.sku).second)
      return Status::InvalidArgument(where + "duplicate sku " + product.sku);
    if (product.name.empty()) return Status::InvalidArgument(where + "missing name");
    product.name_en = p.value("name_en", "");
    product.department = p.value("department", "grocery");
    product.category = p.value("category", "");
    if (product.category.empty()) return Status::InvalidArgument(where + "missing category");
    product.sold_by = p.value("sold_by", "unit");
    if (product.sold_by != "unit" && product.sold_by != "weight") {
      return Status::InvalidArgument(where + "sold_by must be unit or weight");
    }
    product.size = p.value("size", 1.0);
    product.unit = p.value("unit", "piece");
    if (!kUnits.count(product.unit) || !(product.size > 0)) {
      return Status::InvalidArgument(where + "bad size or unit");
    }
    if (!p.contains("price_cents") || !p["price_cents"].is_number_integer() ||
        p["price_cents"].get<int64_t>() < 0) {
      return Status::InvalidArgument(where + "price_cents must be a non-negative integer");
    }
    product.price_cents = p["price_cents"].get<int64_t>();
    product.stock = p.value("stock", 0);
    if (product.stock < 0) return Status::InvalidArgument(where + "negative stock");
    product.size_label = p.value("size_label", "");
    product.gender = p.value("gender", "m");
    product.pack = p.value("pack", "");
    product.each_name = p.value("each", "");
    product.plural = p.value("plural", "");
    product.popularity = p.value("popularity", 0);
    product.search_text = SearchText(product.name) + " " + SearchText(product.name_en);
    data.products.push_back(std::move(product));
  }
  return Status::Ok();
}

Status ParseStores(const json& doc, const std::string& file, store::CatalogData& data) {
  for (const char* key : {"stores", "dark_stores"}) {
    if (!doc.contains(key) || !doc[key].is_array()) {
      return Status::InvalidArgument(file + ": \"" + key + "\" must be an array");
    }
    for (const json& s : doc[key]) {
      store::StoreInfo info;
      info.id = s.value("id", "");
      info.name = s.value("name", "");
      if (info.id.empty() || info.name.empty())
        return Status::InvalidArgument(file + ": a store lacks id or name");
      info.kind = std::string(key) == "stores" ? "store" : "dark_store";
      info.address = s.value("address", "");
      info.city = s.value("city", "");
      info.postcode = s.value("postcode", "");
      info.opening_hours_json = s.value("opening_hours", json::object()).dump();
      info.collect_counter = s.value("click_and_collect", "");
      info.collect_counter_en = s.value("click_and_collect_en", "");
      const json prefixes = s.value("delivery_postcode_prefixes", json::array());
      const json express = s.value("express_postcodes", json::array());
      for (const json& prefix : prefixes) {
        data.coverage.emplace_back(info.id, "delivery", prefix.get<std::string>());
      }
      for (const json& postcode : express) {
        data.coverage.emplace_back(info.id, "express", postcode.get<std::string>());
      }
      const json aisles = s.value("aisles", json::object());  // kept alive for items()
      for (const auto& [category, a] : aisles.items()) {
        data.aisles[info.id][category] =
            store::Aisle{a.value("aisle", 0), a.value("section", ""), a.value("section_en", "")};
      }
      data.stores.push_back(std::move(info));
    }
  }
  return Status::Ok();
}

Status ParseSlots(const json& doc, const std::string& file, store::CatalogData& data) {
  if (!doc.contains("slot_templates") || !doc["slot_templates"].is_array()) {
    return Status::InvalidArgument(file + ": \"slot_templates\" must be an array");
  }
  for (const json& t : doc["slot_templates"]) {
    std::string fulfillment = t.value("fulfillment", "");
    if (fulfillment != "delivery" && fulfillment != "pickup" && fulfillment != "express") {
      return Status::InvalidArgument(file + ": fulfillment must be delivery, pickup or express");
    }
    std::vector<std::string> sites;
    const json which = t.value("sites", json("stores"));
    if (which.is_string() && which.get<std::string>() == "stores") {
      for (const store::StoreInfo& s : data.stores) {
        if (s.kind == "store") sites.push_back(s.id);
      }
    } else if (which.is_array()) {
      for (const json& id : which) sites.push_back(id.get<std::string>());
    } else {
      return Status::InvalidArgument(file + ": sites must be \"stores\" or a list of ids");
    }
    for (const std::string& site : sites) {
      bool known = false;
      for (const store::StoreInfo& s : data.stores) known |= s.id == site;
      if (!known) return Status::InvalidArgument(file + ": unknown site " + site);
    }
    const json days = t.value("days", json::array());
    const json windows = t.value("windows", json::array());
    for (const json& day : days) {
      int weekday = Weekday(day.get<std::string>());
      if (weekday < 0) return Status::InvalidArgument(file + ": bad day " + day.dump());
      for (const json& window : windows) {
        if (!window.is_array() || window.size() != 2)
          return Status::InvalidArgument(file + ": bad window");
        int start = MinuteOfDay(window[0].get<std::string>());
        int end = MinuteOfDay(window[1].get<std::string>());
        if (start < 0 || end <= start)
          return Status::InvalidArgument(file + ": bad window " + window.dump());
        for (const std::string& site : sites) {
          store::SlotTemplate st;
          st.store_id = site;
          st.fulfillment = fulfillment;
          st.weekday = weekday;
          st.start_minute = start;
          st.end_minute = end;
          st.capacity = t.value("capacity", 1);
          st.cutoff_minutes = t.value("cutoff_minutes", 60);
          st.fee_cents = t.value("fee_cents", 0);
          data.slot_templates.push_back(st);
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<store::CatalogData> LoadCatalogFiles(const std::string& data_dir) {
  store::CatalogData data;
  try {
    std::string file = data_dir + "/products.json";
    auto products = ReadJson(file);
    if (!products.ok()) return products.status();
    if (Status s = ParseProducts(*products, file, data); !s.ok()) return s;

    file = data_dir + "/stores.json";
    auto stores = ReadJson(file);
    if (!stores.ok()) return stores.status();
    if (Status s = ParseStores(*stores, file, data); !s.ok()) return s;

    file = data_dir + "/slots.json";
    auto slots = ReadJson(file);
    if (!slots.ok()) return slots.status();
    if (Status s = ParseSlots(*slots, file, data); !s.ok()) return s;

    file = data_dir + "/synonyms.json";
    auto synonyms = ReadJson(file);
    if (!synonyms.ok()) return synonyms.status();
    const json by_locale = synonyms->value("synonyms", json::object());  // kept alive for items()
    for (const auto& [locale, terms] : by_locale.items()) {
      for (const auto& [term, replacement] : terms.items()) {
        data.synonyms[locale][FoldAccents(term)] = FoldAccents(replacement.get<std::string>());
      }
    }
  } catch (const json::exception& e) {
    return Status::InvalidArgument(data_dir + ": a catalog file has a value of the wrong type (" +
                                   e.what() + ")");
  }
  return data;
}

Result<SeedReport> SeedDemoData(store::CatalogStore& catalog, store::OrderStore& orders,
                                const std::string& data_dir, int64_t now_seconds) {
  auto data = LoadCatalogFiles(data_dir);
  if (!data.ok()) return data.status();
  if (Status s = catalog.Replace(*data); !s.ok()) return s;
  if (Status s = orders.EnsureSlots(
          SlotsFromTemplates(data->slot_templates, now_seconds, kSlotHorizonDays));
      !s.ok()) {
    return s;
  }
  SeedReport report;
  report.products = static_cast<int>(data->products.size());
  report.stores = static_cast<int>(data->stores.size());
  report.slot_templates = static_cast<int>(data->slot_templates.size());
  return report;
}

}  // namespace chariot::commerce
