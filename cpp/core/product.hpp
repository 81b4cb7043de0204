// dst = lhs · rhs (or dst += lhs · rhs), the passes' matrix products. A large product runs in
// blocks of dst's rows (or columns, when it has fewer rows than columns) and tells the deadline
// (deadline.hpp) of each block: numbers below 2.2e-308 can make one product of a size the cost
// model accepts take minutes. Blocks start at multiples of 48 rows (a multiple of every Eigen
// kernel's row panel), so each entry is summed in the same order as by one product.
#pragma once

#include <algorithm>

#include "deadline.hpp"
#include "matrix.hpp"

namespace backprop {

inline constexpr double ops_per_product_block = double(1 << 22);

namespace detail {
template <bool Add, class Dst, class Product>
void assign(Dst&& dst, const Product& product) {
  if constexpr (Add) dst.noalias() += product;
  else dst.noalias() = product;
}

// Rows (or columns) per block: as many as make ops_per_product_block, in multiples of 48.
inline Index block_size(double ops_per_line) {
  const Index lines = Index(ops_per_product_block / std::max(ops_per_line, 1.0));
  return std::max<Index>(48, lines / 48 * 48);
}

// The large products, block by block; kept out of line so that the small ones stay inlined.
template <bool Add, class Dst, class Lhs, class Rhs>
[[gnu::noinline]] void multiply_in_blocks(Dst&& dst, const Lhs& lhs, const Rhs& rhs) {
  const double depth = double(lhs.cols());
  if (dst.rows() >= dst.cols()) {
    const double ops_per_row = 2.0 * depth * double(dst.cols());
    const Index block = block_size(ops_per_row);
    for (Index r = 0; r < dst.rows(); r += block) {
      const Index n = std::min(block, dst.rows() - r);
      assign<Add>(dst.middleRows(r, n), lhs.middleRows(r, n) * rhs);
      Deadline::count(ops_per_row * double(n));
    }
  } else {
    const double ops_per_column = 2.0 * depth * double(dst.rows());
    const Index block = block_size(ops_per_column);
    for (Index c = 0; c < dst.cols(); c += block) {
      const Index n = std::min(block, dst.cols() - c);
      assign<Add>(dst.middleCols(c, n), lhs * rhs.middleCols(c, n));
      Deadline::count(ops_per_column * double(n));
    }
  }
}
}  // namespace detail

template <bool Add = false, class Dst, class Lhs, class Rhs>
inline void multiply(Dst&& dst, const Lhs& lhs, const Rhs& rhs) {
  const double ops = 2.0 * double(lhs.cols()) * double(dst.rows()) * double(dst.cols());
  if (ops > ops_per_product_block) return detail::multiply_in_blocks<Add>(dst, lhs, rhs);
  detail::assign<Add>(dst, lhs * rhs);
  Deadline::count(ops);
}

}  // namespace backprop
