// Prompts: what Chariot says, per locale, loaded from intents/<locale>/prompts/*.json.
//
// Each file is an object of key -> string or array of variants; "{name}" placeholders are
// filled at render time. Variants are picked by turn number, so a reprompt differs from the
// question while tests stay deterministic.
//
// Thread safety: Load once; Render is const and safe from many threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::dialog {

class Prompts {
 public:
  // Loads every intents_dir/<locale>/prompts/*.json. Fails naming the file when one is malformed.
  static Result<Prompts> Load(const std::string& intents_dir);

  // The text for key in locale, placeholders filled. A missing key renders as the key itself
  // (and the validator test fails the build long before a customer hears it).
  std::string Render(const std::string& locale, const std::string& key,
                     const std::map<std::string, std::string>& vars, int variant = 0) const;
  bool Has(const std::string& locale, const std::string& key) const;
  std::vector<std::string> Keys(const std::string& locale) const;
  std::vector<std::string> Locales() const;

 private:
  std::map<std::string, std::map<std::string, std::vector<std::string>>> by_locale_;
};

}  // namespace chariot::dialog
