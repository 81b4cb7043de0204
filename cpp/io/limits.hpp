// What a scenario may ask for. Anything beyond is refused with a message, never attempted:
// the page and the CLI must stay responsive whatever a student or a file says.
#pragma once

#include <cstddef>

namespace backprop::limits {

inline constexpr std::size_t max_text_bytes = 64u << 20;  // 64 MiB of JSON
inline constexpr int max_nesting = 64;                    // JSON depth
inline constexpr int max_units = 4096;                    // per layer, and RNN sizes
inline constexpr int max_weight_layers = 32;
inline constexpr double max_parameters = 4e6;
inline constexpr double max_samples = 1e5;                // MLP rows or RNN sequences
inline constexpr double max_sequence_length = 1e4;
inline constexpr double max_data_values = 2e7;
inline constexpr long long max_steps = 10'000'000;
inline constexpr double max_work = 2e10;                  // steps × parameters × rows per step
inline constexpr double max_trace_values = 2e7;           // a trace's numbers, RNN time steps included
inline constexpr double max_gradcheck_work = 2e10;        // parameters² × rows
inline constexpr double max_seed = 9007199254740991.0;    // 2⁵³ − 1, exact in JavaScript too

}  // namespace backprop::limits
