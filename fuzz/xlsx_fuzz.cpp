// XLSX uploads (a zip of XML parts): ReadXlsx never crashes, never allocates past its limits, and
// refuses only with tabular.bad_file.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/errors/error.hpp"
#include "platform/tabular/tabular.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tongban;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const auto table = tabular::ReadXlsx(input);
    if (table.rows.size() != table.lines.size() || table.rows.size() > tabular::kMaxRows ||
        table.header.size() > tabular::kMaxColumns)
      std::abort();
  } catch (const Error& e) {
    if (e.code() != "tabular.bad_file" || e.status() != 422) std::abort();
  }
  return 0;
}
