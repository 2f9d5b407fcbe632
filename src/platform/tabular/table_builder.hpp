#pragma once
// Internal to platform/tabular: what the CSV and XLSX readers share. The error every malformed file
// ends in, and the assembly of rows into a Table with the limits of tabular.hpp enforced as rows
// arrive, so a hostile file is refused before it is held in memory.
#include <string>
#include <string_view>
#include <vector>

#include "platform/errors/error.hpp"
#include "platform/tabular/tabular.hpp"

namespace tongban::tabular::internal {

// Error 422 tabular.bad_file; `line` > 0 is named in the messages and put in details.line.
Error BadFile(const std::string& zh, const std::string& en, int line = 0);

// Number of UTF-8 characters (lead bytes) in `text`.
std::size_t Utf8Chars(std::string_view text);

class TableBuilder {
 public:
  // Checks a cell as it is read (its length, and the running total of cell text); `line` names it.
  void CheckCell(std::string_view cell, int line);
  // Adds one row as read from line `line`. Rows whose cells are all empty are skipped; the first
  // other row is the header. Throws BadFile past kMaxColumns non-empty columns or kMaxRows rows.
  void AddRow(int line, std::vector<std::string> cells);
  // The table, every row padded to the header's width.
  Table Finish() &&;

 private:
  Table table_;
  bool have_header_ = false;
  std::size_t total_bytes_ = 0;
};

}  // namespace tongban::tabular::internal
