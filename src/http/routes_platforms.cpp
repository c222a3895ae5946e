// The platform webhooks: POST /alexa, POST /dialogflow/es, POST /dialogflow/cx,
// POST /twilio/voice. Each request is authenticated first (nothing is parsed for the engine,
// and nothing is stored, before that), then parsed into a Turn, handled by the engine, and its
// Reply rendered in the platform's format. Status codes of refusals follow each platform's
// documentation: Alexa asks for 400 on any verification failure; Dialogflow's basic auth
// expects 401; Twilio's own validators answer 403.
#include <httplib.h>

#include <memory>

#include "core/clock.h"
#include "dialog/engine.h"
#include "http/errors.h"
#include "http/routes.h"
#include "platforms/alexa/parse.h"
#include "platforms/alexa/render.h"
#include "platforms/alexa/verify.h"
#include "platforms/dialogflow/parse.h"
#include "platforms/dialogflow/render.h"
#include "platforms/dialogflow/verify.h"
#include "platforms/json_input.h"
#include "platforms/twilio/parse.h"
#include "platforms/twilio/render.h"
#include "platforms/twilio/verify.h"

namespace chariot::http {
namespace {

// Everything the Alexa route keeps for the life of the server: the trust store, the chain
// cache (memory and disk) and the verifier.
struct AlexaState {
  SystemClock system_clock;
  platforms::alexa::HttpsChainFetcher fetcher;
  std::unique_ptr<platforms::alexa::CertificateCache> cache;
  std::unique_ptr<platforms::alexa::AlexaVerifier> verifier;
  Status unavailable;  // why Alexa cannot be served (trust store not built), or OK
};

std::shared_ptr<AlexaState> MakeAlexaState(const ServerDeps& deps,
                                           const platforms::AlexaConfig& config) {
  auto state = std::make_shared<AlexaState>();
  const Clock& clock = deps.clock != nullptr ? *deps.clock : state->system_clock;
  platforms::alexa::VerifierOptions options;
  options.skill_ids = config.skill_ids;
  options.verify_signature = config.verify;
  if (config.verify) {
    auto trust = platforms::alexa::TrustStore::System(config.extra_trust_pem_path);
    if (!trust.ok()) {
      std::fprintf(stderr, "{\"event\":\"alexa_unavailable\",\"reason\":\"%s\"}\n",
                   trust.status().message().c_str());
      state->unavailable = Status::Unavailable("Alexa requests cannot be verified.");
      return state;
    }
    state->cache = std::make_unique<platforms::alexa::CertificateCache>(
        *trust, &state->fetcher, config.certificate_cache_dir);
  }
  state->verifier =
      std::make_unique<platforms::alexa::AlexaVerifier>(state->cache.get(), clock, options);
  return state;
}

void HandleAlexa(const ServerDeps& deps, const platforms::AlexaConfig& config, AlexaState& state,
                 const httplib::Request& req, httplib::Response& res) {
  if (!state.unavailable.ok()) return SendError(res, state.unavailable);
  if (deps.engine == nullptr)
    return SendError(res, Status::Unavailable("conversation unavailable"));
  platforms::alexa::SignatureHeaders headers{req.get_header_value("SignatureCertChainUrl"),
                                             req.get_header_value("Signature-256"),
                                             req.get_header_value("Signature")};
  Result<nlohmann::json> envelope = state.verifier->Verify(headers, req.body);
  if (!envelope.ok()) {
    const Status& status = envelope.status();
    if (status.code() == StatusCode::kUnauthenticated) {
      // Amazon: "If the signature ... [or] timestamp ... is invalid, reject the request with
      // HTTP error code 400 (Bad Request)."
      return SendError(res, 400, "invalid_argument", status.message());
    }
    return SendError(res, status);
  }
  auto request = platforms::alexa::ParseRequest(*envelope, config.account_linker);
  if (!request.ok()) return SendError(res, request.status());
  if (request->ignored) return SendJson(res, platforms::alexa::EmptyResponse());
  Reply reply = deps.engine->Handle(request->turn);
  if (request->turn.kind == TurnKind::kSessionEnded) {
    return SendJson(res, platforms::alexa::EmptyResponse());  // Alexa allows no speech here
  }
  SendJson(res, platforms::alexa::RenderResponse(reply));
}

enum class DialogflowEdition { kEs, kCx };

void HandleDialogflow(const ServerDeps& deps, const platforms::PlatformConfig& config,
                      DialogflowEdition edition, const httplib::Request& req,
                      httplib::Response& res) {
  Status auth = platforms::dialogflow::VerifyWebhookAuth(
      config.dialogflow, req.get_header_value("Authorization"),
      req.get_header_value(platforms::dialogflow::kSecretHeader));
  if (!auth.ok()) {
    res.set_header("WWW-Authenticate", "Basic realm=\"chariot\"");
    return SendError(res, auth);
  }
  if (deps.engine == nullptr)
    return SendError(res, Status::Unavailable("conversation unavailable"));
  auto body = platforms::ParseJsonObject(req.body);
  if (!body.ok()) return SendError(res, body.status());
  auto request = edition == DialogflowEdition::kEs ? platforms::dialogflow::ParseEsRequest(*body)
                                                   : platforms::dialogflow::ParseCxRequest(*body);
  if (!request.ok()) return SendError(res, request.status());
  Reply reply = deps.engine->Handle(request->turn);
  const std::string& phone = config.twilio.support_phone;
  SendJson(res, edition == DialogflowEdition::kEs
                    ? platforms::dialogflow::RenderEsResponse(reply, *request, phone)
                    : platforms::dialogflow::RenderCxResponse(reply, *request, phone));
}

void HandleTwilio(const ServerDeps& deps, const platforms::TwilioConfig& config,
                  const httplib::Request& req, httplib::Response& res) {
  if (config.auth_token.empty() || config.public_url.empty()) {
    return SendError(res, 403, "forbidden", "Twilio is not configured on this server.");
  }
  std::string content_type = req.get_header_value("Content-Type");
  if (content_type.rfind("application/x-www-form-urlencoded", 0) != 0) {
    return SendError(res, 415, "unsupported_media_type",
                     "Twilio webhooks are application/x-www-form-urlencoded.");
  }
  auto body = platforms::twilio::DecodeForm(req.body);
  if (!body.ok()) return SendError(res, body.status());
  size_t query_start = req.target.find('?');
  auto query = platforms::twilio::DecodeForm(
      query_start == std::string::npos ? std::string_view()
                                       : std::string_view(req.target).substr(query_start + 1));
  if (!query.ok()) return SendError(res, query.status());
  Status signature = platforms::twilio::VerifySignature(
      config.auth_token, platforms::twilio::SignedUrl(config.public_url, req.target), *body,
      req.get_header_value("X-Twilio-Signature"));
  if (!signature.ok()) return SendError(res, 403, "forbidden", signature.message());
  if (deps.engine == nullptr)
    return SendError(res, Status::Unavailable("conversation unavailable"));

  auto call = platforms::twilio::ParseVoiceRequest(*body, *query);
  if (!call.ok()) return SendError(res, call.status());
  Reply reply = deps.engine->Handle(call->turn);
  if (call->turn.kind == TurnKind::kSessionEnded) {
    res.set_content("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", "text/xml");
    return;
  }
  platforms::twilio::TwimlOptions options{config.public_url, call->turn.locale,
                                          config.support_phone, config.speech_timeout_seconds};
  res.set_content(platforms::twilio::RenderTwiml(reply, options), "text/xml");
}

}  // namespace

void AddPlatformRoutes(httplib::Server& server, const ServerDeps& deps,
                       const platforms::PlatformConfig& config) {
  auto alexa = MakeAlexaState(deps, config.alexa);
  server.Post("/alexa", [deps, config, alexa](const httplib::Request& req, httplib::Response& res) {
    HandleAlexa(deps, config.alexa, *alexa, req, res);
  });
  server.Post("/dialogflow/es",
              [deps, config](const httplib::Request& req, httplib::Response& res) {
                HandleDialogflow(deps, config, DialogflowEdition::kEs, req, res);
              });
  server.Post("/dialogflow/cx",
              [deps, config](const httplib::Request& req, httplib::Response& res) {
                HandleDialogflow(deps, config, DialogflowEdition::kCx, req, res);
              });
  server.Post("/twilio/voice", [deps, config](const httplib::Request& req, httplib::Response& res) {
    HandleTwilio(deps, config.twilio, req, res);
  });
}

}  // namespace chariot::http
