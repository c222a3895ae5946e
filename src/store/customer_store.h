// CustomerStore: customer profiles and the mapping from each platform's user id (or linked
// account) to a customer.
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/status.h"

namespace chariot::store {

struct Customer {
  std::string id;
  std::string preferred_store;  // "" until known
  std::string postcode;         // "" until the customer says it
  std::string locale = "fr-FR";
  int64_t created_at = 0;
};

class CustomerStore {
 public:
  virtual ~CustomerStore() = default;
  // nullopt when unknown.
  virtual Result<std::optional<Customer>> Get(const std::string& id) = 0;
  // Inserts or updates every field but created_at.
  virtual Status Put(const Customer& customer) = 0;
  // The customer mapped to (platform, platform user id); nullopt when none.
  virtual Result<std::optional<std::string>> FindAccount(const std::string& platform,
                                                         const std::string& platform_user_id) = 0;
  // Maps (platform, platform user id) to customer_id, replacing an earlier mapping.
  virtual Status LinkAccount(const std::string& platform, const std::string& platform_user_id,
                             const std::string& customer_id) = 0;
};

}  // namespace chariot::store
