// CatalogService: product search for what customers say, product facts and where to find them.
//
// Implements chariot::ProductResolver. Search folds accents and French plural/feminine endings
// on both sides (commerce/text_fold.h), applies the locale's synonyms ("pq" -> papier toilette),
// asks the FTS5 index for products holding every word said, and ranks them: how much of the
// product's name was said, whether its name starts with what was said, the customer's purchase
// history (first), then popularity. When no product holds every word, products holding some of
// them come back as suggestions (exact = false).
//
// Thread safety: safe from many threads; the synonyms are loaded once at construction (call
// Reload after re-seeding).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/product_resolver.h"
#include "store/catalog_store.h"
#include "store/order_store.h"

namespace chariot::commerce {

struct Candidate {
  store::Product product;
  double score = 0;
  bool exact = false;   // every word said is in the product's names
  double coverage = 0;  // share of the product's name that was said, 0..1
  bool bought_before = false;
  bool starts_with_said = false;  // the product's name starts with a word said
};

class CatalogService : public ProductResolver {
 public:
  CatalogService(store::CatalogStore& catalog, store::OrderStore& orders);

  // Candidates best first, at most limit; products of the same name and different sizes appear
  // once (the one bought before, else the most popular). Empty when nothing is even close.
  std::vector<Candidate> Find(std::string_view words, std::string_view locale,
                              std::string_view customer_id, size_t limit) const;

  // ProductResolver
  std::vector<ProductMatch> Resolve(std::string_view words, std::string_view locale,
                                    std::string_view user_id, size_t limit) const override;

  Result<store::Product> Product(const std::string& sku) const { return catalog_.GetProduct(sku); }
  Result<std::map<std::string, store::Product>> Products(
      const std::vector<std::string>& skus) const {
    return catalog_.GetProducts(skus);
  }
  Result<store::StoreInfo> Store(const std::string& id) const { return catalog_.GetStore(id); }
  Result<std::optional<store::Aisle>> AisleOf(const std::string& store_id,
                                              const store::Product& product) const {
    return catalog_.GetAisle(store_id, product.category);
  }
  // The display name with its size: "Lait demi-écrémé 1 L", "Pommes Golden au kilo".
  static std::string DisplayName(const store::Product& product, std::string_view locale);

  void Reload();

 private:
  std::string ApplySynonyms(std::string folded, std::string_view locale) const;

  store::CatalogStore& catalog_;
  store::OrderStore& orders_;
  mutable std::mutex mutex_;
  std::map<std::string, std::map<std::string, std::string>> synonyms_;  // locale -> term -> words
};

}  // namespace chariot::commerce
