// Runs the official JSON Schema test suite (Debian's json-schema-test-suite) for draft-07 against
// platform/schema, and prints the counts in GoogleTest's summary lines so scripts/test.sh reads
// them. Usage: tongban_schema_suite [DIR] (default /usr/share/json-schema-test-suite/tests/draft7).
//
// Every file of the draft-07 directory runs; so do the optional files of what the validator
// supports (the formats date, date-time and email; big and float-typed integers). The other
// optional files are listed as skipped, each with its reason (docs/json-schema.md says the same).
// Remote references (http://localhost:1234/...) are read from the suite's remotes/ folder, as
// its README asks. Exits 1 when any test fails, 2 when the suite cannot be read.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/errors/error.hpp"
#include "platform/schema/schema.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Optional files that run: what forms need, and what any JSON Schema validator should get right.
const std::vector<std::string> kOptionalRun = {
    "optional/bignum.json", "optional/zeroTerminatedFloats.json", "optional/format/date.json",
    "optional/format/date-time.json", "optional/format/email.json",
};

std::string SkipReason(const std::string& name) {
  if (name == "optional/content.json")
    return "contentMediaType and contentEncoding are annotations in draft-07; content is not decoded";
  if (name == "optional/ecmascript-regex.json") return "format \"regex\" is not supported";
  if (name.rfind("optional/format/", 0) == 0)
    return "format \"" + fs::path(name).stem().string() +
           "\" is not one a form uses; Compile refuses it as an unknown format";
  return "optional file not reviewed yet";
}

std::optional<json> ReadJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  try {
    return json::parse(in);
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

struct FileResult {
  std::string name;
  int passed = 0, failed = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const fs::path dir = argc > 1 ? argv[1] : "/usr/share/json-schema-test-suite/tests/draft7";
  const fs::path remotes = dir.parent_path().parent_path() / "remotes";
  if (!fs::is_directory(dir)) {
    std::fprintf(stderr, "schema-suite: %s is not a directory (install json-schema-test-suite)\n", dir.c_str());
    return 2;
  }

  // The suite's remote documents are served at http://localhost:1234/ in its own harnesses.
  tongban::schema::CompileOptions options;
  options.load_document = [&remotes](const std::string& uri) -> std::optional<json> {
    const std::string prefix = "http://localhost:1234/";
    if (uri.rfind(prefix, 0) != 0) return std::nullopt;
    return ReadJson(remotes / uri.substr(prefix.size()));
  };

  std::vector<std::string> run, skipped;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const std::string name = fs::relative(entry.path(), dir).string();
    const bool optional = name.rfind("optional/", 0) == 0;
    if (!optional || std::find(kOptionalRun.begin(), kOptionalRun.end(), name) != kOptionalRun.end()) {
      run.push_back(name);
    } else {
      skipped.push_back(name);
    }
  }
  std::sort(run.begin(), run.end());
  std::sort(skipped.begin(), skipped.end());

  std::vector<FileResult> results;
  std::vector<std::string> failures;
  int required_total = 0;
  std::printf("[==========] JSON Schema test suite, draft-07, from %s\n", dir.c_str());
  for (const auto& name : run) {
    FileResult r{name};
    const auto groups = ReadJson(dir / name);
    if (!groups || !groups->is_array()) {
      std::printf("[  FAILED  ] %s: cannot be read\n", name.c_str());
      failures.push_back(name + ": cannot be read");
      ++r.failed;
      results.push_back(r);
      continue;
    }
    for (const auto& group : *groups) {
      const std::string description = group.value("description", "");
      std::optional<tongban::schema::Schema> schema;
      std::string compile_error;
      try {
        schema = tongban::schema::Schema::Compile(group.at("schema"), options);
      } catch (const tongban::Error& e) {
        compile_error = e.message_en();
      }
      for (const auto& test : group.at("tests")) {
        const bool expected = test.at("valid").get<bool>();
        std::string why;
        if (!schema) {
          why = "schema did not compile: " + compile_error;
        } else {
          const auto violations = schema->Validate(test.at("data"));
          const bool valid = violations.empty();
          // The fast path must agree with the full one.
          if (schema->IsValid(test.at("data")) != valid) why = "IsValid disagrees with Validate";
          else if (valid != expected)
            why = expected ? "expected valid, got: " + violations.front().en : "expected invalid, got valid";
        }
        if (why.empty()) {
          ++r.passed;
        } else {
          ++r.failed;
          failures.push_back(name + ": " + description + " / " + test.value("description", "") + " — " + why);
        }
      }
    }
    if (name.rfind("optional/", 0) != 0) required_total += r.passed + r.failed;
    std::printf("[ %s ] %-40s %3d passed, %d failed\n", r.failed ? " FAILED " : "     OK ", name.c_str(),
                r.passed, r.failed);
    results.push_back(r);
  }

  int passed = 0, failed = 0;
  for (const auto& r : results) passed += r.passed, failed += r.failed;
  std::printf("[----------] %d required tests in %zu draft-07 files, %d optional tests run\n", required_total,
              std::count_if(run.begin(), run.end(), [](const auto& n) { return n.rfind("optional/", 0) != 0; }),
              passed + failed - required_total);
  std::printf("[----------] %zu optional files skipped:\n", skipped.size());
  for (const auto& name : skipped) std::printf("[ SKIPPED  ] %s: %s\n", name.c_str(), SkipReason(name).c_str());
  std::printf("[==========] %d tests from %zu files ran.\n", passed + failed, run.size());
  std::printf("[  PASSED  ] %d tests.\n", passed);
  if (failed) {
    std::printf("[  FAILED  ] %d tests, listed below:\n", failed);
    for (const auto& f : failures) std::printf("[  FAILED  ] %s\n", f.c_str());
    return 1;
  }
  return 0;
}
