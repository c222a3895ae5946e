#include "nlu/evaluation.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nlu/civil_time.h"
#include "nlu/numbers.h"

namespace chariot::nlu {
namespace {

std::string Describe(const Slots& slots) {
  std::string out;
  for (const auto& [name, value] : slots) out += name + "=" + value + " ";
  return out;
}

double Ratio(int part, int total) { return total == 0 ? 0.0 : static_cast<double>(part) / total; }

}  // namespace

double EvaluationReport::IntentAccuracy() const {
  return Ratio(overall.intent_right, overall.total);
}

double EvaluationReport::SlotAccuracy() const { return Ratio(overall.all_right, overall.total); }

std::string EvaluationReport::Format() const {
  std::ostringstream out;
  char line[160];
  out << "locale " << locale << "\n";
  std::snprintf(line, sizeof line, "%-18s %6s %10s %14s\n", "intent", "n", "intent %",
                "all slots %");
  out << line;
  for (const auto& [intent, score] : by_intent) {
    std::snprintf(line, sizeof line, "%-18s %6d %9.1f%% %13.1f%%\n", intent.c_str(), score.total,
                  100 * Ratio(score.intent_right, score.total),
                  100 * Ratio(score.all_right, score.total));
    out << line;
  }
  std::snprintf(line, sizeof line, "%-18s %6d %9.1f%% %13.1f%%\n", "ALL", overall.total,
                100 * IntentAccuracy(), 100 * SlotAccuracy());
  out << line;
  for (const std::string& error : errors) out << "  wrong: " << error << "\n";
  return out.str();
}

Result<EvaluationSet> LoadEvaluationSet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  nlohmann::json root = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (root.is_discarded() || !root.is_object())
    return Status::InvalidArgument(path + ": not a JSON object");
  EvaluationSet set;
  if (!root.contains("locale") || !root["locale"].is_string())
    return Status::InvalidArgument(path + ": \"locale\" is missing");
  set.locale = root["locale"].get<std::string>();
  set.now_seconds = kDefaultEvaluationNow;
  if (root.contains("now") && root["now"].is_string()) {
    std::optional<int64_t> now = ParseIso8601(root["now"].get<std::string>());
    if (!now) return Status::InvalidArgument(path + ": \"now\" is not ISO 8601");
    set.now_seconds = *now;
  }
  if (!root.contains("utterances") || !root["utterances"].is_array())
    return Status::InvalidArgument(path + ": \"utterances\" must be an array");
  for (const nlohmann::json& item : root["utterances"]) {
    if (!item.is_object() || !item.contains("text") || !item["text"].is_string() ||
        !item.contains("intent") || !item["intent"].is_string())
      return Status::InvalidArgument(path + ": an utterance needs \"text\" and \"intent\"");
    LabelledUtterance utterance;
    utterance.text = item["text"].get<std::string>();
    utterance.intent = item["intent"].get<std::string>();
    if (item.contains("slots") && item["slots"].is_object()) {
      for (const auto& [name, value] : item["slots"].items()) {
        if (value.is_string()) {
          utterance.slots[name] = value.get<std::string>();
        } else if (value.is_number()) {
          utterance.slots[name] = FormatNumber(value.get<double>());
        } else {
          return Status::InvalidArgument(path + ": slot " + name + " must be a string or number");
        }
      }
    }
    set.utterances.push_back(std::move(utterance));
  }
  return set;
}

EvaluationReport Evaluate(const Parser& parser, const EvaluationSet& set) {
  EvaluationReport report;
  report.locale = set.locale;
  for (const LabelledUtterance& u : set.utterances) {
    Understanding got = parser.Parse(u.text, set.locale, set.now_seconds);
    IntentScore& score = report.by_intent[u.intent];
    ++score.total;
    ++report.overall.total;
    bool intent_right = got.intent == u.intent;
    bool all_right = intent_right && got.slots == u.slots;
    score.intent_right += intent_right;
    score.all_right += all_right;
    report.overall.intent_right += intent_right;
    report.overall.all_right += all_right;
    if (!all_right)
      report.errors.push_back("\"" + u.text + "\" expected " + u.intent + " " + Describe(u.slots) +
                              "got " + got.intent + " " + Describe(got.slots));
  }
  return report;
}

}  // namespace chariot::nlu
