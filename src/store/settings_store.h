// SettingsStore: small named values kept with the database (generated tokens, ...).
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"

namespace chariot::store {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  // Stores value under key unless one is there already; returns the value now stored.
  virtual Result<std::string> GetOrInsert(const std::string& key, const std::string& value) = 0;
};

}  // namespace chariot::store
