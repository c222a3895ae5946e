#include "commerce/order_service.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "commerce/paris_time.h"
#include "commerce/slot_calendar.h"

namespace chariot::commerce {

Status OrderService::EnsureSlots() {
  int64_t now = clock_.NowSeconds();
  CivilTime today = ToParisTime(now);
  int64_t day = DaysFromCivil(today.year, today.month, today.day);
  if (slots_ready_day_.load() == day) return Status::Ok();
  auto templates = catalog_.SlotTemplates();
  if (!templates.ok()) return templates.status();
  if (Status s = orders_.EnsureSlots(SlotsFromTemplates(*templates, now, kSlotHorizonDays));
      !s.ok()) {
    return s;
  }
  slots_ready_day_.store(day);
  return Status::Ok();
}

Result<Site> OrderService::SiteFor(const store::Customer& customer,
                                   const std::string& fulfillment) {
  Site site;
  std::string store_id;
  if (fulfillment == "pickup") {
    store_id = customer.preferred_store;
    if (store_id.empty()) {
      if (customer.postcode.empty()) {
        site.problem = Site::Problem::kNeedPostcode;
        return site;
      }
      auto covering = catalog_.StoresCovering("delivery", customer.postcode);
      if (!covering.ok()) return covering.status();
      if (covering->empty()) {
        site.problem = Site::Problem::kNotCovered;
        return site;
      }
      store_id = covering->front();
    }
  } else if (fulfillment == "delivery" || fulfillment == "express") {
    if (customer.postcode.empty()) {
      site.problem = Site::Problem::kNeedPostcode;
      return site;
    }
    auto covering = catalog_.StoresCovering(fulfillment, customer.postcode);
    if (!covering.ok()) return covering.status();
    if (covering->empty()) {
      site.problem = Site::Problem::kNotCovered;
      return site;
    }
    store_id = covering->front();
    for (const std::string& id : *covering) {
      if (id == customer.preferred_store) store_id = id;
    }
  } else {
    return Status::InvalidArgument("fulfillment must be delivery, pickup or express");
  }
  auto store = catalog_.GetStore(store_id);
  if (!store.ok()) return store.status();
  site.store = *store;
  return site;
}

Result<std::vector<store::Slot>> OrderService::FreeSlots(const std::string& store_id,
                                                         const std::string& fulfillment,
                                                         int64_t not_before, int limit) {
  if (Status s = EnsureSlots(); !s.ok()) return s;
  return orders_.FreeSlots(store_id, fulfillment, clock_.NowSeconds(), not_before,
                           std::clamp(limit, 1, 50));
}

Result<store::PlaceResult> OrderService::Place(const std::string& customer_id, int64_t slot_id,
                                               const std::string& idempotency_key) {
  store::PlaceRequest request;
  request.customer_id = customer_id;
  request.slot_id = slot_id;
  request.idempotency_key = idempotency_key;
  request.now = clock_.NowSeconds();
  return orders_.Place(request);
}

Result<std::optional<store::Order>> OrderService::CurrentOrder(const std::string& customer_id) {
  auto orders = orders_.Orders(customer_id, 20);
  if (!orders.ok()) return orders.status();
  int64_t now = clock_.NowSeconds();
  for (const store::Order& order : *orders) {
    if (order.status == "confirmed" && order.slot_end > now)
      return std::optional<store::Order>(order);
  }
  return std::optional<store::Order>();
}

Result<store::Order> OrderService::Cancel(const std::string& customer_id, int64_t order_id) {
  return orders_.Cancel(customer_id, order_id, clock_.NowSeconds());
}

Result<std::vector<UsualItem>> OrderService::UsualBasket(const std::string& customer_id) {
  auto orders = orders_.Orders(customer_id, 20);
  if (!orders.ok()) return orders.status();
  std::vector<const store::Order*> recent;
  for (const store::Order& order : *orders) {
    if (order.status == "confirmed" && recent.size() < 5) recent.push_back(&order);
  }
  if (recent.empty()) return std::vector<UsualItem>();
  // sku -> (orders containing it, quantities), in the order of the most recent basket.
  std::map<std::string, std::pair<int, std::vector<double>>> seen;
  std::vector<std::string> order_of_first_seen;
  for (const store::Order* order : recent) {
    for (const store::OrderItem& item : order->items) {
      auto& entry = seen[item.sku];
      if (entry.first == 0) order_of_first_seen.push_back(item.sku);
      entry.first += 1;
      entry.second.push_back(item.quantity);
    }
  }
  int needed = recent.size() == 1 ? 1 : std::max<int>(2, (static_cast<int>(recent.size()) + 1) / 2);
  std::vector<UsualItem> basket;
  for (const std::string& sku : order_of_first_seen) {
    auto& [count, quantities] = seen[sku];
    if (count < needed) continue;
    std::sort(quantities.begin(), quantities.end());
    basket.push_back({sku, quantities[quantities.size() / 2]});  // the median quantity
  }
  return basket;
}

Result<std::optional<std::string>> OrderService::Suggestion(
    const std::string& customer_id, const std::vector<std::string>& skus_on_list) {
  auto history = orders_.PurchaseHistory(customer_id);
  if (!history.ok()) return history.status();
  std::optional<std::string> best;
  int best_count = 1;
  for (const auto& [sku, stats] : *history) {
    if (std::find(skus_on_list.begin(), skus_on_list.end(), sku) != skus_on_list.end()) continue;
    if (stats.first > best_count) {
      best = sku;
      best_count = stats.first;
    }
  }
  return best;
}

}  // namespace chariot::commerce
