// Matrix types shared by the whole core.
// Row-major, so that one sample (or one time step) is one contiguous row,
// and a matrix reads as the lesson's list of rows.
#pragma once

#include <Eigen/Core>

namespace backprop {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<double, 1, Eigen::Dynamic>;
using Index = Eigen::Index;

}  // namespace backprop
