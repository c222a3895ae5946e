#include "feedback/survey_kind.h"

#include <algorithm>
#include <cctype>

namespace chariot::feedback {

Scale ScaleOf(SurveyKind kind) {
  switch (kind) {
    case SurveyKind::kNps:
      return {0, 10};
    case SurveyKind::kCsat:
      return {1, 5};
    case SurveyKind::kGoal:
      return {0, 1};
  }
  return {0, 10};
}

const char* SurveyKindName(SurveyKind kind) {
  switch (kind) {
    case SurveyKind::kNps:
      return "nps";
    case SurveyKind::kCsat:
      return "csat";
    case SurveyKind::kGoal:
      return "goal";
  }
  return "nps";
}

std::optional<SurveyKind> ParseSurveyKind(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "nps") return SurveyKind::kNps;
  if (lower == "csat") return SurveyKind::kCsat;
  if (lower == "goal") return SurveyKind::kGoal;
  return std::nullopt;
}

bool IsDetractor(SurveyKind kind, int score) {
  switch (kind) {
    case SurveyKind::kNps:
      return score <= 6;
    case SurveyKind::kCsat:
      return score <= 2;
    case SurveyKind::kGoal:
      return score == 0;
  }
  return false;
}

}  // namespace chariot::feedback
