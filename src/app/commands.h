// The subcommands of `chariot`, each `int Run...Command(args)` where args follow the name.
// Each prints its usage for --help, and one clear sentence on stderr with a non-zero exit on error.
#pragma once

#include <string>
#include <vector>

namespace chariot::app {

int RunServeCommand(const std::vector<std::string>& args);
int RunChatCommand(const std::vector<std::string>& args);
int RunMigrateCommand(const std::vector<std::string>& args);
int RunVersionCommand(const std::vector<std::string>& args);

// True when args ask for help ("--help" or "-h" anywhere).
bool WantsHelp(const std::vector<std::string>& args);
// Prints "chariot <command>: <message>" to stderr and returns 2 (usage) or 1 (failure).
int Fail(const std::string& command, const std::string& message, int code = 1);
}  // namespace chariot::app

#include "app/config.h"

namespace chariot::app {
// Reads --config (if any), then the environment, then the shared flags into config. Fills `rest`
// with the flags the caller must handle. A non-OK status carries a one-sentence message.
Status LoadCommandConfig(const std::vector<std::string>& args, Config& config,
                         std::vector<std::string>& rest);
}  // namespace chariot::app
