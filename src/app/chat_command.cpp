#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/app.h"
#include "app/commands.h"

namespace chariot::app {
namespace {

const char* kUsage =
    "usage: chariot chat [--locale fr-FR|en-US] [--user ID] [--db PATH] [--config FILE]\n"
    "Talks to the assistant in a terminal, one line a turn. Reads stdin when it is not a\n"
    "terminal, so a script can be piped in. An empty line or end of input ends the chat.\n";

}  // namespace

int RunChatCommand(const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  Config config;
  std::vector<std::string> rest;
  if (Status s = LoadCommandConfig(args, config, rest); !s.ok())
    return Fail("chat", s.message(), 2);
  std::string locale = "fr-FR";
  std::string user = "chat-user";
  for (size_t i = 0; i < rest.size(); ++i) {
    if ((rest[i] == "--locale" || rest[i] == "--user") && i + 1 < rest.size()) {
      (rest[i] == "--locale" ? locale : user) = rest[i + 1];
      ++i;
    } else {
      return Fail("chat", "unknown option '" + rest[i] + "' (see --help)", 2);
    }
  }
  if (locale != "fr-FR" && locale != "en-US")
    return Fail("chat", "--locale must be fr-FR or en-US", 2);

  auto app = OpenApp(config);
  if (!app.ok()) return Fail("chat", app.status().message());
  bool interactive = isatty(STDIN_FILENO) != 0;

  Turn turn;
  turn.kind = TurnKind::kLaunch;
  turn.channel = "chat";
  turn.locale = locale;
  turn.user_id = user;
  Reply reply = (*app)->engine->Handle(turn);
  std::printf("chariot: %s\n", reply.speech.c_str());
  std::string line;
  while (!reply.end_session) {
    if (interactive) {
      std::printf("> ");
      std::fflush(stdout);
    }
    if (!std::getline(std::cin, line)) break;
    if (!interactive) std::printf("> %s\n", line.c_str());
    turn.kind = TurnKind::kText;
    turn.session_id = reply.session_id;
    turn.text = line;
    reply = (*app)->engine->Handle(turn);
    std::printf("chariot: %s\n", reply.speech.c_str());
  }
  if (!reply.end_session) {
    // End of input with the conversation still open: close it as the platform would.
    turn.kind = TurnKind::kSessionEnded;
    turn.session_id = reply.session_id;
    turn.end_reason = "platform_ended";
    (*app)->engine->Handle(turn);
  }
  return 0;
}

}  // namespace chariot::app
