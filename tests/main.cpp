#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <csignal>

// A server that closes a connection must not kill the test process (SIGPIPE): the write fails
// with EPIPE and the test reports it.
int main(int argc, char* argv[]) {
  std::signal(SIGPIPE, SIG_IGN);
  return Catch::Session().run(argc, argv);
}
