#pragma once
// A filled-in application form for a catalogue form schema, for the demo's cases: every required
// field (and most optional ones) with a plausible value that passes the schema and our formats.
// Covers what the demo catalogue's schemas use: objects with local $refs, strings with lengths,
// enums, our formats and the handful of patterns listed in sample_form.cpp; numbers with bounds;
// arrays of enums. A schema beyond that yields a form the validator refuses, and the demo leaves
// that item out.
#include <random>

#include <nlohmann/json.hpp>

namespace tongban::demo {

// `seed` varies names, numbers and picks between cases.
nlohmann::json SampleForm(const nlohmann::json& schema, std::mt19937& rng);

}  // namespace tongban::demo
