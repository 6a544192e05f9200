// Hostile model files: each TEST breaks one thing and asserts the status code
// and the words of the message (which op / tensor / field). The corpus of the
// same defects on disk is checked by malformed_corpus_test.cc.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "format/malformed_models.h"
#include "format/model_view.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

namespace mf = testing::malformed;
using mf::Draft;

// ModelView::Create must refuse `bytes` with `code` and a message containing
// `text`.
::testing::AssertionResult ViewFails(const std::vector<uint8_t>& bytes,
                                     StatusCode code, const std::string& text) {
  std::unique_ptr<ModelView> view;
  const Status s =
      ModelView::Create(ByteSource::Copy(bytes.data(), bytes.size()), &view);
  if (s.ok()) return ::testing::AssertionFailure() << "the model loaded";
  if (s.code() != code || s.message().find(text) == std::string::npos) {
    return ::testing::AssertionFailure()
           << "got " << StatusCodeName(s.code()) << ": " << s.message()
           << "\nwant " << StatusCodeName(code) << " containing: " << text;
  }
  return ::testing::AssertionSuccess();
}

// The model loads, but Interpreter::Create refuses it (unsupported ops).
// Returns the status; `unsupported` gets UnsupportedOps().
Status CreateInterpreter(const std::vector<uint8_t>& bytes,
                         std::vector<std::string>* unsupported) {
  std::shared_ptr<const ModelView> model;
  const Status load = testing::LoadModel(bytes, &model);
  if (!load.ok()) return load.WithContext("ModelView::Create");
  *unsupported = UnsupportedOps(*model);
  std::unique_ptr<Interpreter> interp;
  return Interpreter::Create(model, InterpreterOptions(), &interp);
}

std::vector<uint8_t> Hello() {
  std::vector<uint8_t> b = mf::HelloWorldInt8();
  EXPECT_FALSE(b.empty()) << "missing "
                          << testing::SourcePath(
                                 "tests/data/models/hello_world_int8.tflite");
  return b;
}

// --- The baseline models load and run, so each defect below is the only one.

TEST(Malformed, BaselineModelsAreValid) {
  for (const Draft& d : {mf::FloatReshape(), mf::Int8Reshape(),
                         mf::Int8Reshape(DataType::kUInt8),
                         mf::PerChannelReshape(), mf::ReshapeChain()}) {
    const Status s = mf::LoadAndRun(d.Build());
    EXPECT_TRUE(s.ok()) << s.message();
  }
  std::shared_ptr<const ModelView> model;
  const std::vector<uint8_t> hello = Hello();
  const Status s = testing::LoadModel(hello, &model);
  EXPECT_TRUE(s.ok()) << s.message();
}

// --- Whole-file damage.

TEST(Malformed, TruncatedRealModel) {
  const std::vector<uint8_t> hello = Hello();
  ASSERT_GT(hello.size(), 200u);
  const size_t n = hello.size();
  struct Point {
    size_t size;
    std::string text;
  };
  const std::vector<Point> points = {
      {0, "file is too small to be a TFLite model (0 bytes)"},
      {7, "file is too small to be a TFLite model (7 bytes)"},
      {8,
       "model failed FlatBuffers verification: the file is truncated or "
       "corrupted (8 bytes)"},
      {100, "the file is truncated or corrupted (100 bytes)"},
      {n / 2,
       StrFormat("the file is truncated or corrupted (%zu bytes)", n / 2)},
      {n - 1,
       StrFormat("the file is truncated or corrupted (%zu bytes)", n - 1)},
  };
  for (const Point& p : points) {
    SCOPED_TRACE(StrFormat("truncated to %zu of %zu bytes", p.size, n));
    EXPECT_TRUE(ViewFails(mf::Truncated(hello, p.size),
                          StatusCode::kInvalidModel, p.text));
  }
}

TEST(Malformed, EveryPrefixOfARealModelIsRejected) {
  const std::vector<uint8_t> hello = Hello();
  for (size_t n = 0; n < hello.size(); ++n) {
    std::unique_ptr<ModelView> view;
    const Status s =
        ModelView::Create(ByteSource::Copy(hello.data(), n), &view);
    ASSERT_EQ(s.code(), StatusCode::kInvalidModel)
        << n << " bytes: " << s.message();
  }
}

TEST(Malformed, WrongFileIdentifier) {
  std::vector<uint8_t> b = Hello();
  ASSERT_GT(b.size(), 8u);
  std::memcpy(b.data() + 4, "ONNX", 4);
  EXPECT_TRUE(ViewFails(b, StatusCode::kInvalidModel,
                        "not a TFLite model: file identifier is 'ONNX', "
                        "expected 'TFL3'"));
  b[4] = 0x01;  // unprintable bytes are shown as '?'
  EXPECT_TRUE(
      ViewFails(b, StatusCode::kInvalidModel, "file identifier is '?NNX'"));
}

TEST(Malformed, RandomBytesWithAValidIdentifier) {
  for (uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    std::vector<uint8_t> b(8 + rng() % 4096);
    for (uint8_t& v : b) v = static_cast<uint8_t>(rng());
    std::memcpy(b.data() + 4, "TFL3", 4);
    SCOPED_TRACE(StrFormat("seed %u, %zu bytes", seed, b.size()));
    EXPECT_TRUE(ViewFails(b, StatusCode::kInvalidModel,
                          "model failed FlatBuffers verification"));
  }
}

TEST(Malformed, EmptyFile) {
  EXPECT_TRUE(ViewFails({}, StatusCode::kInvalidModel,
                        "file is too small to be a TFLite model (0 bytes)"));
  std::unique_ptr<ModelView> view;
  const Status s = ModelView::Create(nullptr, &view);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("no model bytes given"), std::string::npos);
}

TEST(Malformed, NoSubgraphs) {
  EXPECT_TRUE(ViewFails(mf::NoSubgraphsModel(), StatusCode::kInvalidModel,
                        "model has no subgraphs"));
}

// --- Indices.

TEST(Malformed, OperatorInputIndexOutOfRange) {
  Draft d = mf::FloatReshape();
  d.ops[0].inputs[1] = 3;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 1 refers to tensor 3, out of "
                        "range (subgraph has 3 tensors)"));
  d.ops[0].inputs[1] = -2;  // -1 means "absent"; anything lower is an error
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 1 refers to tensor -2"));
}

TEST(Malformed, OperatorOutputIndexOutOfRange) {
  Draft d = mf::FloatReshape();
  d.ops[0].outputs[0] = 1000000;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): output 0 refers to tensor 1000000, "
                        "out of range (subgraph has 3 tensors)"));
  d.ops[0].outputs[0] = -1;  // outputs are never optional
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): output 0 refers to tensor -1"));
}

TEST(Malformed, ModelInputIndexOutOfRange) {
  Draft d = mf::FloatReshape();
  d.inputs = {0, 3};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "model input 1 refers to tensor 3, out of range "
                        "(subgraph has 3 tensors)"));
}

TEST(Malformed, ModelOutputIndexOutOfRange) {
  Draft d = mf::FloatReshape();
  d.outputs = {-1};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "model output 0 refers to tensor -1, out of range "
                        "(subgraph has 3 tensors)"));
}

TEST(Malformed, ModelOutputNeverProduced) {
  Draft d = mf::FloatReshape();
  d.tensors.push_back(mf::Activation("orphan", DataType::kFloat32, {1}));
  d.outputs = {2, 3};
  EXPECT_TRUE(
      ViewFails(d.Build(), StatusCode::kInvalidModel,
                "model output 1 (tensor 3 'orphan') is never produced"));
}

TEST(Malformed, OpcodeIndexOutOfRange) {
  Draft d = mf::FloatReshape();
  d.ops[0].opcode_index_override = 7;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0: opcode_index 7 out of range (model has 1 "
                        "operator codes)"));
}

TEST(Malformed, BufferIndexOutOfRange) {
  Draft d = mf::FloatReshape();
  d.tensors[1].buffer_override = 2;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 1 (tensor 1 'new_shape'): "
                        "buffer index 2 out of range (model has 2 buffers)"));
}

// --- Buffers and shapes.

TEST(Malformed, BufferSmallerThanShapeTimesDtype) {
  Draft d = mf::FloatReshape();
  d.tensors[1].data = {6, 0};
  EXPECT_TRUE(
      ViewFails(d.Build(), StatusCode::kInvalidModel,
                "op 0 (RESHAPE v1): input 1 (tensor 1 'new_shape'): "
                "buffer 1 holds 2 bytes but shape [1] of int32 needs 4"));
}

TEST(Malformed, BufferLargerThanShapeTimesDtype) {
  Draft d = mf::FloatReshape();
  d.tensors[1].data = testing::Bytes(std::vector<int32_t>{6, 0, 0});
  EXPECT_TRUE(
      ViewFails(d.Build(), StatusCode::kInvalidModel,
                "op 0 (RESHAPE v1): input 1 (tensor 1 'new_shape'): "
                "buffer 1 holds 12 bytes but shape [1] of int32 needs 4"));
}

TEST(Malformed, ShapeProductOverflows) {
  Draft d = mf::FloatReshape();
  d.tensors[0].shape = {65536, 65536, 65536};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): shape "
                        "[65536, 65536, 65536] has more than 2147483648 "
                        "elements (overflow)"));
  // Eight dimensions of INT32_MAX: the check must not itself overflow.
  d.tensors[0].shape.assign(8, std::numeric_limits<int32_t>::max());
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel, "(overflow)"));
}

TEST(Malformed, NegativeDimension) {
  Draft d = mf::FloatReshape();
  d.tensors[2].shape = {-6};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "tensor 2 'y': shape [-6] has a negative dimension"));
}

TEST(Malformed, RankAboveEight) {
  Draft d = mf::FloatReshape();
  d.tensors[0].shape = {1, 1, 1, 1, 1, 1, 1, 2, 3};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kUnsupported,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): rank 9 "
                        "exceeds the supported maximum of 8"));
}

TEST(Malformed, ShapeSignatureDisagreesWithShape) {
  Draft d = mf::FloatReshape();
  d.tensors[0].shape_signature = {-1};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "(tensor 0 'x'): shape_signature has rank 1 but shape "
                        "[2, 3]"));
  d.tensors[0].shape_signature = {2, 7};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "(tensor 0 'x'): shape_signature dimension 1 is 7 but "
                        "shape says 3"));
}

// --- Quantization.

TEST(Malformed, ScaleZeroOrNegative) {
  Draft d = mf::Int8Reshape();
  d.tensors[0].scales = {0.0f};
  EXPECT_TRUE(
      ViewFails(d.Build(), StatusCode::kInvalidModel,
                "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): "
                "quantization scale[0] = 0 must be positive and finite"));
  d.tensors[0].scales = {-0.25f};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "quantization scale[0] = -0.25 must be positive and "
                        "finite"));
}

TEST(Malformed, ScaleNaN) {
  Draft d = mf::PerChannelReshape();
  d.tensors[0].scales[2] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'w'): "
                        "quantization scale[2] is NaN"));
}

TEST(Malformed, ScaleInfinite) {
  Draft d = mf::Int8Reshape();
  d.tensors[2].scales = {std::numeric_limits<float>::infinity()};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "tensor 2 'y': quantization scale[0] = inf must be "
                        "positive and finite"));
}

TEST(Malformed, ZeroPointOutOfRangeForInt8) {
  Draft d = mf::Int8Reshape();
  d.tensors[0].zero_points = {-129};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): "
                        "zero_point[0] = -129 is outside the int8 range "
                        "[-128, 127]"));
}

TEST(Malformed, ZeroPointOutOfRangeForUint8) {
  Draft d = mf::Int8Reshape(DataType::kUInt8);
  d.tensors[2].zero_points = {256};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "tensor 2 'y': zero_point[0] = 256 is outside the "
                        "uint8 range [0, 255]"));
  d.tensors[2].zero_points = {std::numeric_limits<int64_t>::min()};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "zero_point[0] = -9223372036854775808 is outside the "
                        "uint8 range"));
}

TEST(Malformed, ZeroPointCountDiffersFromScaleCount) {
  Draft d = mf::PerChannelReshape();
  d.tensors[0].zero_points = {0, 0, 0, 0};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'w'): "
                        "quantization has 3 scales but 4 zero points"));
  d.tensors[0].zero_points = {};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "quantization has 3 scales but 0 zero points"));
}

TEST(Malformed, PerChannelCountDiffersFromChannels) {
  Draft d = mf::PerChannelReshape();
  d.tensors[0].quantized_dimension = 1;  // 2 channels, 3 scales
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'w'): "
                        "per-channel scale count 3 != channels 2 "
                        "(quantized_dimension 1 of shape [3, 2])"));
}

TEST(Malformed, QuantizedDimensionOutOfRange) {
  Draft d = mf::PerChannelReshape();
  d.tensors[0].quantized_dimension = 2;
  EXPECT_TRUE(
      ViewFails(d.Build(), StatusCode::kInvalidModel,
                "op 0 (RESHAPE v1): input 0 (tensor 0 'w'): "
                "quantized_dimension 2 is out of range for shape [3, 2]"));
  d.tensors[0].quantized_dimension = std::numeric_limits<int32_t>::min();
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "quantized_dimension -2147483648 is out of range"));
}

TEST(Malformed, PerTensorQuantizedDimensionOutOfRangeIsReadAsZero) {
  // With one scale the axis is meaningless (TFLite ignores it), so the model
  // loads; but the stored value must be a valid axis for whoever reads it.
  Draft d = mf::Int8Reshape();
  d.tensors[0].quantized_dimension = 1000;
  std::shared_ptr<const ModelView> model;
  const Status s = testing::LoadModel(d.Build(), &model);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(model->tensors()[0].quant.quantized_dimension, 0);
  ASSERT_EQ(model->warnings().size(), 1u);
  EXPECT_NE(
      model->warnings()[0].find(
          "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): quantized_dimension "
          "1000 of per-tensor quantization is out of range for shape "
          "[2, 3]; read as 0"),
      std::string::npos)
      << model->warnings()[0];
  d.tensors[0].quantized_dimension = 1;  // in range: kept as written
  ASSERT_TRUE(testing::LoadModel(d.Build(), &model).ok());
  EXPECT_EQ(model->tensors()[0].quant.quantized_dimension, 1);
  EXPECT_TRUE(model->warnings().empty());
}

// --- Data flow.

TEST(Malformed, OperatorInputUsedBeforeItIsProduced) {
  Draft d = mf::ReshapeChain();
  std::swap(d.ops[0], d.ops[1]);
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): input 0 (tensor 2 'mid') is used "
                        "before it is produced"));
}

TEST(Malformed, TensorProducedTwice) {
  Draft d = mf::ReshapeChain();
  d.ops[1].inputs = {0, 4};
  d.ops[1].outputs = {2};
  d.outputs = {2};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 1 (RESHAPE v1): output 0 (tensor 2 'mid') is "
                        "already produced by op 0"));
}

TEST(Malformed, OperatorWritesAConstant) {
  Draft d = mf::FloatReshape();
  d.ops[0].outputs = {1};
  d.outputs = {1};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): output 0 (tensor 1 'new_shape') is "
                        "a constant tensor"));
}

TEST(Malformed, OperatorWritesAModelInput) {
  Draft d = mf::FloatReshape();
  d.ops[0].outputs = {0};
  d.outputs = {0};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "op 0 (RESHAPE v1): output 0 (tensor 0 'x') overwrites "
                        "a model input or variable"));
}

TEST(Malformed, ModelInputIsAConstant) {
  Draft d = mf::FloatReshape();
  d.inputs = {0, 1};
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "model input tensor 1 'new_shape' is a constant"));
}

// --- Operators edgelite does not have: ModelView loads them,
// Interpreter::Create lists every one.

TEST(Malformed, UnknownBuiltinOperator) {
  Draft d = mf::FloatReshape();
  d.ops[0].builtin_code = 200;
  std::vector<std::string> unsupported;
  const Status s = CreateInterpreter(d.Build(), &unsupported);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
  EXPECT_NE(s.message().find("model uses 1 unsupported operator: op 0 "
                             "(STABLEHLO_WHILE v1): operator not supported by "
                             "edgelite"),
            std::string::npos)
      << s.message();
  ASSERT_EQ(unsupported.size(), 1u);
  EXPECT_EQ(unsupported[0],
            "op 0 (STABLEHLO_WHILE v1): operator not supported by edgelite");

  d.ops[0].builtin_code = 100000;  // beyond any name TFLite has
  const Status s2 = CreateInterpreter(d.Build(), &unsupported);
  EXPECT_EQ(s2.code(), StatusCode::kUnsupported);
  EXPECT_NE(s2.message().find("op 0 (BUILTIN_100000 v1): operator not "
                              "supported by edgelite"),
            std::string::npos)
      << s2.message();
}

TEST(Malformed, UnknownCustomOperatorIsListedByName) {
  Draft d = mf::FloatReshape();
  d.ops[0].builtin_code = mf::kCustom;
  d.ops[0].custom_code = "MyOp";
  std::vector<std::string> unsupported;
  const Status s = CreateInterpreter(d.Build(), &unsupported);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
  EXPECT_NE(s.message().find("op 0 (CUSTOM 'MyOp' v1): operator not supported "
                             "by edgelite"),
            std::string::npos)
      << s.message();
  ASSERT_EQ(unsupported.size(), 1u);
  EXPECT_NE(unsupported[0].find("'MyOp'"), std::string::npos);
}

TEST(Malformed, CustomOperatorWithoutAName) {
  Draft d = mf::FloatReshape();
  d.ops[0].builtin_code = mf::kCustom;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "operator code 0: CUSTOM op without a name"));
}

TEST(Malformed, UnsupportedOperatorVersionGivesTheSupportedRange) {
  Draft d = mf::FloatReshape();
  d.ops[0].version = 99;
  std::vector<std::string> unsupported;
  const Status s = CreateInterpreter(d.Build(), &unsupported);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
  EXPECT_NE(s.message().find("op 0 (RESHAPE v99): version 99 not supported "
                             "(edgelite supports RESHAPE v1 to v1)"),
            std::string::npos)
      << s.message();
  ASSERT_EQ(unsupported.size(), 1u);

  d.ops[0].version = 0;  // versions start at 1: a malformed file, not a gap
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kInvalidModel,
                        "operator code 0 (RESHAPE): version 0 is not >= 1"));
}

TEST(Malformed, TwoUnsupportedOperatorsAreListedInOneMessage) {
  Draft d = mf::ReshapeChain();
  d.ops[0].builtin_code = mf::kCustom;
  d.ops[0].custom_code = "MyOp";
  d.ops[1].version = 7;
  std::vector<std::string> unsupported;
  const Status s = CreateInterpreter(d.Build(), &unsupported);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
  EXPECT_NE(
      s.message().find(
          "model uses 2 unsupported operators: op 0 (CUSTOM 'MyOp' v1): "
          "operator not supported by edgelite; op 1 (RESHAPE v7): version "
          "7 not supported (edgelite supports RESHAPE v1 to v1)"),
      std::string::npos)
      << s.message();
  ASSERT_EQ(unsupported.size(), 2u);
  EXPECT_NE(unsupported[0].find("op 0 (CUSTOM 'MyOp' v1)"), std::string::npos);
  EXPECT_NE(unsupported[1].find("op 1 (RESHAPE v7)"), std::string::npos);
}

// --- Tensor types edgelite does not hold.

TEST(Malformed, UnsupportedTensorTypeFloat64) {
  Draft d = mf::FloatReshape();
  d.tensors[2].type_code_override = 10;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kUnsupported,
                        "tensor 2 'y': element type FLOAT64 is not supported"));
}

TEST(Malformed, UnsupportedTensorTypeString) {
  Draft d = mf::FloatReshape();
  d.tensors[0].type_code_override = 5;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kUnsupported,
                        "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): element "
                        "type STRING is not supported"));
}

TEST(Malformed, UnknownTensorTypeCode) {
  Draft d = mf::FloatReshape();
  d.tensors[0].type_code_override = 127;
  EXPECT_TRUE(ViewFails(d.Build(), StatusCode::kUnsupported,
                        "(tensor 0 'x'): element type UNKNOWN_TYPE"));
}

// --- Alignment the verifier does not check.

TEST(Malformed, MisalignedZeroPointVector) {
  // Found by the mutation test (hello_world_int8, one byte changed): int64
  // zero points 4 bytes off an 8-byte boundary were read as misaligned loads.
  mf::Patcher p(Hello());
  p.WriteField(p.tensor(6)->quantization(),
               tfl::QuantizationParameters::VT_ZERO_POINT, uint32_t{16});
  EXPECT_TRUE(ViewFails(p.bytes(), StatusCode::kInvalidModel,
                        "op 0 (FULLY_CONNECTED v4): input 1 (tensor 6 "
                        "'sequential/dense/MatMul'): quantization zero_point "
                        "vector is not 8-byte aligned in the file"));
}

// --- Amplification: small files that point many tables at one vector, or
// hold very many tensors, are refused quickly instead of costing n² time.

double MillisecondsToLoad(const std::vector<uint8_t>& bytes, Status* status) {
  const auto t0 = std::chrono::steady_clock::now();
  *status = mf::LoadAndRun(bytes);
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - t0)
      .count();
}

TEST(Malformed, TensorsSharingOneQuantizationVector) {
  // 20000 tensors × 20000 scales from a 320 KB file: 4.8 GB if copied.
  const std::vector<uint8_t> b = mf::SharedQuantizationModel(20000);
  Status s;
  const double ms = MillisecondsToLoad(b, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find(StrFormat(
                ": quantization: the model refers to more data than its "
                "%zu-byte file holds (tables share FlatBuffers vectors or "
                "tables); refusing it",
                b.size())),
            std::string::npos)
      << s.message();
  EXPECT_LT(ms, 1000.0);
}

TEST(Malformed, OperatorsSharingOneInputList) {
  const std::vector<uint8_t> b = mf::SharedOperatorModel(20000);
  Status s;
  const double ms = MillisecondsToLoad(b, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("op 0 (RESHAPE v1): the model refers to more data "
                             "than its"),
            std::string::npos)
      << s.message();
  EXPECT_LT(ms, 1000.0);
}

TEST(Malformed, HonestModelsStayWithinTheReferenceBudget) {
  // Every byte the parser charges is a distinct byte of an honest file.
  for (const char* name : {"hello_world_int8.tflite", "person_detect.tflite",
                           "mobilenet_v1_0.25_224_quant.tflite",
                           "mobilenet_v1_0.25_224_1_default_1.tflite"}) {
    std::shared_ptr<const ModelView> model;
    const Status s = testing::LoadModelFile(
        testing::SourcePath(std::string("tests/data/models/") + name), &model);
    EXPECT_TRUE(s.ok()) << name << ": " << s.message();
  }
  EXPECT_TRUE(mf::LoadAndRun(mf::ReshapeChainModel(100, true)).ok());
}

TEST(Malformed, TooManyTensors) {
  EXPECT_TRUE(ViewFails(mf::ManyTensorsModel(40000),
                        StatusCode::kResourceExhausted,
                        "model has 40000 tensors, more than the limit of 32768 "
                        "(LoadLimits::max_tensors)"));
}

TEST(Malformed, TooManyOperators) {
  const std::vector<uint8_t> b = mf::ReshapeChainModel(5, false);
  LoadLimits limits;
  limits.max_operators = 4;
  std::unique_ptr<ModelView> view;
  Status s =
      ModelView::Create(ByteSource::Copy(b.data(), b.size()), &view, limits);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find("model has 5 operators, more than the limit of 4 "
                             "(LoadLimits::max_operators)"),
            std::string::npos)
      << s.message();
  limits.max_operators = 5;
  limits.max_tensors = 6;
  s = ModelView::Create(ByteSource::Copy(b.data(), b.size()), &view, limits);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find("model has 7 tensors, more than the limit of 6"),
            std::string::npos)
      << s.message();
  limits.max_tensors = 7;
  s = ModelView::Create(ByteSource::Copy(b.data(), b.size()), &view, limits);
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST(Malformed, LongChainsLoad) {
  // 24000 tensors that all live to the end (each is a model output) and a
  // 24000-op chain: both load. Planning cost is checked by counting in
  // ArenaPlanner.LongChainsVisitEachPairAtMostOnce (tests/unit), not by
  // timing here; the time is printed for information.
  for (bool all_outputs : {true, false}) {
    Status s;
    const double ms =
        MillisecondsToLoad(mf::ReshapeChainModel(24000, all_outputs), &s);
    EXPECT_TRUE(s.ok()) << s.message();
    std::printf("[ chain ] 24000 ops%s: %.0f ms\n",
                all_outputs ? ", every tensor an output" : "", ms);
  }
}

// --- Shapes from the caller get the same care as shapes from the file.

TEST(Malformed, ResizeInputToAnOverflowingShape) {
  Draft d = mf::FloatReshape();
  d.tensors[0].shape = {1, 1, 1, 6};
  d.tensors[0].shape_signature = {-1, -1, -1, 6};
  d.tensors[1].data = testing::Bytes(std::vector<int32_t>{-1});
  d.tensors[2].shape_signature = {-1};
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(d.Build(), &interp).ok());
  // 65536³ × 6 elements: the product overflows int64 before any check.
  Status s = interp->ResizeInput(0, Shape({65536, 65536, 65536, 6}));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("input 0 'x': shape [65536, 65536, 65536, 6] has "
                             "more than 2147483648 elements"),
            std::string::npos)
      << s.message();
  s = interp->ResizeInput(0, Shape({2147483647, 2147483647, 2147483647, 6}));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(interp->ResizeInput(0, Shape({2, 3, 4, 6})).ok());
  ASSERT_TRUE(interp->AllocateTensors().ok());
  EXPECT_EQ(interp->output(0)->shape, Shape({144}));
  EXPECT_TRUE(interp->Invoke().ok());
}

// --- Names from the file are printed safely.

TEST(Malformed, ControlCharactersInNamesAreReplaced) {
  Draft d = mf::FloatReshape();
  d.tensors[0].name = std::string("a\nb\x1b[31mc", 9);
  d.tensors[0].shape = {-1};
  EXPECT_TRUE(
      ViewFails(d.Build(), StatusCode::kInvalidModel, "tensor 0 'a?b?[31mc'"));
}

}  // namespace
}  // namespace edgelite
