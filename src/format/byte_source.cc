#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "format/model_view.h"

namespace edgelite {
namespace {

class HeapBytes final : public ByteSource {
 public:
  HeapBytes(const uint8_t* data, size_t size) : size_(size) {
    // 16-byte alignment so weights can be read in place; +1 so a zero-size
    // copy still has a valid pointer.
    data_ = static_cast<uint8_t*>(
        std::aligned_alloc(16, (size + 16) & ~size_t{15}));
    if (data_ != nullptr && size > 0) std::memcpy(data_, data, size);
  }
  ~HeapBytes() override { std::free(data_); }
  const uint8_t* data() const override { return data_; }
  size_t size() const override { return data_ ? size_ : 0; }

 private:
  uint8_t* data_ = nullptr;
  size_t size_;
};

class BorrowedBytes final : public ByteSource {
 public:
  BorrowedBytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  const uint8_t* data() const override { return data_; }
  size_t size() const override { return size_; }

 private:
  const uint8_t* data_;
  size_t size_;
};

class MappedFile final : public ByteSource {
 public:
  MappedFile(void* addr, size_t size) : addr_(addr), size_(size) {}
  ~MappedFile() override { munmap(addr_, size_); }
  const uint8_t* data() const override {
    return static_cast<const uint8_t*>(addr_);
  }
  size_t size() const override { return size_; }

 private:
  void* addr_;
  size_t size_;
};

}  // namespace

Status ByteSource::FromFile(const std::string& path,
                            std::shared_ptr<const ByteSource>* out) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return IoError("cannot open '%s': %s", path.c_str(), std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    close(fd);
    return IoError("cannot stat '%s': %s", path.c_str(), std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return IoError("'%s' is not a regular file", path.c_str());
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    close(fd);
    return IoError("'%s' is empty", path.c_str());
  }
  void* addr = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (addr != MAP_FAILED) {
    close(fd);
    *out = std::make_shared<MappedFile>(addr, size);
    return Status::Ok();
  }
  // mmap can fail on some filesystems; read the file instead.
  std::unique_ptr<uint8_t[]> buf(new uint8_t[size]);
  size_t done = 0;
  while (done < size) {
    const ssize_t n = read(fd, buf.get() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      close(fd);
      return IoError("cannot read '%s': %s", path.c_str(),
                     n == 0 ? "unexpected end of file" : std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  close(fd);
  *out = Copy(buf.get(), size);
  return Status::Ok();
}

std::shared_ptr<const ByteSource> ByteSource::Copy(const uint8_t* data,
                                                   size_t size) {
  return std::make_shared<HeapBytes>(data, size);
}

std::shared_ptr<const ByteSource> ByteSource::Borrow(const uint8_t* data,
                                                     size_t size) {
  if (reinterpret_cast<uintptr_t>(data) % 16 != 0) return Copy(data, size);
  return std::make_shared<BorrowedBytes>(data, size);
}

}  // namespace edgelite
