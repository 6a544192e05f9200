// `edgelite ops`: the operators this build can run (the registry in
// src/ops/ops.inc), so a user can check a model's needs before porting it.
#include <cstdio>
#include <string>

#include "cli/cli_util.h"
#include "cli/command.h"
#include "core/op_registry.h"

namespace edgelite {
namespace cli {
namespace {

Status Ops(const ParsedArgs& args) {
  const auto& ops = AllOps();
  if (args.Has("json")) {
    std::string j = "{\"ops\": [";
    for (size_t i = 0; i < ops.size(); ++i) {
      const OpRegistration& r = ops[i];
      j += StrFormat(
          "%s\n  {\"name\": %s, \"custom\": %s, \"builtin_code\": "
          "%d, \"min_version\": %d, \"max_version\": %d}",
          i ? "," : "", JsonString(r.name).c_str(),
          r.custom_code ? "true" : "false", r.builtin_code, r.min_version,
          r.max_version);
    }
    j += "\n]}\n";
    std::fputs(j.c_str(), stdout);
    return Status::Ok();
  }
  int builtins = 0;
  for (const OpRegistration& r : ops) builtins += r.custom_code ? 0 : 1;
  std::printf("%d builtin and %d custom operators (details: docs/ops.md)\n",
              builtins, static_cast<int>(ops.size()) - builtins);
  for (const OpRegistration& r : ops) {
    std::printf("  %-32s v%d%s%s%s\n", r.name, r.min_version,
                r.max_version > r.min_version ? "-v" : "",
                r.max_version > r.min_version
                    ? std::to_string(r.max_version).c_str()
                    : "",
                r.custom_code ? "  (custom)" : "");
  }
  return Status::Ok();
}

}  // namespace

CommandSpec OpsCommand() {
  return CommandSpec{
      "ops",
      "list the operators and versions this build supports",
      "",
      "Lists every operator edgelite can run, with the range of TFLite\n"
      "versions it implements. 'edgelite inspect MODEL' lists the ops a\n"
      "model needs that are missing.",
      0,
      0,
      {
          {"json", FlagType::kBool, nullptr, "print one JSON document"},
      },
      &Ops};
}

}  // namespace cli
}  // namespace edgelite
