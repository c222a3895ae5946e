#include <nlohmann/json.hpp>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_support_stores.h"

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

TicketRecord Row(const pqxx::row& r) {
  TicketRecord t;
  t.id = pg::Int(r[0]);
  t.user_id = pg::Text(r[1]);
  t.problem = pg::Text(r[2]);
  t.severity = pg::Text(r[3]);
  t.status = pg::Text(r[4]);
  t.words = pg::Text(r[5]);
  t.steps_tried = StepsFromJson(pg::Text(r[6]));
  t.postcode = pg::Text(r[7]);
  t.channel = pg::Text(r[8]);
  t.locale = pg::Text(r[9]);
  t.created_at = pg::Int(r[10]);
  t.updated_at = pg::Int(r[11]);
  return t;
}

Status OutsideContract() {
  return Status::InvalidArgument(
      "the ticket has a problem, severity or status outside the contract");
}

}  // namespace

Result<int64_t> PgTicketStore::Create(const TicketRecord& ticket) {
  int64_t id = 0;
  Status status = db_.Write([&](PgTransaction& tx) -> Status {
    try {
      auto rows = tx.Run(
          "INSERT INTO support_tickets (user_id, problem, severity, status, words, steps_tried, "
          "postcode, channel, locale, created_at, updated_at) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
          ticket.user_id, ticket.problem, ticket.severity, ticket.status, ticket.words,
          StepsToJson(ticket.steps_tried), ticket.postcode, ticket.channel, ticket.locale,
          ticket.created_at, ticket.updated_at);
      id = pg::Int(rows[0][0]);
    } catch (const pqxx::check_violation&) {
      return OutsideContract();  // the transaction is rolled back
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return id;
}

Result<std::optional<TicketRecord>> PgTicketStore::Get(const std::string& user_id, int64_t id) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::optional<TicketRecord>> {
    auto rows = tx.Run(
        std::string("SELECT ") + kColumns + " FROM support_tickets WHERE id = $1 AND user_id = $2",
        id, user_id);
    if (rows.empty()) return std::optional<TicketRecord>();
    return std::optional<TicketRecord>(Row(rows[0]));
  });
}

Result<std::vector<TicketRecord>> PgTicketStore::ListForUser(const std::string& user_id,
                                                             int limit) {
  return db_.Read([&](PgTransaction& tx) -> Result<std::vector<TicketRecord>> {
    std::vector<TicketRecord> tickets;
    for (const auto& r : tx.Run(std::string("SELECT ") + kColumns +
                                    " FROM support_tickets WHERE user_id = $1 "
                                    "ORDER BY id DESC LIMIT $2",
                                user_id, limit)) {
      tickets.push_back(Row(r));
    }
    return tickets;
  });
}

Status PgTicketStore::Update(const TicketRecord& ticket) {
  return db_.Write([&](PgTransaction& tx) -> Status {
    size_t changed = 0;
    try {
      changed = tx.Run(
                      "UPDATE support_tickets SET severity = $1, status = $2, words = $3, "
                      "steps_tried = $4, postcode = $5, updated_at = $6 "
                      "WHERE id = $7 AND user_id = $8",
                      ticket.severity, ticket.status, ticket.words, StepsToJson(ticket.steps_tried),
                      ticket.postcode, ticket.updated_at, ticket.id, ticket.user_id)
                    .affected_rows();
    } catch (const pqxx::check_violation&) {
      return OutsideContract();
    }
    if (changed == 0) return Status::NotFound("no such ticket");
    return Status::Ok();
  });
}

}  // namespace chariot::store
