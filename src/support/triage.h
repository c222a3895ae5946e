// Triage: which tier a reported problem belongs to, and which safety advice comes first.
//
// Pure functions of the data (Knowledge), the problem code, the customer's words and the local
// month. The rules (docs/SUPPORT.md):
//   - gas words anywhere make it a gas smell, whatever problem code was understood: emergency;
//   - fire or smoke words: emergency, "leave and call the firefighters";
//   - water_leak: emergency when the water reaches electricity or does not stop, else urgent
//     (the flow asks whether it has stopped when the words do not say);
//   - no_heating: emergency with carbon-monoxide signs, urgent in winter, routine otherwise;
//   - locked_out: emergency when a person is at risk inside, else urgent;
//   - power_outage urgent; lawnmower, appliance_breakdown, other routine.
//
// Thread safety: pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/knowledge.h"
#include "support/types.h"

namespace chariot::support {

struct TriageResult {
  std::string problem;  // possibly corrected (gas words -> "gas_smell")
  Tier tier = Tier::kRoutine;
  std::vector<std::string> signals;  // signal names found in the words, e.g. "not_stopping"
  // The advice keys to say now, in order (keys of Knowledge::Advice).
  std::vector<std::string> advice;
  // True when the advice is "leave and call the emergency services": the session must end right
  // after it, without any question (gas, fire, carbon monoxide, a person at risk).
  bool ends_session = false;
  // For water_leak without words that settle it: ask whether the leak has stopped.
  bool ask_if_leak_stopped = false;

  bool Has(std::string_view signal) const;
};

// problem: a code of CONTRACTS.md, or empty/unknown (read as "other"). local_month: 1..12.
TriageResult Triage(const Knowledge& knowledge, std::string_view problem, std::string_view words,
                    std::string_view locale, int local_month);

// The water leak after the customer answered whether it stopped: urgent when it did, emergency
// (with the extra advice) when it did not.
TriageResult AfterLeakAnswer(const TriageResult& before, bool stopped);

bool IsWinter(const Knowledge& knowledge, int local_month);

}  // namespace chariot::support
