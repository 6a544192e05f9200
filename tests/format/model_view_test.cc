// Positive tests of ModelView over the real test models: inputs, outputs,
// types, quantization, shape signatures, metadata, warnings, zero-copy; and
// ByteSource (files, copies, borrowed memory).
#include "format/model_view.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/model_builder.h"

namespace edgelite {
namespace {

std::string ModelPath(const std::string& name) {
  return testing::SourcePath("tests/data/models/" + name);
}

// Loads a test model from its file (memory-mapped, zero-copy).
std::shared_ptr<const ModelView> Load(const std::string& name) {
  std::shared_ptr<const ModelView> model;
  const Status s = testing::LoadModelFile(ModelPath(name), &model);
  EXPECT_TRUE(s.ok()) << name << ": " << s.message();
  return model;
}

bool InFile(const ModelView& m, const uint8_t* p, size_t n) {
  return p >= m.file_data() && n <= m.file_size() &&
         p - m.file_data() <= static_cast<ptrdiff_t>(m.file_size() - n);
}

TEST(ModelView, HelloWorldInt8InputsOutputsAndQuantization) {
  auto m = Load("hello_world_int8.tflite");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->schema_version(), 3u);
  EXPECT_EQ(m->num_subgraphs(), 1u);
  EXPECT_TRUE(m->warnings().empty());
  ASSERT_EQ(m->tensors().size(), 10u);
  ASSERT_EQ(m->inputs(), std::vector<int32_t>{0});
  ASSERT_EQ(m->outputs(), std::vector<int32_t>{9});

  const TensorInfo& in = m->tensors()[0];
  EXPECT_EQ(in.name, "serving_default_dense_input:0");
  EXPECT_EQ(in.type, DataType::kInt8);
  EXPECT_EQ(in.shape, Shape({1, 1}));
  EXPECT_FALSE(in.is_constant());
  ASSERT_EQ(in.quant.scale.size(), 1u);
  EXPECT_NEAR(in.quant.scale[0], 0.02448, 1e-5);
  EXPECT_EQ(in.quant.zero_point, std::vector<int64_t>{-128});

  const TensorInfo& out = m->tensors()[9];
  EXPECT_EQ(out.name, "StatefulPartitionedCall:0");
  EXPECT_EQ(out.type, DataType::kInt8);
  EXPECT_EQ(out.shape, Shape({1, 1}));
  ASSERT_EQ(out.quant.scale.size(), 1u);
  EXPECT_NEAR(out.quant.scale[0], 0.008291, 1e-5);
  EXPECT_EQ(out.quant.zero_point, std::vector<int64_t>{5});

  // Weights int8, biases int32, all constant.
  EXPECT_EQ(m->tensors()[6].type, DataType::kInt8);
  EXPECT_EQ(m->tensors()[6].shape, Shape({16, 1}));
  EXPECT_EQ(m->tensors()[6].data_bytes, 16u);
  EXPECT_EQ(m->tensors()[5].type, DataType::kInt32);
  EXPECT_EQ(m->tensors()[5].data_bytes, 64u);

  ASSERT_EQ(m->operators().size(), 3u);
  for (const OperatorInfo& op : m->operators()) {
    EXPECT_EQ(op.OpName(), "FULLY_CONNECTED");
    EXPECT_EQ(op.version, 4);
  }
  EXPECT_EQ(m->operators()[0].Describe(), "op 0 (FULLY_CONNECTED v4)");
  EXPECT_EQ(m->operators()[0].inputs, (std::vector<int32_t>{0, 6, 5}));
  EXPECT_EQ(m->operators()[0].outputs, std::vector<int32_t>{7});
  EXPECT_EQ(m->operators()[0].options.fully_connected.activation,
            Activation::kRelu);
  EXPECT_EQ(m->operators()[2].options.fully_connected.activation,
            Activation::kNone);
  EXPECT_EQ(m->DescribeTensor(0), "tensor 0 'serving_default_dense_input:0'");
}

TEST(ModelView, HelloWorldDeclaresADynamicBatch) {
  auto m = Load("hello_world_int8.tflite");
  ASSERT_NE(m, nullptr);
  const TensorInfo& in = m->tensors()[m->inputs()[0]];
  EXPECT_EQ(in.shape, Shape({1, 1}));
  EXPECT_EQ(in.shape_signature, Shape({-1, 1}));
  const TensorInfo& out = m->tensors()[m->outputs()[0]];
  EXPECT_EQ(out.shape_signature, Shape({-1, 1}));
  // Constants have no signature: it equals the shape.
  EXPECT_EQ(m->tensors()[4].shape_signature, m->tensors()[4].shape);
}

TEST(ModelView, HelloWorldMetadata) {
  auto m = Load("hello_world_int8.tflite");
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(m->metadata().size(), 2u);
  EXPECT_EQ(m->metadata()[0].name, "min_runtime_version");
  EXPECT_EQ(m->metadata()[1].name, "CONVERSION_METADATA");
  for (const MetadataEntry& e : m->metadata()) {
    EXPECT_GT(e.size, 0u) << e.name;
    EXPECT_TRUE(InFile(*m, e.data, e.size)) << e.name;
  }
}

TEST(ModelView, ConstantDataIsZeroCopy) {
  for (const char* name : {"hello_world_int8.tflite", "person_detect.tflite",
                           "mobilenet_v1_0.25_224_quant.tflite"}) {
    SCOPED_TRACE(name);
    std::shared_ptr<const ByteSource> bytes;
    ASSERT_TRUE(ByteSource::FromFile(ModelPath(name), &bytes).ok());
    std::unique_ptr<ModelView> m;
    ASSERT_TRUE(ModelView::Create(bytes, &m).ok());
    EXPECT_EQ(m->file_data(), bytes->data());
    EXPECT_EQ(m->file_size(), bytes->size());
    int constants = 0;
    for (const TensorInfo& t : m->tensors()) {
      if (!t.is_constant()) continue;
      ++constants;
      EXPECT_TRUE(InFile(*m, t.data, t.data_bytes)) << t.name;
      EXPECT_EQ(t.data_bytes, static_cast<size_t>(t.shape.NumElements()) *
                                  DataTypeSize(t.type))
          << t.name;
    }
    EXPECT_GT(constants, 0);
  }
}

TEST(ModelView, BorrowedAlignedBytesAreNotCopied) {
  std::vector<uint8_t> file =
      testing::ReadFile(ModelPath("hello_world_int8.tflite"));
  ASSERT_FALSE(file.empty());
  // An owned, 16-byte-aligned copy to borrow from.
  std::shared_ptr<const ByteSource> owner =
      ByteSource::Copy(file.data(), file.size());
  ASSERT_EQ(reinterpret_cast<uintptr_t>(owner->data()) % 16, 0u);
  auto borrowed = ByteSource::Borrow(owner->data(), owner->size());
  EXPECT_EQ(borrowed->data(), owner->data());
  std::unique_ptr<ModelView> m;
  ASSERT_TRUE(ModelView::Create(borrowed, &m).ok());
  EXPECT_TRUE(InFile(*m, m->tensors()[6].data, m->tensors()[6].data_bytes));
  EXPECT_EQ(m->file_data(), owner->data());
}

TEST(ModelView, BorrowOfAnUnalignedPointerCopies) {
  std::vector<uint8_t> file =
      testing::ReadFile(ModelPath("hello_world_int8.tflite"));
  ASSERT_FALSE(file.empty());
  auto aligned = ByteSource::Copy(file.data(), file.size());
  // Room for the model one byte past a 16-byte boundary.
  std::vector<uint8_t> storage(file.size() + 32);
  uint8_t* base = storage.data();
  uint8_t* p = base + (16 - reinterpret_cast<uintptr_t>(base) % 16) % 16 + 1;
  std::memcpy(p, file.data(), file.size());
  auto borrowed = ByteSource::Borrow(p, file.size());
  EXPECT_NE(borrowed->data(), p);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(borrowed->data()) % 16, 0u);
  ASSERT_EQ(borrowed->size(), file.size());
  EXPECT_EQ(std::memcmp(borrowed->data(), file.data(), file.size()), 0);
  // The copy stands alone: the caller's memory may change.
  std::memset(p, 0, file.size());
  std::unique_ptr<ModelView> m;
  const Status s = ModelView::Create(borrowed, &m);
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST(ModelView, CopiesAreAlignedEvenWhenEmpty) {
  const uint8_t one = 7;
  auto a = ByteSource::Copy(&one, 1);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a->data()) % 16, 0u);
  EXPECT_EQ(a->size(), 1u);
  auto empty = ByteSource::Copy(nullptr, 0);
  EXPECT_EQ(empty->size(), 0u);
}

TEST(ModelView, PersonDetectIsLoadedWithAQuantizedDimensionWarning) {
  auto m = Load("person_detect.tflite");
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(m->inputs(), std::vector<int32_t>{88});
  ASSERT_EQ(m->outputs(), std::vector<int32_t>{87});
  const TensorInfo& in = m->tensors()[88];
  EXPECT_EQ(in.name, "input");
  EXPECT_EQ(in.type, DataType::kInt8);
  EXPECT_EQ(in.shape, Shape({1, 96, 96, 1}));
  EXPECT_NEAR(in.quant.scale.at(0), 0.007843, 1e-5);
  EXPECT_EQ(in.quant.zero_point, std::vector<int64_t>{-1});
  const TensorInfo& out = m->tensors()[87];
  EXPECT_EQ(out.type, DataType::kInt8);
  EXPECT_EQ(out.shape, Shape({1, 2}));
  EXPECT_EQ(out.quant.zero_point, std::vector<int64_t>{-128});
  EXPECT_EQ(m->operators().size(), 31u);

  // 14 depthwise biases declare quantized_dimension 3 on a 1-D tensor.
  EXPECT_EQ(m->warnings().size(), 14u);
  for (const std::string& w : m->warnings()) {
    EXPECT_NE(w.find("quantized_dimension 3 on a 1-D tensor read as 0"),
              std::string::npos)
        << w;
  }
  ASSERT_FALSE(m->warnings().empty());
  EXPECT_NE(m->warnings()[0].find(
                "(tensor 33 'MobilenetV1/MobilenetV1/Conv2d_0/Conv2D_bias'): "
                "quantized_dimension 3 on a 1-D tensor read as 0 (8 scales "
                "match its length)"),
            std::string::npos)
      << m->warnings()[0];
  const TensorInfo& bias = m->tensors()[33];
  EXPECT_EQ(bias.shape, Shape({8}));
  EXPECT_EQ(bias.quant.scale.size(), 8u);
  EXPECT_EQ(bias.quant.quantized_dimension, 0);
  // A real per-channel weight keeps its axis.
  const TensorInfo& w = m->tensors()[0];
  EXPECT_EQ(w.shape, Shape({1, 3, 3, 8}));
  EXPECT_EQ(w.quant.scale.size(), 8u);
  EXPECT_EQ(w.quant.quantized_dimension, 3);
  EXPECT_TRUE(w.quant.per_channel());
}

TEST(ModelView, MobilenetQuantIsUint8AndCarriesTfliteMetadata) {
  auto m = Load("mobilenet_v1_0.25_224_quant.tflite");
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(m->inputs().size(), 1u);
  ASSERT_EQ(m->outputs().size(), 1u);
  const TensorInfo& in = m->tensors()[m->inputs()[0]];
  EXPECT_EQ(in.name, "input");
  EXPECT_EQ(in.type, DataType::kUInt8);
  EXPECT_EQ(in.shape, Shape({1, 224, 224, 3}));
  EXPECT_FLOAT_EQ(in.quant.scale.at(0), 0.0078125f);
  EXPECT_EQ(in.quant.zero_point, std::vector<int64_t>{128});
  const TensorInfo& out = m->tensors()[m->outputs()[0]];
  EXPECT_EQ(out.name, "MobilenetV1/Predictions/Reshape_1");
  EXPECT_EQ(out.type, DataType::kUInt8);
  EXPECT_EQ(out.shape, Shape({1, 1001}));
  EXPECT_FLOAT_EQ(out.quant.scale.at(0), 0.00390625f);
  EXPECT_EQ(out.quant.zero_point, std::vector<int64_t>{0});
  EXPECT_TRUE(m->warnings().empty());

  ASSERT_EQ(m->metadata().size(), 1u);
  const MetadataEntry& md = m->metadata()[0];
  EXPECT_EQ(md.name, "TFLITE_METADATA");
  EXPECT_GT(md.size, 0u);
  EXPECT_TRUE(InFile(*m, md.data, md.size));
  // It is itself a FlatBuffer with the metadata schema's identifier.
  ASSERT_GE(md.size, 8u);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(md.data) + 4, 4), "M001");
}

TEST(ModelView, MobilenetFloatInputsOutputsAndOps) {
  auto m = Load("mobilenet_v1_0.25_224_1_default_1.tflite");
  ASSERT_NE(m, nullptr);
  const TensorInfo& in = m->tensors()[m->inputs().at(0)];
  EXPECT_EQ(in.name, "input");
  EXPECT_EQ(in.type, DataType::kFloat32);
  EXPECT_EQ(in.shape, Shape({1, 224, 224, 3}));
  EXPECT_TRUE(in.quant.empty());  // min/max only: not quantized
  const TensorInfo& out = m->tensors()[m->outputs().at(0)];
  EXPECT_EQ(out.type, DataType::kFloat32);
  EXPECT_EQ(out.shape, Shape({1, 1001}));
  ASSERT_EQ(m->operators().size(), 31u);
  EXPECT_EQ(m->operators()[29].OpName(), "SQUEEZE");
  EXPECT_EQ(m->operators()[30].OpName(), "SOFTMAX");
  EXPECT_TRUE(m->warnings().empty());
  // This copy of the model (tflite-support's test data) has no metadata
  // table, although docs describe the published one as carrying it.
  EXPECT_TRUE(m->metadata().empty());
}

TEST(ModelView, FileLimitIsEnforcedBeforeParsing) {
  std::vector<uint8_t> file =
      testing::ReadFile(ModelPath("hello_world_int8.tflite"));
  ASSERT_FALSE(file.empty());
  LoadLimits limits;
  limits.max_file_bytes = 1000;
  std::unique_ptr<ModelView> m;
  const Status s =
      ModelView::Create(ByteSource::Copy(file.data(), file.size()), &m, limits);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(
      s.message().find("model is 2704 bytes, more than the 1000-byte limit"),
      std::string::npos)
      << s.message();
}

// --- ByteSource::FromFile errors name the path.

class ModelViewByteSource : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("edgelite_model_view_test_" + std::to_string(::getpid()));
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    ASSERT_FALSE(ec) << ec.message();
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path dir_;
};

TEST_F(ModelViewByteSource, MissingFile) {
  const std::string path = (dir_ / "no_such_model.tflite").string();
  std::shared_ptr<const ByteSource> bytes;
  const Status s = ByteSource::FromFile(path, &bytes);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("cannot open '" + path + "'"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("No such file or directory"), std::string::npos)
      << s.message();
  EXPECT_EQ(bytes, nullptr);
}

TEST_F(ModelViewByteSource, Directory) {
  std::shared_ptr<const ByteSource> bytes;
  const Status s = ByteSource::FromFile(dir_.string(), &bytes);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("'" + dir_.string() + "' is not a regular file"),
            std::string::npos)
      << s.message();
}

TEST_F(ModelViewByteSource, EmptyFile) {
  const std::string path = (dir_ / "empty.tflite").string();
  { std::ofstream f(path, std::ios::binary); }
  std::shared_ptr<const ByteSource> bytes;
  const Status s = ByteSource::FromFile(path, &bytes);
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("'" + path + "' is empty"), std::string::npos)
      << s.message();
}

TEST_F(ModelViewByteSource, ReadsAWholeFile) {
  const std::vector<uint8_t> file =
      testing::ReadFile(ModelPath("hello_world_int8.tflite"));
  ASSERT_FALSE(file.empty());
  std::shared_ptr<const ByteSource> bytes;
  ASSERT_TRUE(
      ByteSource::FromFile(ModelPath("hello_world_int8.tflite"), &bytes).ok());
  ASSERT_EQ(bytes->size(), file.size());
  EXPECT_EQ(std::memcmp(bytes->data(), file.data(), file.size()), 0);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(bytes->data()) % 16, 0u);
}

}  // namespace
}  // namespace edgelite
