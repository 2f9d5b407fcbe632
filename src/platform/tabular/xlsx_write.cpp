// Writing an .xlsx file (tabular.hpp) with libxlsxwriter. Debian's 1.1.4 has no in-memory output,
// so the workbook goes to a private temporary file that is read back and removed.
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "platform/tabular/table_builder.hpp"
#include "platform/tabular/tabular.hpp"

namespace tongban::tabular {
namespace {

constexpr double kMinWidth = 8, kMaxWidth = 60;

// A file in the temporary directory that only this call knows, removed when done.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tongban-xlsx-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw Error::Internal("tabular.write_failed", "mkstemp failed");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Excel's rules for a sheet name: at most 31 characters, none of []:*?/\ and not empty.
std::string SheetName(const std::string& wanted) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
    const auto c = static_cast<unsigned char>(wanted[i]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    std::string ch = wanted.substr(i, len);
    if (ch.size() == 1 && (std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos || c < 0x20)) ch = "_";
    out += ch;
    ++chars;
    i += len;
  }
  if (out.empty() || out.front() == '\'' || out.back() == '\'') out = out.empty() ? "Sheet1" : "_" + out + "_";
  return out;
}

// Display width of the widest line: East Asian characters take two columns.
double DisplayWidth(const std::string& text) {
  double widest = 0, line = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      widest = std::max(widest, line);
      line = 0;
    } else if ((c & 0xC0) != 0x80) {
      line += c >= 0xE1 ? 2 : 1;  // lead bytes of U+1000 and above: CJK, full-width forms
    }
  }
  return std::max(widest, line);
}

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR)
    throw Error::Internal("tabular.write_failed", fmt::format("libxlsxwriter {}: {}", what, lxw_strerror(error)));
}

}  // namespace

std::string WriteXlsx(const std::string& sheet_name, const Table& table) {
  auto check_cell = [](const std::string& cell, std::size_t row) {
    if (internal::Utf8Chars(cell) > kMaxCellChars)
      throw internal::BadFile(fmt::format("单元格超过 {} 个字符，Excel 无法保存", kMaxCellChars),
                              fmt::format("a cell is longer than the {} characters Excel can hold", kMaxCellChars),
                              static_cast<int>(row) + 1);
  };
  const TempFile file;
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (!workbook) throw Error::Internal("tabular.write_failed", "workbook_new failed");
  // workbook_close frees the workbook whatever happens, so an exception must close it too.
  struct Closer {
    lxw_workbook* w;
    ~Closer() {
      if (w) workbook_close(w);
    }
  } closer{workbook};
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, SheetName(sheet_name).c_str());
  if (!sheet) throw Error::Internal("tabular.write_failed", "workbook_add_worksheet failed");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  std::vector<double> widths(table.header.size(), kMinWidth);
  auto write_row = [&](std::size_t row, const std::vector<std::string>& cells, lxw_format* format) {
    for (std::size_t col = 0; col < cells.size(); ++col) {
      if (cells[col].empty()) continue;
      check_cell(cells[col], row);
      lxw_format* f = format ? format : (cells[col].find('\n') != std::string::npos ? wrap : nullptr);
      Check(worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), cells[col].c_str(),
                                   f),
            "write_string");
      if (col >= widths.size()) widths.resize(col + 1, kMinWidth);
      widths[col] = std::max(widths[col], DisplayWidth(cells[col]) + 2);
    }
  };
  write_row(0, table.header, bold);
  for (std::size_t r = 0; r < table.rows.size(); ++r) write_row(r + 1, table.rows[r], nullptr);
  for (std::size_t col = 0; col < widths.size(); ++col)
    Check(worksheet_set_column(sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                               std::min(widths[col], kMaxWidth), nullptr),
          "set_column");
  worksheet_freeze_panes(sheet, 1, 0);
  closer.w = nullptr;
  Check(workbook_close(workbook), "close");

  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw Error::Internal("tabular.write_failed", "empty workbook file");
  return bytes;
}

}  // namespace tongban::tabular
