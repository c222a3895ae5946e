#include "store/postgres/pg_session_store.h"

namespace chariot::store {
namespace {

StoredSession FromRow(const pqxx::row& row) {
  return {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
          row[3].as<int64_t>(), row[4].as<int64_t>()};
}

}  // namespace

// SessionStore

Result<std::optional<StoredSession>> PgSessionStore::Load(const std::string& id, int64_t now) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<StoredSession>> {
    auto rows = tx.Run(
        "SELECT id, user_id, state_json, updated_at, expires_at FROM sessions "
        "WHERE id = $1 AND expires_at > $2",
        id, now);
    if (rows.empty()) return std::optional<StoredSession>();
    return std::optional<StoredSession>(FromRow(rows[0]));
  });
}

Status PgSessionStore::Save(const StoredSession& session) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    tx.Run(
        "INSERT INTO sessions(id, user_id, state_json, updated_at, expires_at) "
        "VALUES($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, "
        "state_json = EXCLUDED.state_json, updated_at = EXCLUDED.updated_at, "
        "expires_at = EXCLUDED.expires_at, claimed_until = 0",
        session.id, session.user_id, session.state_json, session.updated_at, session.expires_at);
    return Status::Ok();
  });
}

Status PgSessionStore::Remove(const std::string& id) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    tx.Run("DELETE FROM sessions WHERE id = $1", id);
    return Status::Ok();
  });
}

Result<std::vector<StoredSession>> PgSessionStore::Expired(int64_t now, int limit) {
  std::vector<StoredSession> sessions;
  // Claim for a minute (claimed_until, migration 0005): another instance's sweeper skips the
  // locked rows now and the claimed ones later, so each expired session is closed by one
  // instance; expires_at is left alone, so Load never sees a claimed session as alive.
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    sessions.clear();
    auto rows = tx.Run(
        "UPDATE sessions SET claimed_until = $1 + 60 WHERE id IN (SELECT id FROM sessions "
        "WHERE expires_at <= $1 AND claimed_until <= $1 ORDER BY expires_at LIMIT $2 "
        "FOR UPDATE SKIP LOCKED) "
        "RETURNING id, user_id, state_json, updated_at, expires_at",
        now, limit);
    for (const auto& row : rows) sessions.push_back(FromRow(row));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return sessions;
}

// SettingsStore

Result<std::optional<std::string>> PgSettingsStore::Get(const std::string& key) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<std::string>> {
    auto rows = tx.Run("SELECT value FROM settings WHERE key = $1", key);
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows[0][0].as<std::string>());
  });
}

Result<std::string> PgSettingsStore::GetOrInsert(const std::string& key, const std::string& value) {
  std::string stored;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    tx.Run("INSERT INTO settings(key, value) VALUES($1, $2) ON CONFLICT (key) DO NOTHING", key,
           value);
    stored = tx.Run("SELECT value FROM settings WHERE key = $1", key)[0][0].as<std::string>();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return stored;
}

}  // namespace chariot::store
