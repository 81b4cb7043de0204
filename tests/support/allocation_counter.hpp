// Counts heap allocations of the whole process: replacements of operator new and, under glibc
// (without a sanitizer, which brings its own malloc), of malloc and friends, since Eigen
// allocates with std::malloc. Linked into the test and benchmark binaries only.
#pragma once

namespace backprop::test {

// Allocations since the start of the process.
long long allocations();
// Whether malloc is counted too (not under a sanitizer): Eigen's allocations are seen only then.
bool counts_malloc();

}  // namespace backprop::test
