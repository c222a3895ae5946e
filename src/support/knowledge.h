// Knowledge: the support data of data/support/*.json, loaded once and checked.
//
// Safety advice per problem and locale with the sources it comes from, the emergency numbers (each
// with its source), the Enedis outage-line rule, the triage signal words, the guided first steps
// and the DIY products that fix a problem. Nothing here is code: changing advice is a data change
// reviewed as described in docs/SUPPORT.md. Load() refuses a file where a sentence names a number
// or a source that the file does not define, so a number can never be made up in a sentence.
//
// Thread safety: immutable after Load; safe to read from many threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::support {

inline constexpr const char* kLocaleFrench = "fr-FR";
inline constexpr const char* kLocaleEnglish = "en-US";

struct Source {
  std::string title;
  std::string url;  // empty when the source is not a web page (manufacturers' manuals)
};

struct EmergencyNumber {
  std::string display;  // as written and dialled, digit groups separated by spaces
  std::string source;   // a key of Knowledge::sources
};

// Short sentences said in order. A sentence may hold "{number:KEY}" (a number of
// Knowledge::numbers) or "{outage_line}" (the Enedis line computed from the postcode).
struct AdviceBlock {
  std::map<std::string, std::vector<std::string>> sentences;  // locale -> sentences
  std::vector<std::string> sources;
};

struct GuidedStep {
  std::string id;
  std::map<std::string, std::string> text;  // locale -> what to do
};

struct ProductHint {
  std::string id;
  std::string sku;  // the catalog product preferred among the matches; may be empty
  std::map<std::string, std::string> words;  // locale -> catalog search words
};

struct Knowledge {
  std::map<std::string, Source> sources;
  std::map<std::string, EmergencyNumber> numbers;
  std::string enedis_prefix;                      // "09 72 67 50"
  std::map<std::string, AdviceBlock> general;     // fire, person_at_risk, carbon_monoxide
  std::map<std::string, AdviceBlock> problems;    // problem code and derived keys
  std::map<std::string, std::string> base_tiers;  // problem -> tier name or "urgent_in_winter"
  int winter_from_month = 11;
  int winter_to_month = 3;
  // locale -> signal name -> folded phrases
  std::map<std::string, std::map<std::string, std::vector<std::string>>> signals;
  std::map<std::string, std::vector<GuidedStep>> steps;               // problem -> steps in order
  std::map<std::string, std::vector<std::string>> works_phrases;      // locale -> folded
  std::map<std::string, std::vector<std::string>> still_not_phrases;  // locale -> folded
  std::map<std::string, std::vector<std::string>> yes_phrases;        // locale -> folded
  std::map<std::string, std::vector<std::string>> no_phrases;         // locale -> folded
  // locale -> appointment kind -> folded words ("rappel" -> callback)
  std::map<std::string, std::map<std::string, std::vector<std::string>>> kind_phrases;
  std::map<std::string, std::vector<ProductHint>> products;  // problem -> hints

  // Reads data_dir/support/{advice,triage,steps,products}.json. InvalidArgument naming the file
  // and the fault when a file is missing, malformed or inconsistent (an unknown number or source,
  // a problem code without advice in a locale, a step without a sentence in a locale).
  static Result<Knowledge> Load(const std::string& data_dir);

  // The advice block for key ("gas_smell", "water_leak_emergency", "general.fire"); null if none.
  const AdviceBlock* Advice(const std::string& key) const;
  // The guided steps of a problem; empty when the problem has none.
  const std::vector<GuidedStep>& Steps(const std::string& problem) const;
};

// The locales every piece of advice must exist in.
const std::vector<std::string>& SupportLocales();

}  // namespace chariot::support
