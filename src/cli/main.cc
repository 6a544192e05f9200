// `edgelite`: run and inspect TFLite models from the command line.
//
// Every failure ends in exactly one line on stderr,
// "edgelite: error: <message>", and exit code 1 (2 for a wrong command
// line), so scripts can rely on both.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"

#ifndef EDGELITE_VERSION
#define EDGELITE_VERSION "0.1.0"
#endif

namespace edgelite {
namespace cli {

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> commands = {
      ClassifyCommand(), InspectCommand(), RunCommand(),
      BenchCommand(),    CArrayCommand(),  OpsCommand()};
  return commands;
}

namespace {

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

void PrintError(const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "edgelite: error: %s\n", OneLine(message).c_str());
}

int UsageError(const std::string& message, const char* command = nullptr) {
  PrintError(message + (command
                            ? StrFormat(" (see 'edgelite %s --help')", command)
                            : std::string(" (see 'edgelite --help')")));
  return kExitUsage;
}

std::string GlobalHelp() {
  std::string s =
      "Usage: edgelite COMMAND [ARGS...] [options]\n"
      "\n"
      "Run and inspect TensorFlow Lite models.\n"
      "\n"
      "Commands:\n";
  for (const CommandSpec& c : Commands()) {
    s += StrFormat("  %-9s %s\n", c.name, c.summary);
  }
  s +=
      "  help      show help for a command\n"
      "\n"
      "Options:\n"
      "  --help     show this help\n"
      "  --version  print the version\n"
      "\n"
      "Run 'edgelite help COMMAND' or 'edgelite COMMAND --help' for details.\n";
  return s;
}

const CommandSpec* FindCommand(const std::string& name) {
  for (const CommandSpec& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return UsageError("no command given");
  const std::string& first = args[0];
  if (first == "--help" || first == "-h") {
    std::fputs(GlobalHelp().c_str(), stdout);
    return kExitOk;
  }
  if (first == "--version") {
    std::printf("edgelite %s\n", EDGELITE_VERSION);
    return kExitOk;
  }
  if (first == "help") {
    if (args.size() == 1) {
      std::fputs(GlobalHelp().c_str(), stdout);
      return kExitOk;
    }
    const CommandSpec* c = FindCommand(args[1]);
    if (c == nullptr) {
      return UsageError(StrFormat("unknown command '%s'", args[1].c_str()));
    }
    std::fputs(CommandHelp(*c).c_str(), stdout);
    return kExitOk;
  }
  const CommandSpec* command = FindCommand(first);
  if (command == nullptr) {
    if (!first.empty() && first[0] == '-') {
      return UsageError(StrFormat("unknown option '%s'", first.c_str()));
    }
    return UsageError(StrFormat("unknown command '%s'", first.c_str()));
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const std::string& a : rest) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") {
      std::fputs(CommandHelp(*command).c_str(), stdout);
      return kExitOk;
    }
  }
  ParsedArgs parsed;
  std::string error;
  if (!ParseArgs(*command, rest, &parsed, &error)) {
    return UsageError(error, command->name);
  }
  Status s = command->run(parsed);
  if (!s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace
}  // namespace cli
}  // namespace edgelite

int main(int argc, char** argv) { return edgelite::cli::Main(argc, argv); }
