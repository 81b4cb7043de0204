// The names of the trace's entries and of the parameters (docs/scenario.md, "Trace"), built in one
// place so that grep finds every use: keys::dW(2) is "dW2". The page builds the same names in
// web/core/trace-keys.js; docs/web.md ("Trace keys") lists them all.
#pragma once

#include <cstddef>
#include <string>

namespace backprop::keys {

// MLP: layers are numbered as in the lesson, 1…L (0 is the input x).
inline std::string numbered(const char* name, std::size_t l) { return name + std::to_string(l); }

inline std::string W(std::size_t l) { return numbered("W", l); }            // parameter, n_l × n_{l−1}
inline std::string b(std::size_t l) { return numbered("b", l); }            // parameter, n_l
inline std::string z(std::size_t l) { return numbered("z", l); }            // forward
inline std::string a(std::size_t l) { return numbered("a", l); }            // forward; a{L} is ŷ
inline std::string a_grad(std::size_t l) { return numbered("a_grad", l); }  // backward: ∂L/∂a⁽ˡ⁾
inline std::string fprime(std::size_t l) { return numbered("fprime", l); }  // backward: f′(z⁽ˡ⁾), not for softmax
inline std::string delta(std::size_t l) { return numbered("delta", l); }    // backward: δ⁽ˡ⁾
inline std::string dW(std::size_t l) { return numbered("dW", l); }          // backward: ∂L/∂W⁽ˡ⁾
inline std::string db(std::size_t l) { return numbered("db", l); }          // backward: ∂L/∂b⁽ˡ⁾
// Batch normalization of a hidden layer (docs/scenario.md, "Batch normalization").
inline std::string gamma(std::size_t l) { return numbered("gamma", l); }              // parameter, n_l
inline std::string beta(std::size_t l) { return numbered("beta", l); }                // parameter, n_l
inline std::string running_mean(std::size_t l) { return numbered("running_mean", l); }  // buffer, n_l
inline std::string running_var(std::size_t l) { return numbered("running_var", l); }    // buffer, n_l
inline std::string mu(std::size_t l) { return numbered("mu", l); }        // forward: μ_B, n_l
inline std::string var(std::size_t l) { return numbered("var", l); }      // forward: σ²_B (biased), n_l
inline std::string xhat(std::size_t l) { return numbered("xhat", l); }    // forward: x̂
inline std::string y(std::size_t l) { return numbered("y", l); }          // forward: γ∘x̂ + β
inline std::string dy(std::size_t l) { return numbered("dy", l); }        // backward: ∂L/∂y
inline std::string dxhat(std::size_t l) { return numbered("dxhat", l); }  // backward: ∂L/∂x̂
inline std::string dgamma(std::size_t l) { return numbered("dgamma", l); }  // backward: ∂L/∂γ
inline std::string dbeta(std::size_t l) { return numbered("dbeta", l); }    // backward: ∂L/∂β
// Dropout after a hidden layer's activation.
inline std::string mask(std::size_t l) { return numbered("mask", l); }      // forward: m, 0/1
inline std::string a_drop(std::size_t l) { return numbered("a_drop", l); }  // forward: a ∘ m/(1 − p)
inline std::string a_drop_grad(std::size_t l) { return numbered("a_drop_grad", l); }  // backward: ∂L/∂a_drop

// RNN: the lesson's cell. Forward and backward entries are matrices over t = 1..T (one row each).
namespace rnn {
// Parameters (h0 is the state before t = 1: given or zeros, never trained).
inline constexpr const char* U = "U";
inline constexpr const char* V = "V";
inline constexpr const char* W = "W";
inline constexpr const char* b = "b";
inline constexpr const char* c = "c";
inline constexpr const char* h0 = "h0";
// Forward.
inline constexpr const char* r = "r";
inline constexpr const char* h = "h";
inline constexpr const char* s = "s";
inline constexpr const char* y = "y";
// Backward.
inline constexpr const char* y_grad = "y_grad";
inline constexpr const char* gprime = "gprime";  // not for softmax
inline constexpr const char* s_grad = "s_grad";
inline constexpr const char* h_grad_output = "h_grad_output";
inline constexpr const char* h_grad_next = "h_grad_next";
inline constexpr const char* h_grad = "h_grad";
inline constexpr const char* r_grad = "r_grad";
inline constexpr const char* fprime = "fprime";  // not for softmax
// Gradients: in `backward` (summed over time) and in each `time_steps` entry (step t's part).
inline constexpr const char* dU = "dU";
inline constexpr const char* dV = "dV";
inline constexpr const char* dW = "dW";
inline constexpr const char* db = "db";
inline constexpr const char* dc = "dc";
inline constexpr const char* dh0 = "dh0";  // backward only
// time_steps only: the running sums over T…t.
inline constexpr const char* dU_sum = "dU_sum";
inline constexpr const char* dV_sum = "dV_sum";
inline constexpr const char* dW_sum = "dW_sum";
inline constexpr const char* db_sum = "db_sum";
inline constexpr const char* dc_sum = "dc_sum";
}  // namespace rnn

}  // namespace backprop::keys
