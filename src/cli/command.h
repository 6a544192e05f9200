// The command-line framework of the `edgelite` tool: each command declares its
// flags and positional arguments once; the parser, the help text and the
// usage errors all come from that declaration.
#ifndef EDGELITE_CLI_COMMAND_H_
#define EDGELITE_CLI_COMMAND_H_

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace edgelite {
namespace cli {

// Exit codes: 0 success, 1 the command failed, 2 the command line is wrong.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

enum class FlagType { kBool, kString, kInt, kFloat };

struct FlagSpec {
  const char* name;  // without the leading "--"
  FlagType type;
  const char* value_name;  // "FILE", "K"; nullptr for kBool
  const char* help;
  bool repeatable = false;
  // For --input A B C: keep consuming non-flag words after the flag.
  bool multi_value = false;
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;  // by flag name

  bool Has(const std::string& flag) const { return values.count(flag) > 0; }
  // Last value given, or `fallback`.
  std::string Get(const std::string& flag, const std::string& fallback) const;
  const std::vector<std::string>& All(const std::string& flag) const;
  // Flags of type kInt/kFloat are validated by the parser; these convert.
  long long GetInt(const std::string& flag, long long fallback) const;
  double GetFloat(const std::string& flag, double fallback) const;
};

struct CommandSpec {
  const char* name;
  const char* summary;      // one line for the command list
  const char* synopsis;     // "MODEL IMAGE..."
  const char* description;  // paragraphs after the usage line
  int min_positional;
  int max_positional;  // -1: unlimited
  std::vector<FlagSpec> flags;
  Status (*run)(const ParsedArgs& args);
};

// All commands, in the order `edgelite --help` lists them.
const std::vector<CommandSpec>& Commands();

// Parses `args` (the words after the command name) against `spec`. On a
// usage error returns false and sets `*error`. `--help` is handled by the
// caller before parsing.
bool ParseArgs(const CommandSpec& spec, const std::vector<std::string>& args,
               ParsedArgs* out, std::string* error);

// "Usage: edgelite classify MODEL IMAGE... [options]" and the flag table.
std::string CommandHelp(const CommandSpec& spec);

// The command specs, one per file.
CommandSpec ClassifyCommand();
CommandSpec InspectCommand();
CommandSpec RunCommand();
CommandSpec CArrayCommand();
CommandSpec BenchCommand();
CommandSpec OpsCommand();

}  // namespace cli
}  // namespace edgelite

#endif  // EDGELITE_CLI_COMMAND_H_
