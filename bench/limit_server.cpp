// The limit: the least a JSON-over-HTTP skill backend can do with cpp-httplib on this machine.
//
// Parses the JSON body of any POST and answers a fixed small JSON reply (GET answers the same
// reply). Tuned like Chariot's server so the comparison isolates Chariot's own work (routing,
// verification switch, understanding, dialog, SQLite): TCP_NODELAY, 64 threads, long keep-alive,
// listen backlog raised to SOMAXCONN (Debian's cpp-httplib listens with 5).
//
// Built only with -DCHARIOT_BENCH=ON. Usage: limit_server PORT   (listens on 127.0.0.1)
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace {

const char* kReply =
    R"({"version":"1.0","response":{"outputSpeech":{"type":"SSML","ssml":"<speak>J'ajoute deux litres de lait demi-écrémé.</speak>"},"shouldEndSession":false}})";

void Answer(const httplib::Request& req, httplib::Response& res) {
  if (!req.body.empty()) {
    auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) {
      res.status = 400;
      res.set_content(R"({"error":{"code":"invalid_argument"}})", "application/json");
      return;
    }
  }
  res.set_content(kReply, "application/json");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: limit_server PORT\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  httplib::Server server;
  std::atomic<int> listen_socket{-1};
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100000);
  server.set_keep_alive_timeout(2);
  server.set_socket_options([&](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket.store(sock);
  });
  server.Post(R"(/.*)", Answer);
  server.Get(R"(/.*)", Answer);
  server.Patch(R"(/.*)", Answer);
  int port = std::atoi(argv[1]);
  if (!server.bind_to_port("127.0.0.1", port)) {
    std::fprintf(stderr, "limit_server: cannot listen on 127.0.0.1:%d\n", port);
    return 1;
  }
  if (listen_socket.load() >= 0) ::listen(listen_socket.load(), SOMAXCONN);
  std::printf("listening on http://127.0.0.1:%d\n", port);
  std::fflush(stdout);
  return server.listen_after_bind() ? 0 : 1;
}
