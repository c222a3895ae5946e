// PostgresProcess: a throwaway PostgreSQL server for tests (initdb in a temporary folder, a unix
// socket there, no TCP, no root service). PostgreSQL refuses to run as root, so as root the
// server runs as the `postgres` user that Debian's package creates.
//
// Available() is false when the binaries are not installed; tests then say so with WARN.
#pragma once

#include <string>

#include "support/temp_dir.h"

namespace chariot::testing {

class PostgresProcess {
 public:
  PostgresProcess();
  ~PostgresProcess();
  PostgresProcess(const PostgresProcess&) = delete;
  PostgresProcess& operator=(const PostgresProcess&) = delete;

  bool available() const { return running_; }
  const std::string& why_unavailable() const { return why_; }
  // A libpq connection string for a fresh, empty database of its own.
  std::string NewDatabase();

 private:
  std::string RunAs(const std::string& command) const;
  TempDir dir_;
  std::string bin_;
  std::string socket_dir_;
  int port_ = 0;
  int databases_ = 0;
  bool running_ = false;
  bool shared_ = false;  // started by the CTest fixture; not ours to stop
  std::string why_;
};

}  // namespace chariot::testing
