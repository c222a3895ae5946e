#include "platforms/dialogflow/render.h"

namespace chariot::platforms::dialogflow {
namespace {

std::string HandoffNumber(const Reply& reply, const std::string& support_phone) {
  if (reply.handoff != Handoff::kHuman) return "";
  return reply.handoff_number.empty() ? support_phone : reply.handoff_number;
}

}  // namespace

nlohmann::json RenderEsResponse(const Reply& reply, const DialogflowRequest& request,
                                const std::string& support_phone) {
  nlohmann::json messages = nlohmann::json::array();
  messages.push_back({{"text", {{"text", {reply.speech}}}}});
  if (!reply.ssml.empty()) {
    messages.push_back(
        {{"platform", "TELEPHONY"}, {"telephonySynthesizeSpeech", {{"ssml", reply.ssml}}}});
  }
  std::string number = HandoffNumber(reply, support_phone);
  if (!number.empty()) {
    messages.push_back(
        {{"platform", "TELEPHONY"}, {"telephonyTransferCall", {{"phoneNumber", number}}}});
  }
  nlohmann::json context = {
      {"name", request.session_path + "/contexts/" + kSessionContext},
      {"lifespanCount", reply.end_session ? 0 : 50},
      {"parameters", {{kSessionParameter, reply.session_id}, {kEndParameter, reply.end_session}}}};
  return {{"fulfillmentText", reply.speech},
          {"fulfillmentMessages", messages},
          {"outputContexts", nlohmann::json::array({context})}};
}

nlohmann::json RenderCxResponse(const Reply& reply, const DialogflowRequest& request,
                                const std::string& support_phone) {
  nlohmann::json messages = nlohmann::json::array();
  messages.push_back({{"text", {{"text", {reply.speech}}}}});
  if (!reply.ssml.empty()) messages.push_back({{"outputAudioText", {{"ssml", reply.ssml}}}});
  if (reply.handoff == Handoff::kHuman) {
    messages.push_back({{"liveAgentHandoff", {{"metadata", {{"reason", "customer_request"}}}}}});
    std::string number = HandoffNumber(reply, support_phone);
    if (!number.empty()) messages.push_back({{"telephonyTransferCall", {{"phoneNumber", number}}}});
  }
  nlohmann::json parameters = {{kSessionParameter, reply.session_id},
                               {kEndParameter, reply.end_session}};
  for (const std::string& name : request.slot_parameters) parameters[name] = nullptr;
  return {{"fulfillmentResponse", {{"messages", messages}, {"mergeBehavior", "REPLACE"}}},
          {"sessionInfo", {{"parameters", parameters}}}};
}

}  // namespace chariot::platforms::dialogflow
