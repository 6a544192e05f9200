// SHA-256 (FIPS 180-4), for provenance comments in generated files.
#ifndef EDGELITE_CLI_SHA256_H_
#define EDGELITE_CLI_SHA256_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace edgelite {
namespace cli {

// Lower-case hex digest of `size` bytes.
std::string Sha256Hex(const uint8_t* data, size_t size);

}  // namespace cli
}  // namespace edgelite

#endif  // EDGELITE_CLI_SHA256_H_
