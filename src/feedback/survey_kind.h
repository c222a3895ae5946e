// SurveyKind: which satisfaction question is asked, and the scale of its answers.
//
// Thread safety: pure values and functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chariot::feedback {

enum class SurveyKind {
  kNps,   // "recommanderiez-vous ... ?" 0..10
  kCsat,  // "êtes-vous satisfait ... ?" 1..5
  kGoal,  // "avez-vous obtenu ce que vous vouliez ?" 1 yes, 0 no
};

struct Scale {
  int min = 0;
  int max = 10;
};

Scale ScaleOf(SurveyKind kind);
// "nps", "csat", "goal"
const char* SurveyKindName(SurveyKind kind);
// The kind named by "nps"/"csat"/"goal" (case-insensitive); nullopt otherwise.
std::optional<SurveyKind> ParseSurveyKind(std::string_view name);
// True when the score is a complaint worth a call back: NPS 0-6, CSAT 1-2, goal "no".
bool IsDetractor(SurveyKind kind, int score);

}  // namespace chariot::feedback
