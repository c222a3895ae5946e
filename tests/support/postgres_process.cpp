#include "support/postgres_process.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace chariot::testing {
namespace {

std::string FindPostgresBin() {
  for (const char* version : {"17", "16", "15", "14", "13"}) {
    std::string bin = std::string("/usr/lib/postgresql/") + version + "/bin";
    if (std::filesystem::exists(bin + "/initdb")) return bin;
  }
  return "";
}

}  // namespace

std::string PostgresProcess::RunAs(const std::string& command) const {
  return geteuid() == 0 ? "runuser -u postgres -- " + command : command;
}

PostgresProcess::PostgresProcess() {
  bin_ = FindPostgresBin();
  // Under CTest one server serves the whole run (scripts/test-postgres, a fixture).
  if (const char* shared = std::getenv("CHARIOT_TEST_POSTGRES");
      shared != nullptr && !bin_.empty()) {
    std::ifstream in(std::string(shared) + "/conninfo");
    std::string host, port;
    if (in >> host >> port) {
      socket_dir_ = host.substr(5);
      port_ = std::stoi(port.substr(5));
      running_ = true;
      shared_ = true;
      return;
    }
  }
  if (bin_.empty()) {
    why_ = "PostgreSQL is not installed (Debian package postgresql)";
    return;
  }
  socket_dir_ = dir_.path().string();
  std::filesystem::permissions(dir_.path(), std::filesystem::perms::all);
  if (geteuid() == 0) {
    std::string chown = "chown postgres " + socket_dir_;
    if (std::system(chown.c_str()) != 0) {
      why_ = "cannot hand the test folder to the postgres user";
      return;
    }
  }
  std::string data = socket_dir_ + "/data";
  std::string init = RunAs(bin_ + "/initdb -D " + data + " -A trust -U chariot >/dev/null 2>&1");
  if (std::system(init.c_str()) != 0) {
    why_ = "initdb failed";
    return;
  }
  std::random_device random;
  for (int attempt = 0; attempt < 5 && !running_; ++attempt) {
    port_ = 40000 + static_cast<int>(random() % 20000);
    // No TCP at all (listen_addresses=''): the port only names the unix socket.
    std::string start = RunAs(bin_ + "/pg_ctl -D " + data + " -w -l " + socket_dir_ +
                              "/log -o \"-k " + socket_dir_ + " -c listen_addresses= -p " +
                              std::to_string(port_) + " -c fsync=on\" start >/dev/null 2>&1");
    running_ = std::system(start.c_str()) == 0;
  }
  if (!running_) why_ = "the PostgreSQL server did not start";
}

PostgresProcess::~PostgresProcess() {
  if (!running_ || shared_) return;
  std::string stop =
      RunAs(bin_ + "/pg_ctl -D " + socket_dir_ + "/data -m immediate stop >/dev/null 2>&1");
  (void)std::system(stop.c_str());
}

std::string PostgresProcess::NewDatabase() {
  // Unique across the test processes that share one server.
  std::string name = "test_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  std::string create =
      bin_ + "/createdb -h " + socket_dir_ + " -p " + std::to_string(port_) + " -U chariot " + name;
  (void)std::system(create.c_str());
  return "host=" + socket_dir_ + " port=" + std::to_string(port_) + " user=chariot dbname=" + name;
}

}  // namespace chariot::testing
