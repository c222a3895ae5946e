// The CPU cost of accepting one Alexa request with its certificate chain cached: everything
// AlexaVerifier::Verify does (URL rules, cache lookup, validity window, RSA-2048 signature
// over the body, JSON parse with limits, timestamp, skill id), then parse and render.
//
//   cmake -S . -B build -DCHARIOT_BENCH=ON && cmake --build build --target alexa_verify_bench
//   ./build/alexa_verify_bench
#include <benchmark/benchmark.h>

#include <ctime>

#include "../tests/platforms/alexa/test_ca.h"
#include "core/clock.h"
#include "platforms/alexa/parse.h"
#include "platforms/alexa/render.h"
#include "platforms/alexa/verify.h"

namespace {

using namespace chariot;
using namespace chariot::platforms::alexa;

constexpr const char* kUrl = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";
constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

std::string Body() {
  std::time_t t = kNow;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
  nlohmann::json body = {
      {"version", "1.0"},
      {"session",
       {{"new", false},
        {"sessionId", "amzn1.echo-api.session.0000"},
        {"application", {{"applicationId", "amzn1.ask.skill.bench"}}},
        {"attributes", {{"chariot_session_id", "0123456789abcdef0123456789abcdef"}}},
        {"user", {{"userId", "amzn1.ask.account.BENCHUSER"}}}}},
      {"context",
       {{"System",
         {{"application", {{"applicationId", "amzn1.ask.skill.bench"}}},
          {"user", {{"userId", "amzn1.ask.account.BENCHUSER"}}},
          {"device",
           {{"deviceId", "amzn1.ask.device.BENCH"},
            {"supportedInterfaces", nlohmann::json::object()}}},
          {"apiEndpoint", "https://api.eu.amazonalexa.com"}}}}},
      {"request",
       {{"type", "IntentRequest"},
        {"requestId", "amzn1.echo-api.request.0000"},
        {"timestamp", stamp},
        {"locale", "fr-FR"},
        {"intent",
         {{"name", "AddItem"},
          {"confirmationStatus", "NONE"},
          {"slots",
           {{"product", {{"name", "product"}, {"value", "lait demi-écrémé"}}},
            {"quantity", {{"name", "quantity"}, {"value", "2"}}},
            {"unit",
             {{"name", "unit"},
              {"value", "litres"},
              {"resolutions",
               {{"resolutionsPerAuthority",
                 {{{"authority", "amzn1.er-authority.echo-sdk.bench.Unit"},
                   {"status", {{"code", "ER_SUCCESS_MATCH"}}},
                   {"values", {{{"value", {{"name", "litre"}, {"id", "l"}}}}}}}}}}}}}}}}}}}};
  return body.dump();
}

struct Rig {
  FixedClock clock{kNow};
  std::unique_ptr<CertificateCache> cache;
  std::unique_ptr<AlexaVerifier> verifier;
  std::string body;
  SignatureHeaders headers;

  Rig() {
    const auto& ca = testing::SharedTestCa();
    auto trust = *TrustStore::FromPem(ca.root_pem);
    cache = std::make_unique<CertificateCache>(trust, nullptr, "");
    (void)cache->Put(*CheckCertUrl(kUrl), ca.chain_pem);
    verifier = std::make_unique<AlexaVerifier>(cache.get(), clock,
                                               VerifierOptions{{"amzn1.ask.skill.bench"}, true});
    body = Body();
    headers = {kUrl, ca.Sign(body), ""};
  }
};

Rig& SharedRig() {
  static Rig rig;
  return rig;
}

void BM_VerifyCachedChain(benchmark::State& state) {
  Rig& rig = SharedRig();
  for (auto _ : state) {
    auto result = rig.verifier->Verify(rig.headers, rig.body);
    if (!result.ok()) state.SkipWithError(result.status().message().c_str());
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(rig.body.size()));
}
BENCHMARK(BM_VerifyCachedChain)->ThreadRange(1, 2)->UseRealTime();

void BM_VerifyParseRender(benchmark::State& state) {
  Rig& rig = SharedRig();
  for (auto _ : state) {
    auto envelope = rig.verifier->Verify(rig.headers, rig.body);
    auto request = ParseRequest(*envelope, nullptr);
    Reply reply;
    reply.session_id = request->turn.session_id;
    reply.speech = "J'ajoute deux litres de lait demi-écrémé. Autre chose ?";
    reply.ssml = "<speak>J&apos;ajoute deux litres de lait demi-écrémé. Autre chose ?</speak>";
    std::string out = RenderResponse(reply).dump();
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_VerifyParseRender);

}  // namespace

BENCHMARK_MAIN();
