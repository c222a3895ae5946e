// chariot: one binary, one subcommand per job (CONTRACTS.md).
#include <cstdio>
#include <string>
#include <vector>

#include "app/check_command.h"
#include "app/commands.h"
#include "app/eval_command.h"
#include "app/export_command.h"
#include "app/parse_command.h"

namespace {

const char* kUsage =
    "usage: chariot <command> [options]\n"
    "\n"
    "commands:\n"
    "  serve     the HTTP server (native API, platforms, dashboard)\n"
    "  chat      talk to the assistant in a terminal\n"
    "  parse     understanding only: text in, intent and slots out as JSON lines\n"
    "  eval-nlu  accuracy of the understanding on the evaluation sets (tests/nlu/eval)\n"
    "  migrate   create or upgrade the database\n"
    "  export    the Alexa interaction model or the Dialogflow ES agent, built from intents/\n"
    "  check     explain whether a captured Alexa request would be accepted\n"
    "  version   version and build information\n"
    "\n"
    "Run 'chariot <command> --help' for a command's options.\n";

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>&);
};

}  // namespace

int main(int argc, char** argv) {
  using namespace chariot::app;
  static const Command kCommands[] = {
      {"serve", RunServeCommand},      {"chat", RunChatCommand},       {"parse", RunParseCommand},
      {"eval-nlu", RunEvalNluCommand}, {"migrate", RunMigrateCommand}, {"export", RunExportCommand},
      {"check", RunCheckCommand},      {"version", RunVersionCommand},
  };
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (name == "--version") name = "version";
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& command : kCommands) {
    if (name == command.name) {
      try {
        return command.run(args);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "chariot %s: unexpected failure, see the log\n", name.c_str());
        return 1;
      }
    }
  }
  std::fprintf(stderr, "chariot: unknown command '%s' (see chariot --help)\n", name.c_str());
  return 2;
}
