#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "app/app.h"
#include "app/commands.h"
#include "http/server.h"

namespace chariot::app {
namespace {

const char* kUsage =
    "usage: chariot serve [--port N] [--host H] [--db PATH] [--config FILE] [--threads N]\n"
    "Serves the HTTP API. --port 0 picks a free port. Prints 'listening on http://HOST:PORT'\n"
    "once it accepts. SIGTERM or SIGINT drains in-flight requests and exits 0.\n"
    "Environment (overrides the config file): CHARIOT_PORT CHARIOT_HOST CHARIOT_DB\n"
    "CHARIOT_API_TOKEN CHARIOT_ADMIN_TOKEN CHARIOT_THREADS CHARIOT_MAX_QUEUED "
    "CHARIOT_LOG_REQUESTS\n"
    "CHARIOT_DB_BUSY_TIMEOUT_MS (default 2000) CHARIOT_DB_MAX_BATCH (group commit, default 128)\n";

}  // namespace

Status LoadCommandConfig(const std::vector<std::string>& args, Config& config,
                         std::vector<std::string>& rest) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--config") {
      if (i + 1 >= args.size()) return Status::InvalidArgument("--config needs a file");
      if (Status s = LoadConfigFile(args[i + 1], config); !s.ok()) return s;
    }
  }
  if (Status s = ApplyEnvironment(config); !s.ok()) return s;
  auto unknown = ApplyFlags(args, config);
  if (!unknown.ok()) return unknown.status();
  rest.clear();
  for (size_t i = 0; i < unknown->size(); ++i) {
    if ((*unknown)[i] == "--config") {
      ++i;
      continue;
    }
    rest.push_back((*unknown)[i]);
  }
  return Status::Ok();
}

int RunServeCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  Config config;
  std::vector<std::string> rest;
  if (Status s = LoadCommandConfig(args, config, rest); !s.ok())
    return Fail("serve", s.message(), 2);
  if (!rest.empty()) return Fail("serve", "unknown option '" + rest[0] + "' (see --help)", 2);

  // Block the stop signals in every thread; one thread waits for them and drains the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto app = OpenApp(config);
  if (!app.ok()) return Fail("serve", app.status().message());
  auto tokens = EnsureTokens(**app);
  if (!tokens.ok()) return Fail("serve", tokens.status().message());

  http::ServerOptions options;
  options.threads = static_cast<size_t>(config.threads);
  options.max_queued = static_cast<size_t>(config.max_queued);
  options.log_requests = config.log_requests;
  http::Server server((*app)->MakeServerDeps(), options);
  auto port = server.Bind(config.host, config.port);
  if (!port.ok()) return Fail("serve", port.status().message());

  std::mutex mutex;
  std::condition_variable stopped;
  bool stopping = false;
  bool run_returned = false;
  std::thread signal_waiter([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    std::fprintf(stderr, "{\"event\":\"draining\",\"signal\":%d}\n", signal_number);
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    stopped.notify_all();
    // cpp-httplib's stop() does nothing until its accept loop has started; a signal that
    // arrives in between would be lost and the server would never exit. Stop again until Run()
    // has returned.
    std::unique_lock<std::mutex> lock(mutex);
    do {
      lock.unlock();
      server.Stop();
      lock.lock();
    } while (!stopped.wait_for(lock, std::chrono::milliseconds(50), [&] { return run_returned; }));
  });
  // Sessions left without an end are closed after their time-to-live.
  std::thread sweeper([&] {
    std::unique_lock<std::mutex> lock(mutex);
    while (!stopped.wait_for(lock, std::chrono::seconds(30), [&] { return stopping; })) {
      lock.unlock();
      (*app)->engine->SweepExpired();
      lock.lock();
    }
  });

  std::fprintf(stderr, "%s\n", tokens->c_str());
  for (const std::string& warning : platforms::PlatformStartupWarnings((*app)->platforms)) {
    std::fprintf(stderr, "%s\n", warning.c_str());
  }
  std::printf("listening on http://%s:%d\n", config.host.c_str(), *port);
  std::fflush(stdout);
  bool ok = server.Run();
  {
    std::lock_guard<std::mutex> lock(mutex);
    run_returned = true;
  }
  stopped.notify_all();
  if (!ok) {
    // The socket failed rather than a signal: wake the waiter so the process can exit.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
  }
  signal_waiter.join();
  sweeper.join();
  std::fprintf(stderr, "{\"event\":\"stopped\"}\n");
  return ok ? 0 : 1;
}

}  // namespace chariot::app
