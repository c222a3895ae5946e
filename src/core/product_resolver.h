// ProductResolver: turns the product words a customer said into catalog products.
//
// Implemented by the commerce layer (catalog search); used by `chariot parse`, /v1/parse and the
// shopping flow. Declared here so layers below commerce can hold one without depending on it.
//
// Thread safety: implementations are safe to call from many threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chariot {

struct ProductMatch {
  std::string sku;
  std::string name;   // the catalog's display name, e.g. "Lait demi-écrémé 1 L"
  double score = 0;   // higher is better
};

class ProductResolver {
 public:
  virtual ~ProductResolver() = default;
  // Best matches first; at most `limit`. Empty when nothing fits. `user_id` may be empty; when
  // set, products the customer bought before rank first.
  virtual std::vector<ProductMatch> Resolve(std::string_view words, std::string_view locale,
                                            std::string_view user_id, size_t limit) const = 0;
};

}  // namespace chariot
