// Reading the first worksheet of an .xlsx file (tabular.hpp) with libzip and expat. Debian has no
// C++ XLSX reader (docs/architecture.md), so this stays small: the package's relationships to find
// the first sheet and the shared strings, then one SAX pass over each.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>

#include "platform/tabular/table_builder.hpp"
#include "platform/tabular/tabular.hpp"
#include "platform/tabular/xml_reader.hpp"
#include "platform/tabular/zip_archive.hpp"

namespace tongban::tabular {
namespace {

using internal::Attribute;
using internal::BadFile;
using internal::XmlAttribute;
using internal::ZipArchive;

constexpr int kMaxSheetRow = 1'048'576;  // Excel's last row

std::string ReadPart(const ZipArchive& zip, const std::string& name) {
  auto part = zip.Read(name, kMaxPartBytes);
  if (!part) throw BadFile("缺少 " + name + "，不是有效的 .xlsx 文件", name + " is missing; not a valid .xlsx file");
  return std::move(*part);
}

// ---- package relationships ---------------------------------------------------------------------

struct Relationship {
  std::string id, type, target;
};

class RelationshipsHandler : public internal::XmlHandler {
 public:
  std::vector<Relationship> found;
  void Start(std::string_view name, const std::vector<XmlAttribute>& a) override {
    if (name == "Relationship" && found.size() < 10'000)
      found.push_back(
          {std::string(Attribute(a, "Id")), std::string(Attribute(a, "Type")), std::string(Attribute(a, "Target"))});
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A relationship target resolved against the folder of the part that declares it ("xl/"):
// "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml", "/xl/x.xml" → "xl/x.xml".
std::string ResolveTarget(const std::string& base_dir, std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string dir = base_dir;
  while (target.substr(0, 2) == "./") target.remove_prefix(2);
  while (target.substr(0, 3) == "../") {
    target.remove_prefix(3);
    if (!dir.empty()) dir.pop_back();
    dir.erase(dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
  }
  return dir + std::string(target);
}

std::vector<Relationship> ReadRelationships(const ZipArchive& zip, const std::string& name) {
  RelationshipsHandler handler;
  if (auto part = zip.Read(name, kMaxPartBytes)) internal::ParseXml(*part, handler, name);
  return handler.found;
}

class FirstSheetHandler : public internal::XmlHandler {
 public:
  std::optional<std::string> relationship_id;
  void Start(std::string_view name, const std::vector<XmlAttribute>& a) override {
    if (name == "sheet" && !relationship_id) relationship_id = std::string(Attribute(a, "id", true));
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

struct Parts {
  std::string sheet;
  std::optional<std::string> shared_strings;
};

// Where the first worksheet and the shared strings are. Files from every common writer follow the
// relationships; xl/worksheets/sheet1.xml is only the fallback when they say nothing.
Parts LocateParts(const ZipArchive& zip) {
  std::string workbook = "xl/workbook.xml";
  for (const auto& r : ReadRelationships(zip, "_rels/.rels"))
    if (EndsWith(r.type, "/officeDocument")) workbook = ResolveTarget("", r.target);
  const std::string dir = workbook.substr(0, workbook.rfind('/') + 1);
  const auto rels = ReadRelationships(zip, dir + "_rels/" + workbook.substr(dir.size()) + ".rels");

  FirstSheetHandler sheets;
  internal::ParseXml(ReadPart(zip, workbook), sheets, workbook);
  Parts parts;
  parts.sheet = dir + "worksheets/sheet1.xml";
  for (const auto& r : rels) {
    if (sheets.relationship_id && r.id == *sheets.relationship_id) parts.sheet = ResolveTarget(dir, r.target);
    if (EndsWith(r.type, "/sharedStrings")) parts.shared_strings = ResolveTarget(dir, r.target);
  }
  if (!parts.shared_strings) parts.shared_strings = dir + "sharedStrings.xml";
  return parts;
}

// ---- strings -----------------------------------------------------------------------------------

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// OOXML writes characters XML cannot hold (control characters) as _xHHHH_, and a literal "_x" as
// _x005F_x. Surrogate halves are left as written: they are not characters on their own.
std::string DecodeEscapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned cp = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6; ++k) {
        const int v = HexValue(text[i + k]);
        hex = hex && v >= 0;
        cp = cp * 16 + static_cast<unsigned>(v < 0 ? 0 : v);
      }
      if (hex && (cp < 0xD800 || cp > 0xDFFF) && cp != 0) {
        AppendUtf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Text of <t> elements inside `container` (<si> or <is>), rich-text runs joined, phonetic
// guides (<rPh>, the furigana/pinyin over a string) left out.
class RichText {
 public:
  void Start(std::string_view name) {
    if (name == "rPh")
      ++phonetic_;
    else if (name == "t" && !phonetic_)
      in_t_ = true;
  }
  void End(std::string_view name) {
    if (name == "rPh" && phonetic_)
      --phonetic_;
    else if (name == "t")
      in_t_ = false;
  }
  void Text(std::string_view text) {
    if (in_t_) text_.append(text);
  }
  std::string Take() {
    std::string out = DecodeEscapes(std::move(text_));
    text_.clear();
    in_t_ = false;
    phonetic_ = 0;
    return out;
  }

 private:
  std::string text_;
  bool in_t_ = false;
  int phonetic_ = 0;
};

class SharedStringsHandler : public internal::XmlHandler {
 public:
  std::vector<std::string> strings;
  void Start(std::string_view name, const std::vector<XmlAttribute>&) override {
    if (name == "si") {
      in_si_ = true;
      if (strings.size() >= kMaxSharedStrings)
        throw BadFile(fmt::format("共享字符串超过 {} 个", kMaxSharedStrings),
                      fmt::format("more than {} shared strings", kMaxSharedStrings));
    } else if (in_si_) {
      text_.Start(name);
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      strings.push_back(text_.Take());
      in_si_ = false;
    } else if (in_si_) {
      text_.End(name);
    }
  }
  void Text(std::string_view text) override {
    if (in_si_) text_.Text(text);
  }

 private:
  bool in_si_ = false;
  RichText text_;
};

// ---- the worksheet -----------------------------------------------------------------------------

// "AA12" → column 26 (0-based); nullopt when the reference does not start with 1-3 letters. A
// column past kMaxColumns comes back as kMaxColumns (the caller refuses it only if it has a value).
std::optional<std::size_t> ColumnOf(std::string_view ref) {
  std::size_t col = 0, letters = 0;
  while (letters < ref.size() && letters < 4) {
    const char c = ref[letters];
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    if (upper < 'A' || upper > 'Z') break;
    col = col * 26 + static_cast<std::size_t>(upper - 'A' + 1);
    ++letters;
  }
  if (letters == 0 || letters > 3) return std::nullopt;
  return std::min(col - 1, kMaxColumns);
}

std::optional<int> ParseRowNumber(std::string_view text) {
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v < 1 || v > kMaxSheetRow) return std::nullopt;
  return v;
}

// Excel keeps 15 significant digits and shows integral values without a fraction.
std::string FormatNumber(const std::string& raw) {
  double v = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc{} || end != raw.data() + raw.size() || !std::isfinite(v)) return raw;
  std::string out = fmt::format("{:.15g}", v);
  return out == "-0" ? "0" : out;
}

class SheetHandler : public internal::XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared, internal::TableBuilder& builder)
      : shared_(shared), builder_(builder) {}

  void Start(std::string_view name, const std::vector<XmlAttribute>& a) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      StartRow(Attribute(a, "r"));
    } else if (name == "c") {
      StartCell(Attribute(a, "r"), Attribute(a, "t"));
    } else if (name == "v" && in_cell_) {
      in_v_ = true;
    } else if (name == "is" && in_cell_) {
      in_is_ = true;
    } else if (in_is_) {
      inline_.Start(name);
    }
  }

  void End(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      builder_.AddRow(row_, std::move(cells_));
      cells_.clear();
      in_row_ = false;
    } else if (name == "c") {
      EndCell();
    } else if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_is_ = false;
    } else if (in_is_) {
      inline_.End(name);
    }
  }

  void Text(std::string_view text) override {
    if (in_v_)
      value_.append(text);
    else if (in_is_)
      inline_.Text(text);
  }

 private:
  void StartRow(std::string_view r) {
    if (in_row_) throw BadFile("工作表的行嵌套", "a worksheet row inside a row", row_);
    int next = row_ + 1;
    if (!r.empty()) {
      const auto parsed = ParseRowNumber(r);
      if (!parsed)
        throw BadFile("行号无效：" + std::string(r.substr(0, 20)), "bad row number: " + std::string(r.substr(0, 20)),
                      row_);
      next = *parsed;
    }
    // Rows come in order in every real file; a repeated or backward row would overwrite lines.
    if (next <= row_ || next > kMaxSheetRow) throw BadFile("行号顺序错乱", "rows out of order", next);
    row_ = next;
    in_row_ = true;
    column_ = -1;
  }

  void StartCell(std::string_view ref, std::string_view type) {
    if (!in_row_ || in_cell_) throw BadFile("单元格不在行内", "a cell outside a row", row_);
    std::size_t col = static_cast<std::size_t>(column_ + 1);
    if (!ref.empty()) {
      const auto parsed = ColumnOf(ref);
      if (!parsed) throw BadFile("单元格引用无效", "bad cell reference", row_);
      col = *parsed;
    }
    if (static_cast<long>(col) <= column_) throw BadFile("单元格顺序错乱", "cells out of order", row_);
    column_ = static_cast<long>(std::min(col, kMaxColumns));
    type_ = std::string(type.substr(0, 16));
    in_cell_ = true;
    value_.clear();
  }

  void EndCell() {
    in_cell_ = in_v_ = in_is_ = false;
    std::string text;
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc{} || end != value_.data() + value_.size() || index >= shared_.size())
        throw BadFile("引用了不存在的共享字符串", "a cell refers to a shared string that does not exist", row_);
      text = shared_[index];
    } else if (type_ == "inlineStr") {
      text = inline_.Take();
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_.empty() ? "" : "FALSE";
    } else if (type_ == "str") {
      text = DecodeEscapes(value_);
    } else if (type_ == "n" || type_.empty()) {
      text = value_.empty() ? "" : FormatNumber(value_);
    } else {
      text = value_;  // "e" (#N/A) and "d" (an ISO date) as written
    }
    if (text.empty()) return;
    if (static_cast<std::size_t>(column_) >= kMaxColumns)
      throw BadFile(fmt::format("超过 {} 列", kMaxColumns), fmt::format("more than {} columns", kMaxColumns), row_);
    builder_.CheckCell(text, row_);
    cells_.resize(static_cast<std::size_t>(column_) + 1);
    cells_[static_cast<std::size_t>(column_)] = std::move(text);
  }

  const std::vector<std::string>& shared_;
  internal::TableBuilder& builder_;
  bool in_data_ = false, in_row_ = false, in_cell_ = false, in_v_ = false, in_is_ = false;
  int row_ = 0;
  long column_ = -1;
  std::string type_, value_;
  RichText inline_;
  std::vector<std::string> cells_;
};

}  // namespace

Table ReadXlsx(std::string_view bytes) {
  const ZipArchive zip(bytes);
  const Parts parts = LocateParts(zip);
  SharedStringsHandler shared;
  if (parts.shared_strings)
    if (auto xml = zip.Read(*parts.shared_strings, kMaxPartBytes))
      internal::ParseXml(*xml, shared, *parts.shared_strings);
  internal::TableBuilder builder;
  SheetHandler sheet(shared.strings, builder);
  internal::ParseXml(ReadPart(zip, parts.sheet), sheet, parts.sheet);
  return std::move(builder).Finish();
}

}  // namespace tongban::tabular
