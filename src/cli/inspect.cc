// `edgelite inspect`: what a model contains and what running it would cost.
#include <algorithm>
#include <cstdio>
#include <map>

#include "api/metadata.h"
#include "cli/cli_util.h"
#include "cli/command.h"

namespace edgelite {
namespace cli {
namespace {

struct OpCount {
  std::string name;
  int version;
  int count;
};

std::vector<OpCount> OpHistogram(const ModelView& model) {
  std::map<std::pair<std::string, int>, int> counts;
  for (const OperatorInfo& op : model.operators()) {
    ++counts[{op.OpName(), op.version}];
  }
  std::vector<OpCount> out;
  for (const auto& kv : counts) {
    out.push_back({kv.first.first, kv.first.second, kv.second});
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const OpCount& a, const OpCount& b) { return a.count > b.count; });
  return out;
}

bool IsDynamic(const TensorInfo& t) {
  for (int i = 0; i < t.shape_signature.rank; ++i) {
    if (t.shape_signature[i] < 0) return true;
  }
  return false;
}

std::string TensorLine(const TensorInfo& t) {
  std::string s = StrFormat("'%s' %s", t.name.c_str(),
                            TypeAndShape(t.type, t.shape).c_str());
  if (IsDynamic(t)) s += " (signature " + t.shape_signature.ToString() + ")";
  const std::string q = DescribeQuant(t.quant);
  if (!q.empty()) s += ", " + q;
  return s;
}

std::string TensorJson(const TensorInfo& t) {
  std::string s = StrFormat(
      "{\"index\": %d, \"name\": %s, \"dtype\": %s, \"shape\": %s", t.index,
      JsonString(t.name).c_str(), JsonString(DataTypeName(t.type)).c_str(),
      JsonShape(t.shape).c_str());
  if (IsDynamic(t))
    s += ", \"shape_signature\": " + JsonShape(t.shape_signature);
  if (!t.quant.empty()) {
    s += ", \"quantization\": {\"scale\": [";
    for (size_t i = 0; i < t.quant.scale.size(); ++i) {
      s += (i ? ", " : "") + JsonNumber(t.quant.scale[i]);
    }
    s += "], \"zero_point\": [";
    for (size_t i = 0; i < t.quant.zero_point.size(); ++i) {
      s += (i ? ", " : "") + std::to_string(t.quant.zero_point[i]);
    }
    s += StrFormat("], \"quantized_dimension\": %d}",
                   t.quant.quantized_dimension);
  }
  return s + "}";
}

int FoldedOps(const Interpreter& interp) {
  int n = 0;
  const int ops = static_cast<int>(interp.model().operators().size());
  for (int i = 0; i < ops; ++i) n += interp.node_folded(i) ? 1 : 0;
  return n;
}

std::string ArenaLine(size_t arena, size_t lower) {
  std::string s =
      StrFormat("arena %s (%s B), lower bound %s B", HumanBytes(arena).c_str(),
                WithThousands(arena).c_str(), WithThousands(lower).c_str());
  if (lower > 0) {
    s += StrFormat(
        ", %+.1f %%",
        100.0 * (static_cast<double>(arena) - static_cast<double>(lower)) /
            static_cast<double>(lower));
  }
  return s;
}

std::string BufferName(const ModelView& model, const PlannedBuffer& b) {
  if (b.tensor < 0) return StrFormat("scratch of node %d", b.node);
  if (b.tensor < static_cast<int>(model.tensors().size())) {
    return StrFormat("%d '%s'", b.tensor,
                     model.tensors()[b.tensor].name.c_str());
  }
  return std::to_string(b.tensor);
}

Status Inspect(const ParsedArgs& args) {
  const std::string& path = args.positional[0];
  const bool json = args.Has("json");
  const bool show_plan = args.Has("plan");
  std::shared_ptr<const ModelView> model;
  EDGELITE_RETURN_IF_ERROR(LoadModel(path, &model));
  const ModelMetadataInfo meta = ReadModelMetadata(*model);
  const std::vector<OpCount> ops = OpHistogram(*model);
  const std::vector<std::string> unsupported = UnsupportedOps(*model);
  std::vector<std::string> warnings = model->warnings();
  warnings.insert(warnings.end(), meta.warnings.begin(), meta.warnings.end());

  // Plan the arena only when every op can run.
  std::unique_ptr<Interpreter> interp;
  Status plan_status;
  if (unsupported.empty()) {
    plan_status = Interpreter::Create(model, InterpreterOptions(), &interp);
    if (plan_status.ok()) plan_status = interp->AllocateTensors();
  }
  const bool planned = unsupported.empty() && plan_status.ok();

  const auto& tensors = model->tensors();
  if (json) {
    std::string j = "{\n";
    j += "  \"file\": " + JsonString(path) + ",\n";
    j += StrFormat("  \"bytes\": %zu,\n", model->file_size());
    j += StrFormat("  \"schema_version\": %u,\n", model->schema_version());
    j += "  \"description\": " + JsonString(model->description()) + ",\n";
    j += StrFormat(
        "  \"subgraphs\": %zu, \"tensors\": %zu, \"operators\": %zu,\n",
        model->num_subgraphs(), tensors.size(), model->operators().size());
    if (meta.present) {
      j += "  \"metadata\": {\"name\": " + JsonString(meta.name) +
           ", \"description\": " + JsonString(meta.description) +
           ", \"version\": " + JsonString(meta.version);
      if (!meta.input_mean.empty()) {
        j += ", \"mean\": [";
        for (size_t i = 0; i < meta.input_mean.size(); ++i)
          j += (i ? ", " : "") + JsonNumber(meta.input_mean[i]);
        j += "], \"std\": [";
        for (size_t i = 0; i < meta.input_std.size(); ++i)
          j += (i ? ", " : "") + JsonNumber(meta.input_std[i]);
        j += "]";
      }
      j += ", \"label_files\": [";
      for (size_t i = 0; i < meta.output_label_files.size(); ++i)
        j += (i ? ", " : "") + JsonString(meta.output_label_files[i]);
      j += "]";
      if (meta.has_score_threshold)
        j += ", \"score_threshold\": " + JsonNumber(meta.score_threshold);
      j += "},\n";
    }
    for (int io = 0; io < 2; ++io) {
      const auto& idx = io == 0 ? model->inputs() : model->outputs();
      j += io == 0 ? "  \"inputs\": [" : "  \"outputs\": [";
      for (size_t i = 0; i < idx.size(); ++i) {
        j += (i ? ",\n    " : "\n    ") + TensorJson(tensors[idx[i]]);
      }
      j += "],\n";
    }
    j += "  \"ops\": [";
    for (size_t i = 0; i < ops.size(); ++i) {
      j += StrFormat("%s\n    {\"op\": %s, \"version\": %d, \"count\": %d}",
                     i ? "," : "", JsonString(ops[i].name).c_str(),
                     ops[i].version, ops[i].count);
    }
    j += "],\n  \"unsupported\": [";
    for (size_t i = 0; i < unsupported.size(); ++i)
      j += (i ? ", " : "") + JsonString(unsupported[i]);
    j += "],\n  \"warnings\": [";
    for (size_t i = 0; i < warnings.size(); ++i)
      j += (i ? ", " : "") + JsonString(warnings[i]);
    j += "]";
    if (planned) {
      j += StrFormat(
          ",\n  \"arena\": {\"bytes\": %zu, \"lower_bound\": %zu, "
          "\"folded_ops\": %d, \"folded_bytes\": %zu",
          interp->arena_bytes(), interp->arena_lower_bound(),
          FoldedOps(*interp), interp->folded_bytes());
      if (show_plan) {
        j += ", \"plan\": [";
        const auto& plan = interp->plan();
        for (size_t i = 0; i < plan.size(); ++i) {
          const PlannedBuffer& b = plan[i];
          j += StrFormat(
              "%s\n      {\"tensor\": %d, \"node\": %d, "
              "\"offset\": %zu, \"bytes\": %zu, \"first\": %d, "
              "\"last\": %d}",
              i ? "," : "", b.tensor, b.node, b.offset, b.bytes, b.first,
              b.last);
        }
        j += "]";
      }
      j += "}";
    }
    j += "\n}\n";
    std::fputs(j.c_str(), stdout);
  } else {
    std::printf("model: %s\n", path.c_str());
    std::printf("size: %s (%s B)\n", HumanBytes(model->file_size()).c_str(),
                WithThousands(model->file_size()).c_str());
    std::printf("schema version: %u\n", model->schema_version());
    if (!model->description().empty())
      std::printf("description: %s\n", model->description().c_str());
    std::printf("subgraphs: %zu, tensors: %zu, operators: %zu\n",
                model->num_subgraphs(), tensors.size(),
                model->operators().size());
    if (meta.present) {
      std::printf("metadata: %s%s%s\n", meta.name.c_str(),
                  meta.version.empty() ? "" : " ", meta.version.c_str());
      if (!meta.description.empty())
        std::printf("  description: %s\n", meta.description.c_str());
      if (!meta.input_mean.empty()) {
        std::string m, s;
        for (float v : meta.input_mean)
          m += (m.empty() ? "" : ", ") + JsonNumber(v);
        for (float v : meta.input_std)
          s += (s.empty() ? "" : ", ") + JsonNumber(v);
        std::printf("  input normalization: mean [%s], std [%s]\n", m.c_str(),
                    s.c_str());
      }
      for (const std::string& f : meta.output_label_files)
        std::printf("  output labels: %s\n", f.c_str());
      if (meta.has_score_threshold)
        std::printf("  score threshold: %g\n",
                    static_cast<double>(meta.score_threshold));
    }
    std::printf("inputs:\n");
    for (size_t i = 0; i < model->inputs().size(); ++i)
      std::printf("  %zu: %s\n", i,
                  TensorLine(tensors[model->inputs()[i]]).c_str());
    std::printf("outputs:\n");
    for (size_t i = 0; i < model->outputs().size(); ++i)
      std::printf("  %zu: %s\n", i,
                  TensorLine(tensors[model->outputs()[i]]).c_str());
    std::printf("ops:\n");
    for (const OpCount& op : ops)
      std::printf("  %s v%d \xC3\x97 %d\n", op.name.c_str(), op.version,
                  op.count);
    if (!unsupported.empty()) {
      std::string list;
      for (const std::string& u : unsupported)
        list += (list.empty() ? "" : "; ") + u;
      std::printf("unsupported: %s\n", list.c_str());
    }
    for (const std::string& w : warnings)
      std::printf("warning: %s\n", w.c_str());
    if (planned) {
      std::printf("%s\n",
                  ArenaLine(interp->arena_bytes(), interp->arena_lower_bound())
                      .c_str());
      const int folded = FoldedOps(*interp);
      if (folded > 0) {
        std::printf(
            "folded at prepare: %d op%s with constant inputs, %s (%s B) "
            "outside the arena\n",
            folded, folded == 1 ? "" : "s",
            HumanBytes(interp->folded_bytes()).c_str(),
            WithThousands(interp->folded_bytes()).c_str());
      }
      if (show_plan) {
        std::printf("  %-40s %12s %12s  %s\n", "tensor", "offset", "bytes",
                    "lifetime");
        std::vector<PlannedBuffer> plan = interp->plan();
        std::sort(plan.begin(), plan.end(),
                  [](const PlannedBuffer& a, const PlannedBuffer& b) {
                    return a.offset < b.offset ||
                           (a.offset == b.offset && a.first < b.first);
                  });
        for (const PlannedBuffer& b : plan) {
          std::printf("  %-40s %12s %12s  ops %d-%d\n",
                      BufferName(*model, b).c_str(),
                      WithThousands(b.offset).c_str(),
                      WithThousands(b.bytes).c_str(), b.first, b.last);
        }
      }
    }
  }
  // Unsupported ops are reported, not an error; a model that should run but
  // cannot be planned is.
  if (unsupported.empty() && !plan_status.ok()) {
    return plan_status.WithContext("cannot plan the arena");
  }
  return Status::Ok();
}

}  // namespace

CommandSpec InspectCommand() {
  return CommandSpec{
      "inspect",
      "show a model's tensors, operators, metadata and memory plan",
      "MODEL",
      "Lists inputs and outputs (dtype, shape, quantization), an operator\n"
      "histogram, every operator edgelite cannot run, loader warnings, and,\n"
      "when all operators are supported, the planned arena size against the\n"
      "lower bound (the largest sum of simultaneously live tensors).",
      1,
      1,
      {
          {"json", FlagType::kBool, nullptr, "print one JSON document"},
          {"plan", FlagType::kBool, nullptr,
           "also list every planned buffer (tensor, offset, bytes, lifetime)"},
      },
      &Inspect};
}

}  // namespace cli
}  // namespace edgelite
