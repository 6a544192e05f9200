// FlexMap (the custom-options reader of TFLite_Detection_PostProcess): reads
// what flatbuffers' own FlexBuffer builder writes, and refuses malformed or
// truncated buffers without reading out of bounds (every prefix and every
// single-byte corruption of a real buffer is tried; run under ASan to prove
// the bounds).
#include "ops/flexbuffer_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "flatbuffers/flexbuffers.h"

namespace edgelite {
namespace {

std::vector<uint8_t> Sample() {
  flexbuffers::Builder fbb;
  fbb.Map([&]() {
    fbb.Int("i8", -5);
    fbb.Int("i64", int64_t{1} << 40);
    fbb.UInt("u", 300);
    fbb.Float("f", 0.25f);
    fbb.Double("d", -1.5);
    fbb.Bool("b", true);
    fbb.IndirectFloat("if", 2.5f);
    fbb.IndirectInt("ii", -70000);
    fbb.String("s", "text");
    fbb.Null("n");
    fbb.Vector("v", [&]() { fbb.Int(1); });
  });
  fbb.Finish();
  return fbb.GetBuffer();
}

TEST(FlexMap, ReadsScalars) {
  const std::vector<uint8_t> buf = Sample();
  FlexMap map;
  std::string error;
  ASSERT_TRUE(map.Parse(buf.data(), buf.size(), &error)) << error;
  FlexMap::Value v;
  ASSERT_TRUE(map.Find("i8", &v, &error));
  EXPECT_EQ(v.kind, FlexMap::Kind::kInt);
  EXPECT_EQ(v.AsInt64(), -5);
  EXPECT_EQ(v.AsDouble(), -5.0);
  ASSERT_TRUE(map.Find("i64", &v, &error));
  EXPECT_EQ(v.AsInt64(), int64_t{1} << 40);
  ASSERT_TRUE(map.Find("u", &v, &error));
  EXPECT_EQ(v.kind, FlexMap::Kind::kUInt);
  EXPECT_EQ(v.AsInt64(), 300);
  ASSERT_TRUE(map.Find("f", &v, &error));
  EXPECT_EQ(v.kind, FlexMap::Kind::kFloat);
  EXPECT_EQ(v.AsDouble(), 0.25);
  ASSERT_TRUE(map.Find("d", &v, &error));
  EXPECT_EQ(v.AsDouble(), -1.5);
  EXPECT_EQ(v.AsInt64(), -1);  // truncation, as flexbuffers' AsInt64
  ASSERT_TRUE(map.Find("b", &v, &error));
  EXPECT_EQ(v.kind, FlexMap::Kind::kBool);
  EXPECT_TRUE(v.AsBool());
  ASSERT_TRUE(map.Find("if", &v, &error));
  EXPECT_EQ(v.AsDouble(), 2.5);
  ASSERT_TRUE(map.Find("ii", &v, &error));
  EXPECT_EQ(v.AsInt64(), -70000);
  // Null and absent keys read as missing.
  ASSERT_TRUE(map.Find("n", &v, &error));
  EXPECT_FALSE(v.present());
  ASSERT_TRUE(map.Find("nope", &v, &error));
  EXPECT_FALSE(v.present());
  // Non-scalars are refused with their kind.
  EXPECT_FALSE(map.Find("s", &v, &error));
  EXPECT_EQ(error, "the value of 's' is a string, not a number");
  EXPECT_FALSE(map.Find("v", &v, &error));
  EXPECT_EQ(error, "the value of 'v' is a vector, not a number");
}

TEST(FlexMap, RefusesNonMapRoots) {
  flexbuffers::Builder fbb;
  fbb.Vector([&]() { fbb.Int(1); });
  fbb.Finish();
  const std::vector<uint8_t> buf = fbb.GetBuffer();
  FlexMap map;
  std::string error;
  EXPECT_FALSE(map.Parse(buf.data(), buf.size(), &error));
  EXPECT_EQ(error, "the FlexBuffer root is not a map (type 10)");
  EXPECT_FALSE(map.Parse(nullptr, 0, &error));
  EXPECT_EQ(error, "a FlexBuffer needs at least 3 bytes, got 0");
  const uint8_t bad_width[] = {0, 9 << 2, 3};
  EXPECT_FALSE(map.Parse(bad_width, sizeof(bad_width), &error));
  EXPECT_EQ(error, "invalid FlexBuffer root width 3");
}

// Every prefix (the root moves, offsets dangle) and every single-byte change
// of a real buffer: Parse/Find may refuse, must not crash or read outside.
TEST(FlexMap, SurvivesTruncationAndCorruption) {
  const std::vector<uint8_t> buf = Sample();
  const char* keys[] = {"i8", "i64", "u", "f", "d", "b",
                        "if", "ii",  "s", "n", "v", "x"};
  auto probe = [&](const std::vector<uint8_t>& bytes) {
    // A copy of exactly this size, so ASan sees any over-read.
    std::vector<uint8_t> exact(bytes);
    FlexMap map;
    std::string error;
    if (!map.Parse(exact.data(), exact.size(), &error)) return;
    for (const char* k : keys) {
      FlexMap::Value v;
      (void)map.Find(k, &v, &error);
      (void)v.AsInt64();
      (void)v.AsDouble();
    }
  };
  for (size_t n = 0; n <= buf.size(); ++n) {
    probe(std::vector<uint8_t>(buf.begin(), buf.begin() + n));
  }
  for (size_t i = 0; i < buf.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> b = buf;
      b[i] ^= static_cast<uint8_t>(1 << bit);
      probe(b);
    }
    for (uint8_t value : {0x00, 0x7f, 0x80, 0xff}) {
      std::vector<uint8_t> b = buf;
      b[i] = value;
      probe(b);
    }
  }
}

}  // namespace
}  // namespace edgelite
