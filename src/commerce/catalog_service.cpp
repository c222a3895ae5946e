#include "commerce/catalog_service.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "commerce/text_fold.h"

namespace chariot::commerce {
namespace {

bool Covers(const std::string& said, const std::string& name_word) {
  // "ecrem" said covers "ecrem"; a word said as a prefix ("demi") covers "demi".
  return name_word == said || (said.size() >= 3 && name_word.rfind(said, 0) == 0);
}

// Share of the product's name words that the customer said (best of French and English).
double Coverage(const std::vector<std::string>& said, const store::Product& p, bool& starts) {
  double best = 0;
  starts = false;
  for (const std::string* name : {&p.name, &p.name_en}) {
    std::vector<std::string> words = SearchWords(*name);
    if (words.empty()) continue;
    int covered = 0;
    for (const std::string& w : words) {
      for (const std::string& s : said) {
        if (Covers(s, w)) {
          ++covered;
          break;
        }
      }
    }
    for (const std::string& s : said) starts |= Covers(s, words.front());
    best = std::max(best, static_cast<double>(covered) / words.size());
  }
  return best;
}

std::string FtsQuery(const std::vector<std::string>& words, const char* op) {
  std::string query;
  for (const std::string& w : words) {
    if (!query.empty()) query += op;
    query += "\"" + w + "\"*";  // words are folded to [a-z0-9], so quoting is safe
  }
  return query;
}

std::string SizeLabel(const store::Product& p, std::string_view locale) {
  bool english = locale.substr(0, 2) == "en";
  if (p.sold_by == "weight") return english ? "per kilo" : "au kilo";
  if (!p.size_label.empty()) return p.size_label;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", p.size);
  std::string size = buffer;
  if (!english) std::replace(size.begin(), size.end(), '.', ',');
  if (p.unit == "piece") return p.size > 1 ? "x" + size : "";
  std::string unit = p.unit == "l" ? "L" : p.unit == "cl" ? "cL" : p.unit == "ml" ? "mL" : p.unit;
  return size + " " + unit;
}

}  // namespace

CatalogService::CatalogService(store::CatalogStore& catalog, store::OrderStore& orders)
    : catalog_(catalog), orders_(orders) {
  Reload();
}

void CatalogService::Reload() {
  std::map<std::string, std::map<std::string, std::string>> loaded;
  for (const char* locale : {"fr-FR", "en-US"}) {
    auto synonyms = catalog_.Synonyms(locale);
    if (synonyms.ok()) loaded[locale] = *synonyms;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  synonyms_ = std::move(loaded);
}

std::string CatalogService::DisplayName(const store::Product& p, std::string_view locale) {
  const std::string& name = locale.substr(0, 2) == "en" && !p.name_en.empty() ? p.name_en : p.name;
  std::string size = SizeLabel(p, locale);
  return size.empty() ? name : name + " " + size;
}

std::string CatalogService::ApplySynonyms(std::string folded, std::string_view locale) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto by_locale = synonyms_.find(std::string(locale));
  if (by_locale == synonyms_.end()) return folded;
  // Longest terms first, whole words only.
  std::vector<std::pair<std::string, std::string>> terms(by_locale->second.begin(),
                                                         by_locale->second.end());
  std::sort(terms.begin(), terms.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string padded = " " + folded + " ";
  for (const auto& [term, replacement] : terms) {
    std::string needle = " " + term + " ";
    size_t at = padded.find(needle);
    if (at != std::string::npos) padded.replace(at, needle.size(), " " + replacement + " ");
  }
  return padded.substr(1, padded.size() - 2);
}

std::vector<Candidate> CatalogService::Find(std::string_view words, std::string_view locale,
                                            std::string_view customer_id, size_t limit) const {
  std::vector<Candidate> out;
  if (words.size() > 200 || limit == 0) return out;
  std::vector<std::string> said = SearchWords(ApplySynonyms(FoldAccents(words), locale));
  if (said.empty() || said.size() > 12) return out;

  std::map<std::string, std::pair<int, double>> history;
  if (!customer_id.empty()) {
    auto bought = orders_.PurchaseHistory(std::string(customer_id));
    if (bought.ok()) history = *bought;
  }

  bool exact = true;
  auto hits = catalog_.Search(FtsQuery(said, " AND "), 60);
  if (hits.ok() && hits->empty() && said.size() > 1) {
    exact = false;
    hits = catalog_.Search(FtsQuery(said, " OR "), 60);
  }
  if (!hits.ok()) return out;

  for (const store::SearchHit& hit : *hits) {
    Candidate c;
    c.product = hit.product;
    c.exact = exact;
    bool starts = false;
    c.coverage = Coverage(said, hit.product, starts);
    c.bought_before = history.count(hit.product.sku) > 0;
    c.starts_with_said = starts;
    // Saying the whole name beats everything but history; otherwise popularity decides among
    // products that start with what was said ("lait" -> demi-écrémé before entier).
    bool whole_name = c.coverage > 0.999;
    c.score = (exact ? 1.0 : 0.0) + (whole_name ? 1.0 : c.coverage * 0.3) + (starts ? 0.3 : 0.0) +
              hit.product.popularity / 200.0 + (c.bought_before ? 2.0 : 0.0) +
              (c.bought_before ? history[hit.product.sku].first / 1000.0 : 0.0);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  // One product per name: sizes of the same product are not a real choice for the voice.
  std::set<std::string> seen;
  std::vector<Candidate> unique;
  for (Candidate& c : out) {
    if (!seen.insert(FoldAccents(c.product.name)).second) continue;
    unique.push_back(std::move(c));
    if (unique.size() >= limit) break;
  }
  return unique;
}

std::vector<ProductMatch> CatalogService::Resolve(std::string_view words, std::string_view locale,
                                                  std::string_view user_id, size_t limit) const {
  std::vector<ProductMatch> matches;
  // Only products holding every word said "fit"; the closest suggestions stay in Find.
  for (const Candidate& c : Find(words, locale, user_id, limit)) {
    if (!c.exact) continue;
    matches.push_back({c.product.sku, DisplayName(c.product, locale), c.score});
  }
  return matches;
}

}  // namespace chariot::commerce
