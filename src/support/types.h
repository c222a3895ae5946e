// The vocabulary of the support domain: problems, tiers, tickets, appointments.
//
// Codes are those of CONTRACTS.md (problem, appointment) so they pass unchanged from a Turn's
// slots to the REST API. Thread safety: values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chariot::support {

// The problem codes of CONTRACTS.md, in a stable order.
const std::vector<std::string>& ProblemCodes();
bool IsProblemCode(std::string_view code);

// The appointment kinds of CONTRACTS.md: "callback", "in_store", "video".
const std::vector<std::string>& AppointmentKinds();
bool IsAppointmentKind(std::string_view kind);

enum class Tier { kEmergency, kUrgent, kRoutine };
const char* TierName(Tier tier);  // "emergency", "urgent", "routine" (the API's "severity")
std::optional<Tier> TierFromName(std::string_view name);

// Ticket statuses, as stored and as answered by GET /v1/users/{id}/tickets.
inline constexpr const char* kTicketOpen = "open";               // reported, nobody on it yet
inline constexpr const char* kTicketResolved = "resolved";       // the guided steps fixed it
inline constexpr const char* kTicketScheduled = "scheduled";     // an advisor appointment is booked
inline constexpr const char* kTicketHandedOver = "handed_over";  // passed to a person
inline constexpr const char* kTicketClosed = "closed";           // closed by the support team

struct StepTried {
  std::string step;     // the step id of data/support/steps.json
  std::string outcome;  // "works", "still_not", "skipped"
};

struct Ticket {
  int64_t id = 0;
  std::string user_id;
  std::string problem;  // a problem code
  Tier tier = Tier::kRoutine;
  std::string status = kTicketOpen;
  std::string words;  // what the customer said about the problem, as said
  std::vector<StepTried> steps_tried;
  std::string postcode;  // when the customer gave one
  std::string channel;
  std::string locale;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Appointment {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string user_id;
  std::string kind;  // an appointment kind
  std::string advisor_id;
  std::string store_id;  // for in_store; empty otherwise
  int64_t start = 0;     // Unix seconds
  int64_t end = 0;
  std::string status;  // "booked", "cancelled", "moved"
};

}  // namespace chariot::support
