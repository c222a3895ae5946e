#include "app/check_command.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/clock.h"
#include "platforms/alexa/verify.h"

namespace chariot::app {
namespace {

constexpr const char* kUsage =
    "usage: chariot check alexa-request --body FILE --headers FILE [--at EPOCH] [--chain PEM]\n"
    "                                   [--trust PEM] [--skill-id ID]\n"
    "\n"
    "Says step by step whether a captured Alexa request would be accepted (exit 0) or why not\n"
    "(exit 1).\n"
    "  --body FILE      the request body, byte for byte as received\n"
    "  --headers FILE   a JSON object of the request's headers (Signature-256 or Signature,\n"
    "                   SignatureCertChainUrl)\n"
    "  --at EPOCH       check as if now were this Unix time (default: now)\n"
    "  --chain PEM      use this certificate chain instead of downloading the URL\n"
    "  --trust PEM      trust only the roots in this file instead of the system store\n"
    "  --skill-id ID    also check the application id (default: CHARIOT_ALEXA_SKILL_ID;\n"
    "                   comma separated)\n";

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::stringstream text;
  text << file.rdbuf();
  *out = text.str();
  return true;
}

std::vector<std::string> SplitIds(const std::string& text) {
  std::vector<std::string> ids;
  std::stringstream stream(text);
  std::string id;
  while (std::getline(stream, id, ',')) {
    size_t start = id.find_first_not_of(" \t");
    size_t end = id.find_last_not_of(" \t");
    if (start != std::string::npos) ids.push_back(id.substr(start, end - start + 1));
  }
  return ids;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

int UsageError(const std::string& sentence) {
  std::cerr << "chariot check: " << sentence << "\n";
  return 2;
}

int CheckAlexaRequest(const std::vector<std::string>& args) {
  std::map<std::string, std::string> options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--body" || arg == "--headers" || arg == "--at" || arg == "--chain" ||
        arg == "--trust" || arg == "--skill-id") {
      if (i + 1 >= args.size()) return UsageError(arg + " needs a value.");
      options[arg] = args[++i];
    } else {
      return UsageError("unknown option " + arg + " (see --help).");
    }
  }
  if (!options.count("--body") || !options.count("--headers")) {
    return UsageError("--body and --headers are required (see --help).");
  }

  std::string body;
  if (!ReadFile(options["--body"], &body)) {
    return UsageError("cannot read the body file " + options["--body"] + ".");
  }
  std::string headers_text;
  if (!ReadFile(options["--headers"], &headers_text)) {
    return UsageError("cannot read the headers file " + options["--headers"] + ".");
  }
  nlohmann::json headers_json = nlohmann::json::parse(headers_text, nullptr, false);
  if (!headers_json.is_object()) {
    return UsageError("the headers file is not a JSON object of header names to values.");
  }
  platforms::alexa::SignatureHeaders headers;
  for (auto& [name, value] : headers_json.items()) {
    if (!value.is_string()) continue;
    std::string key = Lower(name);
    if (key == "signaturecertchainurl") headers.cert_chain_url = value.get<std::string>();
    if (key == "signature-256") headers.signature_256 = value.get<std::string>();
    if (key == "signature") headers.signature = value.get<std::string>();
  }

  std::unique_ptr<Clock> clock;
  if (options.count("--at")) {
    char* end = nullptr;
    long long at = std::strtoll(options["--at"].c_str(), &end, 10);
    if (end == options["--at"].c_str() || *end != '\0') {
      return UsageError("--at must be a Unix time in seconds.");
    }
    clock = std::make_unique<FixedClock>(at);
  } else {
    clock = std::make_unique<SystemClock>();
  }

  Result<std::shared_ptr<platforms::alexa::TrustStore>> trust = Status::Internal("no trust store");
  if (options.count("--trust")) {
    std::string pem;
    if (!ReadFile(options["--trust"], &pem)) {
      return UsageError("cannot read the trust file " + options["--trust"] + ".");
    }
    trust = platforms::alexa::TrustStore::FromPem(pem);
  } else {
    trust = platforms::alexa::TrustStore::System();
  }
  if (!trust.ok()) return UsageError(trust.status().message());

  platforms::alexa::HttpsChainFetcher fetcher;
  bool given_chain = options.count("--chain") > 0;
  platforms::alexa::CertificateCache cache(*trust, given_chain ? nullptr : &fetcher, "");
  if (given_chain) {
    std::string pem;
    if (!ReadFile(options["--chain"], &pem)) {
      return UsageError("cannot read the chain file " + options["--chain"] + ".");
    }
    auto url = platforms::alexa::CheckCertUrl(headers.cert_chain_url);
    // A bad URL is reported by the verifier's own step; the chain is only placed for a good one.
    if (url.ok()) {
      Status put = cache.Put(*url, pem);
      if (!put.ok()) {
        std::cout << "FAIL  certificate chain: " << put.message() << "\n";
        std::cout << "rejected: the given chain is not trusted.\n";
        return 1;
      }
    }
  }

  platforms::alexa::VerifierOptions verifier_options;
  std::string ids = options.count("--skill-id") ? options["--skill-id"] : "";
  if (ids.empty()) {
    const char* env = std::getenv("CHARIOT_ALEXA_SKILL_ID");
    if (env != nullptr) ids = env;
  }
  verifier_options.skill_ids = SplitIds(ids);
  verifier_options.check_skill = !verifier_options.skill_ids.empty();
  platforms::alexa::AlexaVerifier verifier(&cache, *clock, verifier_options);

  std::vector<platforms::alexa::VerificationStep> steps;
  Result<nlohmann::json> result = verifier.Verify(headers, body, &steps);
  for (const auto& step : steps) {
    std::cout << (step.passed ? "ok    " : "FAIL  ") << step.name << ": " << step.detail << "\n";
  }
  if (result.ok()) {
    std::cout << "accepted\n";
    return 0;
  }
  std::cout << "rejected: " << result.status().message() << "\n";
  return 1;
}

}  // namespace

int RunCheckCommand(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError("say what to check: alexa-request (see --help).");
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] != "alexa-request") {
    return UsageError("unknown check \"" + args[0] + "\"; the only one is alexa-request.");
  }
  return CheckAlexaRequest(std::vector<std::string>(args.begin() + 1, args.end()));
}

}  // namespace chariot::app
