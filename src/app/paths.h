// Where Chariot finds the files that are data, not code: intents/, data/, schemas/.
//
// CHARIOT_HOME (a checkout or an installed share folder) wins; otherwise the source tree the
// binary was built from. Thread safety: pure.
#pragma once

#include <string>

namespace chariot::app {

struct ResourcePaths {
  std::string home;            // the folder holding intents/, data/, schemas/
  std::string intents_dir;     // home + "/intents"
  std::string data_dir;        // home + "/data"
  std::string migrations_dir;  // home + "/schemas/migrations"
};

ResourcePaths ResolveResourcePaths();

}  // namespace chariot::app
