// Appointments with an advisor: a callback, an in-store appointment or a video call on the next
// free slots of the advisors' calendar, proposed one at a time and booked only on an explicit
// "yes"; moved or cancelled the same way.
#include <cstdio>

#include "dialog/flows/support_flow.h"
#include "support/department.h"
#include "support/paris_time.h"

namespace chariot::dialog::support_flow {
namespace {

constexpr size_t kSlotsPerOffer = 3;

void LogError(const char* event, const Status& status) {
  std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"%s\",\"detail\":\"%s\"}\n", event,
               status.message().c_str());
}

// "2026-11-25" -> Paris day number.
std::optional<int64_t> DayFromSlot(const std::string& date) {
  int year = 0, month = 0, day = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return support::DaysFromCivil(year, month, day);
}

// "18:30" -> 1110.
std::optional<int> MinuteFromSlot(const std::string& time) {
  int hour = 0, minute = 0;
  if (time.size() != 5 || std::sscanf(time.c_str(), "%2d:%2d", &hour, &minute) != 2)
    return std::nullopt;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  return hour * 60 + minute;
}

// Remembers when the customer would like the appointment, from BookAppointment's slots.
void RememberPreference(Context& c) {
  nlohmann::json preference = nlohmann::json::object();
  if (auto day = DayFromSlot(c.Slot("date"))) preference["day"] = *day;
  if (auto minute = MinuteFromSlot(c.Slot("time"))) {
    preference["from"] = *minute;
  } else {
    const std::string part = c.Slot("part_of_day");
    if (part == "morning") preference["from"] = 8 * 60, preference["to"] = 12 * 60;
    // Noon is lunch, not the afternoon a customer has in mind.
    if (part == "afternoon") preference["from"] = 13 * 60, preference["to"] = 18 * 60;
    if (part == "evening") preference["from"] = 18 * 60, preference["to"] = 24 * 60;
  }
  if (!preference.empty()) Memory(c)["preference"] = preference;
}

support::SlotPreference PreferenceFromMemory(Context& c) {
  support::SlotPreference preference;
  const nlohmann::json& memory = Memory(c);
  auto it = memory.find("preference");
  if (it == memory.end() || !it->is_object()) return preference;
  if (it->contains("day")) preference.day = it->value("day", int64_t{0});
  preference.from_minute = it->value("from", 0);
  preference.to_minute = it->value("to", 24 * 60);
  return preference;
}

std::string TicketProblem(Context& c) {
  std::string problem = Memory(c).value("problem", std::string());
  if (!problem.empty()) return problem;
  auto ticket = c.services.support->GetTicket(c.session.user_id, TicketId(c));
  return ticket.ok() ? ticket->problem : "other";
}

void ProposeCurrent(Context& c, Response& r) {
  nlohmann::json& memory = Memory(c);
  const auto& offers = memory["offers"];
  const size_t index = memory.value("offer", 0);
  const int64_t start = offers.at(index).get<int64_t>();
  const std::string kind = memory.value("kind", std::string("callback"));
  Ask(c, r, kSlot, "support.propose_slot", "support.propose_slot_reprompt",
      {{"what", KindPhrase(c, kind, memory.value("store", std::string()))},
       {"when", When(c, start)}});
}

// Finds the next free slots for the kind in memory and proposes the first.
void ProposeSlots(Context& c, Response& r, int64_t not_before = 0) {
  support::SupportService* service = c.services.support;
  nlohmann::json& memory = Memory(c);
  const std::string kind = memory.value("kind", std::string("callback"));
  const std::string store = memory.value("store", std::string());
  support::SlotPreference preference = PreferenceFromMemory(c);
  preference.not_before = not_before;
  auto slots = service->FreeSlots(kind, TicketProblem(c), store, preference, kSlotsPerOffer);
  if (!slots.ok()) {
    LogError("support_slots_failed", slots.status());
    return SayError(c, r);
  }
  if (slots->empty() && memory.contains("preference")) {
    // Nothing then: say so and offer the earliest slots instead.
    r.speech.Say(c.Say("support.no_slot_then"));
    memory.erase("preference");
    return ProposeSlots(c, r, not_before);
  }
  if (slots->empty()) {
    memory["no_slot"] = true;
    return Ask(c, r, kPriorityHuman, "support.no_slot_at_all",
               "support.offer_priority_human_reprompt");
  }
  nlohmann::json offers = nlohmann::json::array();
  for (const auto& slot : *slots) offers.push_back(slot.start);
  memory["offers"] = offers;
  memory["offer"] = 0;
  ProposeCurrent(c, r);
}

void ChooseKind(Context& c, Response& r, const std::string& kind) {
  nlohmann::json& memory = Memory(c);
  memory["kind"] = kind;
  if (kind != "in_store") {
    memory.erase("store");
    return ProposeSlots(c, r);
  }
  if (!memory.value("store", std::string()).empty()) return ProposeSlots(c, r);
  std::string postcode = KnownPostcode(c);
  if (postcode.empty()) {
    auto ticket = c.services.support->GetTicket(c.session.user_id, TicketId(c));
    if (ticket.ok()) postcode = ticket->postcode;
  }
  if (!postcode.empty()) {
    if (const auto* store = c.services.support->calendar().StoreForPostcode(postcode)) {
      memory["store"] = store->id;
      return ProposeSlots(c, r);
    }
  }
  Ask(c, r, kStorePostcode, "support.ask_postcode_store", "support.postcode_reprompt");
}

// The customer asks for an appointment outside a report: the ticket of this conversation, the
// latest one still open, or a new one with their words.
Result<int64_t> TicketForAppointment(Context& c) {
  if (int64_t id = TicketId(c); id != 0) return id;
  support::SupportService* service = c.services.support;
  auto tickets = service->Tickets(c.session.user_id);
  if (!tickets.ok()) return tickets.status();
  for (const auto& ticket : *tickets) {
    if (ticket.status == support::kTicketOpen || ticket.status == support::kTicketHandedOver) {
      Memory(c)["problem"] = ticket.problem;
      return ticket.id;
    }
  }
  auto ticket = service->OpenTicket({c.session.user_id, "other", support::Tier::kRoutine, Words(c),
                                     "", c.session.channel, c.session.locale});
  if (!ticket.ok()) return ticket.status();
  Memory(c)["problem"] = "other";
  return ticket->id;
}

void ShowAppointment(Context& c, Response& r, const support::Appointment& appointment) {
  nlohmann::json& memory = Memory(c);
  memory["appointment"] = appointment.id;
  memory["ticket"] = appointment.ticket_id;
  memory["kind"] = appointment.kind;
  memory["store"] = appointment.store_id;
  memory["appointment_start"] = appointment.start;
  r.speech.Say(c.Say("support.appointment_status",
                     {{"what", KindPhrase(c, appointment.kind, appointment.store_id)},
                      {"when", When(c, appointment.start)}}));
  Ask(c, r, kManage, "support.ask_move", "support.ask_move_reprompt");
}

}  // namespace

void OfferAdvisor(Context& c, Response& r) {
  Ask(c, r, kOfferAdvisor, "support.offer_advisor", "support.offer_advisor_reprompt");
}

void OnOfferAdvisorAnswer(Context& c, Response& r, bool yes) {
  if (c.services.support == nullptr) return SayError(c, r);
  if (!yes) {
    r.speech.Say(c.Say("support.no_advisor"));
    if (int64_t id = TicketId(c); id != 0) {
      r.speech.Say(c.Say("support.ticket_number", {{"id", std::to_string(id)}}));
    }
    c.session.state.clear();
    r.finish = true;
    return;
  }
  std::string kind = HeardKind(c);
  if (!kind.empty()) return ChooseKind(c, r, kind);
  Ask(c, r, kKind, "support.ask_kind", "support.ask_kind_reprompt");
}

void OnBookAppointment(Context& c, Response& r) {
  support::SupportService* service = c.services.support;
  if (service == nullptr) {
    r.speech.Say(c.Say("support.unavailable"));
    return;
  }
  c.session.Visit("support");
  // Outside a report, a customer who already has an appointment most likely wants to change it.
  if (TicketId(c) == 0) {
    auto booked = service->Appointments(c.session.user_id);
    if (booked.ok() && !booked->empty() && !support::IsAppointmentKind(c.Slot("appointment"))) {
      return ShowAppointment(c, r, booked->front());
    }
  }
  auto ticket = TicketForAppointment(c);
  if (!ticket.ok()) {
    LogError("support_ticket_failed", ticket.status());
    return SayError(c, r);
  }
  Memory(c)["ticket"] = *ticket;
  RememberPreference(c);
  std::string kind = HeardKind(c);
  if (kind.empty() && c.session.state == kSlot) kind = Memory(c).value("kind", std::string());
  if (!kind.empty()) return ChooseKind(c, r, kind);
  Ask(c, r, kKind, "support.ask_kind", "support.ask_kind_reprompt");
}

void OnKindAnswer(Context& c, Response& r) {
  std::string kind = HeardKind(c);
  if (kind.empty() || c.services.support == nullptr) {
    r.not_understood = true;
    r.speech.Say(c.Say("support.ask_kind_reprompt"));
    return;
  }
  ChooseKind(c, r, kind);
}

void OnStorePostcode(Context& c, Response& r) {
  if (c.services.support == nullptr) return SayError(c, r);
  std::string postcode = support::ExtractPostcode(c.turn.text);
  for (const auto& [name, value] : c.slots) {
    if (postcode.empty()) postcode = support::ExtractPostcode(value);
  }
  if (!support::DepartmentFromPostcode(postcode)) {
    // "Plutôt un rappel": the customer may change the kind instead of giving a postcode.
    std::string kind = HeardKind(c);
    if (!kind.empty() && kind != "in_store") return ChooseKind(c, r, kind);
    r.not_understood = true;
    r.speech.Say(c.Say("support.postcode_reprompt"));
    return;
  }
  nlohmann::json& memory = Memory(c);
  RememberPostcode(c, postcode);
  const auto* store = c.services.support->calendar().StoreForPostcode(postcode);
  if (store == nullptr)
    return Ask(c, r, kKind, "support.no_store_near", "support.ask_kind_reprompt");
  memory["store"] = store->id;
  ProposeSlots(c, r);
}

void OnSlotAnswer(Context& c, Response& r, bool yes) {
  support::SupportService* service = c.services.support;
  if (service == nullptr) return SayError(c, r);
  nlohmann::json& memory = Memory(c);
  const nlohmann::json offers = memory.value("offers", nlohmann::json::array());
  const size_t index = memory.value("offer", 0);
  if (offers.empty() || index >= offers.size()) {
    // Waiting for a day after the offers ran out: "non" closes the conversation.
    if (!yes) return OnOfferAdvisorAnswer(c, r, false);
    return ProposeSlots(c, r);
  }
  if (!yes) {
    if (index + 1 < offers.size()) {
      memory["offer"] = index + 1;
      return ProposeCurrent(c, r);
    }
    memory["offers"] = nlohmann::json::array();
    return Ask(c, r, kSlot, "support.no_more_slots", "support.no_more_slots");
  }

  const int64_t start = offers.at(index).get<int64_t>();
  const std::string kind = memory.value("kind", std::string("callback"));
  const std::string store = memory.value("store", std::string());
  const bool moving = memory.contains("moving");
  Result<support::Appointment> result =
      moving ? service->Reschedule(c.session.user_id, memory.value("moving", int64_t{0}), start)
             : service->Book(c.session.user_id, TicketId(c), kind, store, start);
  if (!result.ok()) {
    if (result.status().code() == StatusCode::kConflict) {
      r.speech.Say(c.Say("support.slot_taken"));
      return ProposeSlots(c, r);
    }
    LogError("support_booking_failed", result.status());
    return SayError(c, r);
  }
  r.speech.Say(c.Say(
      moving ? "support.moved" : "support.booked",
      {{"what", KindPhrase(c, result->kind, result->store_id)}, {"when", When(c, result->start)}}));
  if (!moving)
    r.speech.Say(c.Say("support.ticket_number", {{"id", std::to_string(result->ticket_id)}}));
  memory.erase("offers");
  memory.erase("offer");
  memory.erase("moving");
  c.session.state.clear();
  r.finish = true;
}

void OnSlotRequest(Context& c, Response& r) {
  if (c.services.support == nullptr) return SayError(c, r);
  RememberPreference(c);
  std::string kind = HeardKind(c);
  if (!kind.empty() && kind != Memory(c).value("kind", std::string()) &&
      !Memory(c).contains("moving")) {
    return ChooseKind(c, r, kind);
  }
  ProposeSlots(c, r);
}

void OnManageAnswer(Context& c, Response& r, bool move) {
  if (c.services.support == nullptr) return SayError(c, r);
  nlohmann::json& memory = Memory(c);
  if (move) {
    memory["moving"] = memory.value("appointment", int64_t{0});
    return ProposeSlots(c, r);
  }
  Ask(c, r, kConfirmCancel, "support.ask_cancel", "support.ask_cancel_reprompt",
      {{"what", KindPhrase(c, memory.value("kind", std::string("callback")),
                           memory.value("store", std::string()))},
       {"when", When(c, memory.value("appointment_start", int64_t{0}))}});
}

void OnCancelRequest(Context& c, Response& r) { OnManageAnswer(c, r, false); }

void OnConfirmCancel(Context& c, Response& r, bool yes) {
  support::SupportService* service = c.services.support;
  if (service == nullptr) return SayError(c, r);
  c.session.state.clear();
  if (!yes) {
    r.speech.Say(c.Say("support.kept"));
    r.finish = true;
    return;
  }
  Status cancelled = service->Cancel(c.session.user_id, Memory(c).value("appointment", int64_t{0}));
  if (!cancelled.ok() && cancelled.code() != StatusCode::kNotFound) {
    LogError("support_cancel_failed", cancelled);
    return SayError(c, r);
  }
  // NotFound: already cancelled or moved elsewhere; either way it is no longer booked.
  r.speech.Say(c.Say("support.cancelled"));
  Memory(c).erase("appointment");
  r.finish = true;
}

// "Je vous passe un conseiller en priorité. D'accord ?" (an emergency leak), or "voulez-vous
// qu'un conseiller vous rappelle dès que possible ?" (no free slot).
void OnPriorityHumanAnswer(Context& c, Response& r, bool yes) {
  if (yes) return HandOver(c, r);
  // No free advisor and no hand-over wanted, or an emergency leak the customer handles alone.
  if (Memory(c).value("no_slot", false)) return OnOfferAdvisorAnswer(c, r, false);
  if (c.services.support == nullptr) return SayError(c, r);
  StartSteps(c, r);
}

void RegisterAppointments(Router& router) {
  router.On(kAnyState, "BookAppointment", OnBookAppointment);

  router.On(kPriorityHuman, "Yes",
            [](Context& c, Response& r) { OnPriorityHumanAnswer(c, r, true); });
  router.On(kPriorityHuman, "No",
            [](Context& c, Response& r) { OnPriorityHumanAnswer(c, r, false); });
  router.On(kPriorityHuman, "Fallback",
            YesNoFallback(OnPriorityHumanAnswer, "support.offer_priority_human_reprompt"));

  router.On(kOfferAdvisor, "Yes",
            [](Context& c, Response& r) { OnOfferAdvisorAnswer(c, r, true); });
  router.On(kOfferAdvisor, "No",
            [](Context& c, Response& r) { OnOfferAdvisorAnswer(c, r, false); });
  router.On(kOfferAdvisor, "Fallback", [](Context& c, Response& r) {
    std::string kind = HeardKind(c);
    if (!kind.empty() && c.services.support != nullptr) return OnOfferAdvisorAnswer(c, r, true);
    YesNoFallback(OnOfferAdvisorAnswer, "support.offer_advisor_reprompt")(c, r);
  });

  router.On(kKind, "BookAppointment", OnKindAnswer);
  router.On(kKind, "Fallback", OnKindAnswer);
  router.On(kStorePostcode, kAnyIntent, OnStorePostcode);

  router.On(kSlot, "Yes", [](Context& c, Response& r) { OnSlotAnswer(c, r, true); });
  router.On(kSlot, "No", [](Context& c, Response& r) { OnSlotAnswer(c, r, false); });
  router.On(kSlot, "Next", [](Context& c, Response& r) { OnSlotAnswer(c, r, false); });
  router.On(kSlot, "BookAppointment", OnSlotRequest);
  router.On(kSlot, "Fallback", YesNoFallback(OnSlotAnswer, "support.propose_slot_reprompt"));

  router.On(kManage, "Yes", [](Context& c, Response& r) { OnManageAnswer(c, r, true); });
  router.On(kManage, "No", [](Context& c, Response& r) { OnManageAnswer(c, r, false); });
  router.On(kManage, "CancelOrder", OnCancelRequest);
  router.On(kManage, "BookAppointment", [](Context& c, Response& r) {
    Memory(c)["moving"] = Memory(c).value("appointment", int64_t{0});
    OnSlotRequest(c, r);
  });
  router.On(kConfirmCancel, "Yes", [](Context& c, Response& r) { OnConfirmCancel(c, r, true); });
  router.On(kConfirmCancel, "No", [](Context& c, Response& r) { OnConfirmCancel(c, r, false); });
  router.On(kManage, "Fallback", YesNoFallback(OnManageAnswer, "support.ask_move_reprompt"));
  router.On(kConfirmCancel, "Fallback",
            YesNoFallback(OnConfirmCancel, "support.ask_cancel_reprompt"));
}

}  // namespace chariot::dialog::support_flow
