#include "support/calendar.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/department.h"
#include "support/paris_time.h"
#include "support/types.h"

namespace chariot::support {
namespace {

using nlohmann::json;

// "09:30" -> 570, or -1.
int ParseClock(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  int hour = (text[0] - '0') * 10 + (text[1] - '0');
  int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) return -1;
  return hour * 60 + minute;
}

const char* kWeekdays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool Qualifies(const Advisor& advisor, const SlotQuery& query) {
  if (!advisor.Does(query.kind) || !advisor.Knows(query.problem)) return false;
  if (query.kind == "in_store" && advisor.store != query.store_id) return false;
  return true;
}

}  // namespace

bool Advisor::Does(const std::string& kind) const {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool Advisor::Knows(const std::string& problem) const {
  return std::find(skills.begin(), skills.end(), problem) != skills.end();
}

Result<Calendar> Calendar::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/advisors.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json j = json::parse(buffer.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::InvalidArgument(path + " is not a JSON object");
  Calendar calendar;
  try {
    calendar.slot_minutes = j.at("slot_minutes").get<int>();
    calendar.min_lead_minutes = j.value("min_lead_minutes", 30);
    calendar.horizon_days = j.value("horizon_days", 14);
    if (calendar.slot_minutes < 5 || calendar.slot_minutes > 240 || calendar.horizon_days < 1 ||
        calendar.horizon_days > 90) {
      return Status::InvalidArgument(path + ": slot_minutes or horizon_days out of range");
    }
    for (const auto& s : j.at("stores")) {
      StoreInfo store{s.at("id").get<std::string>(), s.at("name").get<std::string>(),
                      s.value("city", ""), s.at("postcode").get<std::string>(), ""};
      auto department = DepartmentFromPostcode(store.postcode);
      if (!department)
        return Status::InvalidArgument(path + ": store " + store.id + " has a bad postcode");
      store.department = *department;
      calendar.stores.push_back(store);
    }
    for (const auto& a : j.at("advisors")) {
      Advisor advisor;
      advisor.id = a.at("id").get<std::string>();
      advisor.name = a.at("name").get<std::string>();
      advisor.store = a.value("store", "");
      advisor.kinds = a.at("kinds").get<std::vector<std::string>>();
      advisor.skills = a.at("skills").get<std::vector<std::string>>();
      for (const auto& kind : advisor.kinds) {
        if (!IsAppointmentKind(kind))
          return Status::InvalidArgument(path + ": unknown kind " + kind);
      }
      for (const auto& skill : advisor.skills) {
        if (!IsProblemCode(skill))
          return Status::InvalidArgument(path + ": unknown skill " + skill);
      }
      if (advisor.Does("in_store") && calendar.Store(advisor.store) == nullptr) {
        return Status::InvalidArgument(path + ": advisor " + advisor.id + " has no known store");
      }
      const json& hours = a.at("hours");
      for (int d = 0; d < 7; ++d) {
        if (!hours.contains(kWeekdays[d])) continue;
        for (const auto& range : hours.at(kWeekdays[d])) {
          std::string text = range.get<std::string>();
          int from = text.size() == 11 && text[5] == '-' ? ParseClock(text.substr(0, 5)) : -1;
          int to = from >= 0 ? ParseClock(text.substr(6, 5)) : -1;
          if (from < 0 || to <= from) {
            return Status::InvalidArgument(path + ": advisor " + advisor.id + " has bad hours " +
                                           text);
          }
          advisor.hours[d].push_back({from, to});
        }
      }
      calendar.advisors.push_back(std::move(advisor));
    }
  } catch (const json::exception& e) {
    return Status::InvalidArgument(path + ": a field is missing or has the wrong type");
  }
  return calendar;
}

const StoreInfo* Calendar::Store(const std::string& id) const {
  for (const auto& store : stores) {
    if (store.id == id) return &store;
  }
  return nullptr;
}

const StoreInfo* Calendar::StoreForPostcode(const std::string& postcode) const {
  auto department = DepartmentFromPostcode(postcode);
  if (!department) return nullptr;
  for (const auto& store : stores) {
    if (store.department == *department) return &store;
  }
  return nullptr;
}

std::vector<FreeSlot> Calendar::FindFreeSlots(const SlotQuery& query, const BusySet& busy) const {
  std::vector<FreeSlot> found;
  if (query.limit == 0) return found;
  const int64_t earliest = query.not_before;
  const int64_t first_day = query.day ? *query.day : ToParis(earliest).day_number;
  const int64_t last_day = query.day ? *query.day : ToParis(earliest).day_number + horizon_days;
  const int64_t slot_seconds = static_cast<int64_t>(slot_minutes) * 60;
  for (int64_t day = first_day; day <= last_day && found.size() < query.limit; ++day) {
    const int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);
    // start -> free advisors, ordered by start.
    std::map<int64_t, std::vector<std::string>> by_start;
    for (const Advisor& advisor : advisors) {
      if (!Qualifies(advisor, query)) continue;
      for (const auto& [from, to] : advisor.hours[weekday]) {
        for (int minute = from; minute + slot_minutes <= to; minute += slot_minutes) {
          if (minute < query.from_minute || minute >= query.to_minute) continue;
          int64_t start = FromParis(day, minute);
          if (start < earliest) continue;
          if (busy.count({advisor.id, start})) continue;
          by_start[start].push_back(advisor.id);
        }
      }
    }
    for (auto& [start, free] : by_start) {
      found.push_back(FreeSlot{start, start + slot_seconds, std::move(free)});
      if (found.size() >= query.limit) break;
    }
  }
  return found;
}

std::vector<std::string> Calendar::FreeAdvisorsAt(const SlotQuery& query, int64_t start,
                                                  const BusySet& busy) const {
  std::vector<std::string> free;
  const LocalTime local = ToParis(start);
  const int minute_of_day = local.hour * 60 + local.minute;
  for (const Advisor& advisor : advisors) {
    if (!Qualifies(advisor, query) || busy.count({advisor.id, start})) continue;
    for (const auto& [from, to] : advisor.hours[local.weekday]) {
      if (minute_of_day >= from && minute_of_day + slot_minutes <= to &&
          (minute_of_day - from) % slot_minutes == 0) {
        free.push_back(advisor.id);
        break;
      }
    }
  }
  return free;
}

}  // namespace chariot::support
