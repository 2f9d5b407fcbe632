// CSV in and out (tabular.hpp). RFC 4180 with the leniencies real spreadsheet exports need.
#include <cstdint>

#include "platform/tabular/table_builder.hpp"
#include "platform/tabular/tabular.hpp"

namespace tongban::tabular {
namespace {

using internal::BadFile;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no
// surrogates, nothing past U+10FFFF), or npos.
std::size_t FirstInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t min = 0, cp = 0;
    if ((c & 0xE0) == 0xC0)
      len = 2, min = 0x80, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0)
      len = 3, min = 0x800, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0)
      len = 4, min = 0x10000, cp = c & 0x07;
    else
      return i;
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

int LineAt(std::string_view s, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
  return line;
}

bool NeedsQuotes(const std::string& cell) {
  if (cell.empty()) return false;
  if (cell.front() == ' ' || cell.back() == ' ') return true;
  return cell.find_first_of(",\"\r\n") != std::string::npos;
}

}  // namespace

Table ReadCsv(std::string_view bytes) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  if (const auto bad = FirstInvalidUtf8(bytes); bad != std::string_view::npos)
    throw BadFile("不是 UTF-8 编码（可能是 GBK/GB18030）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                  "the text is not UTF-8 (perhaps GBK/GB18030); save it as \"CSV UTF-8 (comma delimited)\"",
                  LineAt(bytes, bad));
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
    throw BadFile("含有 NUL 字节，不是文本文件", "it holds a NUL byte; not a text file", LineAt(bytes, nul));

  internal::TableBuilder builder;
  std::vector<std::string> record;
  std::string field;
  int line = 1;              // the physical line at the read position
  int record_line = 1;       // where the current record started
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // a quoted field just closed: only , or a line end may follow
  bool any = false;          // the current record has begun (so an empty last line adds nothing)

  auto end_field = [&] {
    builder.CheckCell(field, record_line);
    if (record.size() >= kMaxColumns && !field.empty())
      throw BadFile("超过 " + std::to_string(kMaxColumns) + " 列",
                    "more than " + std::to_string(kMaxColumns) + " columns", record_line);
    // Guards memory against a line of a million commas; empty trailing cells are dropped anyway.
    if (record.size() < kMaxColumns * 4 || !field.empty()) record.push_back(std::move(field));
    field.clear();
    after_quote = false;
  };
  auto end_record = [&] {
    end_field();
    builder.AddRow(record_line, std::move(record));
    record.clear();
    any = false;
  };

  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    const bool line_break = c == '\n' || c == '\r';
    const std::size_t break_len = (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else if (line_break) {
        field.append(bytes.substr(i, break_len));
        i += break_len - 1;
        ++line;
      } else {
        field += c;
      }
      continue;
    }
    if (c == ',') {
      end_field();
      any = true;
    } else if (line_break) {
      if (any || !field.empty() || after_quote)
        end_record();
      else
        builder.AddRow(record_line, {});  // a blank line
      i += break_len - 1;
      ++line;
      record_line = line;
    } else if (after_quote) {
      throw BadFile("引号结束后还有其他字符（字段内的引号应写成两个 \"\"）",
                    "text follows a closing quote (a quote inside a field is written \"\")", line);
    } else if (c == '"' && field.empty()) {
      quoted = true;
      any = true;
    } else {
      field += c;
      any = true;
    }
  }
  if (quoted) throw BadFile("引号没有闭合", "a quoted field is not closed", record_line);
  if (any || !field.empty() || after_quote) end_record();
  return std::move(builder).Finish();
}

std::string WriteCsv(const Table& table) {
  std::string out(kBom);
  auto write_row = [&out](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      // A leading ' keeps spreadsheets from running a cell as a formula (CSV injection). Built by
      // appending: GCC 12 warns falsely on string::insert here.
      const std::string& text = row[i];
      std::string cell;
      if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '@')) cell += '\'';
      cell += text;
      if (!NeedsQuotes(cell)) {
        out += cell;
        continue;
      }
      out += '"';
      for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  };
  write_row(table.header);
  for (const auto& row : table.rows) write_row(row);
  return out;
}

}  // namespace tongban::tabular
