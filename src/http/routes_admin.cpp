// Product teams' routes: the ratings dashboard (/admin), its login, the admin API
// (/admin/api/...), the call-back list, and the erasure of a customer (DELETE /v1/users/{id}).
//
// The dashboard is static HTML, CSS and JavaScript (web/admin/ under the resource home, read
// once at start): it works with no CDN and no build step, draws its charts as inline SVG and
// reads its figures from /admin/api/dashboard. Admin API calls authenticate with
// "Authorization: Bearer <admin token>" or with the login cookie (see http/admin_auth.h).
#include <fstream>
#include <memory>
#include <sstream>

#include "app/paths.h"
#include "core/clock.h"
#include "core/ids.h"
#include "feedback/csv.h"
#include "feedback/dashboard.h"
#include "feedback/survey_service.h"
#include "http/admin_auth.h"
#include "http/admin_query.h"
#include "http/auth.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/routes.h"
#include "store/erasure.h"

namespace chariot::http {
namespace {

constexpr int kMaxExportRows = 100000;
constexpr int kLatestVerbatims = 50;
constexpr int kCallBackRows = 100;

struct Assets {
  std::string login_html, dashboard_html, dashboard_js, dashboard_css, login_js;
  bool loaded = false;
};

std::string ReadFile(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ok = false;
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::shared_ptr<const Assets> LoadAssets() {
  auto assets = std::make_shared<Assets>();
  const std::string dir = app::ResolveResourcePaths().home + "/web/admin/";
  bool ok = true;
  assets->login_html = ReadFile(dir + "login.html", ok);
  assets->dashboard_html = ReadFile(dir + "dashboard.html", ok);
  assets->dashboard_js = ReadFile(dir + "dashboard.js", ok);
  assets->dashboard_css = ReadFile(dir + "dashboard.css", ok);
  assets->login_js = ReadFile(dir + "login.js", ok);
  assets->loaded = ok;
  if (!ok) std::fprintf(stderr, "{\"level\":\"warn\",\"event\":\"admin_assets_missing\"}\n");
  return assets;
}

int64_t Now(const ServerDeps& deps) {
  static const SystemClock system;
  return deps.clock != nullptr ? deps.clock->NowSeconds() : system.NowSeconds();
}

void SecurityHeaders(httplib::Response& res) {
  res.set_header(
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
      "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

void SendPage(httplib::Response& res, const std::string& html, int status) {
  SecurityHeaders(res);
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

bool BehindHttps(const httplib::Request& req) {
  return req.get_header_value("X-Forwarded-Proto") == "https";
}

double Round2(double v) {
  return static_cast<double>(static_cast<int64_t>(v * 100 + (v < 0 ? -0.5 : 0.5))) / 100;
}

nlohmann::json NpsJson(const feedback::NpsSummary& s) {
  return {{"nps", Round2(s.nps)},
          {"margin95", Round2(s.margin95)},
          {"low", Round2(s.low)},
          {"high", Round2(s.high)},
          {"n", s.n},
          {"promoters", s.promoters},
          {"passives", s.passives},
          {"detractors", s.detractors}};
}

std::string JoinFlows(const std::vector<std::string>& flows) {
  std::string joined;
  for (const auto& f : flows) joined += (joined.empty() ? "" : " ") + f;
  return joined;
}

nlohmann::json OutcomeJson(const store::SurveyOutcome& o) {
  return {{"session_id", o.session_id},
          {"user_id", o.user_id},
          {"channel", o.channel},
          {"locale", o.locale},
          {"flows", o.flows},
          {"task_outcome", o.task_outcome},
          {"outcome", o.outcome},
          {"score", o.score ? nlohmann::json(*o.score) : nlohmann::json(nullptr)},
          {"verbatim", o.verbatim},
          {"reason", o.reason},
          {"started_at", IsoTime(o.started_at)},
          {"ended_at", IsoTime(o.ended_at)},
          {"kind", o.kind},
          {"turns", o.turns},
          {"not_understood_turns", o.not_understood_turns},
          {"duration_seconds", o.ended_at - o.started_at},
          {"detractor", o.detractor},
          {"contacted_at",
           o.contacted_at ? nlohmann::json(IsoTime(*o.contacted_at)) : nlohmann::json(nullptr)},
          {"contacted_by", o.contacted_by}};
}

nlohmann::json GroupsJson(const std::map<std::string, feedback::GroupFigures>& groups) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [key, g] : groups) {
    nlohmann::json row = NpsJson(g.nps);
    row["key"] = key;
    row["sessions"] = g.sessions;
    row["asked"] = g.asked;
    row["answered"] = g.answered;
    out.push_back(row);
  }
  return out;
}

void SendJsonSafe(httplib::Response& res, const nlohmann::json& body) {
  // Verbatims are customers' words: replace invalid UTF-8 rather than throw.
  res.set_header("Cache-Control", "no-store");
  res.status = 200;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

// Guards shared by the admin API: credentials, then the survey service.
bool Admitted(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (AuthenticateAdmin(req, deps.secrets.admin_token, Now(deps)) == AdminAuth::kNone) {
    SendError(res, Status::Unauthenticated("admin credentials required"));
    return false;
  }
  if (deps.survey == nullptr) {
    SendError(res, Status::Unavailable("the survey is not configured"));
    return false;
  }
  return true;
}

Result<std::vector<store::SurveyOutcome>> AllOutcomes(const ServerDeps& deps,
                                                      const store::SurveyFilter& filter) {
  return deps.survey->Outcomes(filter, kMaxExportRows, 0);
}

void Nps(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (!Admitted(deps, req, res)) return;
  auto filter = ParseSurveyFilter(req);
  if (!filter.ok()) return SendError(res, filter.status());
  auto report = deps.survey->Nps(*filter);
  if (!report.ok()) return SendError(res, report.status());
  nlohmann::json body = NpsJson(report->summary);
  body["asked"] = report->asked;
  body["sessions"] = report->ended;
  body["response_rate"] = Round2(report->response_rate * 100) / 100;
  SendJsonSafe(res, body);
}

void Outcomes(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (!Admitted(deps, req, res)) return;
  auto filter = ParseSurveyFilter(req);
  if (!filter.ok()) return SendError(res, filter.status());
  auto limit = ParseLimit(req, 100, 1000);
  if (!limit.ok()) return SendError(res, limit.status());
  auto offset = ParseOffset(req);
  if (!offset.ok()) return SendError(res, offset.status());
  auto rows = deps.survey->Outcomes(*filter, *limit + 1, *offset);
  if (!rows.ok()) return SendError(res, rows.status());
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < rows->size() && static_cast<int>(i) < *limit; ++i) {
    list.push_back(OutcomeJson((*rows)[i]));
  }
  nlohmann::json body = {{"outcomes", list}};
  if (static_cast<int>(rows->size()) > *limit) body["next_offset"] = *offset + *limit;
  SendJsonSafe(res, body);
}

void OutcomesCsv(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  using feedback::CsvNumberCell;
  using feedback::CsvRecord;
  using feedback::CsvTextCell;
  if (!Admitted(deps, req, res)) return;
  auto filter = ParseSurveyFilter(req);
  if (!filter.ok()) return SendError(res, filter.status());
  auto rows = AllOutcomes(deps, *filter);
  if (!rows.ok()) return SendError(res, rows.status());
  std::string csv = CsvRecord({"session_id", "user_id", "channel", "locale", "flows",
                               "task_outcome", "outcome", "score", "verbatim", "reason",
                               "started_at", "ended_at", "kind", "turns", "not_understood_turns"});
  for (const auto& o : *rows) {
    csv += CsvRecord({CsvTextCell(o.session_id), CsvTextCell(o.user_id), CsvTextCell(o.channel),
                      CsvTextCell(o.locale), CsvTextCell(JoinFlows(o.flows)),
                      CsvTextCell(o.task_outcome), CsvTextCell(o.outcome),
                      o.score ? CsvNumberCell(*o.score) : std::string(), CsvTextCell(o.verbatim),
                      CsvTextCell(o.reason), CsvTextCell(IsoTime(o.started_at)),
                      CsvTextCell(IsoTime(o.ended_at)), CsvTextCell(o.kind), CsvNumberCell(o.turns),
                      CsvNumberCell(o.not_understood_turns)});
  }
  res.set_header("Content-Disposition", "attachment; filename=\"survey-outcomes.csv\"");
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(csv, "text/csv; charset=utf-8");
}

void Dashboard(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (!Admitted(deps, req, res)) return;
  auto filter = ParseSurveyFilter(req);
  if (!filter.ok()) return SendError(res, filter.status());
  const bool detractor_verbatims = filter->detractors_only;
  filter->detractors_only = false;  // the filter applies to the verbatims list only
  auto rows = AllOutcomes(deps, *filter);
  if (!rows.ok()) return SendError(res, rows.status());
  feedback::DashboardFigures f = feedback::ComputeDashboard(*rows);

  nlohmann::json series = nlohmann::json::array();
  for (const auto& b : f.series) {
    nlohmann::json point = NpsJson(b.nps);
    point["start"] = IsoTime(b.start);
    series.push_back(point);
  }
  nlohmann::json ux = nlohmann::json::array();
  for (const auto& [flow, u] : f.ux_by_flow) {
    ux.push_back({{"flow", flow},
                  {"sessions", u.sessions},
                  {"task_success_rate", Round2(u.task_success_rate() * 100) / 100},
                  {"not_understood_rate", Round2(u.not_understood_rate() * 100) / 100},
                  {"abandonment_rate", Round2(u.abandonment_rate() * 100) / 100},
                  {"mean_turns_to_complete", Round2(u.mean_turns_to_complete())},
                  {"mean_seconds_to_complete", Round2(u.mean_seconds_to_complete())}});
  }
  nlohmann::json verbatims = nlohmann::json::array();
  for (const auto& o : *rows) {
    if (static_cast<int>(verbatims.size()) >= kLatestVerbatims) break;
    if (o.verbatim.empty() || o.outcome != "answered") continue;
    if (detractor_verbatims && !o.detractor) continue;
    verbatims.push_back({{"session_id", o.session_id},
                         {"score", o.score ? *o.score : 0},
                         {"kind", o.kind},
                         {"detractor", o.detractor},
                         {"verbatim", o.verbatim},
                         {"channel", o.channel},
                         {"ended_at", IsoTime(o.ended_at)}});
  }
  nlohmann::json callbacks = nlohmann::json::array();
  if (auto list = deps.survey->ToCallBack(kCallBackRows); list.ok()) {
    for (const auto& o : *list) callbacks.push_back(OutcomeJson(o));
  }
  nlohmann::json body = {{"nps", NpsJson(f.nps)},
                         {"sessions", f.sessions},
                         {"asked", f.asked},
                         {"answered", f.answered},
                         {"response_rate", Round2(f.response_rate * 100) / 100},
                         {"bucket", f.bucket_seconds == 86400 ? "day" : "week"},
                         {"series", series},
                         {"by_flow", GroupsJson(f.by_flow)},
                         {"by_channel", GroupsJson(f.by_channel)},
                         {"by_locale", GroupsJson(f.by_locale)},
                         {"distribution", f.distribution},
                         {"outcomes", f.outcomes},
                         {"not_asked", f.not_asked},
                         {"ux_by_flow", ux},
                         {"verbatims", verbatims},
                         {"callbacks", callbacks},
                         {"truncated", static_cast<int>(rows->size()) >= kMaxExportRows}};
  SendJsonSafe(res, body);
}

void MarkContacted(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (Status s = AuthorizeAdminChange(req, deps.secrets.admin_token, Now(deps)); !s.ok()) {
    return SendError(res, s);
  }
  if (deps.survey == nullptr)
    return SendError(res, Status::Unavailable("the survey is not configured"));
  std::string by = "admin";
  if (!req.body.empty()) {
    auto body = ParseJsonBody(req);
    if (!body.ok()) return SendError(res, body.status());
    auto name = OptionalString(*body, "by", 64);
    if (!name.ok()) return SendError(res, name.status());
    if (!name->empty()) by = *name;
  }
  const std::string session_id = req.matches[1];
  if (Status s = deps.survey->MarkContacted(session_id, by); !s.ok()) return SendError(res, s);
  SendJson(res, {{"session_id", session_id}, {"contacted_by", by}});
}

void Session(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  AdminAuth auth = AuthenticateAdmin(req, deps.secrets.admin_token, Now(deps));
  if (auth == AdminAuth::kNone)
    return SendError(res, Status::Unauthenticated("admin credentials required"));
  std::string csrf = auth == AdminAuth::kCookie
                         ? CsrfTokenFor(deps.secrets.admin_token, AdminCookieOf(req))
                         : std::string();
  res.set_header("Cache-Control", "no-store");
  SendJson(res, {{"csrf", csrf}, {"via", auth == AdminAuth::kCookie ? "cookie" : "bearer"}});
}

void EraseUser(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  // The app's backend (API token) erases on a customer's request; so can product teams (admin).
  bool api = CheckBearer(req, deps.secrets.api_token).ok();
  bool admin = !api && CheckBearer(req, deps.secrets.admin_token).ok();
  if (!api && !admin) return SendError(res, Status::Unauthenticated("missing or invalid token"));
  const std::string user_id = req.matches[1];
  if (!IsValidUserId(user_id)) {
    return SendError(res,
                     Status::InvalidArgument("the user id must be 1-128 of A-Z a-z 0-9 . _ : @ -"));
  }
  if (!deps.erase_customer) return SendError(res, Status::Unavailable("no database"));
  auto report = deps.erase_customer(user_id);
  if (!report.ok()) return SendError(res, report.status());
  SendJson(res, {{"user_id", user_id},
                 {"erased", true},
                 {"deleted_rows", report->deleted_rows},
                 {"anonymised_rows", report->anonymised_rows}});
}

std::string FormToken(const httplib::Request& req) {
  if (req.has_param("token")) return req.get_param_value("token");
  httplib::Params params;
  httplib::detail::parse_query_text(req.body, params);
  auto it = params.find("token");
  return it == params.end() ? std::string() : it->second;
}

}  // namespace

void AddAdminRoutes(httplib::Server& server, const ServerDeps& deps) {
  std::shared_ptr<const Assets> assets = LoadAssets();
  auto unavailable = [](httplib::Response& res) {
    SendError(res, Status::Unavailable("the dashboard files are not installed (web/admin)"));
  };

  server.Get(
      "/admin", [deps, assets, unavailable](const httplib::Request& req, httplib::Response& res) {
        if (!assets->loaded) return unavailable(res);
        if (AuthenticateAdmin(req, deps.secrets.admin_token, Now(deps)) == AdminAuth::kNone) {
          return SendPage(res, assets->login_html, 401);
        }
        SendPage(res, assets->dashboard_html, 200);
      });
  server.Get("/admin/login",
             [assets, unavailable](const httplib::Request&, httplib::Response& res) {
               if (!assets->loaded) return unavailable(res);
               SendPage(res, assets->login_html, 200);
             });
  server.Post("/admin/login", [deps, assets, unavailable](const httplib::Request& req,
                                                          httplib::Response& res) {
    if (!assets->loaded) return unavailable(res);
    const std::string token = FormToken(req);
    if (deps.secrets.admin_token.empty() || !ConstantTimeEquals(token, deps.secrets.admin_token)) {
      return SendPage(res, assets->login_html, 401);
    }
    SecurityHeaders(res);
    res.set_header("Set-Cookie",
                   AdminSetCookieHeader(MakeAdminCookie(deps.secrets.admin_token, Now(deps)),
                                        BehindHttps(req)));
    res.set_redirect("/admin", 303);
  });
  server.Post("/admin/logout", [deps](const httplib::Request& req, httplib::Response& res) {
    if (Status s = AuthorizeAdminChange(req, deps.secrets.admin_token, Now(deps)); !s.ok()) {
      return SendError(res, s);
    }
    res.set_header("Set-Cookie", AdminSetCookieHeader("", BehindHttps(req)));
    SendJson(res, {{"logged_out", true}});
  });
  auto asset = [assets, unavailable](const std::string Assets::*member, const char* type) {
    return [assets, unavailable, member, type](const httplib::Request&, httplib::Response& res) {
      if (!assets->loaded) return unavailable(res);
      SecurityHeaders(res);
      res.set_content((*assets).*member, type);
    };
  };
  server.Get("/admin/assets/dashboard.js",
             asset(&Assets::dashboard_js, "text/javascript; charset=utf-8"));
  server.Get("/admin/assets/login.js", asset(&Assets::login_js, "text/javascript; charset=utf-8"));
  server.Get("/admin/assets/dashboard.css",
             asset(&Assets::dashboard_css, "text/css; charset=utf-8"));

  server.Get("/admin/api/session", [deps](const httplib::Request& req, httplib::Response& res) {
    Session(deps, req, res);
  });
  server.Get("/admin/api/nps",
             [deps](const httplib::Request& req, httplib::Response& res) { Nps(deps, req, res); });
  server.Get(
      "/admin/api/survey-outcomes",
      [deps](const httplib::Request& req, httplib::Response& res) { Outcomes(deps, req, res); });
  server.Get(
      "/admin/api/survey-outcomes.csv",
      [deps](const httplib::Request& req, httplib::Response& res) { OutcomesCsv(deps, req, res); });
  server.Get("/admin/api/dashboard", [deps](const httplib::Request& req, httplib::Response& res) {
    Dashboard(deps, req, res);
  });
  server.Post(R"(/admin/api/callbacks/([A-Za-z0-9._:-]{1,128})/contacted)",
              [deps](const httplib::Request& req, httplib::Response& res) {
                MarkContacted(deps, req, res);
              });
  server.Delete(
      R"(/v1/users/([^/]{1,256}))",
      [deps](const httplib::Request& req, httplib::Response& res) { EraseUser(deps, req, res); });
}

}  // namespace chariot::http
