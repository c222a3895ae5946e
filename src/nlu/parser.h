// Parser: Chariot's own understanding of text, for the channels that send only words.
//
// Built once at start from intents/ (intents.json, <locale>/<Intent>.json templates): grammars
// compiled, classifier trained. Parse() reads one utterance in one locale and returns the intent
// of the inventory (CONTRACTS.md) with its slots, or "Fallback". It never resolves products
// against the catalog: that is the commerce layer's job (see app/parse_command).
//
// Thread safety: Load() once; Parse() is const and safe from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/turn.h"

namespace chariot::nlu {

struct Understanding {
  std::string intent = "Fallback";
  double confidence = 0.0;  // calibrated, 0..1
  Slots slots;              // codes as in CONTRACTS.md; numbers in plain decimal
};

class Parser {
 public:
  virtual ~Parser() = default;
  // Loads and compiles every locale under intents_dir. Fails with InvalidArgument naming the
  // file and the problem when a file is malformed.
  static Result<std::unique_ptr<Parser>> Load(const std::string& intents_dir);

  // Understands text said in locale at now (Unix seconds; dates resolve in Europe/Paris).
  // Any input is accepted: empty, huge, invalid UTF-8 -> "Fallback", never a crash.
  virtual Understanding Parse(std::string_view text, std::string_view locale,
                              int64_t now_seconds) const = 0;
  virtual std::vector<std::string> Locales() const = 0;
};

}  // namespace chariot::nlu
