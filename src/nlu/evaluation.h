// Evaluation: runs the parser over a set of labelled utterances (tests/nlu/eval/<locale>.json)
// and counts, per intent, how often the intent was right and how often every slot was right.
//
// File shape: {"locale","now","utterances":[{"text","intent","slots":{...}}]}; numbers in slots
// may be JSON numbers. Used by `chariot eval-nlu` and by the accuracy test.
//
// Thread safety: pure functions over their arguments.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "nlu/parser.h"

namespace chariot::nlu {

struct LabelledUtterance {
  std::string text;
  std::string intent;
  Slots slots;
};

// The clock of a set that names none: 2026-11-24T09:00:00Z (Tuesday, 10:00 in Paris).
inline constexpr int64_t kDefaultEvaluationNow = 1795510800;

struct EvaluationSet {
  std::string locale;
  int64_t now_seconds = 0;
  std::vector<LabelledUtterance> utterances;
};

struct IntentScore {
  int total = 0;
  int intent_right = 0;
  int all_right = 0;  // intent and every slot (no missing, no extra)
};

struct EvaluationReport {
  std::string locale;
  std::map<std::string, IntentScore> by_intent;
  IntentScore overall;
  std::vector<std::string> errors;  // one line per wrong utterance

  double IntentAccuracy() const;
  double SlotAccuracy() const;  // utterances with intent and every slot right
  std::string Format() const;   // the table printed by `chariot eval-nlu`
};

Result<EvaluationSet> LoadEvaluationSet(const std::string& path);
EvaluationReport Evaluate(const Parser& parser, const EvaluationSet& set);

}  // namespace chariot::nlu
