// CustomerService: profiles (preferred store, postcode, locale) and the mapping from each
// platform's user id or linked account to a customer.
//
// Thread safety: safe from many threads.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "store/catalog_store.h"
#include "store/customer_store.h"

namespace chariot::commerce {

struct CustomerVisit {
  store::Customer customer;
  bool first_time = false;  // the profile was created by this call
};

class CustomerService {
 public:
  CustomerService(store::CustomerStore& customers, store::CatalogStore& catalog, const Clock& clock)
      : customers_(customers), catalog_(catalog), clock_(clock) {}

  // The customer's profile, created on first contact. InvalidArgument for an empty id.
  Result<CustomerVisit> Visit(const std::string& customer_id, const std::string& locale);
  // nullopt when unknown.
  Result<std::optional<store::Customer>> Find(const std::string& customer_id);
  // Records the postcode (five digits, InvalidArgument otherwise) and, when the customer has no
  // preferred store yet, the store delivering that postcode.
  Result<store::Customer> SetPostcode(const std::string& customer_id, const std::string& postcode);
  // NotFound when the store does not exist or is not a shop (the dark store has no counter).
  Status SetPreferredStore(const std::string& customer_id, const std::string& store_id);

  // The customer a platform user maps to, creating a customer on first contact
  // (e.g. platform "alexa", the Alexa userId, or the linked account's id).
  Result<std::string> CustomerForPlatformUser(const std::string& platform,
                                              const std::string& platform_user_id);
  // After account linking: maps the platform user to an existing customer.
  Status LinkAccount(const std::string& platform, const std::string& platform_user_id,
                     const std::string& customer_id);

 private:
  store::CustomerStore& customers_;
  store::CatalogStore& catalog_;
  const Clock& clock_;
};

}  // namespace chariot::commerce
