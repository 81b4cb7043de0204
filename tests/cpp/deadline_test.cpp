// The time budget (deadline.hpp) and the products that report to it (product.hpp). No test
// waits for the clock: a deadline already passed, or one far away.
#include <gtest/gtest.h>

#include <functional>

#include "command.hpp"
#include "deadline.hpp"
#include "error.hpp"
#include "product.hpp"
#include "test_support.hpp"

namespace backprop {
namespace {

using test::json;

void expect_too_slow(const std::function<void()>& work, const std::string& field) {
  try {
    work();
    ADD_FAILURE() << "not refused";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), field);
    EXPECT_EQ(e.reason(), Reason::too_slow);
  }
}

TEST(Deadline, APassedOneRefusesWithItsFieldAndProgress) {
  try {
    Deadline("train.steps", -1).check("train.steps", 51);
    ADD_FAILURE() << "not refused";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), "train.steps");
    EXPECT_EQ(e.reason(), Reason::too_slow);
    EXPECT_NE(std::string(e.what()).find("51 steps"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(Deadline("train.steps", 1e9).check("train.steps", 0));
}

// One product stops between its blocks, blaming the field of the active deadline.
TEST(Deadline, ProductsReportTheirWorkToTheActiveDeadline) {
  const Matrix a = Matrix::Random(480, 256), b = Matrix::Random(256, 256);
  Matrix c(480, 256);
  expect_too_slow(
      [&] {
        const Deadline passed("data", -1);
        multiply(c, a, b);
      },
      "data");
  // Without an active deadline nothing is timed, and an inner one shares the outer's end.
  EXPECT_NO_THROW(multiply(c, a, b));
  expect_too_slow(
      [&] {
        const Deadline outer("train.steps", -1);
        const Deadline inner("iteration", 1e9);
        inner.check("iteration", 3);
      },
      "iteration");
}

// Blocks start at multiples of 48 rows or columns, so the result is the one product's, bit for bit.
TEST(Deadline, ABlockedProductEqualsOneProductExactly) {
  struct Shape {
    Index m, k, n;
  };
  for (const Shape s : {Shape{500, 200, 300}, Shape{100, 300, 2000}, Shape{1, 3000, 2000}, Shape{2000, 3000, 1}}) {
    const Matrix a = Matrix::Random(s.m, s.k), b = Matrix::Random(s.k, s.n), start = Matrix::Random(s.m, s.n);
    Matrix once(s.m, s.n), blocked(s.m, s.n);
    once.noalias() = a * b;
    multiply(blocked, a, b);
    EXPECT_TRUE(once == blocked) << s.m << "×" << s.k << "×" << s.n;
    once = start;
    blocked = start;
    const Matrix bt = b.transpose();  // as the passes use W: a transposed view
    once.noalias() += a * bt.transpose();
    multiply<true>(blocked, a, bt.transpose());
    EXPECT_TRUE(once == blocked) << "+= " << s.m << "×" << s.k << "×" << s.n;
  }
}

// A request's passes are bounded even where no loop checks the time: predict is one forward pass.
TEST(Deadline, ARequestStopsInsideASinglePass) {
  json s = {{"model", {{"kind", "mlp"}, {"layers", {256, 256, 1}}, {"activations", {"tanh", "linear"}}}},
            {"data", {{"inputs", json::array()}, {"targets", json::array()}}}};
  for (int i = 0; i < 200; ++i) {
    s["data"]["inputs"].push_back(std::vector<double>(256, 1e-308));
    s["data"]["targets"].push_back({0.0});
  }
  const Deadline passed("data", -1);
  const CommandResult r = run_command("predict", s.dump());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.reason, "too_slow");
  EXPECT_EQ(r.field, "data");
}

}  // namespace
}  // namespace backprop
