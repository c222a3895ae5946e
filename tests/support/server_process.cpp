#include "support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/store_backends.h"

namespace chariot::testing {

std::string PostgresUrl(const std::string& conninfo) {
  std::map<std::string, std::string> keys;
  std::istringstream in(conninfo);
  for (std::string pair; in >> pair;) {
    auto eq = pair.find('=');
    if (eq != std::string::npos) keys[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  return "postgresql:///" + keys["dbname"] + "?host=" + keys["host"] + "&port=" + keys["port"] +
         "&user=" + keys["user"];
}

namespace {

// Under CHARIOT_TEST_HTTP_STORE=postgresql (CTest's second run of the HTTP tests), a server
// without an explicit database gets a fresh PostgreSQL database instead of a SQLite file.
std::string DefaultDatabase(const TempDir& dir) {
  const char* store = std::getenv("CHARIOT_TEST_HTTP_STORE");
  if (store != nullptr && std::string(store) == "postgresql") {
    PostgresProcess& postgres = SharedPostgres();
    if (!postgres.available()) {
      throw std::runtime_error("PostgreSQL is not available: " + postgres.why_unavailable());
    }
    return PostgresUrl(postgres.NewDatabase());
  }
  return dir.File("chariot.db");
}

}  // namespace

ServerProcess::ServerProcess(ServerOptions options) {
  db_path_ = options.db_path.empty() ? DefaultDatabase(dir_) : options.db_path;
  log_path_ = dir_.File("server.log");
  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(log, STDERR_FILENO);
    close(out_pipe[0]);
    setenv("CHARIOT_API_TOKEN", kTestApiToken, 1);
    setenv("CHARIOT_ADMIN_TOKEN", kTestAdminToken, 1);
    setenv("CHARIOT_HOME", CHARIOT_SOURCE_DIR, 1);
    for (const auto& [name, value] : options.env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<std::string> args = {CHARIOT_BINARY, "serve", "--port", "0", "--db", db_path_};
    args.insert(args.end(), options.args.begin(), options.args.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  // Read stdout until the "listening on" line (or the process dies / 30 s pass).
  std::string output;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
  while (std::chrono::steady_clock::now() < deadline) {
    char buffer[256];
    ssize_t n = read(out_pipe[0], buffer, sizeof buffer);
    if (n > 0) {
      output.append(buffer, static_cast<size_t>(n));
      size_t at = output.find("listening on http://");
      size_t end = at == std::string::npos ? at : output.find('\n', at);
      if (end != std::string::npos) {
        size_t colon = output.rfind(':', end);
        port_ = std::stoi(output.substr(colon + 1, end - colon - 1));
        break;
      }
    } else if (n == 0) {
      break;  // the server exited
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  close(out_pipe[0]);
  if (port_ == 0) {
    Kill();
    throw std::runtime_error("chariot serve did not start: " + Logs());
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Terminate();
}

std::string ServerProcess::Logs() const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::unique_ptr<httplib::Client> ServerProcess::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(5, 0);
  client->set_read_timeout(5, 0);
  client->set_write_timeout(5, 0);
  return client;
}

httplib::Result ServerProcess::PostJson(const std::string& path, const nlohmann::json& body,
                                        const std::string& token) const {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return Client()->Post(path.c_str(), headers, body.dump(), "application/json");
}

httplib::Result ServerProcess::Get(const std::string& path, const std::string& token) const {
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return Client()->Get(path.c_str(), headers);
}

int ServerProcess::Terminate() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 1000; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Kill();
  return -1;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

nlohmann::json Converse(const ServerProcess& server, const std::string& user,
                        const std::string& text, const std::string& session_id,
                        const std::string& locale) {
  nlohmann::json body = {{"user_id", user}, {"text", text}, {"locale", locale}};
  if (!session_id.empty()) body["session_id"] = session_id;
  auto res = server.PostJson("/v1/converse", body);
  if (!res) throw std::runtime_error("no response from /v1/converse");
  if (res->status != 200)
    throw std::runtime_error("converse " + std::to_string(res->status) + ": " + res->body);
  return nlohmann::json::parse(res->body);
}

}  // namespace chariot::testing
