#include "support/types.h"

#include <algorithm>

namespace chariot::support {

const std::vector<std::string>& ProblemCodes() {
  static const std::vector<std::string> codes = {"water_leak",          "gas_smell", "power_outage",
                                                 "no_heating",          "lawnmower", "locked_out",
                                                 "appliance_breakdown", "other"};
  return codes;
}

bool IsProblemCode(std::string_view code) {
  const auto& codes = ProblemCodes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

const std::vector<std::string>& AppointmentKinds() {
  static const std::vector<std::string> kinds = {"callback", "in_store", "video"};
  return kinds;
}

bool IsAppointmentKind(std::string_view kind) {
  const auto& kinds = AppointmentKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const char* TierName(Tier tier) {
  switch (tier) {
    case Tier::kEmergency:
      return "emergency";
    case Tier::kUrgent:
      return "urgent";
    case Tier::kRoutine:
      return "routine";
  }
  return "routine";
}

std::optional<Tier> TierFromName(std::string_view name) {
  if (name == "emergency") return Tier::kEmergency;
  if (name == "urgent") return Tier::kUrgent;
  if (name == "routine") return Tier::kRoutine;
  return std::nullopt;
}

}  // namespace chariot::support
