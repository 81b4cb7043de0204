// See allocation_counter.hpp.
#include "allocation_counter.hpp"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long long> allocation_count{0};
void count_one() { allocation_count.fetch_add(1, std::memory_order_relaxed); }
}  // namespace

long long backprop::test::allocations() { return allocation_count.load(std::memory_order_relaxed); }

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define BACKPROP_COUNT_MALLOC 1
bool backprop::test::counts_malloc() { return true; }
#else
bool backprop::test::counts_malloc() { return false; }
#endif

#if defined(BACKPROP_COUNT_MALLOC)
// Every malloc of the process (the core, Eigen, libstdc++, the benchmark library) lands here;
// glibc's own entry points do the work. operator new goes straight to them so as to count once.
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);

void* malloc(std::size_t n) {
  count_one();
  return __libc_malloc(n);
}
void* calloc(std::size_t count, std::size_t n) {
  count_one();
  return __libc_calloc(count, n);
}
void* realloc(void* p, std::size_t n) {
  count_one();
  return __libc_realloc(p, n);
}
void* aligned_alloc(std::size_t alignment, std::size_t n) {
  count_one();
  return __libc_memalign(alignment, n);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t n) {
  count_one();
  *out = __libc_memalign(alignment, n);
  return *out ? 0 : ENOMEM;
}
}
namespace {
void* raw_allocate(std::size_t n) { return __libc_malloc(n ? n : 1); }
void* raw_allocate_aligned(std::size_t n, std::size_t alignment) {
  return __libc_memalign(alignment, n ? n : 1);
}
}  // namespace
#else
namespace {
void* raw_allocate(std::size_t n) {
  count_one();
  return std::malloc(n ? n : 1);
}
void* raw_allocate_aligned(std::size_t n, std::size_t alignment) {
  count_one();
  return std::aligned_alloc(alignment, (n + alignment - 1) / alignment * alignment);
}
}  // namespace
#endif

namespace {
void* counted_new(std::size_t n) {
#if defined(BACKPROP_COUNT_MALLOC)
  count_one();
#endif
  if (void* p = raw_allocate(n)) return p;
  throw std::bad_alloc();
}
void* counted_new(std::size_t n, std::align_val_t alignment) {
#if defined(BACKPROP_COUNT_MALLOC)
  count_one();
#endif
  if (void* p = raw_allocate_aligned(n, static_cast<std::size_t>(alignment))) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return counted_new(n); }
void* operator new[](std::size_t n) { return counted_new(n); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_new(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_new(n, a); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try { return counted_new(n); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try { return counted_new(n); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

