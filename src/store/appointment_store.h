// AppointmentStore: appointments with advisors, booked on free slots of their calendar.
//
// The store knows who is busy; which advisor may take which slot is the support service's
// calendar. Booking, moving and cancelling each happen in one transaction together with the
// ticket's status, so a slot is never given twice and a ticket never says "scheduled" without a
// booked appointment. Every call is scoped to a user id.
//
// Thread safety: implementations are safe from many threads.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace chariot::store {

struct AppointmentRecord {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string user_id;
  std::string kind;        // "callback", "in_store", "video"
  std::string advisor_id;  // chosen by Book among the candidates
  std::string store_id;
  int64_t slot_start = 0;
  int64_t slot_end = 0;
  std::string status;  // "booked", "cancelled", "moved"
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

class AppointmentStore {
 public:
  virtual ~AppointmentStore() = default;
  // (advisor id, slot start) of every booked appointment starting in [from, to).
  virtual Result<std::set<std::pair<std::string, int64_t>>> Busy(int64_t from, int64_t to) = 0;

  // In one transaction: takes the first advisor of `candidates` who has no booked appointment at
  // draft.slot_start, stores the appointment as booked and sets the ticket (draft.ticket_id,
  // draft.user_id) to "scheduled". Returns the stored appointment. Conflict when every candidate
  // is busy (the slot was taken meanwhile); NotFound when the ticket is not the user's.
  virtual Result<AppointmentRecord> Book(const AppointmentRecord& draft,
                                         const std::vector<std::string>& candidates,
                                         int64_t now) = 0;

  // In one transaction: books `draft` as Book does and marks appointment `old_id` "moved".
  // NotFound when old_id is not a booked appointment of draft.user_id; Conflict as Book.
  virtual Result<AppointmentRecord> Move(int64_t old_id, const AppointmentRecord& draft,
                                         const std::vector<std::string>& candidates,
                                         int64_t now) = 0;

  // In one transaction: marks the booked appointment cancelled and sets its ticket back to
  // "open". NotFound when it is not a booked appointment of user_id.
  virtual Status Cancel(const std::string& user_id, int64_t appointment_id, int64_t now) = 0;

  // The user's booked appointments, earliest first.
  virtual Result<std::vector<AppointmentRecord>> BookedForUser(const std::string& user_id) = 0;
};

}  // namespace chariot::store
