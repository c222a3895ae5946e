#include "platforms/alexa/interaction_model.h"

#include <map>
#include <set>

namespace chariot::platforms::alexa {
namespace {

const std::map<std::string, std::string>& BuiltInFor() {
  static const std::map<std::string, std::string> names = {
      {"Yes", "AMAZON.YesIntent"},       {"No", "AMAZON.NoIntent"},
      {"Help", "AMAZON.HelpIntent"},     {"Stop", "AMAZON.StopIntent"},
      {"Cancel", "AMAZON.CancelIntent"}, {"Repeat", "AMAZON.RepeatIntent"},
      {"Next", "AMAZON.NextIntent"},     {"Fallback", "AMAZON.FallbackIntent"},
  };
  return names;
}

std::string AlexaType(const nlu::IntentModel& model, const std::string& type_name) {
  const nlu::SlotType* type = model.FindSlotType(type_name);
  if (type == nullptr) return type_name;
  switch (type->kind) {
    case nlu::SlotKind::kNumber:
      return "AMAZON.NUMBER";
    case nlu::SlotKind::kDate:
      return "AMAZON.DATE";
    case nlu::SlotKind::kTime:
      return "AMAZON.TIME";
    case nlu::SlotKind::kList:
    case nlu::SlotKind::kText:
      return type_name;
  }
  return type_name;
}

size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// Alexa accepts letters of the locale, spaces, apostrophes and periods in samples, plus
// {slot} references. Hyphens and the typographic apostrophe are rewritten; anything else
// (digits, symbols) makes the sample unusable.
std::optional<std::string> CleanSample(const std::string& sample) {
  std::string out;
  bool in_slot = false;
  for (size_t i = 0; i < sample.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(sample[i]);
    if (c == '{') in_slot = true;
    if (in_slot) {
      out.push_back(static_cast<char>(c));
      if (c == '}') in_slot = false;
      continue;
    }
    if (c == '-') {
      out.push_back(' ');
    } else if (sample.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else if (c >= 0x80 || std::isalpha(c) || c == ' ' || c == '\'' || c == '.') {
      out.push_back(static_cast<char>(c >= 0x80 ? c : std::tolower(c)));
    } else {
      return std::nullopt;
    }
  }
  // Collapse runs of spaces and trim.
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  if (collapsed.empty() || CodePoints(collapsed) > kMaxSampleCharacters) return std::nullopt;
  // Alexa refuses a sample that names the same slot twice.
  std::set<std::string> slots;
  for (size_t open = collapsed.find('{'); open != std::string::npos;
       open = collapsed.find('{', open + 1)) {
    size_t close = collapsed.find('}', open);
    if (close == std::string::npos) return std::nullopt;
    if (!slots.insert(collapsed.substr(open + 1, close - open - 1)).second) return std::nullopt;
  }
  return collapsed;
}

bool ValidInvocationName(const std::string& name) {
  if (name.empty() || name.find(' ') == std::string::npos) return false;
  for (unsigned char c : name) {
    if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || c == ' ' || c == '\'' || c == '.')) return false;
  }
  return true;
}

nlohmann::json TypeValues(const nlu::LocaleModel& locale, const std::string& type_name,
                          nlu::SlotKind kind) {
  nlohmann::json values = nlohmann::json::array();
  if (kind == nlu::SlotKind::kList) {
    auto it = locale.values.find(type_name);
    if (it == locale.values.end()) return values;
    for (const nlu::SlotValue& value : it->second) {
      values.push_back(
          {{"id", value.id}, {"name", {{"value", value.name}, {"synonyms", value.synonyms}}}});
    }
  } else {
    auto it = locale.samples.find(type_name);
    if (it == locale.samples.end()) return values;
    std::set<std::string> seen;
    for (const std::string& sample : it->second) {
      if (!seen.insert(sample).second) continue;
      values.push_back({{"name", {{"value", sample}}}});
    }
  }
  return values;
}

}  // namespace

std::string DefaultInvocationName(const std::string& locale) {
  return locale.rfind("fr", 0) == 0 ? "chariot courses" : "chariot shopping";
}

Result<InteractionModelExport> BuildInteractionModel(const nlu::IntentModel& model,
                                                     const std::string& locale,
                                                     const std::string& invocation_name) {
  const nlu::LocaleModel* locale_model = model.FindLocale(locale);
  if (locale_model == nullptr) {
    return Status::InvalidArgument("The locale " + locale + " is not in intents/.");
  }
  if (!ValidInvocationName(invocation_name)) {
    return Status::InvalidArgument(
        "The invocation name must be two words or more of lower-case letters, spaces, "
        "apostrophes or periods.");
  }
  InteractionModelExport out;
  nlohmann::json intents = nlohmann::json::array();
  std::set<std::string> used_samples;  // a sample may belong to one intent only
  std::set<std::string> used_types;
  bool has_fallback = false;

  for (const nlu::IntentDef& intent : model.intents) {
    auto builtin = BuiltInFor().find(intent.name);
    std::string name = builtin != BuiltInFor().end() ? builtin->second : intent.name;
    if (name == "AMAZON.FallbackIntent") {
      intents.push_back({{"name", name}, {"samples", nlohmann::json::array()}});
      has_fallback = true;
      continue;
    }
    nlohmann::json samples = nlohmann::json::array();
    for (const std::string& raw :
         nlu::ExpandIntent(model, locale, intent.name, kMaxSamplesPerIntent * 2)) {
      std::optional<std::string> sample = CleanSample(raw);
      if (!sample || !used_samples.insert(*sample).second) continue;
      samples.push_back(*sample);
      if (samples.size() == kMaxSamplesPerIntent) break;
    }
    if (samples.empty() && builtin == BuiltInFor().end()) {
      out.skipped.push_back(intent.name + ": no sample utterance in " + locale);
      continue;
    }
    nlohmann::json entry = {{"name", name}};
    if (!intent.slots.empty()) {
      nlohmann::json slots = nlohmann::json::array();
      for (const nlu::SlotDef& slot : intent.slots) {
        std::string type = AlexaType(model, slot.type);
        if (type.rfind("AMAZON.", 0) != 0) used_types.insert(slot.type);
        slots.push_back(
            {{"name", slot.name}, {"type", type}, {"samples", nlohmann::json::array()}});
      }
      entry["slots"] = slots;
    }
    entry["samples"] = samples;
    intents.push_back(entry);
  }
  intents.push_back({{"name", "AMAZON.NavigateHomeIntent"}, {"samples", nlohmann::json::array()}});
  if (!has_fallback) {
    intents.push_back({{"name", "AMAZON.FallbackIntent"}, {"samples", nlohmann::json::array()}});
  }

  nlohmann::json types = nlohmann::json::array();
  for (const std::string& type_name : used_types) {
    const nlu::SlotType* type = model.FindSlotType(type_name);
    nlohmann::json values = TypeValues(*locale_model, type_name, type->kind);
    if (values.empty()) {
      return Status::InvalidArgument("The slot type " + type_name + " has no value in " + locale +
                                     "; Alexa needs at least one.");
    }
    types.push_back({{"name", type_name}, {"values", values}});
  }

  out.model = {{"interactionModel",
                {{"languageModel",
                  {{"invocationName", invocation_name}, {"intents", intents}, {"types", types}}}}}};
  return out;
}

}  // namespace chariot::platforms::alexa
