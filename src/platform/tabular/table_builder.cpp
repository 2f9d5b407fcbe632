#include "platform/tabular/table_builder.hpp"

#include <fmt/format.h>

namespace tongban::tabular::internal {

Error BadFile(const std::string& zh, const std::string& en, int line) {
  if (line <= 0)
    return Error::Unprocessable("tabular.bad_file", "文件无法读取：" + zh, "The file cannot be read: " + en);
  Error e = Error::Unprocessable("tabular.bad_file", fmt::format("文件无法读取：第 {} 行，{}", line, zh),
                                 fmt::format("The file cannot be read: line {}: {}", line, en));
  e.WithDetails({{"line", line}});
  return e;
}

std::size_t Utf8Chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

void TableBuilder::CheckCell(std::string_view cell, int line) {
  // Bytes first: a cell can only have kMaxCellChars characters if it has at most 4x as many bytes,
  // so the character count never runs over a huge string.
  if (cell.size() > kMaxCellChars * 4 || Utf8Chars(cell) > kMaxCellChars)
    throw BadFile(fmt::format("单元格超过 {} 个字符", kMaxCellChars),
                  fmt::format("a cell is longer than {} characters", kMaxCellChars), line);
  total_bytes_ += cell.size();
  if (total_bytes_ > kMaxTotalBytes)
    throw BadFile(fmt::format("单元格文字合计超过 {} MB", kMaxTotalBytes >> 20),
                  fmt::format("the cells hold more than {} MB of text", kMaxTotalBytes >> 20), line);
}

void TableBuilder::AddRow(int line, std::vector<std::string> cells) {
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.empty()) return;
  if (cells.size() > kMaxColumns)
    throw BadFile(fmt::format("超过 {} 列", kMaxColumns), fmt::format("more than {} columns", kMaxColumns), line);
  if (!have_header_) {
    have_header_ = true;
    table_.header = std::move(cells);
    table_.header_line = line;
    return;
  }
  if (table_.rows.size() >= kMaxRows)
    throw BadFile(fmt::format("数据超过 {} 行，请分批导入", kMaxRows),
                  fmt::format("more than {} data rows; import in parts", kMaxRows), line);
  table_.rows.push_back(std::move(cells));
  table_.lines.push_back(line);
}

Table TableBuilder::Finish() && {
  for (auto& row : table_.rows)
    if (row.size() < table_.header.size()) row.resize(table_.header.size());
  return std::move(table_);
}

}  // namespace tongban::tabular::internal
