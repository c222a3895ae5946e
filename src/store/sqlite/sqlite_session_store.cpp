#include "store/sqlite/sqlite_session_store.h"

namespace chariot::store {
namespace {

StoredSession FromRow(SQLite::Statement& row) {
  return {row.getColumn(0).getString(), row.getColumn(1).getString(), row.getColumn(2).getString(),
          row.getColumn(3).getInt64(), row.getColumn(4).getInt64()};
}

}  // namespace

Result<std::optional<StoredSession>> SqliteSessionStore::Load(const std::string& id, int64_t now) {
  return db_.Read([&](Connection& c) -> Result<std::optional<StoredSession>> {
    auto& select = c.Prepare(
        "SELECT id, user_id, state_json, updated_at, expires_at FROM sessions "
        "WHERE id = ? AND expires_at > ?");
    select.bind(1, id);
    select.bind(2, static_cast<int64_t>(now));
    if (!select.executeStep()) return std::optional<StoredSession>();
    return std::optional<StoredSession>(FromRow(select));
  });
}

Status SqliteSessionStore::Save(const StoredSession& session) {
  return db_.Write([&](Connection& c) -> Status {
    auto& upsert = c.Prepare(
        "INSERT INTO sessions(id, user_id, state_json, updated_at, expires_at) "
        "VALUES(?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET user_id = excluded.user_id, "
        "state_json = excluded.state_json, updated_at = excluded.updated_at, "
        "expires_at = excluded.expires_at");
    upsert.bind(1, session.id);
    upsert.bind(2, session.user_id);
    upsert.bind(3, session.state_json);
    upsert.bind(4, static_cast<int64_t>(session.updated_at));
    upsert.bind(5, static_cast<int64_t>(session.expires_at));
    upsert.exec();
    return Status::Ok();
  });
}

Status SqliteSessionStore::Remove(const std::string& id) {
  return db_.Write([&](Connection& c) -> Status {
    auto& remove = c.Prepare("DELETE FROM sessions WHERE id = ?");
    remove.bind(1, id);
    remove.exec();
    return Status::Ok();
  });
}

Result<std::vector<StoredSession>> SqliteSessionStore::Expired(int64_t now, int limit) {
  return db_.Read([&](Connection& c) -> Result<std::vector<StoredSession>> {
    auto& select = c.Prepare(
        "SELECT id, user_id, state_json, updated_at, expires_at FROM sessions "
        "WHERE expires_at <= ? ORDER BY expires_at LIMIT ?");
    select.bind(1, static_cast<int64_t>(now));
    select.bind(2, limit);
    std::vector<StoredSession> sessions;
    while (select.executeStep()) sessions.push_back(FromRow(select));
    return sessions;
  });
}

}  // namespace chariot::store
