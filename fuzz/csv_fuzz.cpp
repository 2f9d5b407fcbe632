// CSV uploads: ReadCsv never crashes and refuses only with tabular.bad_file; whatever it reads,
// WriteCsv writes back so that ReadCsv gives the same cells (cells WriteCsv marks as text with a
// leading ' are the one intended difference, so such tables are not compared).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/errors/error.hpp"
#include "platform/tabular/tabular.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tongban;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  tabular::Table table;
  try {
    table = tabular::ReadCsv(input);
  } catch (const Error& e) {
    if (e.code() != "tabular.bad_file" || e.status() != 422) std::abort();
    return 0;
  }
  if (table.rows.size() != table.lines.size()) std::abort();
  for (const auto& row : table.rows)
    for (const auto& cell : row)
      if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@')) return 0;
  for (const auto& cell : table.header)
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@')) return 0;
  const auto again = tabular::ReadCsv(tabular::WriteCsv(table));
  if (again.header != table.header || again.rows != table.rows) std::abort();
  return 0;
}
