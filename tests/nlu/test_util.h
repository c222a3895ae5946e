// Helpers shared by the nlu tests.
#pragma once

#include <string>

#include "nlu/text.h"

namespace chariot::nlu::testing {

inline NormalizedText Words(const std::string& text, Language language) {
  NormalizedText normalized;
  Normalize(text, language, normalized);
  return normalized;
}

}  // namespace chariot::nlu::testing
