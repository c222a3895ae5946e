// IntentModel: the voice interface as data, loaded from intents/ (the single source that the
// parser, the Alexa interaction model and the Dialogflow agent are all built from).
//
// Layout (schemas/intents.schema.json and siblings describe each file):
//   intents/intents.json                 locales, slot types (kind), intents and their slots
//   intents/<locale>/slots.json          per slot type: values {id, name, synonyms} (list kinds)
//                                        or sample words (the text kind, e.g. Product)
//   intents/<locale>/rules.json          shared expansion rules, used as <name> in templates
//   intents/<locale>/<Intent>.json       {"intent","locale","templates":[...],"rules":{...}}
//   intents/<locale>/tests/<Intent>.json {"intent","locale","now"?,"sentences":[{"text","slots"}]}
//   intents/<locale>/prompts/*.json      what Chariot says (owned by the dialog; only checked here)
// Template syntax: see nlu/template.h. Slot values are the codes of CONTRACTS.md.
//
// Ownership: an IntentModel is a plain value. Thread safety: const use from many threads is safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/turn.h"
#include "nlu/template.h"

namespace chariot::nlu {

enum class SlotKind {
  kText,    // free words (Product): Alexa needs sample values, Dialogflow @sys.any
  kNumber,  // AMAZON.NUMBER / @sys.number
  kList,    // closed list of values with ids and synonyms (custom slot type / entity)
  kDate,    // AMAZON.DATE / @sys.date
  kTime,    // AMAZON.TIME / @sys.time
};

const char* SlotKindName(SlotKind kind);  // "text", "number", "list", "date", "time"

struct SlotValue {
  std::string id;                     // the code: "gas_smell", "kg", "delivery"
  std::string name;                   // the canonical spoken form
  std::vector<std::string> synonyms;  // other ways to say it (not including name)
};

struct SlotType {
  std::string name;  // "Unit"
  SlotKind kind = SlotKind::kText;
  std::string description;
  std::optional<double> min;  // numbers only
  std::optional<double> max;
};

struct SlotDef {
  std::string name;  // "quantity"
  std::string type;  // "Quantity"
};

struct IntentDef {
  std::string name;
  std::string description;
  std::vector<SlotDef> slots;
  const SlotDef* FindSlot(const std::string& slot_name) const;
};

struct TestSentence {
  std::string text;
  std::string intent;
  Slots slots;          // expected slots; every other slot must be absent
  int64_t now_seconds;  // the clock the expectation assumes
};

struct IntentTemplates {
  std::string intent;
  std::string file;                  // where it came from, for messages
  std::vector<std::string> sources;  // templates as written
  std::vector<TemplateNode> parsed;  // same order as sources
};

struct LocaleModel {
  std::string locale;
  std::map<std::string, std::vector<SlotValue>> values;     // list slot type -> values
  std::map<std::string, std::vector<std::string>> samples;  // text slot type -> sample words
  std::map<std::string, std::string> rules;                 // rules.json
  std::map<std::string, IntentTemplates> templates;         // intent -> templates
  std::map<std::string, std::vector<TestSentence>> tests;   // intent -> test sentences
};

struct IntentModel {
  std::vector<std::string> locales;
  std::vector<IntentDef> intents;  // in the order of intents.json
  std::map<std::string, SlotType> slot_types;
  std::map<std::string, LocaleModel> by_locale;  // locale -> its files

  const IntentDef* FindIntent(const std::string& name) const;
  const SlotType* FindSlotType(const std::string& name) const;
  const LocaleModel* FindLocale(const std::string& locale) const;
};

// The default clock of test sentences when a test file names none: 2026-11-24T09:00:00Z, a
// Tuesday (10:00 in Paris).
inline constexpr int64_t kDefaultTestNow = 1795510800;

// Loads intents_dir. Fails with InvalidArgument naming the file and the problem: malformed JSON,
// an unknown intent, slot or slot type, a template that does not parse, a slot a template uses
// that its intent lacks. Missing test files are not an error here (the validator reports them).
Result<IntentModel> LoadIntentModel(const std::string& intents_dir);

// Sample sentences of one intent in one locale, slots written "{slot}" (the shape Alexa sample
// utterances and Dialogflow training phrases start from). At most max_count in all, spread over
// the templates; deterministic. Empty when the intent or locale is unknown.
std::vector<std::string> ExpandIntent(const IntentModel& model, const std::string& locale,
                                      const std::string& intent, size_t max_count);

// Same, with every slot filled by a value of its type (synonyms, sample words, numbers, dates),
// cycling through the values; used to train the classifier.
std::vector<std::string> ExpandIntentFilled(const IntentModel& model, const std::string& locale,
                                            const std::string& intent, size_t max_count);

}  // namespace chariot::nlu
