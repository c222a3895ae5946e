// SessionStore: persisted dialog sessions with a time-to-live.
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::store {

struct StoredSession {
  std::string id;
  std::string user_id;
  std::string state_json;  // the dialog's own serialisation
  int64_t updated_at = 0;
  int64_t expires_at = 0;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // The session, or nullopt when unknown or expired at now.
  virtual Result<std::optional<StoredSession>> Load(const std::string& id, int64_t now) = 0;
  // Inserts or replaces. Durable when OK.
  virtual Status Save(const StoredSession& session) = 0;
  virtual Status Remove(const std::string& id) = 0;
  // Up to limit sessions whose expires_at <= now, oldest first (for the sweeper).
  virtual Result<std::vector<StoredSession>> Expired(int64_t now, int limit) = 0;
};

}  // namespace chariot::store
