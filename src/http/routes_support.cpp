// The native API's support route: GET /v1/users/{user_id}/tickets (CONTRACTS.md).
//
// Answers {"tickets":[{"id","problem","severity","status","appointment"?}]}, newest first; the
// appointment, when one is booked, is {"id","kind","start","end","store_id"?} with times in ISO
// 8601 at Paris time ("2025-11-25T10:00:00+01:00").
#include <cstdio>

#include "http/auth.h"
#include "http/errors.h"
#include "http/routes.h"
#include "support/paris_time.h"
#include "support/support_service.h"

namespace chariot::http {
namespace {

std::string IsoParis(int64_t seconds) {
  const support::LocalTime t = support::ToParis(seconds);
  const int offset_hours = support::ParisOffsetSeconds(seconds) / 3600;
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:00+%02d:00", t.year, t.month, t.day,
                t.hour, t.minute, offset_hours);
  return text;
}

void ListTickets(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (Status auth = CheckBearer(req, deps.secrets.api_token); !auth.ok())
    return SendError(res, auth);
  if (deps.support == nullptr) return SendError(res, Status::Unavailable("support unavailable"));
  const std::string user_id = req.matches[1];
  if (!IsValidUserId(user_id)) {
    return SendError(res,
                     Status::InvalidArgument("the user id must be 1-128 of A-Z a-z 0-9 . _ : @ -"));
  }
  auto tickets = deps.support->Tickets(user_id);
  if (!tickets.ok()) return SendError(res, tickets.status());
  auto appointments = deps.support->Appointments(user_id);
  if (!appointments.ok()) return SendError(res, appointments.status());

  nlohmann::json list = nlohmann::json::array();
  for (const auto& ticket : *tickets) {
    nlohmann::json item = {{"id", ticket.id},
                           {"problem", ticket.problem},
                           {"severity", support::TierName(ticket.tier)},
                           {"status", ticket.status}};
    for (const auto& appointment : *appointments) {
      if (appointment.ticket_id != ticket.id) continue;
      nlohmann::json booked = {{"id", appointment.id},
                               {"kind", appointment.kind},
                               {"start", IsoParis(appointment.start)},
                               {"end", IsoParis(appointment.end)}};
      if (!appointment.store_id.empty()) booked["store_id"] = appointment.store_id;
      item["appointment"] = booked;
      break;
    }
    list.push_back(item);
  }
  SendJson(res, {{"tickets", list}});
}

}  // namespace

void AddSupportRoutes(httplib::Server& server, const ServerDeps& deps) {
  server.Get(R"(/v1/users/([^/]+)/tickets)",
             [&deps](const httplib::Request& req, httplib::Response& res) {
               ListTickets(deps, req, res);
             });
}

}  // namespace chariot::http
