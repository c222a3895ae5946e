#include "app/paths.h"

#include <cstdlib>

namespace chariot::app {

ResourcePaths ResolveResourcePaths() {
  const char* env = std::getenv("CHARIOT_HOME");
  std::string home = (env != nullptr && *env != '\0') ? env : CHARIOT_SOURCE_DIR;
  return {home, home + "/intents", home + "/data", home + "/schemas/migrations"};
}

}  // namespace chariot::app
