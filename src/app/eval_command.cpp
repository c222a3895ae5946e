#include "app/eval_command.h"

#include <cstdio>

#include "app/paths.h"
#include "nlu/evaluation.h"
#include "nlu/parser.h"

namespace chariot::app {
namespace {

constexpr const char* kUsage =
    "usage: chariot eval-nlu [--locale fr-FR|en-US] [--set FILE] [--errors]\n"
    "Parses the evaluation utterances (tests/nlu/eval/<locale>.json by default, both locales\n"
    "when --locale is absent) and prints intent accuracy and the share of utterances with every\n"
    "slot right, per intent. --errors lists the utterances read wrong. Exits 1 below the\n"
    "targets (95% intent, 90% slots).\n";

constexpr double kIntentTarget = 0.95;
constexpr double kSlotTarget = 0.90;

}  // namespace

int RunEvalNluCommand(const std::vector<std::string>& args) {
  std::vector<std::string> locales;
  std::string set_path;
  bool show_errors = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (args[i] == "--errors") {
      show_errors = true;
      continue;
    }
    if ((args[i] == "--locale" || args[i] == "--set") && i + 1 < args.size()) {
      (args[i] == "--locale" ? locales.emplace_back() : set_path) = args[i + 1];
      ++i;
      continue;
    }
    std::fprintf(stderr, "chariot eval-nlu: unexpected argument %s (see --help).\n",
                 args[i].c_str());
    return 2;
  }
  ResourcePaths paths = ResolveResourcePaths();
  auto parser = nlu::Parser::Load(paths.intents_dir);
  if (!parser.ok()) {
    std::fprintf(stderr, "chariot eval-nlu: cannot load the intents: %s\n",
                 parser.status().message().c_str());
    return 1;
  }
  std::vector<std::string> files;
  if (!set_path.empty()) {
    files.push_back(set_path);
  } else {
    if (locales.empty()) locales = {"fr-FR", "en-US"};
    for (const std::string& locale : locales)
      files.push_back(paths.home + "/tests/nlu/eval/" + locale + ".json");
  }
  bool met = true;
  for (const std::string& file : files) {
    auto set = nlu::LoadEvaluationSet(file);
    if (!set.ok()) {
      std::fprintf(stderr, "chariot eval-nlu: %s\n", set.status().message().c_str());
      return 1;
    }
    nlu::EvaluationReport report = nlu::Evaluate(**parser, *set);
    if (!show_errors) report.errors.clear();
    std::fputs(report.Format().c_str(), stdout);
    std::fputc('\n', stdout);
    met = met && report.IntentAccuracy() >= kIntentTarget && report.SlotAccuracy() >= kSlotTarget;
  }
  return met ? 0 : 1;
}

}  // namespace chariot::app
