// Where a request stands ("où en est ma demande"), and a person ("je veux parler à quelqu'un"),
// handed over as each platform allows: a phone transfer on the phone line, a live-agent handoff
// on Dialogflow, a callback booked on the next free slot elsewhere (Alexa cannot transfer).
#include <cstdio>

#include "dialog/flows/support_flow.h"

namespace chariot::dialog::support_flow {
namespace {

void LogError(const char* event, const Status& status) {
  std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"%s\",\"detail\":\"%s\"}\n", event,
               status.message().c_str());
}

}  // namespace

void OnTicketStatus(Context& c, Response& r) {
  support::SupportService* service = c.services.support;
  if (service == nullptr) {
    r.speech.Say(c.Say("support.unavailable"));
    return;
  }
  c.session.Visit("support");
  c.session.state.clear();
  auto tickets = service->Tickets(c.session.user_id);
  if (!tickets.ok()) {
    LogError("support_tickets_failed", tickets.status());
    return SayError(c, r);
  }
  if (tickets->empty()) {
    r.speech.Say(c.Say("support.no_ticket"));
    r.speech.Say(c.Say("core.anything_else"));
    return;
  }
  const support::Ticket& latest = tickets->front();
  r.speech.Say(
      c.Say("support.ticket_status", {{"id", std::to_string(latest.id)},
                                      {"problem", c.Say("support.problem." + latest.problem)},
                                      {"status", c.Say("support.status." + latest.status)}}));
  auto appointments = service->Appointments(c.session.user_id);
  if (appointments.ok()) {
    for (const auto& appointment : *appointments) {
      if (appointment.ticket_id != latest.id) continue;
      nlohmann::json& memory = Memory(c);
      memory["appointment"] = appointment.id;
      memory["ticket"] = appointment.ticket_id;
      memory["problem"] = latest.problem;
      memory["kind"] = appointment.kind;
      memory["store"] = appointment.store_id;
      memory["appointment_start"] = appointment.start;
      r.speech.Say(c.Say("support.appointment_status",
                         {{"what", KindPhrase(c, appointment.kind, appointment.store_id)},
                          {"when", When(c, appointment.start)}}));
      return Ask(c, r, kManage, "support.ask_move", "support.ask_move_reprompt");
    }
  }
  r.speech.Say(c.Say("core.anything_else"));
}

void HandOver(Context& c, Response& r) {
  support::SupportService* service = c.services.support;
  if (service == nullptr) {
    r.speech.Say(c.Say("support.unavailable"));
    return;
  }
  c.session.Visit("support");
  c.session.state.clear();
  int64_t ticket_id = TicketId(c);
  if (ticket_id == 0) {
    auto ticket = service->OpenTicket({c.session.user_id, "other", support::Tier::kRoutine,
                                       Words(c), "", c.session.channel, c.session.locale});
    if (!ticket.ok()) {
      LogError("support_ticket_failed", ticket.status());
      return SayError(c, r);
    }
    ticket_id = ticket->id;
    Memory(c)["ticket"] = ticket_id;
  }
  auto plan = service->HandOver(c.session.user_id, ticket_id, c.session.channel);
  if (!plan.ok()) {
    LogError("support_handoff_failed", plan.status());
    return SayError(c, r);
  }
  switch (plan->kind) {
    case support::HandoffPlan::kPhoneTransfer:
      r.speech.Say(c.Say("support.handoff_phone"));
      r.handoff = Handoff::kHuman;
      r.handoff_number = plan->number;
      r.expect_answer = false;
      r.end_reason = "handoff";
      return;
    case support::HandoffPlan::kChatHandoff:
      r.speech.Say(c.Say("support.handoff_chat"));
      r.handoff = Handoff::kHuman;
      r.expect_answer = false;
      r.end_reason = "handoff";
      return;
    case support::HandoffPlan::kCallback:
      if (plan->callback) {
        r.speech.Say(c.Say("support.handoff_callback", {{"when", When(c, plan->callback->start)}}));
      } else {
        r.speech.Say(c.Say("support.handoff_callback_asap"));
      }
      r.speech.Say(c.Say("support.ticket_number", {{"id", std::to_string(ticket_id)}}));
      r.finish = true;
      return;
  }
}

void OnTalkToHuman(Context& c, Response& r) { HandOver(c, r); }

void RegisterTickets(Router& router) {
  router.On(kAnyState, "TicketStatus", OnTicketStatus);
  router.On(kAnyState, "TalkToHuman", OnTalkToHuman);
}

}  // namespace chariot::dialog::support_flow
