// The native API's commerce routes: the same shopping list and orders the voice uses.
//
//   GET    /v1/users/{id}/list            {"items":[{"sku","name","quantity","unit",...}]}
//   POST   /v1/users/{id}/list            {"sku","quantity"?}  adds (raises the quantity)
//   PATCH  /v1/users/{id}/list            {"sku","quantity"}   sets the quantity
//   PATCH  /v1/users/{id}/list/{sku}      {"quantity"}
//   DELETE /v1/users/{id}/list/{sku}      removes the item
//   DELETE /v1/users/{id}/list            empties the list
//   GET    /v1/users/{id}/orders {"orders":[{"id","status","fulfillment","slot_start",...}]}
//
// Every list change answers with the whole list. "unit" is "kg" for weighed products (the
// quantity is in kilos) and "unit" otherwise (a count of what is sold). Every query is scoped to
// the customer in the path; unknown products are 404, bad quantities 400.
#include <cmath>
#include <ctime>

#include "commerce/catalog_service.h"
#include "commerce/quantity.h"
#include "commerce/shopping_service.h"
#include "http/auth.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/routes.h"

namespace chariot::http {
namespace {

using nlohmann::json;

std::string IsoTime(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// Checks the token, the service and the customer id; returns the id or answers the error.
bool Admit(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res,
           std::string& customer_id) {
  if (Status auth = CheckBearer(req, deps.secrets.api_token); !auth.ok()) {
    SendError(res, auth);
    return false;
  }
  if (deps.shopping == nullptr) {
    SendError(res, Status::Unavailable("shopping unavailable"));
    return false;
  }
  customer_id = req.matches[1].str();
  if (!IsValidUserId(customer_id)) {
    SendError(res, Status::InvalidArgument("the user id must be 1-128 of A-Z a-z 0-9 . _ : @ -"));
    return false;
  }
  return true;
}

void SendList(const ServerDeps& deps, const std::string& customer_id, httplib::Response& res,
              int http_status = 200) {
  auto lines = deps.shopping->lists().Lines(customer_id);
  if (!lines.ok()) return SendError(res, lines.status());
  json items = json::array();
  for (const commerce::ListLine& line : *lines) {
    const store::Product& p = line.product;
    items.push_back({{"sku", p.sku},
                     {"name", commerce::CatalogService::DisplayName(p, "fr-FR")},
                     {"quantity", line.quantity},
                     {"unit", p.sold_by == "weight" ? "kg" : "unit"},
                     {"price_cents", commerce::LinePriceCents(p, line.quantity)}});
  }
  SendJson(res, {{"items", items}}, http_status);
}

Result<std::string> ReadSku(const json& body) {
  auto sku = RequiredString(body, "sku", 64);
  if (!sku.ok()) return sku.status();
  return sku;
}

// The "quantity" field: a JSON number > 0 (limits are the list's own). Absent: fallback.
Result<double> ReadQuantity(const json& body, std::optional<double> fallback) {
  if (!body.contains("quantity")) {
    if (fallback) return *fallback;
    return Status::InvalidArgument("'quantity' is required");
  }
  const json& q = body["quantity"];
  if (!q.is_number()) return Status::InvalidArgument("'quantity' must be a number");
  double value = q.get<double>();
  if (!std::isfinite(value) || value <= 0)
    return Status::InvalidArgument("'quantity' must be positive");
  return value;
}

void GetList(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  std::string customer;
  if (!Admit(deps, req, res, customer)) return;
  SendList(deps, customer, res);
}

void AddToList(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  std::string customer;
  if (!Admit(deps, req, res, customer)) return;
  auto body = ParseJsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto sku = ReadSku(*body);
  if (!sku.ok()) return SendError(res, sku.status());
  auto quantity = ReadQuantity(*body, 1.0);
  if (!quantity.ok()) return SendError(res, quantity.status());
  auto added = deps.shopping->lists().Add(customer, *sku, *quantity);
  if (!added.ok()) return SendError(res, added.status());
  SendList(deps, customer, res);
}

void SetQuantity(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  std::string customer;
  if (!Admit(deps, req, res, customer)) return;
  auto body = ParseJsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  std::string sku = req.matches.size() > 2 ? req.matches[2].str() : "";
  if (sku.empty()) {
    auto from_body = ReadSku(*body);
    if (!from_body.ok()) return SendError(res, from_body.status());
    sku = *from_body;
  }
  auto quantity = ReadQuantity(*body, std::nullopt);
  if (!quantity.ok()) return SendError(res, quantity.status());
  // PATCH changes an item that is there; it does not add a new one.
  auto lines = deps.shopping->lists().Lines(customer);
  if (!lines.ok()) return SendError(res, lines.status());
  bool present = false;
  for (const auto& line : *lines) present |= line.product.sku == sku;
  if (!present) return SendError(res, Status::NotFound("this product is not on the list"));
  if (Status s = deps.shopping->lists().Set(customer, sku, *quantity); !s.ok())
    return SendError(res, s);
  SendList(deps, customer, res);
}

void RemoveFromList(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  std::string customer;
  if (!Admit(deps, req, res, customer)) return;
  std::string sku = req.matches[2].str();
  if (Status s = deps.shopping->lists().Remove(customer, sku); !s.ok()) return SendError(res, s);
  SendList(deps, customer, res);
}

void ClearList(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  std::string customer;
  if (!Admit(deps, req, res, customer)) return;
  auto cleared = deps.shopping->lists().Clear(customer);
  if (!cleared.ok()) return SendError(res, cleared.status());
  SendList(deps, customer, res);
}

void GetOrders(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  std::string customer;
  if (!Admit(deps, req, res, customer)) return;
  auto orders = deps.shopping->orders().Orders(customer, 50);
  if (!orders.ok()) return SendError(res, orders.status());
  json out = json::array();
  for (const store::Order& o : *orders) {
    json items = json::array();
    for (const store::OrderItem& item : o.items) {
      items.push_back({{"sku", item.sku},
                       {"name", item.name},
                       {"quantity", item.quantity},
                       {"price_cents", item.price_cents}});
    }
    out.push_back({{"id", o.id},
                   {"status", o.status},
                   {"fulfillment", o.fulfillment},
                   {"store_id", o.store_id},
                   {"slot_start", IsoTime(o.slot_start)},
                   {"slot_end", IsoTime(o.slot_end)},
                   {"cancellable_until", IsoTime(o.cutoff_at)},
                   {"fee_cents", o.fee_cents},
                   {"total_cents", o.total_cents},
                   {"items", items}});
  }
  SendJson(res, {{"orders", out}});
}

}  // namespace

void AddCommerceRoutes(httplib::Server& server, const ServerDeps& deps) {
  const std::string list = R"(/v1/users/([^/]{1,256})/list)";
  const std::string item = R"(/v1/users/([^/]{1,256})/list/([^/]{1,128}))";
  auto bind =
      [deps](void (*handler)(const ServerDeps&, const httplib::Request&, httplib::Response&)) {
        return [deps, handler](const httplib::Request& req, httplib::Response& res) {
          handler(deps, req, res);
        };
      };
  server.Get(list, bind(GetList));
  server.Post(list, bind(AddToList));
  server.Patch(list, bind(SetQuantity));
  server.Patch(item, bind(SetQuantity));
  server.Delete(item, bind(RemoveFromList));
  server.Delete(list, bind(ClearList));
  server.Get(R"(/v1/users/([^/]{1,256})/orders)", bind(GetOrders));
}

}  // namespace chariot::http
