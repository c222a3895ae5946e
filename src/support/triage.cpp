#include "support/triage.h"

#include <algorithm>

#include "support/text_match.h"

namespace chariot::support {

bool TriageResult::Has(std::string_view signal) const {
  return std::find(signals.begin(), signals.end(), signal) != signals.end();
}

bool IsWinter(const Knowledge& knowledge, int local_month) {
  int from = knowledge.winter_from_month, to = knowledge.winter_to_month;
  return from <= to ? (local_month >= from && local_month <= to)
                    : (local_month >= from || local_month <= to);
}

TriageResult Triage(const Knowledge& knowledge, std::string_view problem, std::string_view words,
                    std::string_view locale, int local_month) {
  TriageResult result;
  result.problem = IsProblemCode(problem) ? std::string(problem) : std::string("other");

  const std::string folded = FoldForMatching(words);
  auto by_locale = knowledge.signals.find(std::string(locale));
  if (by_locale == knowledge.signals.end()) by_locale = knowledge.signals.find(kLocaleFrench);
  if (by_locale != knowledge.signals.end()) {
    for (const auto& [signal, phrases] : by_locale->second) {
      if (ContainsAnyPhrase(folded, phrases)) result.signals.push_back(signal);
    }
  }

  // Safety first: the most dangerous reading of the words wins over the problem code.
  if (result.problem == "gas_smell" || result.Has("gas")) {
    result.problem = "gas_smell";
    result.tier = Tier::kEmergency;
    result.advice = {"gas_smell"};
    result.ends_session = true;
    return result;
  }
  if (result.Has("fire")) {
    result.tier = Tier::kEmergency;
    result.advice = {"general.fire"};
    result.ends_session = true;
    return result;
  }

  const std::string& p = result.problem;
  if (p == "water_leak") {
    result.advice = {"water_leak"};
    bool danger = result.Has("water_near_electricity") || result.Has("not_stopping");
    if (danger) {
      result.tier = Tier::kEmergency;
      result.advice.push_back("water_leak_emergency");
    } else {
      result.tier = Tier::kUrgent;
      result.ask_if_leak_stopped = !result.Has("under_control");
    }
    return result;
  }
  if (p == "no_heating") {
    if (result.Has("carbon_monoxide")) {
      result.tier = Tier::kEmergency;
      result.advice = {"general.carbon_monoxide"};
      result.ends_session = true;
      return result;
    }
    result.tier = IsWinter(knowledge, local_month) ? Tier::kUrgent : Tier::kRoutine;
    result.advice = {"no_heating"};
    return result;
  }
  if (p == "locked_out") {
    if (result.Has("person_at_risk")) {
      result.tier = Tier::kEmergency;
      result.advice = {"general.person_at_risk"};
      result.ends_session = true;
      return result;
    }
    result.tier = Tier::kUrgent;
    result.advice = {"locked_out"};
    return result;
  }

  auto base = knowledge.base_tiers.find(p);
  std::string tier_name = base == knowledge.base_tiers.end() ? "routine" : base->second;
  result.tier = TierFromName(tier_name).value_or(Tier::kRoutine);
  result.advice = {p};
  return result;
}

TriageResult AfterLeakAnswer(const TriageResult& before, bool stopped) {
  TriageResult after = before;
  after.ask_if_leak_stopped = false;
  if (stopped) {
    after.tier = Tier::kUrgent;
    after.advice.clear();
  } else {
    after.tier = Tier::kEmergency;
    after.signals.push_back("not_stopping");
    after.advice = {"water_leak_emergency"};
  }
  return after;
}

}  // namespace chariot::support
