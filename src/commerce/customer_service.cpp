#include "commerce/customer_service.h"

#include <cctype>
#include <cstdio>
#include <random>

namespace chariot::commerce {

Result<CustomerVisit> CustomerService::Visit(const std::string& customer_id,
                                             const std::string& locale) {
  if (customer_id.empty() || customer_id.size() > 128)
    return Status::InvalidArgument("bad customer id");
  auto found = customers_.Get(customer_id);
  if (!found.ok()) return found.status();
  if (found->has_value()) return CustomerVisit{**found, false};
  store::Customer customer;
  customer.id = customer_id;
  customer.locale = locale.empty() ? "fr-FR" : locale;
  customer.created_at = clock_.NowSeconds();
  if (Status s = customers_.Put(customer); !s.ok()) return s;
  return CustomerVisit{customer, true};
}

Result<std::optional<store::Customer>> CustomerService::Find(const std::string& customer_id) {
  return customers_.Get(customer_id);
}

Result<store::Customer> CustomerService::SetPostcode(const std::string& customer_id,
                                                     const std::string& postcode) {
  if (postcode.size() != 5) return Status::InvalidArgument("a postcode has five digits");
  for (char c : postcode) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return Status::InvalidArgument("a postcode has five digits");
  }
  auto visit = Visit(customer_id, "");
  if (!visit.ok()) return visit.status();
  store::Customer customer = visit->customer;
  customer.postcode = postcode;
  if (customer.preferred_store.empty()) {
    auto covering = catalog_.StoresCovering("delivery", postcode);
    if (covering.ok() && !covering->empty()) customer.preferred_store = covering->front();
  }
  if (Status s = customers_.Put(customer); !s.ok()) return s;
  return customer;
}

Status CustomerService::SetPreferredStore(const std::string& customer_id,
                                          const std::string& store_id) {
  auto store = catalog_.GetStore(store_id);
  if (!store.ok()) return store.status();
  if (store->kind != "store") return Status::NotFound("not a store");
  auto visit = Visit(customer_id, "");
  if (!visit.ok()) return visit.status();
  store::Customer customer = visit->customer;
  customer.preferred_store = store_id;
  return customers_.Put(customer);
}

Result<std::string> CustomerService::CustomerForPlatformUser(const std::string& platform,
                                                             const std::string& platform_user_id) {
  if (platform.empty() || platform_user_id.empty() || platform_user_id.size() > 512) {
    return Status::InvalidArgument("bad platform user");
  }
  auto found = customers_.FindAccount(platform, platform_user_id);
  if (!found.ok()) return found.status();
  if (found->has_value()) return **found;
  // A fresh opaque id: platform user ids are long and must not leak into URLs or logs.
  static thread_local std::mt19937_64 random{std::random_device{}()};
  char id[40];
  std::snprintf(id, sizeof id, "c-%016llx", static_cast<unsigned long long>(random()));
  auto visit = Visit(id, "");
  if (!visit.ok()) return visit.status();
  if (Status s = customers_.LinkAccount(platform, platform_user_id, id); !s.ok()) return s;
  return std::string(id);
}

Status CustomerService::LinkAccount(const std::string& platform,
                                    const std::string& platform_user_id,
                                    const std::string& customer_id) {
  auto visit = Visit(customer_id, "");
  if (!visit.ok()) return visit.status();
  return customers_.LinkAccount(platform, platform_user_id, customer_id);
}

}  // namespace chariot::commerce
