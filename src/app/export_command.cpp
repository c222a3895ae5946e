#include "app/export_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "app/paths.h"
#include "nlu/intents.h"
#include "platforms/alexa/interaction_model.h"
#include "platforms/dialogflow/agent_export.h"

namespace chariot::app {
namespace {

constexpr const char* kUsage =
    "usage: chariot export alexa --locale L [--invocation-name NAME] [--out FILE]\n"
    "       chariot export dialogflow-es --locale L --out DIR [--webhook-url URL]\n"
    "\n"
    "Builds a platform's model from intents/.\n"
    "  alexa           the Alexa interaction model (JSON Editor of the developer console, ASK\n"
    "                  CLI), on stdout unless --out names a file\n"
    "  dialogflow-es   a Dialogflow ES agent folder (agent.json, intents/, entities/); zip its\n"
    "                  content and use Restore from zip\n"
    "  --locale L      fr-FR or en-US\n";

int UsageError(const std::string& sentence) {
  std::cerr << "chariot export: " << sentence << "\n";
  return 2;
}

int Failure(const std::string& sentence) {
  std::cerr << "chariot export: " << sentence << "\n";
  return 1;
}

bool WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return false;
  file << content;
  return file.good();
}

void ReportSkipped(const std::vector<std::string>& skipped) {
  for (const std::string& line : skipped) std::cerr << "left out: " << line << "\n";
}

}  // namespace

int RunExportCommand(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError("say what to export: alexa or dialogflow-es (see --help).");
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return 0;
  }
  const std::string target = args[0];
  if (target != "alexa" && target != "dialogflow-es") {
    return UsageError("unknown export \"" + target + "\"; use alexa or dialogflow-es.");
  }
  std::map<std::string, std::string> options;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--locale" || arg == "--out" || arg == "--invocation-name" ||
        arg == "--webhook-url") {
      if (i + 1 >= args.size()) return UsageError(arg + " needs a value.");
      options[arg] = args[++i];
    } else {
      return UsageError("unknown option " + arg + " (see --help).");
    }
  }
  if (!options.count("--locale")) return UsageError("--locale is required (fr-FR or en-US).");
  const std::string locale = options["--locale"];

  Result<nlu::IntentModel> model = nlu::LoadIntentModel(ResolveResourcePaths().intents_dir);
  if (!model.ok()) return Failure(model.status().message());

  if (target == "alexa") {
    std::string name = options.count("--invocation-name")
                           ? options["--invocation-name"]
                           : platforms::alexa::DefaultInvocationName(locale);
    auto built = platforms::alexa::BuildInteractionModel(*model, locale, name);
    if (!built.ok()) return Failure(built.status().message());
    ReportSkipped(built->skipped);
    std::string text = built->model.dump(2) + "\n";
    if (!options.count("--out")) {
      std::cout << text;
      return 0;
    }
    if (!WriteFile(options["--out"], text)) {
      return Failure("cannot write " + options["--out"] + ".");
    }
    return 0;
  }

  if (!options.count("--out")) return UsageError("--out DIR is required for dialogflow-es.");
  auto built = platforms::dialogflow::BuildEsAgent(*model, locale, options["--webhook-url"]);
  if (!built.ok()) return Failure(built.status().message());
  ReportSkipped(built->skipped);
  std::filesystem::path root(options["--out"]);
  for (const auto& [relative, content] : built->files) {
    if (!WriteFile(root / relative, content.dump(2) + "\n")) {
      return Failure("cannot write " + (root / relative).string() + ".");
    }
  }
  std::cerr << "wrote " << built->files.size() << " files to " << root.string() << "\n";
  return 0;
}

}  // namespace chariot::app
