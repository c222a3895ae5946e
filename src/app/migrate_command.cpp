#include <cstdio>

#include "app/app.h"
#include "app/commands.h"

namespace chariot::app {

int RunMigrateCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::fputs(
        "usage: chariot migrate [--db PATH] [--config FILE]\n"
        "Creates or upgrades the database to the newest schema; refuses a database newer than\n"
        "this chariot.\n",
        stdout);
    return 0;
  }
  Config config;
  std::vector<std::string> rest;
  if (Status s = LoadCommandConfig(args, config, rest); !s.ok())
    return Fail("migrate", s.message(), 2);
  if (!rest.empty()) return Fail("migrate", "unknown option '" + rest[0] + "' (see --help)", 2);
  auto version = MigrateDatabase(config.db, ResolveResourcePaths());
  if (!version.ok()) return Fail("migrate", version.status().message());
  std::printf("%s is at schema version %d\n", config.db.c_str(), *version);
  return 0;
}

int RunVersionCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::fputs("usage: chariot version\nPrints the version and build information.\n", stdout);
    return 0;
  }
  if (!args.empty()) return Fail("version", "takes no arguments (see --help)", 2);
  std::printf("chariot %s (built %s %s, C++ %ld, %s)\n", CHARIOT_VERSION, __DATE__, __TIME__,
              static_cast<long>(__cplusplus),
#ifdef NDEBUG
              "release"
#else
              "debug"
#endif
  );
  return 0;
}

}  // namespace chariot::app
