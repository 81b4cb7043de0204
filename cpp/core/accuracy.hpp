// Classification accuracy as the labs count it: a row (a sample, or a time step with a target) is
// right when argmax ŷ = argmax y (the first maximum on ties); with one output unit, when
// ŷ ≥ 0.5 ⇔ y ≥ 0.5. Defined only when every target value is 0 or 1.
#pragma once

#include <vector>

#include "matrix.hpp"

namespace backprop {

// Whether every value of the rows with a target (all rows when has_target is empty) is 0 or 1.
bool binary_targets(const Matrix& targets, const std::vector<bool>& has_target = {});
bool row_right(const double* output, const double* target, Index cols);

// Right rows and rows with a target of one output/target pair, added to the counts.
void count_right(const Matrix& outputs, const Matrix& targets, const std::vector<bool>& has_target,
                 long long& right, long long& total);

}  // namespace backprop
