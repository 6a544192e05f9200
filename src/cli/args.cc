// Flag parsing and help text for the command specs of command.h.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "cli/command.h"

namespace edgelite {
namespace cli {
namespace {

const FlagSpec* FindFlag(const CommandSpec& spec, const std::string& name) {
  for (const FlagSpec& f : spec.flags) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

bool IsFlagWord(const std::string& w) {
  return w.size() > 1 && w[0] == '-' && w != "-" &&
         !(w.size() > 1 &&
           (std::isdigit(static_cast<unsigned char>(w[1])) || w[1] == '.'));
}

bool ParseInt(const std::string& s, long long* out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *out = v;
  return true;
}

bool ParseFloat(const std::string& s, double* out) {
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || *end != '\0' || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool CheckValue(const CommandSpec& spec, const FlagSpec& f,
                const std::string& value, std::string* error) {
  long long i = 0;
  double d = 0;
  if (f.type == FlagType::kInt && !ParseInt(value, &i)) {
    *error = StrFormat("%s: --%s expects an integer, got '%s'", spec.name,
                       f.name, value.c_str());
    return false;
  }
  if (f.type == FlagType::kFloat && !ParseFloat(value, &d)) {
    *error = StrFormat("%s: --%s expects a number, got '%s'", spec.name, f.name,
                       value.c_str());
    return false;
  }
  return true;
}

}  // namespace

std::string ParsedArgs::Get(const std::string& flag,
                            const std::string& fallback) const {
  auto it = values.find(flag);
  return it == values.end() || it->second.empty() ? fallback
                                                  : it->second.back();
}

const std::vector<std::string>& ParsedArgs::All(const std::string& flag) const {
  static const std::vector<std::string> kEmpty;
  auto it = values.find(flag);
  return it == values.end() ? kEmpty : it->second;
}

long long ParsedArgs::GetInt(const std::string& flag,
                             long long fallback) const {
  long long v = fallback;
  if (Has(flag) && !ParseInt(Get(flag, ""), &v)) return fallback;
  return v;
}

double ParsedArgs::GetFloat(const std::string& flag, double fallback) const {
  double v = fallback;
  if (Has(flag) && !ParseFloat(Get(flag, ""), &v)) return fallback;
  return v;
}

bool ParseArgs(const CommandSpec& spec, const std::vector<std::string>& args,
               ParsedArgs* out, std::string* error) {
  *out = ParsedArgs();
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (only_positional || !IsFlagWord(word)) {
      out->positional.push_back(word);
      continue;
    }
    if (word == "--") {
      only_positional = true;
      continue;
    }
    if (word.rfind("--", 0) != 0) {
      *error = StrFormat("%s: unknown option '%s'", spec.name, word.c_str());
      return false;
    }
    std::string name = word.substr(2);
    std::string inline_value;
    bool has_inline = false;
    const size_t eq = name.find('=');
    if (eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline = true;
    }
    const FlagSpec* f = FindFlag(spec, name);
    if (f == nullptr) {
      *error = StrFormat("%s: unknown option '--%s'", spec.name, name.c_str());
      return false;
    }
    if (out->Has(name) && !f->repeatable) {
      *error = StrFormat("%s: --%s given more than once", spec.name, f->name);
      return false;
    }
    std::vector<std::string>& slot = out->values[name];
    if (f->type == FlagType::kBool) {
      if (has_inline) {
        *error = StrFormat("%s: --%s takes no value", spec.name, f->name);
        return false;
      }
      slot.push_back("1");
      continue;
    }
    if (has_inline) {
      if (!CheckValue(spec, *f, inline_value, error)) return false;
      slot.push_back(inline_value);
      continue;
    }
    if (i + 1 >= args.size() || IsFlagWord(args[i + 1])) {
      *error = StrFormat("%s: --%s needs a value (%s)", spec.name, f->name,
                         f->value_name ? f->value_name : "VALUE");
      return false;
    }
    do {
      ++i;
      if (!CheckValue(spec, *f, args[i], error)) return false;
      slot.push_back(args[i]);
    } while (f->multi_value && i + 1 < args.size() && !IsFlagWord(args[i + 1]));
  }
  const int n = static_cast<int>(out->positional.size());
  if (n < spec.min_positional) {
    *error = StrFormat("%s: missing arguments (usage: edgelite %s %s)",
                       spec.name, spec.name, spec.synopsis);
    return false;
  }
  if (spec.max_positional >= 0 && n > spec.max_positional) {
    *error = StrFormat("%s: unexpected argument '%s' (usage: edgelite %s %s)",
                       spec.name, out->positional[spec.max_positional].c_str(),
                       spec.name, spec.synopsis);
    return false;
  }
  return true;
}

std::string CommandHelp(const CommandSpec& spec) {
  std::string s =
      StrFormat("Usage: edgelite %s %s%s\n\n%s\n", spec.name, spec.synopsis,
                spec.flags.empty() ? "" : " [options]", spec.summary);
  if (spec.description && *spec.description) {
    s += "\n";
    s += spec.description;
    s += "\n";
  }
  s += "\nOptions:\n";
  std::vector<std::pair<std::string, std::string>> rows;
  for (const FlagSpec& f : spec.flags) {
    std::string left = StrFormat("--%s", f.name);
    if (f.type != FlagType::kBool) {
      left += " ";
      left += f.value_name ? f.value_name : "VALUE";
      if (f.multi_value) left += "...";
    }
    rows.emplace_back(left, f.help);
  }
  rows.emplace_back("--help", "show this help");
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.first.size());
  for (const auto& r : rows) {
    s += "  " + r.first + std::string(width - r.first.size() + 2, ' ') +
         r.second + "\n";
  }
  return s;
}

}  // namespace cli
}  // namespace edgelite
