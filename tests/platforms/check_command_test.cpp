#include "app/check_command.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "platforms/alexa/vectors.h"

namespace chariot::app {
namespace {

struct CapturedRun {
  int exit_code;
  std::string out;
};

CapturedRun Run(const std::vector<std::string>& args) {
  std::stringstream out;
  std::streambuf* previous = std::cout.rdbuf(out.rdbuf());
  int code = RunCheckCommand(args);
  std::cout.rdbuf(previous);
  return {code, out.str()};
}

std::string Vector(const std::string& file) {
  return testing::AlexaVectorPath("2017-04-05-intent-request-utf8", file);
}

TEST_CASE("check alexa-request accepts a genuine request and explains each step",
          "[platforms][alexa][check]") {
  auto run = Run({"alexa-request", "--body", Vector("body.json"), "--headers",
                  Vector("headers.json"), "--at", "1491393761", "--chain", Vector("chain.pem"),
                  "--trust", Vector("trust-anchor.pem")});
  INFO(run.out);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("ok    signature: RSA-SHA1") != std::string::npos);
  CHECK(run.out.find(
            "ok    certificate URL: https://s3.amazonaws.com/echo.api/echo-api-cert-4.pem") !=
        std::string::npos);
  CHECK(run.out.find("NOT CHECKED: no skill id given") != std::string::npos);
  CHECK(run.out.rfind("accepted\n") == run.out.size() - 9);
}

TEST_CASE("check alexa-request rejects a tampered body, a late clock and another skill",
          "[platforms][alexa][check]") {
  std::string tampered_path = std::filesystem::temp_directory_path() /
                              ("chariot-check-body-" + std::to_string(::getpid()) + ".json");
  std::string body = testing::ReadFileBytes(Vector("body.json"));
  body[body.size() / 2] ^= 1;
  std::ofstream(tampered_path, std::ios::binary) << body;

  std::vector<std::string> base = {
      "alexa-request",     "--headers", Vector("headers.json"),    "--chain",
      Vector("chain.pem"), "--trust",   Vector("trust-anchor.pem")};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args);
  };

  auto tampered = with({"--body", tampered_path, "--at", "1491393761"});
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.out.find("FAIL  signature") != std::string::npos);

  auto late = with({"--body", Vector("body.json"), "--at", "1491394000"});
  CHECK(late.exit_code == 1);
  CHECK(late.out.find("FAIL  timestamp") != std::string::npos);

  auto expired = with({"--body", Vector("body.json"), "--at", "1600000000"});
  CHECK(expired.exit_code == 1);
  CHECK(expired.out.find("FAIL  certificate validity") != std::string::npos);

  auto other_skill = with({"--body", Vector("body.json"), "--at", "1491393761", "--skill-id",
                           "amzn1.ask.skill.someone-else"});
  CHECK(other_skill.exit_code == 1);
  CHECK(other_skill.out.find("FAIL  skill") != std::string::npos);

  std::filesystem::remove(tampered_path);
}

TEST_CASE("check alexa-request usage errors exit 2", "[platforms][alexa][check]") {
  CHECK(Run({}).exit_code == 2);
  CHECK(Run({"alexa-request"}).exit_code == 2);
  CHECK(Run({"alexa-request", "--body"}).exit_code == 2);
  CHECK(Run({"alexa-request", "--body", "/nonexistent", "--headers", "/nonexistent"}).exit_code ==
        2);
  CHECK(Run({"something-else"}).exit_code == 2);
  CHECK(Run({"alexa-request", "--help"}).exit_code == 0);
}

}  // namespace
}  // namespace chariot::app
