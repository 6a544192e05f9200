#include "api/classify.h"

#include <algorithm>
#include <numeric>

#include "api/packed_files.h"
#include "core/quant.h"

namespace edgelite {

Status TensorToFloats(const Tensor& t, std::vector<float>* out) {
  const int64_t n = t.NumElements();
  if (t.data == nullptr && n > 0) {
    return FailedPreconditionError("tensor '%s' has no data", t.name);
  }
  out->resize(static_cast<size_t>(n));
  const bool quantized = t.quant != nullptr && !t.quant->empty();
  const float scale = quantized ? t.scale() : 1.0f;
  const int32_t zp = quantized ? t.zero_point() : 0;
  float* o = out->data();
  switch (t.type) {
    case DataType::kFloat32:
      std::copy(t.Data<float>(), t.Data<float>() + n, o);
      return Status::Ok();
    case DataType::kUInt8:
      for (int64_t i = 0; i < n; ++i)
        o[i] = scale * static_cast<float>(t.Data<uint8_t>()[i] - zp);
      return Status::Ok();
    case DataType::kInt8:
      for (int64_t i = 0; i < n; ++i)
        o[i] = scale * static_cast<float>(t.Data<int8_t>()[i] - zp);
      return Status::Ok();
    case DataType::kInt16:
      for (int64_t i = 0; i < n; ++i)
        o[i] = scale * static_cast<float>(t.Data<int16_t>()[i] - zp);
      return Status::Ok();
    case DataType::kInt32:
      for (int64_t i = 0; i < n; ++i)
        o[i] = quantized ? scale * static_cast<float>(t.Data<int32_t>()[i] - zp)
                         : static_cast<float>(t.Data<int32_t>()[i]);
      return Status::Ok();
    case DataType::kFloat16:
      for (int64_t i = 0; i < n; ++i) o[i] = HalfToFloat(t.Data<uint16_t>()[i]);
      return Status::Ok();
    default:
      return UnsupportedError("tensor '%s' is %s: no numeric scores", t.name,
                              DataTypeName(t.type));
  }
}

void TopK(const std::vector<float>& scores, int k, std::vector<int>* order,
          std::vector<ScoredClass>* out) {
  order->resize(scores.size());
  std::iota(order->begin(), order->end(), 0);
  const size_t n = std::min(order->size(), static_cast<size_t>(std::max(k, 0)));
  std::partial_sort(order->begin(), order->begin() + n, order->end(),
                    [&](int a, int b) {
                      // NaN ranks last.
                      const float sa = scores[a], sb = scores[b];
                      if (sa != sb) {
                        if (sa != sa) return false;
                        if (sb != sb) return true;
                        return sa > sb;
                      }
                      return a < b;
                    });
  out->resize(n);
  for (size_t i = 0; i < n; ++i) (*out)[i] = {(*order)[i], scores[(*order)[i]]};
}

std::vector<ScoredClass> TopK(const std::vector<float>& scores, int k) {
  std::vector<int> order;
  std::vector<ScoredClass> out;
  TopK(scores, k, &order, &out);
  return out;
}

void SplitLines(const uint8_t* data, size_t size,
                std::vector<std::string>* lines) {
  lines->clear();
  std::string line;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines->push_back(line);
      line.clear();
    } else {
      line.push_back(static_cast<char>(data[i]));
    }
  }
  if (!line.empty()) {
    if (line.back() == '\r') line.pop_back();
    lines->push_back(line);
  }
}

std::vector<std::string> LabelsFromModel(const ModelView& model,
                                         const ModelMetadataInfo& meta,
                                         std::vector<std::string>* warnings) {
  std::vector<std::string> labels;
  for (const std::string& name : meta.output_label_files) {
    const uint8_t* data = nullptr;
    size_t size = 0;
    Status s = FindPackedFile(model.file_data(), model.file_size(), name, &data,
                              &size);
    if (!s.ok()) {
      if (warnings) warnings->push_back("labels not read: " + s.message());
      continue;
    }
    SplitLines(data, size, &labels);
    break;
  }
  return labels;
}

}  // namespace edgelite
