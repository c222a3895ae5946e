#include "store/sqlite/sqlite_ticket_store.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

namespace chariot::store {
namespace {

constexpr const char* kColumns =
    "id, user_id, problem, severity, status, words, steps_tried, postcode, channel, locale, "
    "created_at, updated_at";

std::string StepsToJson(const std::vector<TicketStep>& steps) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& step : steps) array.push_back({{"step", step.step}, {"outcome", step.outcome}});
  return array.dump();
}

std::vector<TicketStep> StepsFromJson(const std::string& text) {
  std::vector<TicketStep> steps;
  nlohmann::json array = nlohmann::json::parse(text, nullptr, false);
  if (!array.is_array()) return steps;
  for (const auto& item : array) {
    if (!item.is_object()) continue;
    steps.push_back({item.value("step", ""), item.value("outcome", "")});
  }
  return steps;
}

TicketRecord Row(SQLite::Statement& q) {
  TicketRecord t;
  t.id = q.getColumn(0).getInt64();
  t.user_id = q.getColumn(1).getString();
  t.problem = q.getColumn(2).getString();
  t.severity = q.getColumn(3).getString();
  t.status = q.getColumn(4).getString();
  t.words = q.getColumn(5).getString();
  t.steps_tried = StepsFromJson(q.getColumn(6).getString());
  t.postcode = q.getColumn(7).getString();
  t.channel = q.getColumn(8).getString();
  t.locale = q.getColumn(9).getString();
  t.created_at = q.getColumn(10).getInt64();
  t.updated_at = q.getColumn(11).getInt64();
  return t;
}

// A CHECK constraint failure means a code outside the contract reached the store.
Status ConstraintToStatus(const SQLite::Exception& e) {
  if ((e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT) {
    return Status::InvalidArgument(
        "the ticket has a problem, severity or status outside the contract");
  }
  throw;
}

}  // namespace

Result<int64_t> SqliteTicketStore::Create(const TicketRecord& ticket) {
  int64_t id = 0;
  Status status = db_.Write([&](Connection& c) -> Status {
    SQLite::Statement& q = c.Prepare(
        "INSERT INTO support_tickets (user_id, problem, severity, status, words, steps_tried, "
        "postcode, channel, locale, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, ticket.user_id);
    q.bind(2, ticket.problem);
    q.bind(3, ticket.severity);
    q.bind(4, ticket.status);
    q.bind(5, ticket.words);
    q.bind(6, StepsToJson(ticket.steps_tried));
    q.bind(7, ticket.postcode);
    q.bind(8, ticket.channel);
    q.bind(9, ticket.locale);
    q.bind(10, static_cast<int64_t>(ticket.created_at));
    q.bind(11, static_cast<int64_t>(ticket.updated_at));
    try {
      q.exec();
    } catch (const SQLite::Exception& e) {
      return ConstraintToStatus(e);
    }
    id = c.LastInsertRowId();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return id;
}

Result<std::optional<TicketRecord>> SqliteTicketStore::Get(const std::string& user_id, int64_t id) {
  return db_.Read([&](Connection& c) -> Result<std::optional<TicketRecord>> {
    SQLite::Statement& q = c.Prepare(std::string("SELECT ") + kColumns +
                                     " FROM support_tickets WHERE id = ? AND user_id = ?");
    q.bind(1, static_cast<int64_t>(id));
    q.bind(2, user_id);
    if (!q.executeStep()) return std::optional<TicketRecord>();
    std::optional<TicketRecord> ticket(Row(q));
    q.reset();  // a statement left mid-result would hold a read cursor open
    return ticket;
  });
}

Result<std::vector<TicketRecord>> SqliteTicketStore::ListForUser(const std::string& user_id,
                                                                 int limit) {
  return db_.Read([&](Connection& c) -> Result<std::vector<TicketRecord>> {
    SQLite::Statement& q =
        c.Prepare(std::string("SELECT ") + kColumns +
                  " FROM support_tickets WHERE user_id = ? ORDER BY id DESC LIMIT ?");
    q.bind(1, user_id);
    q.bind(2, limit);
    std::vector<TicketRecord> tickets;
    while (q.executeStep()) tickets.push_back(Row(q));
    return tickets;
  });
}

Status SqliteTicketStore::Update(const TicketRecord& ticket) {
  return db_.Write([&](Connection& c) -> Status {
    SQLite::Statement& q = c.Prepare(
        "UPDATE support_tickets SET severity = ?, status = ?, words = ?, steps_tried = ?, "
        "postcode = ?, updated_at = ? WHERE id = ? AND user_id = ?");
    q.bind(1, ticket.severity);
    q.bind(2, ticket.status);
    q.bind(3, ticket.words);
    q.bind(4, StepsToJson(ticket.steps_tried));
    q.bind(5, ticket.postcode);
    q.bind(6, static_cast<int64_t>(ticket.updated_at));
    q.bind(7, static_cast<int64_t>(ticket.id));
    q.bind(8, ticket.user_id);
    int changed = 0;
    try {
      changed = q.exec();
    } catch (const SQLite::Exception& e) {
      return ConstraintToStatus(e);
    }
    if (changed == 0) return Status::NotFound("no such ticket");
    return Status::Ok();
  });
}

}  // namespace chariot::store
