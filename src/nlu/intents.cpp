#include "nlu/intents.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "nlu/civil_time.h"

namespace chariot::nlu {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kMaxFileBytes = 4 << 20;

Result<json> ReadJsonFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument(path.string() + ": cannot be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() > kMaxFileBytes) return Status::InvalidArgument(path.string() + ": too large");
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Status::InvalidArgument(path.string() + ": not valid JSON");
  if (!document.is_object()) return Status::InvalidArgument(path.string() + ": not a JSON object");
  return document;
}

Status Fail(const fs::path& path, const std::string& message) {
  return Status::InvalidArgument(path.string() + ": " + message);
}

std::optional<SlotKind> KindFromName(const std::string& name) {
  if (name == "text") return SlotKind::kText;
  if (name == "number") return SlotKind::kNumber;
  if (name == "list") return SlotKind::kList;
  if (name == "date") return SlotKind::kDate;
  if (name == "time") return SlotKind::kTime;
  return std::nullopt;
}

bool IsString(const json& j, const char* key) { return j.contains(key) && j[key].is_string(); }

Status LoadCatalog(const fs::path& path, IntentModel& model) {
  Result<json> document = ReadJsonFile(path);
  if (!document.ok()) return document.status();
  const json& root = *document;
  if (!root.contains("locales") || !root["locales"].is_array() || root["locales"].empty())
    return Fail(path, "\"locales\" must be a non-empty array");
  for (const json& locale : root["locales"]) {
    if (!locale.is_string()) return Fail(path, "a locale is not a string");
    model.locales.push_back(locale.get<std::string>());
  }
  if (!root.contains("slot_types") || !root["slot_types"].is_object())
    return Fail(path, "\"slot_types\" must be an object");
  for (const auto& [name, spec] : root["slot_types"].items()) {
    if (!spec.is_object() || !IsString(spec, "kind"))
      return Fail(path, "slot type " + name + " needs a \"kind\"");
    std::optional<SlotKind> kind = KindFromName(spec["kind"].get<std::string>());
    if (!kind) return Fail(path, "slot type " + name + " has an unknown kind");
    SlotType type;
    type.name = name;
    type.kind = *kind;
    if (IsString(spec, "description")) type.description = spec["description"].get<std::string>();
    if (spec.contains("min") && spec["min"].is_number()) type.min = spec["min"].get<double>();
    if (spec.contains("max") && spec["max"].is_number()) type.max = spec["max"].get<double>();
    model.slot_types[name] = std::move(type);
  }
  if (!root.contains("intents") || !root["intents"].is_array())
    return Fail(path, "\"intents\" must be an array");
  std::set<std::string> seen;
  for (const json& spec : root["intents"]) {
    if (!spec.is_object() || !IsString(spec, "name")) return Fail(path, "an intent has no name");
    IntentDef intent;
    intent.name = spec["name"].get<std::string>();
    if (!seen.insert(intent.name).second) return Fail(path, "intent " + intent.name + " twice");
    if (IsString(spec, "description")) intent.description = spec["description"].get<std::string>();
    if (spec.contains("slots")) {
      if (!spec["slots"].is_object())
        return Fail(path, intent.name + ": \"slots\" must be an object");
      for (const auto& [slot, type] : spec["slots"].items()) {
        if (!type.is_string())
          return Fail(path, intent.name + "." + slot + ": type must be a string");
        if (model.slot_types.count(type.get<std::string>()) == 0)
          return Fail(path,
                      intent.name + "." + slot + ": unknown slot type " + type.get<std::string>());
        intent.slots.push_back({slot, type.get<std::string>()});
      }
    }
    model.intents.push_back(std::move(intent));
  }
  if (model.FindIntent("Fallback") == nullptr) return Fail(path, "the Fallback intent is missing");
  return Status::Ok();
}

Status LoadSlots(const fs::path& path, const IntentModel& model, LocaleModel& locale) {
  if (!fs::exists(path)) return Status::Ok();
  Result<json> document = ReadJsonFile(path);
  if (!document.ok()) return document.status();
  const json& root = *document;
  if (!root.contains("types") || !root["types"].is_object())
    return Fail(path, "\"types\" must be an object");
  for (const auto& [name, spec] : root["types"].items()) {
    const SlotType* type = model.FindSlotType(name);
    if (type == nullptr) return Fail(path, "unknown slot type " + name);
    if (!spec.is_object()) return Fail(path, name + " must be an object");
    if (spec.contains("values")) {
      if (type->kind != SlotKind::kList) return Fail(path, name + " is not a list type");
      if (!spec["values"].is_array()) return Fail(path, name + ".values must be an array");
      std::set<std::string> ids;
      for (const json& v : spec["values"]) {
        if (!v.is_object() || !IsString(v, "id") || !IsString(v, "name"))
          return Fail(path, name + ": a value needs \"id\" and \"name\"");
        SlotValue value;
        value.id = v["id"].get<std::string>();
        value.name = v["name"].get<std::string>();
        if (!ids.insert(value.id).second) return Fail(path, name + ": id " + value.id + " twice");
        if (v.contains("synonyms")) {
          if (!v["synonyms"].is_array())
            return Fail(path, name + "." + value.id + ".synonyms must be an array");
          for (const json& s : v["synonyms"]) {
            if (!s.is_string())
              return Fail(path, name + "." + value.id + ": a synonym is not a string");
            value.synonyms.push_back(s.get<std::string>());
          }
        }
        locale.values[name].push_back(std::move(value));
      }
    }
    if (spec.contains("samples")) {
      if (!spec["samples"].is_array()) return Fail(path, name + ".samples must be an array");
      for (const json& s : spec["samples"]) {
        if (!s.is_string()) return Fail(path, name + ": a sample is not a string");
        locale.samples[name].push_back(s.get<std::string>());
      }
    }
  }
  return Status::Ok();
}

Status LoadRules(const fs::path& path, const json& root,
                 std::map<std::string, std::string>& rules) {
  if (!root.contains("rules")) return Status::Ok();
  if (!root["rules"].is_object()) return Fail(path, "\"rules\" must be an object");
  for (const auto& [name, body] : root["rules"].items()) {
    if (!body.is_string()) return Fail(path, "rule " + name + " must be a string");
    rules[name] = body.get<std::string>();
  }
  return Status::Ok();
}

Status CheckHeader(const fs::path& path, const json& root, const std::string& locale,
                   const IntentModel& model, std::string& intent) {
  if (!IsString(root, "intent")) return Fail(path, "\"intent\" is missing");
  intent = root["intent"].get<std::string>();
  if (model.FindIntent(intent) == nullptr) return Fail(path, "unknown intent " + intent);
  if (intent != path.stem().string()) return Fail(path, "the file name must be the intent name");
  if (IsString(root, "locale") && root["locale"].get<std::string>() != locale)
    return Fail(path, "\"locale\" does not match the folder");
  return Status::Ok();
}

Status LoadTemplates(const fs::path& path, const IntentModel& model, LocaleModel& locale) {
  Result<json> document = ReadJsonFile(path);
  if (!document.ok()) return document.status();
  const json& root = *document;
  std::string intent_name;
  Status status = CheckHeader(path, root, locale.locale, model, intent_name);
  if (!status.ok()) return status;
  const IntentDef* intent = model.FindIntent(intent_name);
  std::map<std::string, std::string> file_rules;
  status = LoadRules(path, root, file_rules);
  if (!status.ok()) return status;
  if (!root.contains("templates") || !root["templates"].is_array() || root["templates"].empty())
    return Fail(path, "\"templates\" must be a non-empty array");
  IntentTemplates templates;
  templates.intent = intent_name;
  templates.file = path.string();
  std::vector<const RuleLookup*> rules = {&file_rules, &locale.rules};
  for (const json& t : root["templates"]) {
    if (!t.is_string()) return Fail(path, "a template is not a string");
    std::string source = t.get<std::string>();
    Result<TemplateNode> parsed = ParseTemplate(source, rules);
    if (!parsed.ok())
      return Fail(path, "template \"" + source + "\": " + parsed.status().message());
    for (const std::string& slot : TemplateSlots(*parsed))
      if (intent->FindSlot(slot) == nullptr)
        return Fail(path, "template \"" + source + "\" uses unknown slot {" + slot + "}");
    templates.sources.push_back(std::move(source));
    templates.parsed.push_back(std::move(parsed).value());
  }
  locale.templates[intent_name] = std::move(templates);
  return Status::Ok();
}

Status LoadTests(const fs::path& path, const IntentModel& model, LocaleModel& locale) {
  Result<json> document = ReadJsonFile(path);
  if (!document.ok()) return document.status();
  const json& root = *document;
  std::string intent_name;
  Status status = CheckHeader(path, root, locale.locale, model, intent_name);
  if (!status.ok()) return status;
  const IntentDef* intent = model.FindIntent(intent_name);
  int64_t now = kDefaultTestNow;
  if (IsString(root, "now")) {
    std::optional<int64_t> parsed = ParseIso8601(root["now"].get<std::string>());
    if (!parsed) return Fail(path, "\"now\" is not an ISO 8601 time");
    now = *parsed;
  }
  if (!root.contains("sentences") || !root["sentences"].is_array() || root["sentences"].empty())
    return Fail(path, "\"sentences\" must be a non-empty array");
  std::vector<TestSentence>& out = locale.tests[intent_name];
  for (const json& s : root["sentences"]) {
    TestSentence sentence;
    sentence.intent = intent_name;
    sentence.now_seconds = now;
    if (s.is_string()) {
      sentence.text = s.get<std::string>();
    } else if (s.is_object() && IsString(s, "text")) {
      sentence.text = s["text"].get<std::string>();
      if (s.contains("slots")) {
        if (!s["slots"].is_object()) return Fail(path, "\"slots\" must be an object");
        for (const auto& [slot, value] : s["slots"].items()) {
          if (intent->FindSlot(slot) == nullptr)
            return Fail(path, "\"" + sentence.text + "\" expects unknown slot " + slot);
          if (value.is_string()) {
            sentence.slots[slot] = value.get<std::string>();
          } else if (value.is_number()) {
            sentence.slots[slot] = value.dump();
          } else {
            return Fail(path, "slot " + slot + " must be a string or a number");
          }
        }
      }
    } else {
      return Fail(path, "a sentence must be a string or {\"text\",\"slots\"}");
    }
    out.push_back(std::move(sentence));
  }
  return Status::Ok();
}

struct FillContext {
  const IntentModel* model;
  const LocaleModel* locale;
  const IntentDef* intent;
  bool french;
};

std::string FillSlot(const std::string& slot, uint64_t counter, const void* raw) {
  static const std::vector<std::string> kFrQuantities = {"deux", "3",    "un",           "quatre",
                                                         "500",  "six",  "une douzaine", "1,5",
                                                         "dix",  "cinq", "250",          "une"};
  static const std::vector<std::string> kEnQuantities = {
      "two", "3", "one", "four", "500", "six", "a dozen", "1.5", "ten", "five", "250", "a"};
  static const std::vector<std::string> kFrScores = {
      "huit", "10", "sept", "neuf", "zéro", "cinq", "dix", "6", "trois", "neuf sur dix"};
  static const std::vector<std::string> kEnScores = {
      "eight", "10", "seven", "nine", "zero", "five", "ten", "6", "three", "nine out of ten"};
  static const std::vector<std::string> kFrDates = {
      "demain",      "samedi",   "après-demain", "le 3 décembre",    "lundi prochain",
      "aujourd'hui", "vendredi", "le 12",        "mercredi prochain"};
  static const std::vector<std::string> kEnDates = {
      "tomorrow", "saturday",    "the day after tomorrow", "december 3rd", "next monday", "today",
      "friday",   "on the 12th", "next wednesday"};
  static const std::vector<std::string> kFrTimes = {
      "18 heures", "18h30", "midi", "10 heures", "9h", "14 heures 30", "17h"};
  static const std::vector<std::string> kEnTimes = {"6 pm", "6:30 pm", "noon",     "10 am",
                                                    "9",    "2:30 pm", "5 o'clock"};
  const FillContext& context = *static_cast<const FillContext*>(raw);
  const SlotDef* def = context.intent->FindSlot(slot);
  const SlotType* type = def == nullptr ? nullptr : context.model->FindSlotType(def->type);
  if (type == nullptr) return slot;
  uint64_t pick = counter * 2654435761u + slot.size();
  auto choose = [pick](const std::vector<std::string>& options) {
    return options.empty() ? std::string() : options[pick % options.size()];
  };
  switch (type->kind) {
    case SlotKind::kList: {
      auto it = context.locale->values.find(type->name);
      if (it == context.locale->values.end()) return slot;
      std::vector<std::string> all;
      for (const SlotValue& v : it->second) {
        all.push_back(v.name);
        all.insert(all.end(), v.synonyms.begin(), v.synonyms.end());
      }
      return choose(all);
    }
    case SlotKind::kText: {
      auto it = context.locale->samples.find(type->name);
      return it == context.locale->samples.end() ? slot : choose(it->second);
    }
    case SlotKind::kNumber:
      if (type->max && *type->max <= 10) return choose(context.french ? kFrScores : kEnScores);
      return choose(context.french ? kFrQuantities : kEnQuantities);
    case SlotKind::kDate:
      return choose(context.french ? kFrDates : kEnDates);
    case SlotKind::kTime:
      return choose(context.french ? kFrTimes : kEnTimes);
  }
  return slot;
}

std::vector<std::string> Expand(const IntentModel& model, const std::string& locale_name,
                                const std::string& intent_name, size_t max_count, bool filled) {
  const LocaleModel* locale = model.FindLocale(locale_name);
  const IntentDef* intent = model.FindIntent(intent_name);
  if (locale == nullptr || intent == nullptr) return {};
  auto it = locale->templates.find(intent_name);
  if (it == locale->templates.end() || it->second.parsed.empty()) return {};
  FillContext context{&model, locale, intent, locale_name.rfind("fr", 0) == 0};
  const std::vector<TemplateNode>& parsed = it->second.parsed;
  std::vector<std::string> out;
  std::set<std::string> seen;
  // Share the budget among templates, giving what a small template leaves to the next ones.
  size_t remaining = max_count;
  for (size_t i = 0; i < parsed.size() && remaining > 0; ++i) {
    size_t share = std::max<size_t>(1, remaining / (parsed.size() - i));
    std::vector<std::string> part =
        ExpandTemplate(parsed[i], share, 0x9E3779B97F4A7C15ull ^ (i * 7919 + intent_name.size()),
                       filled ? &FillSlot : nullptr, &context);
    for (std::string& s : part) {
      if (remaining == 0) break;
      if (seen.insert(s).second) {
        out.push_back(std::move(s));
        --remaining;
      }
    }
  }
  return out;
}

}  // namespace

const char* SlotKindName(SlotKind kind) {
  switch (kind) {
    case SlotKind::kText:
      return "text";
    case SlotKind::kNumber:
      return "number";
    case SlotKind::kList:
      return "list";
    case SlotKind::kDate:
      return "date";
    case SlotKind::kTime:
      return "time";
  }
  return "text";
}

const SlotDef* IntentDef::FindSlot(const std::string& slot_name) const {
  for (const SlotDef& slot : slots)
    if (slot.name == slot_name) return &slot;
  return nullptr;
}

const IntentDef* IntentModel::FindIntent(const std::string& name) const {
  for (const IntentDef& intent : intents)
    if (intent.name == name) return &intent;
  return nullptr;
}

const SlotType* IntentModel::FindSlotType(const std::string& name) const {
  auto it = slot_types.find(name);
  return it == slot_types.end() ? nullptr : &it->second;
}

const LocaleModel* IntentModel::FindLocale(const std::string& locale) const {
  auto it = by_locale.find(locale);
  return it == by_locale.end() ? nullptr : &it->second;
}

Result<IntentModel> LoadIntentModel(const std::string& intents_dir) {
  try {
    IntentModel model;
    fs::path root(intents_dir);
    Status status = LoadCatalog(root / "intents.json", model);
    if (!status.ok()) return status;
    for (const std::string& name : model.locales) {
      LocaleModel locale;
      locale.locale = name;
      fs::path dir = root / name;
      if (!fs::is_directory(dir)) return Fail(dir, "the locale folder is missing");
      status = LoadSlots(dir / "slots.json", model, locale);
      if (!status.ok()) return status;
      if (fs::exists(dir / "rules.json")) {
        Result<json> rules = ReadJsonFile(dir / "rules.json");
        if (!rules.ok()) return rules.status();
        status = LoadRules(dir / "rules.json", *rules, locale.rules);
        if (!status.ok()) return status;
      }
      std::vector<fs::path> files;
      for (const fs::directory_entry& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
          files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        std::string stem = file.stem().string();
        if (stem == "slots" || stem == "rules") continue;
        status = LoadTemplates(file, model, locale);
        if (!status.ok()) return status;
      }
      fs::path tests = dir / "tests";
      if (fs::is_directory(tests)) {
        files.clear();
        for (const fs::directory_entry& entry : fs::directory_iterator(tests))
          if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
          status = LoadTests(file, model, locale);
          if (!status.ok()) return status;
        }
      }
      model.by_locale[name] = std::move(locale);
    }
    return model;
  } catch (const std::exception& e) {
    return Status::InvalidArgument(intents_dir + ": cannot be loaded (" + std::string(e.what()) +
                                   ")");
  }
}

std::vector<std::string> ExpandIntent(const IntentModel& model, const std::string& locale,
                                      const std::string& intent, size_t max_count) {
  return Expand(model, locale, intent, max_count, false);
}

std::vector<std::string> ExpandIntentFilled(const IntentModel& model, const std::string& locale,
                                            const std::string& intent, size_t max_count) {
  return Expand(model, locale, intent, max_count, true);
}

}  // namespace chariot::nlu
