#include "support/run_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace chariot::testing {
namespace {
std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

CommandResult RunChariot(const std::vector<std::string>& args, const std::string& input,
                         const std::map<std::string, std::string>& env) {
  TempDir dir;
  std::string in_path = dir.File("in"), out_path = dir.File("out"), err_path = dir.File("err");
  std::ofstream(in_path) << input;
  pid_t pid = fork();
  if (pid == 0) {
    freopen(in_path.c_str(), "r", stdin);
    freopen(out_path.c_str(), "w", stdout);
    freopen(err_path.c_str(), "w", stderr);
    setenv("CHARIOT_HOME", CHARIOT_SOURCE_DIR, 1);
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<std::string> all = {CHARIOT_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : all) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  return result;
}

}  // namespace chariot::testing
