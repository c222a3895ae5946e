#include "nlu/validator.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "nlu/intents.h"

namespace chariot::nlu {
namespace {

namespace fs = std::filesystem;

// Keys of every intents_dir/<locale>/prompts/*.json, as "file:key"; problems appended.
std::set<std::string> PromptKeys(const fs::path& dir, std::vector<std::string>& problems) {
  std::set<std::string> keys;
  if (!fs::is_directory(dir)) return keys;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    nlohmann::json document = nlohmann::json::parse(buffer.str(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
      problems.push_back(entry.path().string() + ": not a JSON object");
      continue;
    }
    for (const auto& [key, value] : document.items()) {
      if (key == "$schema") continue;
      keys.insert(key);
    }
  }
  return keys;
}

// The most times one expansion of node can use slot (Alexa refuses a slot twice in a sample).
int MaxSlotUses(const TemplateNode& node, const std::string& slot) {
  switch (node.kind) {
    case TemplateNode::Kind::kSlot:
      return node.text == slot ? 1 : 0;
    case TemplateNode::Kind::kWord:
      return 0;
    case TemplateNode::Kind::kSequence: {
      int total = 0;
      for (const TemplateNode& child : node.children) total += MaxSlotUses(child, slot);
      return total;
    }
    case TemplateNode::Kind::kAlternative:
    case TemplateNode::Kind::kOptional: {
      int most = 0;
      for (const TemplateNode& child : node.children)
        most = std::max(most, MaxSlotUses(child, slot));
      return most;
    }
  }
  return 0;
}

}  // namespace

std::vector<std::string> ValidateIntents(const std::string& intents_dir) {
  std::vector<std::string> problems;
  Result<IntentModel> loaded = LoadIntentModel(intents_dir);
  if (!loaded.ok()) {
    problems.push_back(loaded.status().message());
    return problems;
  }
  const IntentModel& model = *loaded;
  for (const std::string& locale : model.locales) {
    const LocaleModel* files = model.FindLocale(locale);
    for (const IntentDef& intent : model.intents) {
      if (files->templates.count(intent.name) == 0)
        problems.push_back(locale + ": intent " + intent.name + " has no templates (" +
                           intents_dir + "/" + locale + "/" + intent.name + ".json)");
      if (files->tests.count(intent.name) == 0)
        problems.push_back(locale + ": intent " + intent.name + " has no test sentences (" +
                           intents_dir + "/" + locale + "/tests/" + intent.name + ".json)");
    }
    for (const auto& [intent_name, templates] : files->templates) {
      for (size_t t = 0; t < templates.parsed.size(); ++t)
        for (const std::string& slot : TemplateSlots(templates.parsed[t]))
          if (MaxSlotUses(templates.parsed[t], slot) > 1)
            problems.push_back(locale + ": template \"" + templates.sources[t] + "\" of " +
                               intent_name + " can use {" + slot + "} twice in one sentence");
    }
    for (const auto& [name, type] : model.slot_types) {
      if (type.kind == SlotKind::kList && files->values.count(name) == 0)
        problems.push_back(locale + ": slot type " + name + " has no values in slots.json");
      if (type.kind == SlotKind::kText && files->samples.count(name) == 0)
        problems.push_back(locale + ": slot type " + name + " has no samples in slots.json");
    }
    // Expected slot values must be codes of their type.
    for (const auto& [intent_name, sentences] : files->tests) {
      const IntentDef* intent = model.FindIntent(intent_name);
      for (const TestSentence& sentence : sentences) {
        for (const auto& [slot, value] : sentence.slots) {
          const SlotDef* def = intent->FindSlot(slot);
          const SlotType* type = model.FindSlotType(def->type);
          if (type->kind != SlotKind::kList) continue;
          auto values = files->values.find(type->name);
          bool known = false;
          if (values != files->values.end())
            for (const SlotValue& v : values->second) known = known || v.id == value;
          if (!known)
            problems.push_back(locale + ": test \"" + sentence.text + "\" expects " + slot + "=" +
                               value + ", not a code of " + type->name);
        }
      }
    }
  }
  // Prompt keys: the same in every locale.
  std::map<std::string, std::set<std::string>> keys;
  for (const std::string& locale : model.locales)
    keys[locale] = PromptKeys(fs::path(intents_dir) / locale / "prompts", problems);
  for (const auto& [locale, own] : keys) {
    for (const auto& [other, theirs] : keys) {
      if (other == locale) continue;
      for (const std::string& key : own)
        if (theirs.count(key) == 0)
          problems.push_back("prompt key " + key + " exists in " + locale + " but not in " + other);
    }
  }
  return problems;
}

}  // namespace chariot::nlu
