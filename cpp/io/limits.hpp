// What a scenario may ask for. Anything beyond is refused with a message, never attempted:
// the page and the CLI must stay responsive whatever a student or a file says.
#pragma once

#include <cstddef>

namespace backprop::limits {

inline constexpr std::size_t max_text_bytes = 64u << 20;  // 64 MiB of JSON
inline constexpr int max_nesting = 64;                    // JSON depth
inline constexpr double max_json_objects = 1e6;           // {…} in a document (each costs a map)
inline constexpr double max_json_lists = 4e6;             // […] in a document (rows are lists)
inline constexpr int max_units = 4096;                    // per layer, and RNN sizes
inline constexpr int max_weight_layers = 32;
inline constexpr double max_parameters = 4e6;
inline constexpr double max_samples = 1e5;                // MLP rows or RNN sequences
inline constexpr double max_sequence_length = 1e4;
inline constexpr double max_data_values = 2e7;
inline constexpr long long max_steps = 10'000'000;
// The cost model (work.cpp, docs/scenario.md "Limits"): every verb, and every Trainer call, is
// estimated before it starts and refused above one of these. Chosen so that an accepted request
// runs in about 10 s and 1 GB at most on a 2-core machine (measurements in docs/scenario.md).
inline constexpr double max_work = 2e9;               // operations (≈ parameters × rows of each pass)
inline constexpr double max_memory_bytes = 8e8;       // estimated memory of the data, tapes and output
inline constexpr double max_recorded_losses = 1e6;    // train: steps / record_every entries of losses
inline constexpr double max_output_values = 1e7;      // numbers a result holds (a trace's, train's, …)
inline constexpr double max_seed = 9007199254740991.0;    // 2⁵³ − 1, exact in JavaScript too

}  // namespace backprop::limits
