// Advice rendering: the sentences of an advice block in a locale, with their numbers resolved.
//
// A rendered piece is either text or a telephone number, so the flow can speak numbers digit
// group by digit group (Speech::Telephone) and never builds a number from words.
//
// Thread safety: pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "support/knowledge.h"

namespace chariot::support {

struct AdvicePiece {
  enum Kind { kText, kTelephone } kind = kText;
  std::string text;
};

// Everything the sentences may need besides the numbers of the data file.
struct AdviceVariables {
  std::optional<std::string> outage_line;  // "09 72 67 50 75" once the department is known
};

// The pieces of the advice `key` in locale, in order. InvalidArgument when the key is unknown or
// a sentence needs {outage_line} and none is given (the caller must pick another block).
Result<std::vector<AdvicePiece>> RenderAdvice(const Knowledge& knowledge, const std::string& key,
                                              const std::string& locale,
                                              const AdviceVariables& variables = {});

// The pieces as plain text, for tests, tickets and logs.
std::string AdviceText(const std::vector<AdvicePiece>& pieces);

}  // namespace chariot::support
