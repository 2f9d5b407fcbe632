// Microbenchmarks for issue 5's "form validation µs" (bench/03_schema.sh runs them beside ajv):
// platform/schema validating a realistic 15-field application form (bench/schema_form.json, with
// our formats: credit code, citizen ID, division code, phone, and date, date-time, e-mail) against
// the filled-in form bench/schema_data.json, valid as a submission usually is, and with six
// mistakes (every violation collected and its two messages built). Compile time of the form too.
//
// Environment: TONGBAN_BENCH_FORM_DIR, the folder holding both files (default: bench).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "platform/schema/schema.hpp"
#include "platform/time/date.hpp"

namespace {

using nlohmann::json;
using tongban::schema::Schema;

struct Fixture {
  json form, valid, invalid;
  bool ok = false;
};

const Fixture& Load() {
  static const Fixture fixture = [] {
    Fixture f;
    const char* dir = std::getenv("TONGBAN_BENCH_FORM_DIR");
    const std::string base = dir && *dir ? dir : "bench";
    std::ifstream form(base + "/schema_form.json"), data(base + "/schema_data.json");
    if (!form || !data) return f;
    f.form = json::parse(form);
    f.valid = json::parse(data);
    f.invalid = f.valid;
    f.invalid["phone"] = "12345";
    f.invalid["credit_code"] = "91350100M000100Y44";
    f.invalid["employees"] = -1;
    f.invalid["materials"][1]["copies"] = 0;
    f.invalid["applied_at"] = "2026-03-02 9:30";
    f.invalid["remark"] = "not in the form";
    f.ok = true;
    return f;
  }();
  return fixture;
}

// A fixed "today", so the citizen-ID check does the same work in every run.
const tongban::time::Date kToday = *tongban::time::Date::Parse("2026-03-02");

void BM_SchemaValidate(benchmark::State& state, bool valid) {
  const Fixture& f = Load();
  if (!f.ok) return state.SkipWithError("bench/schema_form.json or schema_data.json not found");
  const Schema schema = Schema::Compile(f.form);
  const json& data = valid ? f.valid : f.invalid;
  std::size_t violations = 0;
  for (auto _ : state) {
    auto v = schema.Validate(data, kToday);
    violations = v.size();
    benchmark::DoNotOptimize(v);
  }
  if ((violations == 0) != valid) return state.SkipWithError("the fixture does not give the expected answer");
  state.SetLabel(std::to_string(violations) + " violations");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_SchemaValidate, valid, true);
BENCHMARK_CAPTURE(BM_SchemaValidate, invalid, false);

void BM_SchemaCompile(benchmark::State& state) {
  const Fixture& f = Load();
  if (!f.ok) return state.SkipWithError("bench/schema_form.json not found");
  for (auto _ : state) benchmark::DoNotOptimize(Schema::Compile(f.form));
}
BENCHMARK(BM_SchemaCompile);

}  // namespace
