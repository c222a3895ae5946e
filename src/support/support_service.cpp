#include "support/support_service.h"

#include <algorithm>
#include <utility>

#include "support/department.h"
#include "support/paris_time.h"

namespace chariot::support {
namespace {

constexpr size_t kMaxWordsBytes = 2000;
constexpr size_t kMaxSteps = 32;
constexpr size_t kMaxUserIdBytes = 128;

// Cuts text to at most max bytes without splitting a UTF-8 sequence.
std::string Truncate(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

Status CheckUser(const std::string& user_id) {
  if (user_id.empty() || user_id.size() > kMaxUserIdBytes) {
    return Status::InvalidArgument("a user id is required");
  }
  return Status::Ok();
}

Ticket FromRecord(const store::TicketRecord& r) {
  Ticket t;
  t.id = r.id;
  t.user_id = r.user_id;
  t.problem = r.problem;
  t.tier = TierFromName(r.severity).value_or(Tier::kRoutine);
  t.status = r.status;
  t.words = r.words;
  for (const auto& step : r.steps_tried) t.steps_tried.push_back({step.step, step.outcome});
  t.postcode = r.postcode;
  t.channel = r.channel;
  t.locale = r.locale;
  t.created_at = r.created_at;
  t.updated_at = r.updated_at;
  return t;
}

store::TicketRecord ToRecord(const Ticket& t) {
  store::TicketRecord r;
  r.id = t.id;
  r.user_id = t.user_id;
  r.problem = t.problem;
  r.severity = TierName(t.tier);
  r.status = t.status;
  r.words = t.words;
  for (const auto& step : t.steps_tried) r.steps_tried.push_back({step.step, step.outcome});
  r.postcode = t.postcode;
  r.channel = t.channel;
  r.locale = t.locale;
  r.created_at = t.created_at;
  r.updated_at = t.updated_at;
  return r;
}

Appointment FromRecord(const store::AppointmentRecord& r) {
  return Appointment{r.id,       r.ticket_id,  r.user_id,  r.kind,  r.advisor_id,
                     r.store_id, r.slot_start, r.slot_end, r.status};
}

// Nobody books an advisor for a gas smell (GRDF's job), but a person may still call back
// afterwards: such tickets are served by the generalists.
std::string SkillFor(const std::string& problem) {
  return problem == "gas_smell" || !IsProblemCode(problem) ? "other" : problem;
}

}  // namespace

SupportService::SupportService(Knowledge knowledge, Calendar calendar, store::TicketStore& tickets,
                               store::AppointmentStore& appointments, const Clock& clock,
                               SupportOptions options)
    : knowledge_(std::move(knowledge)),
      calendar_(std::move(calendar)),
      tickets_(tickets),
      appointments_(appointments),
      clock_(clock),
      options_(std::move(options)) {}

Result<std::unique_ptr<SupportService>> SupportService::Load(const std::string& data_dir,
                                                             store::TicketStore& tickets,
                                                             store::AppointmentStore& appointments,
                                                             const Clock& clock,
                                                             SupportOptions options) {
  Result<Knowledge> knowledge = Knowledge::Load(data_dir);
  if (!knowledge.ok()) return knowledge.status();
  Result<Calendar> calendar = Calendar::Load(data_dir);
  if (!calendar.ok()) return calendar.status();
  return std::make_unique<SupportService>(std::move(*knowledge), std::move(*calendar), tickets,
                                          appointments, clock, std::move(options));
}

TriageResult SupportService::Triage(const std::string& problem, const std::string& words,
                                    const std::string& locale) const {
  return support::Triage(knowledge_, problem, words, locale, ToParis(clock_.NowSeconds()).month);
}

Result<std::vector<AdvicePiece>> SupportService::Advice(const std::string& key,
                                                        const std::string& locale,
                                                        const AdviceVariables& variables) const {
  return RenderAdvice(knowledge_, key, locale, variables);
}

OutageLine SupportService::OutageLineFor(const std::string& postcode) const {
  OutageLine line;
  auto department = DepartmentFromPostcode(postcode);
  if (!department) return line;
  line.department = *department;
  auto number = EnedisOutageLine(*department, knowledge_.enedis_prefix);
  if (!number) {
    line.kind = OutageLine::kNotEnedis;
    return line;
  }
  line.kind = OutageLine::kEnedis;
  line.number = *number;
  return line;
}

Result<Ticket> SupportService::OpenTicket(const NewTicket& request) {
  if (Status s = CheckUser(request.user_id); !s.ok()) return s;
  if (!IsProblemCode(request.problem)) return Status::InvalidArgument("unknown problem");
  Ticket ticket;
  ticket.user_id = request.user_id;
  ticket.problem = request.problem;
  ticket.tier = request.tier;
  ticket.status = kTicketOpen;
  ticket.words = Truncate(request.words, kMaxWordsBytes);
  ticket.postcode = DepartmentFromPostcode(request.postcode) ? request.postcode : "";
  ticket.channel = Truncate(request.channel, 32);
  ticket.locale = Truncate(request.locale, 16);
  ticket.created_at = ticket.updated_at = clock_.NowSeconds();
  Result<int64_t> id = tickets_.Create(ToRecord(ticket));
  if (!id.ok()) return id.status();
  ticket.id = *id;
  return ticket;
}

Result<Ticket> SupportService::GetTicket(const std::string& user_id, int64_t ticket_id) {
  if (Status s = CheckUser(user_id); !s.ok()) return s;
  auto found = tickets_.Get(user_id, ticket_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no such ticket");
  return FromRecord(**found);
}

Result<std::vector<Ticket>> SupportService::Tickets(const std::string& user_id) {
  if (Status s = CheckUser(user_id); !s.ok()) return s;
  auto records = tickets_.ListForUser(user_id, options_.max_tickets_listed);
  if (!records.ok()) return records.status();
  std::vector<Ticket> tickets;
  for (const auto& record : *records) tickets.push_back(FromRecord(record));
  return tickets;
}

Status SupportService::RecordStep(const std::string& user_id, int64_t ticket_id,
                                  const std::string& step, const std::string& outcome) {
  Result<Ticket> ticket = GetTicket(user_id, ticket_id);
  if (!ticket.ok()) return ticket.status();
  if (ticket->steps_tried.size() < kMaxSteps) {
    ticket->steps_tried.push_back({Truncate(step, 64), Truncate(outcome, 16)});
  }
  if (outcome == "works" && ticket->status == kTicketOpen) ticket->status = kTicketResolved;
  ticket->updated_at = clock_.NowSeconds();
  return tickets_.Update(ToRecord(*ticket));
}

Status SupportService::UpdateTicket(const std::string& user_id, int64_t ticket_id,
                                    std::optional<Tier> tier, std::optional<std::string> status,
                                    std::optional<std::string> postcode,
                                    const std::string& more_words) {
  Result<Ticket> ticket = GetTicket(user_id, ticket_id);
  if (!ticket.ok()) return ticket.status();
  if (tier) ticket->tier = *tier;
  if (status) ticket->status = *status;
  if (postcode && DepartmentFromPostcode(*postcode)) ticket->postcode = *postcode;
  if (!more_words.empty()) {
    ticket->words = Truncate(
        ticket->words.empty() ? more_words : ticket->words + " / " + more_words, kMaxWordsBytes);
  }
  ticket->updated_at = clock_.NowSeconds();
  return tickets_.Update(ToRecord(*ticket));
}

int64_t SupportService::EarliestStart() const {
  return clock_.NowSeconds() + static_cast<int64_t>(calendar_.min_lead_minutes) * 60;
}

Result<std::vector<FreeSlot>> SupportService::FreeSlots(const std::string& kind,
                                                        const std::string& problem,
                                                        const std::string& store_id,
                                                        const SlotPreference& preference,
                                                        size_t limit) {
  if (!IsAppointmentKind(kind)) return Status::InvalidArgument("unknown appointment kind");
  if (kind == "in_store" && calendar_.Store(store_id) == nullptr) {
    return Status::InvalidArgument("an in-store appointment needs a store");
  }
  SlotQuery query;
  query.kind = kind;
  query.problem = SkillFor(problem);
  query.store_id = kind == "in_store" ? store_id : "";
  query.not_before = std::max(preference.not_before, EarliestStart());
  query.day = preference.day;
  query.from_minute = preference.from_minute;
  query.to_minute = preference.to_minute;
  query.limit = std::min<size_t>(limit, 20);
  const int64_t horizon_end =
      query.not_before + static_cast<int64_t>(calendar_.horizon_days + 2) * 86400;
  auto busy = appointments_.Busy(query.not_before, horizon_end);
  if (!busy.ok()) return busy.status();
  return calendar_.FindFreeSlots(query, *busy);
}

Result<std::vector<std::string>> SupportService::Candidates(const std::string& kind,
                                                            const std::string& problem,
                                                            const std::string& store_id,
                                                            int64_t start) {
  if (start < EarliestStart()) return Status::Conflict("that slot is too soon or past");
  SlotQuery query;
  query.kind = kind;
  query.problem = SkillFor(problem);
  query.store_id = store_id;
  auto busy = appointments_.Busy(start, start + 1);
  if (!busy.ok()) return busy.status();
  std::vector<std::string> free = calendar_.FreeAdvisorsAt(query, start, *busy);
  if (free.empty()) return Status::Conflict("no advisor is free then");
  return free;
}

Result<Appointment> SupportService::Book(const std::string& user_id, int64_t ticket_id,
                                         const std::string& kind, const std::string& store_id,
                                         int64_t start) {
  if (!IsAppointmentKind(kind)) return Status::InvalidArgument("unknown appointment kind");
  if (kind == "in_store" && calendar_.Store(store_id) == nullptr) {
    return Status::InvalidArgument("an in-store appointment needs a store");
  }
  Result<Ticket> ticket = GetTicket(user_id, ticket_id);
  if (!ticket.ok()) return ticket.status();
  const std::string store = kind == "in_store" ? store_id : "";
  auto candidates = Candidates(kind, ticket->problem, store, start);
  if (!candidates.ok()) return candidates.status();
  store::AppointmentRecord draft;
  draft.ticket_id = ticket_id;
  draft.user_id = user_id;
  draft.kind = kind;
  draft.store_id = store;
  draft.slot_start = start;
  draft.slot_end = start + static_cast<int64_t>(calendar_.slot_minutes) * 60;
  auto booked = appointments_.Book(draft, *candidates, clock_.NowSeconds());
  if (!booked.ok()) return booked.status();
  return FromRecord(*booked);
}

Result<Appointment> SupportService::Reschedule(const std::string& user_id, int64_t appointment_id,
                                               int64_t start) {
  auto booked = Appointments(user_id);
  if (!booked.ok()) return booked.status();
  auto old = std::find_if(booked->begin(), booked->end(),
                          [&](const Appointment& a) { return a.id == appointment_id; });
  if (old == booked->end()) return Status::NotFound("no such appointment");
  Result<Ticket> ticket = GetTicket(user_id, old->ticket_id);
  if (!ticket.ok()) return ticket.status();
  auto candidates = Candidates(old->kind, ticket->problem, old->store_id, start);
  if (!candidates.ok()) return candidates.status();
  store::AppointmentRecord draft;
  draft.ticket_id = old->ticket_id;
  draft.user_id = user_id;
  draft.kind = old->kind;
  draft.store_id = old->store_id;
  draft.slot_start = start;
  draft.slot_end = start + static_cast<int64_t>(calendar_.slot_minutes) * 60;
  auto moved = appointments_.Move(appointment_id, draft, *candidates, clock_.NowSeconds());
  if (!moved.ok()) return moved.status();
  return FromRecord(*moved);
}

Status SupportService::Cancel(const std::string& user_id, int64_t appointment_id) {
  if (Status s = CheckUser(user_id); !s.ok()) return s;
  return appointments_.Cancel(user_id, appointment_id, clock_.NowSeconds());
}

Result<std::vector<Appointment>> SupportService::Appointments(const std::string& user_id) {
  if (Status s = CheckUser(user_id); !s.ok()) return s;
  auto records = appointments_.BookedForUser(user_id);
  if (!records.ok()) return records.status();
  std::vector<Appointment> list;
  for (const auto& record : *records) list.push_back(FromRecord(record));
  return list;
}

Result<HandoffPlan> SupportService::HandOver(const std::string& user_id, int64_t ticket_id,
                                             const std::string& channel) {
  Result<Ticket> ticket = GetTicket(user_id, ticket_id);
  if (!ticket.ok()) return ticket.status();
  HandoffPlan plan;
  plan.ticket_id = ticket_id;
  if (channel == "twilio" && !options_.advisor_line.empty()) {
    plan.kind = HandoffPlan::kPhoneTransfer;
    plan.number = options_.advisor_line;
  } else if (channel == "dialogflow") {
    plan.kind = HandoffPlan::kChatHandoff;
  } else {
    plan.kind = HandoffPlan::kCallback;
    // A slot may be taken between the search and the booking: try the next ones.
    auto slots = FreeSlots("callback", ticket->problem, "", SlotPreference{}, 3);
    if (!slots.ok()) return slots.status();
    for (const FreeSlot& slot : *slots) {
      auto booked = Book(user_id, ticket_id, "callback", "", slot.start);
      if (booked.ok()) {
        plan.callback = *booked;
        return plan;  // the ticket is "scheduled"
      }
      if (booked.status().code() != StatusCode::kConflict) return booked.status();
    }
  }
  if (Status s = UpdateTicket(user_id, ticket_id, std::nullopt, std::string(kTicketHandedOver),
                              std::nullopt);
      !s.ok()) {
    return s;
  }
  return plan;
}

}  // namespace chariot::support
