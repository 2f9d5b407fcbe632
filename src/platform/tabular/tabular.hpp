#pragma once
// Tables in and out of spreadsheets, for imports and exports: CSV (RFC 4180) and XLSX (the first
// worksheet). Knows no domain word; every cell is text.
//
// Reading is for files people upload, so it is defensive: malformed or hostile input throws
// tongban::Error 422 `tabular.bad_file` with a message in Chinese and English (and
// details.line when a line is known), never crashes, never allocates without bound. Limits:
//   - at most kMaxPartBytes (20 MB) uncompressed per XLSX part (worksheet, shared strings, ...),
//     checked while inflating, so a zip bomb stops at the limit;
//   - at most kMaxRows (50,000) data rows and kMaxColumns (100) columns;
//   - at most kMaxCellChars (32,767, Excel's own limit) characters per cell and kMaxTotalBytes
//     (64 MB) of cell text in all, so a long shared string referenced from every cell is refused;
//   - XLSX: no DTDs (no entity expansion at all), at most kMaxSharedStrings shared strings.
// The header is the first row that has a non-empty cell; rows whose cells are all empty are
// skipped (spreadsheets keep formatted empty rows) but line numbers still count them. Each data row
// is padded with "" to the header's width; cells beyond it are kept only when not empty.
//
// Pure functions, thread-safe (WriteXlsx uses a private temporary file).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tongban::tabular {

inline constexpr std::size_t kMaxPartBytes = 20u * 1024 * 1024;
inline constexpr std::size_t kMaxRows = 50'000;
inline constexpr std::size_t kMaxColumns = 100;
inline constexpr std::size_t kMaxCellChars = 32'767;
inline constexpr std::size_t kMaxTotalBytes = 64u * 1024 * 1024;
inline constexpr std::size_t kMaxSharedStrings = 1'000'000;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // lines[i] is the 1-based number the user sees for rows[i]: the CSV line where the record
  // starts (quoted newlines count), or the spreadsheet's row number. The header's is header_line.
  std::vector<int> lines;
  int header_line = 1;
};

// RFC 4180 CSV in UTF-8: a BOM is stripped; CRLF, LF or CR line ends; quoted fields with "" and
// line breaks inside. A '"' inside an unquoted field is kept as text (Excel writes such files); text
// after a closing quote, or an unterminated quote, is refused naming the line. Bytes that are not
// UTF-8 (a GB18030 export from an old Excel) are refused with a hint to save as "CSV UTF-8"; so are
// NUL bytes. An empty file has no header and no rows.
Table ReadCsv(std::string_view bytes);

// The first worksheet (by the workbook's sheet order) of an .xlsx file. Shared strings (rich-text
// runs joined, phonetic runs dropped), inline strings, numbers (integral values without ".0":
// "370211", not "370211.0"), booleans (TRUE / FALSE), formula results as cached, error values as
// shown (#N/A). Cell references ("AA12") place cells; cells without one follow the previous.
// Dates are not converted: they read as Excel serial numbers.
Table ReadXlsx(std::string_view bytes);

// CSV with a UTF-8 BOM (so Excel opens Chinese text correctly) and CRLF line ends; fields with a
// comma, quote, line break or surrounding space are quoted. A cell starting with = + or @ gets a
// leading ' so a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV
// injection"); ReadCsv does not strip it.
std::string WriteCsv(const Table& table);

// An .xlsx file with one worksheet called `sheet_name` (cut to Excel's 31 characters; each of
// [ ] : * ? / and backslash replaced by _): a bold, frozen header row, every cell written as a
// string (codes keep their leading zeros), column widths fitted to the content (CJK counts double,
// 8 to 60 wide). Throws Error 422 tabular.bad_file when a cell is longer than kMaxCellChars, 500
// if writing fails.
std::string WriteXlsx(const std::string& sheet_name, const Table& table);

}  // namespace tongban::tabular
