#include "commerce/slot_calendar.h"

#include "commerce/paris_time.h"

namespace chariot::commerce {

std::vector<store::Slot> SlotsFromTemplates(const std::vector<store::SlotTemplate>& templates,
                                            int64_t now_seconds, int horizon_days) {
  std::vector<store::Slot> slots;
  CivilTime today = ToParisTime(now_seconds);
  int64_t first_day = DaysFromCivil(today.year, today.month, today.day);
  for (int offset = 0; offset <= horizon_days; ++offset) {
    int64_t day = first_day + offset;
    int year, month, date;
    CivilFromDays(day, year, month, date);
    int weekday = static_cast<int>(((day + 4) % 7 + 7) % 7);
    for (const store::SlotTemplate& t : templates) {
      if (t.weekday != weekday) continue;
      store::Slot slot;
      slot.store_id = t.store_id;
      slot.fulfillment = t.fulfillment;
      slot.start_at = FromParisTime(year, month, date, t.start_minute / 60, t.start_minute % 60);
      slot.end_at = FromParisTime(year, month, date, t.end_minute / 60, t.end_minute % 60);
      slot.cutoff_at = slot.start_at - static_cast<int64_t>(t.cutoff_minutes) * 60;
      slot.capacity = t.capacity;
      slot.fee_cents = t.fee_cents;
      if (slot.cutoff_at <= now_seconds) continue;
      slots.push_back(slot);
    }
  }
  return slots;
}

}  // namespace chariot::commerce
