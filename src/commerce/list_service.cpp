#include "commerce/list_service.h"

#include <cmath>

#include "commerce/quantity.h"

namespace chariot::commerce {

Result<store::Product> ListService::Check(const std::string& sku, double quantity) {
  if (sku.empty() || sku.size() > 64) return Status::NotFound("unknown product");
  auto product = catalog_.GetProduct(sku);
  if (!product.ok()) return product.status();
  if (!std::isfinite(quantity) || quantity <= 0) {
    return Status::InvalidArgument("quantity must be a positive number");
  }
  if (quantity > MaxQuantity(*product)) return Status::InvalidArgument("quantity too large");
  if (product->sold_by != "weight" && std::fabs(quantity - std::round(quantity)) > 1e-9) {
    return Status::InvalidArgument("quantity must be a whole number for this product");
  }
  return product;
}

Result<std::vector<ListLine>> ListService::Lines(const std::string& customer_id) {
  auto items = lists_.Items(customer_id);
  if (!items.ok()) return items.status();
  std::vector<std::string> skus;
  for (const store::ListItem& item : *items) skus.push_back(item.sku);
  auto products = catalog_.GetProducts(skus);
  if (!products.ok()) return products.status();
  std::vector<ListLine> lines;
  for (const store::ListItem& item : *items) {
    auto it = products->find(item.sku);
    if (it != products->end()) lines.push_back({it->second, item.quantity});
  }
  return lines;
}

Result<double> ListService::Add(const std::string& customer_id, const std::string& sku,
                                double quantity) {
  auto product = Check(sku, quantity);
  if (!product.ok()) return product.status();
  return lists_.Add(customer_id, sku, quantity, MaxQuantity(*product), clock_.NowSeconds());
}

Status ListService::Set(const std::string& customer_id, const std::string& sku, double quantity) {
  auto product = Check(sku, quantity);
  if (!product.ok()) return product.status();
  return lists_.Set(customer_id, sku, quantity, clock_.NowSeconds());
}

Status ListService::Remove(const std::string& customer_id, const std::string& sku) {
  return lists_.Remove(customer_id, sku);
}

Result<int> ListService::Clear(const std::string& customer_id) { return lists_.Clear(customer_id); }

}  // namespace chariot::commerce
