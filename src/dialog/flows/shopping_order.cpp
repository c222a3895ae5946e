// The shopping flow, order part: fulfillment, postcode, slots three at a time, the explicit
// confirmation, order status and cancellation.
#include <algorithm>

#include "commerce/paris_time.h"
#include "commerce/quantity.h"
#include "commerce/spoken_item.h"
#include "commerce/text_fold.h"
#include "core/spoken.h"
#include "dialog/flows/shopping_common.h"

namespace chariot::dialog::shopping {
namespace {

constexpr size_t kSlotPage = 3;
constexpr int kSlotsConsidered = 200;  // the whole 7-day horizon, so a day said is found

bool English(const Context& c) { return Locale(c).rfind("en", 0) == 0; }

// Alexa users without a linked account can build a list but not order.
bool NeedsLinkedAccount(Context& c, Response& r) {
  if (c.turn.account_linked) return false;
  r.speech.Say(c.Say("shopping.link_account"));
  r.handoff = Handoff::kLinkAccount;
  r.card_title = c.Say("shopping.link_card_title");
  r.card_text = c.Say("shopping.link_card_text");
  c.session.state.clear();
  return true;
}

std::string SpokenSlotOf(const Context& c, int64_t start, int64_t end) {
  return SpokenSlot(commerce::ToParisTime(start), commerce::ToParisTime(end), Locale(c));
}

std::string LowerFirstAscii(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string Mode(Context& c, const std::string& fulfillment, const std::string& store_id) {
  if (fulfillment == "pickup") {
    auto store = c.services.shopping->catalog().Store(store_id);
    if (!store.ok()) return c.Say("shopping.mode_delivery");
    return c.Say("shopping.mode_pickup",
                 {{"store", store->name},
                  {"counter", LowerFirstAscii(English(c) ? store->collect_counter_en
                                                         : store->collect_counter)}});
  }
  return c.Say(fulfillment == "express" ? "shopping.mode_express" : "shopping.mode_delivery");
}

std::string FulfillmentSaid(const Context& c) {
  std::string slot = c.Slot("fulfillment");
  if (slot == "delivery" || slot == "pickup" || slot == "express") return slot;
  std::string text = commerce::FoldAccents(c.turn.text);
  auto has = [&](const char* word) { return text.find(word) != std::string::npos; };
  if (has("express") || has("dans l heure") || has("rapide") || has("within the hour"))
    return "express";
  if (has("retir") || has("retrait") || has("magasin") || has("drive") || has("pick") ||
      has("store") || has("collect")) {
    return "pickup";
  }
  if (has("livr") || has("domicile") || has("maison") || has("deliver") || has("home"))
    return "delivery";
  switch (OrdinalSaid(c.turn.text, 3)) {
    case 1:
      return "delivery";
    case 2:
      return "pickup";
    case 3:
      return "express";
    default:
      return "";
  }
}

bool SlotMatches(const store::Slot& slot, const std::string& date, const std::string& time,
                 const std::string& part_of_day) {
  CivilTime start = commerce::ToParisTime(slot.start_at);
  CivilTime end = commerce::ToParisTime(slot.end_at);
  if (!date.empty()) {
    char ymd[16];
    std::snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", start.year, start.month, start.day);
    if (date != ymd) return false;
  }
  if (!time.empty() && time.size() == 5) {
    int minute = std::atoi(time.substr(0, 2).c_str()) * 60 + std::atoi(time.substr(3, 2).c_str());
    int from = start.hour * 60 + start.minute;
    int to = end.hour * 60 + end.minute;
    if (minute < from || minute >= to) return false;
  }
  if (part_of_day == "morning" && start.hour >= 12) return false;
  if (part_of_day == "afternoon" && (start.hour < 12 || start.hour >= 18)) return false;
  if (part_of_day == "evening" && start.hour < 17) return false;
  return true;
}

void AskFulfillment(Context& c, Response& r) {
  c.session.state = kFulfillment;
  r.speech.Say(c.Say("shopping.ask_fulfillment"));
}

void OfferSlots(Context& c, Response& r, const char* key);

// Where the order stands: fulfillment known? postcode known? then the slots.
void ContinueOrder(Context& c, Response& r) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  nlohmann::json& order = Memory(c)["order"];
  std::string fulfillment = order.value("fulfillment", "");
  if (fulfillment.empty()) return AskFulfillment(c, r);
  auto visit = shopping->customers().Visit(CustomerId(c), Locale(c));
  if (!visit.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  auto site = shopping->orders().SiteFor(visit->customer, fulfillment);
  if (!site.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  if (site->problem == commerce::Site::Problem::kNeedPostcode) {
    Memory(c)["after_postcode"] = {{"purpose", "order"}};
    c.session.state = kPostcode;
    r.speech.Say(c.Say("shopping.ask_postcode"));
    r.reprompt.Say(c.Say("shopping.bad_postcode"));
    return;
  }
  if (site->problem == commerce::Site::Problem::kNotCovered) {
    order.erase("fulfillment");
    c.session.state = kFulfillment;
    r.speech.Say(
        c.Say(fulfillment == "express" ? "shopping.not_covered_express" : "shopping.not_covered",
              {{"postcode", visit->customer.postcode}}));
    return;
  }
  auto slots = shopping->orders().FreeSlots(site->store.id, fulfillment, 0, kSlotsConsidered);
  if (!slots.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  std::vector<store::Slot> wanted;
  for (const store::Slot& slot : *slots) {
    if (SlotMatches(slot, order.value("date", ""), order.value("time", ""),
                    order.value("part_of_day", ""))) {
      wanted.push_back(slot);
    }
  }
  if (wanted.empty()) wanted = *slots;  // nothing then: offer the soonest instead
  if (wanted.empty()) {
    order.erase("fulfillment");
    c.session.state = kFulfillment;
    r.speech.Say(c.Say("shopping.no_slots"));
    return;
  }
  nlohmann::json ids = nlohmann::json::array();
  for (const store::Slot& slot : wanted) ids.push_back(slot.id);
  order["store_id"] = site->store.id;
  order["slot_ids"] = ids;
  order["offset"] = 0;
  OfferSlots(c, r, "shopping.slots");
}

std::vector<int64_t> OfferedSlotIds(Context& c) {
  nlohmann::json& order = Memory(c)["order"];
  std::vector<int64_t> ids;
  size_t offset = order.value("offset", 0);
  const nlohmann::json all = order.value("slot_ids", nlohmann::json::array());
  for (size_t i = offset; i < all.size() && i < offset + kSlotPage; ++i)
    ids.push_back(all[i].get<int64_t>());
  return ids;
}

void OfferSlots(Context& c, Response& r, const char* key) {
  // The day is said once for consecutive slots of the same day.
  std::vector<std::string> spoken;
  std::string previous_day;
  for (int64_t id : OfferedSlotIds(c)) {
    auto slot = c.services.shopping->orders().Slot(id);
    if (!slot.ok()) continue;
    CivilTime start = commerce::ToParisTime(slot->start_at);
    CivilTime end = commerce::ToParisTime(slot->end_at);
    std::string day = SpokenDate(start, Locale(c));
    std::string range = SpokenTimeRange(start, end, Locale(c));
    spoken.push_back(day == previous_day ? range : day + " " + range);
    previous_day = day;
  }
  c.session.state = kSlot;
  r.speech.Say(c.Say(key, {{"slots", JoinOr(c, spoken)}}));
  r.reprompt.Say(c.Say("shopping.slots_reprompt"));
}

void AskConfirmation(Context& c, Response& r, const store::Slot& slot) {
  commerce::ShoppingService* shopping = c.services.shopping;
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (!lines.ok() || lines->empty()) {
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.empty_list_order"));
    return;
  }
  int64_t total = slot.fee_cents;
  for (const auto& line : *lines) total += commerce::LinePriceCents(line.product, line.quantity);
  nlohmann::json& order = Memory(c)["order"];
  order["slot_id"] = slot.id;
  // The confirmation's identity: a platform retrying the same "oui" finds the same order.
  order["token"] = std::to_string(c.session.turns);
  c.session.state = kConfirmOrder;
  r.speech.Say(
      c.Say("shopping.confirm_order", {{"count", CountArticles(c, lines->size())},
                                       {"total", SpokenPrice(total, Locale(c))},
                                       {"mode", Mode(c, slot.fulfillment, slot.store_id)},
                                       {"slot", SpokenSlotOf(c, slot.start_at, slot.end_at)}}));
  r.reprompt.Say(c.Say("shopping.confirm_reprompt"));
}

void PlaceOrder(Context& c, Response& r) {
  c.session.Visit("shopping");
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping || NeedsLinkedAccount(c, r)) return;
  auto lines = shopping->lists().Lines(CustomerId(c));
  if (!lines.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  if (lines->empty()) {
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.empty_list_order"));
    return;
  }
  nlohmann::json order = nlohmann::json::object();
  std::string fulfillment = FulfillmentSaid(c);
  if (!fulfillment.empty()) order["fulfillment"] = fulfillment;
  for (const char* slot : {"date", "time", "part_of_day"}) {
    if (!c.Slot(slot).empty()) order[slot] = c.Slot(slot);
  }
  Memory(c)["order"] = order;
  ContinueOrder(c, r);
}

void AnswerFulfillment(Context& c, Response& r) {
  std::string fulfillment = FulfillmentSaid(c);
  if (fulfillment.empty()) {
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.ask_fulfillment"));
    return;
  }
  Memory(c)["order"]["fulfillment"] = fulfillment;
  for (const char* slot : {"date", "time", "part_of_day"}) {
    if (!c.Slot(slot).empty()) Memory(c)["order"][slot] = c.Slot(slot);
  }
  ContinueOrder(c, r);
}

void AnswerPostcode(Context& c, Response& r) {
  std::string digits;
  for (const std::string& source : {c.turn.text, c.Slot("quantity"), c.Slot("score")}) {
    digits.clear();
    for (char ch : source) {
      if (ch >= '0' && ch <= '9') digits += ch;
    }
    if (digits.size() == 5) break;
  }
  auto customer = digits.size() == 5
                      ? c.services.shopping->customers().SetPostcode(CustomerId(c), digits)
                      : Result<store::Customer>(Status::InvalidArgument("bad postcode"));
  if (!customer.ok()) {
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.bad_postcode"));
    return;
  }
  nlohmann::json after = Memory(c).value("after_postcode", nlohmann::json::object());
  Memory(c).erase("after_postcode");
  c.session.state.clear();
  if (after.value("purpose", "") == "location") {
    auto product = c.services.shopping->catalog().Product(after.value("sku", ""));
    if (product.ok()) return SayProductLocation(c, r, *product);
    r.speech.Say(c.Say("shopping.anything_else"));
    return;
  }
  ContinueOrder(c, r);
}

void AnswerSlot(Context& c, Response& r) {
  nlohmann::json& order = Memory(c)["order"];
  if (YesOrNo(c) < 0) {
    Memory(c).erase("order");
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.order_kept"));
    return;
  }
  if (AsksForMore(c)) {
    size_t offset = order.value("offset", 0);
    size_t total = order.value("slot_ids", nlohmann::json::array()).size();
    if (offset + kSlotPage >= total) return OfferSlots(c, r, "shopping.no_more_slots");
    order["offset"] = offset + kSlotPage;
    return OfferSlots(c, r, "shopping.slots");
  }
  std::vector<int64_t> offered = OfferedSlotIds(c);
  std::vector<store::Slot> slots;
  for (int64_t id : offered) {
    auto slot = c.services.shopping->orders().Slot(id);
    if (slot.ok()) slots.push_back(*slot);
  }
  int chosen = OrdinalSaid(c.turn.text, slots.size()) - 1;
  if (chosen < 0 &&
      (!c.Slot("date").empty() || !c.Slot("time").empty() || !c.Slot("part_of_day").empty())) {
    for (size_t i = 0; i < slots.size(); ++i) {
      if (SlotMatches(slots[i], c.Slot("date"), c.Slot("time"), c.Slot("part_of_day"))) {
        chosen = static_cast<int>(i);
        break;
      }
    }
    if (chosen < 0) {
      // Another day or time than those offered: look again with it.
      for (const char* slot : {"date", "time", "part_of_day"}) order[slot] = c.Slot(slot);
      return ContinueOrder(c, r);
    }
  }
  if (chosen < 0) {
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.slots_reprompt"));
    return;
  }
  AskConfirmation(c, r, slots[chosen]);
}

void ConfirmOrder(Context& c, Response& r) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  nlohmann::json order = Memory(c).value("order", nlohmann::json::object());
  if (YesOrNo(c) == 0) {
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.yes_no"));
    return;
  }
  if (YesOrNo(c) < 0) {
    Memory(c).erase("order");
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.order_kept"));
    return;
  }
  std::string key = c.session.id + ":" + order.value("token", "");
  auto placed = shopping->orders().Place(CustomerId(c), order.value("slot_id", int64_t{0}), key);
  if (placed.ok()) {
    Memory(c).erase("order");
    c.session.state.clear();
    c.session.task_outcome = "completed";
    const store::Order& o = placed->order;
    r.speech.Say(c.Say("shopping.ordered", {{"id", std::to_string(o.id)},
                                            {"mode", Mode(c, o.fulfillment, o.store_id)},
                                            {"slot", SpokenSlotOf(c, o.slot_start, o.slot_end)}}));
    return;
  }
  const Status& status = placed.status();
  const std::string& why = status.message();
  if (status.code() == StatusCode::kInvalidArgument && why == "empty list") {
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.empty_list_order"));
    return;
  }
  if (status.code() == StatusCode::kConflict && why.rfind("out of stock: ", 0) == 0) {
    c.session.state.clear();
    auto product = shopping->catalog().Product(why.substr(14));
    r.speech.Say(c.Say(
        "shopping.out_of_stock_order",
        {{"name", product.ok() ? commerce::SpokenName(*product, Locale(c)) : std::string()}}));
    return;
  }
  if (status.code() == StatusCode::kConflict || status.code() == StatusCode::kNotFound) {
    // The slot filled up or closed while the customer was deciding: offer fresh ones.
    r.speech.Say(c.Say(why == "slot full" ? "shopping.slot_full" : "shopping.slot_closed"));
    Memory(c)["order"].erase("slot_id");
    return ContinueOrder(c, r);
  }
  r.speech.Say(c.Say("shopping.unavailable"));
}

void OrderStatus(Context& c, Response& r) {
  c.session.Visit("shopping");
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping || NeedsLinkedAccount(c, r)) return;
  auto current = shopping->orders().CurrentOrder(CustomerId(c));
  if (!current.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  if (!current->has_value()) {
    r.speech.Say(c.Say("shopping.no_order"));
    return;
  }
  const store::Order& o = **current;
  r.speech.Say(c.Say("shopping.order_status", {{"id", std::to_string(o.id)},
                                               {"mode", Mode(c, o.fulfillment, o.store_id)},
                                               {"slot", SpokenSlotOf(c, o.slot_start, o.slot_end)},
                                               {"total", SpokenPrice(o.total_cents, Locale(c))}}));
}

void CancelOrder(Context& c, Response& r) {
  c.session.Visit("shopping");
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping || NeedsLinkedAccount(c, r)) return;
  auto current = shopping->orders().CurrentOrder(CustomerId(c));
  if (!current.ok()) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return;
  }
  if (!current->has_value()) {
    r.speech.Say(c.Say("shopping.no_order"));
    return;
  }
  const store::Order& o = **current;
  if (o.cutoff_at <= c.clock.NowSeconds()) {
    r.speech.Say(c.Say("shopping.cancel_too_late"));
    return;
  }
  Memory(c)["cancel_order_id"] = o.id;
  c.session.state = kConfirmCancel;
  r.speech.Say(
      c.Say("shopping.cancel_confirm", {{"id", std::to_string(o.id)},
                                        {"mode", Mode(c, o.fulfillment, o.store_id)},
                                        {"slot", SpokenSlotOf(c, o.slot_start, o.slot_end)}}));
  r.reprompt.Say(c.Say("shopping.yes_no"));
}

void ConfirmCancel(Context& c, Response& r) {
  if (YesOrNo(c) == 0) {
    r.not_understood = true;
    r.speech.Say(c.Say("shopping.yes_no"));
    return;
  }
  c.session.state.clear();
  int64_t id = Memory(c).value("cancel_order_id", int64_t{0});
  Memory(c).erase("cancel_order_id");
  if (YesOrNo(c) < 0) {
    r.speech.Say(c.Say("shopping.cancel_kept"));
    return;
  }
  auto cancelled = c.services.shopping->orders().Cancel(CustomerId(c), id);
  if (cancelled.ok()) {
    r.speech.Say(c.Say("shopping.cancelled", {{"id", std::to_string(id)}}));
  } else if (cancelled.status().code() == StatusCode::kConflict) {
    r.speech.Say(c.Say(cancelled.status().message() == "past the cut-off"
                           ? "shopping.cancel_too_late"
                           : "shopping.no_order"));
  } else {
    r.speech.Say(c.Say("shopping.no_order"));
  }
}

}  // namespace

void RegisterOrderHandlers(Router& router) {
  router.On(kAnyState, "PlaceOrder", PlaceOrder);
  router.On(kAnyState, "OrderStatus", OrderStatus);
  router.On(kAnyState, "CancelOrder", CancelOrder);

  // Answers come as whatever the words looked like out of context ("75011" may read as a
  // quantity, "le deuxième" as a rating); Stop, Help, Repeat and emergencies stay global.
  for (const char* intent : {"Fallback", "PlaceOrder", "AddItem", "GiveRating"}) {
    router.On(kFulfillment, intent, AnswerFulfillment);
    router.On(kPostcode, intent, AnswerPostcode);
  }
  for (const char* intent :
       {"Fallback", "Next", "No", "PlaceOrder", "Yes", "AddItem", "GiveRating"}) {
    router.On(kSlot, intent, AnswerSlot);
  }
  router.On(kConfirmOrder, "Yes", ConfirmOrder);
  router.On(kConfirmOrder, "No", ConfirmOrder);
  router.On(kConfirmOrder, "Fallback", ConfirmOrder);
  router.On(kConfirmCancel, "Yes", ConfirmCancel);
  router.On(kConfirmCancel, "No", ConfirmCancel);
  router.On(kConfirmCancel, "Fallback", ConfirmCancel);
}

}  // namespace chariot::dialog::shopping
