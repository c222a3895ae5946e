// SupportService: help in a repair emergency. Triage and safety advice, guided first steps,
// tickets, appointments with advisors, and the hand-over to a person.
//
// The facade the support flows (src/dialog/flows/support*.cpp) and the REST route
// (GET /v1/users/{id}/tickets) call. It sees no JSON of a platform and no HTTP type. Advice and
// the advisors' calendar are data (data/support/*.json, data/advisors.json), loaded once; tickets
// and appointments live in the stores. Every call that reads or writes a ticket or an appointment
// is scoped to the user id given: another customer's id is NotFound.
//
// Errors: InvalidArgument for a code outside CONTRACTS.md or an empty user id, NotFound for an
// unknown id, Conflict when a slot is no longer free, Unavailable/Internal from the stores.
//
// Thread safety: all methods are safe from many threads (the data is immutable, the stores are
// thread-safe).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/appointment_store.h"
#include "store/ticket_store.h"
#include "support/advice.h"
#include "support/calendar.h"
#include "support/knowledge.h"
#include "support/triage.h"
#include "support/types.h"

namespace chariot::support {

struct SupportOptions {
  // The advisors' phone line the phone channel transfers a call to (E.164, "+33..."). Empty: the
  // phone channel books a callback instead, as Alexa does. A deployment setting, never demo data:
  // a number that is not the retailer's could ring a stranger.
  std::string advisor_line;
  int max_tickets_listed = 50;
};

struct NewTicket {
  std::string user_id;
  std::string problem;
  Tier tier = Tier::kRoutine;
  std::string words;
  std::string postcode;
  std::string channel;
  std::string locale;
};

// When the customer would like the appointment: a Paris day and/or a window of minutes of the day.
struct SlotPreference {
  std::optional<int64_t> day;  // Paris day number (see paris_time.h)
  int from_minute = 0;
  int to_minute = 24 * 60;
  int64_t not_before = 0;  // 0: now plus the calendar's minimum lead time
};

struct OutageLine {
  enum Kind { kEnedis, kNotEnedis, kUnknownPostcode } kind = kUnknownPostcode;
  std::string number;  // for kEnedis: "09 72 67 50 75"
  std::string department;
};

struct HandoffPlan {
  enum Kind {
    kPhoneTransfer,  // transfer the call to `number`
    kChatHandoff,    // the platform hands the conversation to a live agent (Dialogflow)
    kCallback,       // an advisor calls back: `callback` holds the booked slot when there is one
  } kind = kCallback;
  std::string number;
  std::optional<Appointment> callback;
  int64_t ticket_id = 0;
};

class SupportService {
 public:
  // Borrows the stores and the clock; they must outlive the service.
  SupportService(Knowledge knowledge, Calendar calendar, store::TicketStore& tickets,
                 store::AppointmentStore& appointments, const Clock& clock,
                 SupportOptions options = {});

  // Loads data_dir/support/*.json and data_dir/advisors.json, then constructs the service.
  // InvalidArgument naming the file when the data is malformed or inconsistent.
  static Result<std::unique_ptr<SupportService>> Load(const std::string& data_dir,
                                                      store::TicketStore& tickets,
                                                      store::AppointmentStore& appointments,
                                                      const Clock& clock,
                                                      SupportOptions options = {});

  const Knowledge& knowledge() const { return knowledge_; }
  const Calendar& calendar() const { return calendar_; }
  const Clock& clock() const { return clock_; }

  // --- Triage and advice (pure, from the data) ---
  // The tier of the problem from its code and the customer's words, at the clock's Paris month.
  TriageResult Triage(const std::string& problem, const std::string& words,
                      const std::string& locale) const;
  Result<std::vector<AdvicePiece>> Advice(const std::string& key, const std::string& locale,
                                          const AdviceVariables& variables = {}) const;
  OutageLine OutageLineFor(const std::string& postcode) const;

  // --- Tickets ---
  Result<Ticket> OpenTicket(const NewTicket& ticket);
  Result<Ticket> GetTicket(const std::string& user_id, int64_t ticket_id);
  // Newest first.
  Result<std::vector<Ticket>> Tickets(const std::string& user_id);
  // Appends a step tried and its outcome ("works" also resolves the ticket).
  Status RecordStep(const std::string& user_id, int64_t ticket_id, const std::string& step,
                    const std::string& outcome);
  // Sets what is given; words are appended to what the customer already said.
  Status UpdateTicket(const std::string& user_id, int64_t ticket_id, std::optional<Tier> tier,
                      std::optional<std::string> status, std::optional<std::string> postcode,
                      const std::string& more_words = "");

  // --- Appointments ---
  // The next free slots for the ticket's problem, earliest first. in_store needs store_id.
  Result<std::vector<FreeSlot>> FreeSlots(const std::string& kind, const std::string& problem,
                                          const std::string& store_id,
                                          const SlotPreference& preference, size_t limit);
  // Books the slot starting at `start` for the ticket; the ticket becomes "scheduled".
  Result<Appointment> Book(const std::string& user_id, int64_t ticket_id, const std::string& kind,
                           const std::string& store_id, int64_t start);
  // Moves a booked appointment to the slot starting at `start` (same kind and store).
  Result<Appointment> Reschedule(const std::string& user_id, int64_t appointment_id, int64_t start);
  // Cancels a booked appointment; its ticket goes back to "open".
  Status Cancel(const std::string& user_id, int64_t appointment_id);
  // The user's booked appointments, earliest first.
  Result<std::vector<Appointment>> Appointments(const std::string& user_id);

  // --- A person ---
  // How this channel hands the customer to a person, carried out: the ticket is marked
  // "handed_over" (or "scheduled" with a callback booked on the next free callback slot).
  Result<HandoffPlan> HandOver(const std::string& user_id, int64_t ticket_id,
                               const std::string& channel);

 private:
  Result<std::vector<std::string>> Candidates(const std::string& kind, const std::string& problem,
                                              const std::string& store_id, int64_t start);
  int64_t EarliestStart() const;

  Knowledge knowledge_;
  Calendar calendar_;
  store::TicketStore& tickets_;
  store::AppointmentStore& appointments_;
  const Clock& clock_;
  SupportOptions options_;
};

}  // namespace chariot::support
