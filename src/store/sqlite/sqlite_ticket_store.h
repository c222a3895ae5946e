// SqliteTicketStore: TicketStore on the embedded SQLite database (table support_tickets,
// schemas/migrations/0003_support.sql).
//
// Thread safety: safe from many threads; Database serialises the calls.
#pragma once

#include "store/database.h"
#include "store/ticket_store.h"

namespace chariot::store {

class SqliteTicketStore : public TicketStore {
 public:
  // Borrows db, which must outlive the store and be migrated to version 3 or later.
  explicit SqliteTicketStore(Database& db) : db_(db) {}

  // TicketStore
  Result<int64_t> Create(const TicketRecord& ticket) override;
  Result<std::optional<TicketRecord>> Get(const std::string& user_id, int64_t id) override;
  Result<std::vector<TicketRecord>> ListForUser(const std::string& user_id, int limit) override;
  Status Update(const TicketRecord& ticket) override;

 private:
  Database& db_;
};

}  // namespace chariot::store
