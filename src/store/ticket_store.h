// TicketStore: the customers' repair tickets (support domain).
//
// Every read and write is scoped to a user id: a ticket of another customer is NotFound, never
// returned. Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::store {

struct TicketStep {
  std::string step;
  std::string outcome;
};

struct TicketRecord {
  int64_t id = 0;  // assigned by Create
  std::string user_id;
  std::string problem;
  std::string severity;  // "emergency", "urgent", "routine"
  std::string status;    // "open", "resolved", "scheduled", "handed_over", "closed"
  std::string words;
  std::vector<TicketStep> steps_tried;
  std::string postcode;
  std::string channel;
  std::string locale;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

class TicketStore {
 public:
  virtual ~TicketStore() = default;
  // Stores a new ticket; returns its id. InvalidArgument for a code outside the contract.
  virtual Result<int64_t> Create(const TicketRecord& ticket) = 0;
  // The ticket, or nullopt when no ticket with that id belongs to user_id.
  virtual Result<std::optional<TicketRecord>> Get(const std::string& user_id, int64_t id) = 0;
  // The user's tickets, newest first, at most limit.
  virtual Result<std::vector<TicketRecord>> ListForUser(const std::string& user_id, int limit) = 0;
  // Rewrites severity, status, words, steps_tried, postcode and updated_at of the ticket
  // (ticket.id, ticket.user_id). NotFound when it does not exist for that user.
  virtual Status Update(const TicketRecord& ticket) = 0;
};

}  // namespace chariot::store
