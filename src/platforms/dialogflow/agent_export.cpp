#include "platforms/dialogflow/agent_export.h"

#include <set>

#include "platforms/export_text.h"

namespace chariot::platforms::dialogflow {
namespace {

// Example values written into training phrases where a template has a number, date or time
// slot; Dialogflow learns the slot's position from them.
const char* NumberExample(bool french, uint64_t counter) {
  static const char* kFrench[] = {"deux", "trois", "un", "six", "dix"};
  static const char* kEnglish[] = {"two", "three", "one", "six", "ten"};
  return french ? kFrench[counter % 5] : kEnglish[counter % 5];
}
const char* DateExample(bool french, uint64_t counter) {
  static const char* kFrench[] = {"demain", "samedi", "le 3 décembre", "lundi prochain"};
  static const char* kEnglish[] = {"tomorrow", "saturday", "december 3rd", "next monday"};
  return french ? kFrench[counter % 4] : kEnglish[counter % 4];
}
const char* TimeExample(bool french, uint64_t counter) {
  static const char* kFrench[] = {"18 heures", "10h30", "midi"};
  static const char* kEnglish[] = {"6 pm", "10:30 am", "noon"};
  return french ? kFrench[counter % 3] : kEnglish[counter % 3];
}

std::string SystemEntity(nlu::SlotKind kind, const std::string& type_name) {
  switch (kind) {
    case nlu::SlotKind::kNumber:
      return "@sys.number";
    case nlu::SlotKind::kDate:
      return "@sys.date";
    case nlu::SlotKind::kTime:
      return "@sys.time";
    case nlu::SlotKind::kList:
    case nlu::SlotKind::kText:
      return "@" + type_name;
  }
  return "@" + type_name;
}

std::string ExampleValue(const nlu::IntentModel& model, const nlu::LocaleModel& locale,
                         const nlu::SlotType& type, const std::string& type_name, bool french,
                         uint64_t counter) {
  switch (type.kind) {
    case nlu::SlotKind::kNumber:
      return NumberExample(french, counter);
    case nlu::SlotKind::kDate:
      return DateExample(french, counter);
    case nlu::SlotKind::kTime:
      return TimeExample(french, counter);
    case nlu::SlotKind::kList: {
      auto it = locale.values.find(type_name);
      if (it == locale.values.end() || it->second.empty()) return "";
      const nlu::SlotValue& value = it->second[counter % it->second.size()];
      return value.name;
    }
    case nlu::SlotKind::kText: {
      auto it = locale.samples.find(type_name);
      if (it == locale.samples.end() || it->second.empty()) return "";
      return it->second[counter % it->second.size()];
    }
  }
  return "";
}

nlohmann::json Parameter(const std::string& intent, const nlu::SlotDef& slot,
                         const std::string& entity) {
  return {{"id", StableUuid(intent + "/" + slot.name)},
          {"name", slot.name},
          {"required", false},
          {"dataType", entity},
          {"value", "$" + slot.name},
          {"defaultValue", ""},
          {"isList", false},
          {"prompts", nlohmann::json::array()},
          {"promptMessages", nlohmann::json::array()},
          {"noMatchPromptMessages", nlohmann::json::array()},
          {"noInputPromptMessages", nlohmann::json::array()},
          {"outputDialogContexts", nlohmann::json::array()}};
}

nlohmann::json IntentFile(const std::string& name, const nlohmann::json& parameters,
                          const nlohmann::json& events, bool fallback, const std::string& action) {
  return {{"id", StableUuid("intent/" + name)},
          {"name", name},
          {"auto", true},
          {"contexts", nlohmann::json::array()},
          {"responses",
           {{{"resetContexts", false},
             {"action", action},
             {"affectedContexts", nlohmann::json::array()},
             {"parameters", parameters},
             {"messages", nlohmann::json::array()},
             {"speech", nlohmann::json::array()}}}},
          {"priority", 500000},
          {"webhookUsed", true},
          {"webhookForSlotFilling", false},
          {"fallbackIntent", fallback},
          {"events", events},
          {"conditionalResponses", nlohmann::json::array()},
          {"condition", ""},
          {"conditionalFollowupEvents", nlohmann::json::array()}};
}

}  // namespace

std::string AgentLanguage(const std::string& locale) { return locale.substr(0, locale.find('-')); }

Result<AgentExport> BuildEsAgent(const nlu::IntentModel& model, const std::string& locale,
                                 const std::string& webhook_url) {
  const nlu::LocaleModel* locale_model = model.FindLocale(locale);
  if (locale_model == nullptr) {
    return Status::InvalidArgument("The locale " + locale + " is not in intents/.");
  }
  const std::string language = AgentLanguage(locale);
  const bool french = language == "fr";
  AgentExport out;
  out.files["package.json"] = {{"version", "1.0.0"}};
  out.files["agent.json"] = {
      {"description", "Chariot: shopping list, orders, home emergencies and satisfaction survey."},
      {"language", language},
      {"shortDescription", ""},
      {"examples", ""},
      {"linkToDocs", ""},
      {"displayName", "Chariot"},
      {"disableInteractionLogs", false},
      {"disableStackdriverLogs", true},
      {"googleAssistant", {{"oAuthLinking", {{"required", false}}}}},
      {"defaultTimezone", "Europe/Paris"},
      {"webhook",
       {{"url", webhook_url},
        {"username", ""},
        {"headers", nlohmann::json::object()},
        {"available", true},
        {"useForDomains", false},
        {"cloudFunctionsEnabled", false},
        {"cloudFunctionsInitialized", false}}},
      {"isPrivate", true},
      {"mlMinConfidence", 0.3},
      {"supportedLanguages", nlohmann::json::array()},
      {"enableOnePlatformResponses", true},
      {"onePlatformApiVersion", "v2"},
      {"analyzeQueryTextSentiment", false},
      {"enabledKnowledgeBaseNames", nlohmann::json::array()},
      {"knowledgeServiceConfidenceAdjustment", 0.0},
      {"dialogBuilderMode", false},
      {"baseActionPackagesUrl", ""},
      {"enableSpellCorrection", false}};

  out.files["intents/Default Welcome Intent.json"] =
      IntentFile("Default Welcome Intent", nlohmann::json::array(), {{{"name", "WELCOME"}}}, false,
                 "input.welcome");
  out.files["intents/Default Fallback Intent.json"] =
      IntentFile("Default Fallback Intent", nlohmann::json::array(), nlohmann::json::array(), true,
                 "input.unknown");

  std::set<std::string> used_types;
  uint64_t counter = 0;
  for (const nlu::IntentDef& intent : model.intents) {
    if (intent.name == "Fallback") continue;
    std::vector<std::string> samples =
        nlu::ExpandIntent(model, locale, intent.name, kMaxTrainingPhrasesPerIntent);
    if (samples.empty()) {
      out.skipped.push_back(intent.name + ": no training phrase in " + locale);
      continue;
    }
    nlohmann::json parameters = nlohmann::json::array();
    std::map<std::string, std::pair<std::string, const nlu::SlotType*>> slot_entities;
    for (const nlu::SlotDef& slot : intent.slots) {
      const nlu::SlotType* type = model.FindSlotType(slot.type);
      if (type == nullptr) continue;
      std::string entity = SystemEntity(type->kind, slot.type);
      if (entity.rfind("@sys.", 0) != 0) used_types.insert(slot.type);
      slot_entities[slot.name] = {slot.type, type};
      parameters.push_back(Parameter(intent.name, slot, entity));
    }
    out.files["intents/" + intent.name + ".json"] =
        IntentFile(intent.name, parameters, nlohmann::json::array(), false, "");

    nlohmann::json phrases = nlohmann::json::array();
    std::set<std::string> seen;
    for (const std::string& sample : samples) {
      if (!seen.insert(sample).second) continue;
      nlohmann::json data = nlohmann::json::array();
      bool usable = true;
      std::set<std::string> slots_in_phrase;  // one annotation per parameter and phrase
      ForEachPiece(
          sample,
          [&](std::string_view text) {
            data.push_back({{"text", std::string(text)}, {"userDefined", false}});
          },
          [&](std::string_view slot_name) {
            auto it = slot_entities.find(std::string(slot_name));
            if (it == slot_entities.end() || !slots_in_phrase.insert(it->first).second) {
              usable = false;
              return;
            }
            const auto& [type_name, type] = it->second;
            std::string example =
                ExampleValue(model, *locale_model, *type, type_name, french, counter++);
            if (example.empty()) {
              usable = false;
              return;
            }
            data.push_back({{"text", example},
                            {"alias", std::string(slot_name)},
                            {"meta", SystemEntity(type->kind, type_name)},
                            {"userDefined", true}});
          });
      if (!usable || data.empty()) continue;
      phrases.push_back({{"id", StableUuid(intent.name + "/" + sample)},
                         {"data", data},
                         {"isTemplate", false},
                         {"count", 0},
                         {"lang", language},
                         {"updated", 0}});
    }
    out.files["intents/" + intent.name + "_usersays_" + language + ".json"] = phrases;
  }

  for (const std::string& type_name : used_types) {
    const nlu::SlotType* type = model.FindSlotType(type_name);
    bool open = type->kind == nlu::SlotKind::kText;
    out.files["entities/" + type_name + ".json"] = {{"id", StableUuid("entity/" + type_name)},
                                                    {"name", type_name},
                                                    {"isOverridable", true},
                                                    {"isEnum", false},
                                                    {"isRegexp", false},
                                                    {"automatedExpansion", open},
                                                    {"allowFuzzyExtraction", false}};
    nlohmann::json entries = nlohmann::json::array();
    if (open) {
      auto it = locale_model->samples.find(type_name);
      std::set<std::string> seen;
      if (it != locale_model->samples.end()) {
        for (const std::string& sample : it->second) {
          if (seen.insert(sample).second)
            entries.push_back({{"value", sample}, {"synonyms", {sample}}});
        }
      }
    } else {
      auto it = locale_model->values.find(type_name);
      if (it != locale_model->values.end()) {
        for (const nlu::SlotValue& value : it->second) {
          nlohmann::json synonyms = nlohmann::json::array({value.name});
          for (const std::string& synonym : value.synonyms) {
            if (synonym != value.name) synonyms.push_back(synonym);
          }
          entries.push_back({{"value", value.id}, {"synonyms", synonyms}});
        }
      }
    }
    out.files["entities/" + type_name + "_entries_" + language + ".json"] = entries;
  }
  return out;
}

}  // namespace chariot::platforms::dialogflow
