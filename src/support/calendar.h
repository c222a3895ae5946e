// Calendar: the advisors of data/advisors.json and the free appointment slots they offer.
//
// Slots are fixed steps of slot_minutes inside each advisor's working hours (Paris time). A slot
// is free for (kind, problem, store) when some advisor who does that kind, has that skill and,
// for in_store, works in that store, works then and is not busy at that start. Which advisors are
// busy is the caller's (the appointment store's) knowledge, passed in.
//
// Thread safety: immutable after Load; FindFreeSlots is pure.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace chariot::support {

struct StoreInfo {
  std::string id;
  std::string name;
  std::string city;
  std::string postcode;
  std::string department;
};

struct Advisor {
  std::string id;
  std::string name;
  std::string store;  // empty for advisors who only work remotely
  std::vector<std::string> kinds;
  std::vector<std::string> skills;
  // Working intervals per weekday (0 Monday .. 6 Sunday), minutes of the day [from, to).
  std::vector<std::pair<int, int>> hours[7];

  bool Does(const std::string& kind) const;
  bool Knows(const std::string& problem) const;
};

// Which slots a customer wants: any time after not_before, or within a day / a part of a day.
struct SlotQuery {
  std::string kind;
  std::string problem;
  std::string store_id;        // required for in_store
  int64_t not_before = 0;      // Unix seconds; slots start at or after it
  std::optional<int64_t> day;  // Paris day number (days since 1970-01-01)
  int from_minute = 0;         // window inside each day, minutes [from, to)
  int to_minute = 24 * 60;
  size_t limit = 3;
};

struct FreeSlot {
  int64_t start = 0;
  int64_t end = 0;
  std::vector<std::string> advisors;  // free qualified advisors, in data order
};

// (advisor id, slot start) pairs already taken.
using BusySet = std::set<std::pair<std::string, int64_t>>;

struct Calendar {
  int slot_minutes = 30;
  int min_lead_minutes = 30;
  int horizon_days = 14;
  std::vector<StoreInfo> stores;
  std::vector<Advisor> advisors;

  // Reads data_dir/advisors.json. InvalidArgument naming the fault when the file is missing or
  // malformed (an unknown kind, a store that does not exist, hours like "9h-12h").
  static Result<Calendar> Load(const std::string& data_dir);

  const StoreInfo* Store(const std::string& id) const;
  // The store in the postcode's department, or null when there is none.
  const StoreInfo* StoreForPostcode(const std::string& postcode) const;

  // Free slots, earliest first, at most query.limit, within horizon_days of not_before.
  std::vector<FreeSlot> FindFreeSlots(const SlotQuery& query, const BusySet& busy) const;
  // The qualified advisors free at exactly that start ("" when start is not a slot boundary of
  // any qualified advisor's hours).
  std::vector<std::string> FreeAdvisorsAt(const SlotQuery& query, int64_t start,
                                          const BusySet& busy) const;
};

}  // namespace chariot::support
