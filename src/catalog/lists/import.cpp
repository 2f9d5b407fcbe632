// Files in and out of a list, and the demo rows (service.hpp): every row goes through the same
// checks as a typed entry, with the import's leniency for a credit code's check character.
#include "catalog/lists/service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "audit/service.hpp"
#include "catalog/lists/checker.hpp"
#include "catalog/lists/departments.hpp"
#include "catalog/lists/entry_keys.hpp"
#include "catalog/lists/store.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/errors/error.hpp"

namespace tongban::catalog::lists {
namespace {

struct SourceRow {
  int line = 0;
  Fields raw;
};

struct CheckedRows {
  std::vector<Entry> good;  // checked, keys derived, not yet stored
  std::vector<std::string> search;
  int rejected = 0;
  std::vector<RowProblem> errors, warnings;
};

// Checks every row, then what only the whole file shows: codes (and territorial places) repeated
// within the file or already on the list.
CheckedRows CheckRows(db::Tx& tx, const KindDef& kind, const codes::DivisionTable* divisions, const Scope& scope,
                      const std::vector<SourceRow>& rows) {
  const Departments departments(tx);
  const RowChecker checker(kind, departments, divisions, scope, Source::kImported);
  const auto stored_codes = ListStore::Codes(tx, kind.kind);
  const auto stored_places = ListStore::Places(tx, kind.kind);
  std::map<std::string, int> codes_seen;
  std::map<std::pair<std::string, std::string>, int> places_seen;
  CheckedRows out;
  for (const auto& row : rows) {
    auto checked = checker.Check(row.raw, row.line);
    Entry entry;
    entry.fields = checked.fields;
    DeriveKeys(kind, entry);  // only valid values are in the fields, so a bad row still shows its duplicates
    if (entry.code) {
      const auto [it, first] = codes_seen.emplace(*entry.code, row.line);
      if (!first)
        checked.errors.push_back({row.line, kind.code_column, "duplicate_in_file",
                                  fmt::format("编码 {} 与第 {} 行重复", *entry.code, it->second),
                                  fmt::format("code {} repeats line {}", *entry.code, it->second)});
      else if (stored_codes.count(*entry.code))
        checked.errors.push_back({row.line, kind.code_column, "duplicate_code",
                                  fmt::format("{}中已有编码 {}", kind.name_zh, *entry.code),
                                  fmt::format("the {} already has code {}", kind.name_en, *entry.code)});
    }
    if (entry.matter && entry.division_code) {
      const std::pair place{*entry.matter, *entry.division_code};
      const auto [it, first] = places_seen.emplace(place, row.line);
      if (!first)
        checked.errors.push_back({row.line, kind.matter_column, "duplicate_in_file",
                                  fmt::format("同一区划的事项“{}”与第 {} 行重复", place.first, it->second),
                                  fmt::format("\"{}\" at {} repeats line {}", place.first, place.second, it->second)});
      else if (stored_places.count(place))
        checked.errors.push_back(
            {row.line, kind.matter_column, "duplicate_place",
             fmt::format("行政区划 {} 已有事项“{}”的责任条目", place.second, place.first),
             fmt::format("division {} already has an entry for \"{}\"", place.second, place.first)});
    }
    out.warnings.insert(out.warnings.end(), checked.warnings.begin(), checked.warnings.end());
    if (!checked.errors.empty()) {
      ++out.rejected;
      out.errors.insert(out.errors.end(), checked.errors.begin(), checked.errors.end());
      continue;
    }
    entry.needs_review = checked.needs_review;
    entry.review_note = checked.review_note;
    out.search.push_back(SearchText(kind, entry, departments));
    out.good.push_back(std::move(entry));
  }
  return out;
}

std::vector<std::int64_t> Store(db::Tx& tx, time::Instant now, const audit::Actor& actor, CheckedRows& rows) {
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < rows.good.size(); ++i) {
    Entry& e = rows.good[i];
    e.created_at = e.updated_at = now;
    e.created_by = e.updated_by = actor.name;
    ids.push_back(ListStore::Insert(tx, e, rows.search[i]));
  }
  return ids;
}

// A header cell as written in templates: "事项名称*", "＊事项名称", " Code ".
std::string HeaderLabel(std::string_view cell) {
  std::string s = TrimValue(cell);
  for (const std::string_view mark : {"*", "\xEF\xBC\x8A"}) {  // * and the full-width ＊
    while (s.size() >= mark.size() && std::string_view(s).substr(0, mark.size()) == mark) s.erase(0, mark.size());
    while (s.size() >= mark.size() && std::string_view(s).substr(s.size() - mark.size()) == mark)
      s.erase(s.size() - mark.size());
  }
  return TrimValue(s);
}

bool SameLabel(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// Column index in the file → column key; unknown columns become warnings. 422
// catalog.list.bad_header for an empty file, a column named twice, or missing required columns.
std::map<std::size_t, std::string> MapHeader(const KindDef& kind, const tabular::Table& table,
                                             std::vector<RowProblem>& warnings) {
  if (table.header.empty())
    throw Error::Unprocessable("catalog.list.bad_header", "文件是空的，第一行应为表头（列名）",
                               "The file is empty; its first row must name the columns");
  std::map<std::size_t, std::string> mapping;
  std::map<std::string, std::size_t> seen;
  std::vector<std::string> problems_zh, problems_en;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string label = HeaderLabel(table.header[i]);
    if (label.empty()) continue;
    const Column* column = nullptr;
    for (const auto& c : kind.columns)
      if (c.label_zh == label || SameLabel(c.label_en, label) || SameLabel(c.key, label)) column = &c;
    if (!column) {
      warnings.push_back({table.header_line, "", "unknown_column", fmt::format("未识别的列“{}”，已忽略", label),
                          fmt::format("unknown column \"{}\" ignored", label)});
      continue;
    }
    if (!seen.emplace(column->key, i).second) {
      problems_zh.push_back(fmt::format("“{}”列出现了两次", column->label_zh));
      problems_en.push_back(fmt::format("\"{}\" appears twice", column->label_en));
    }
    mapping[i] = column->key;
  }
  for (const auto& c : kind.columns)
    if (c.required && !seen.count(c.key)) {
      problems_zh.push_back(fmt::format("缺少必填列“{}”", c.label_zh));
      problems_en.push_back(fmt::format("the required column \"{}\" is missing", c.label_en));
    }
  if (!problems_zh.empty()) {
    std::string zh, en;
    for (std::size_t i = 0; i < problems_zh.size(); ++i) {
      zh += (i ? "；" : "") + problems_zh[i];
      en += (i ? "; " : "") + problems_en[i];
    }
    Error e =
        Error::Unprocessable("catalog.list.bad_header", fmt::format("表头（第 {} 行）有误：{}", table.header_line, zh),
                             fmt::format("The header (line {}) is wrong: {}", table.header_line, en));
    e.WithDetails({{"line", table.header_line}});
    throw e;
  }
  return mapping;
}

const char* FormatName(FileFormat format) { return format == FileFormat::kCsv ? "csv" : "xlsx"; }

}  // namespace

Upload ReadUpload(std::string_view bytes, FileFormat format) {
  return {format, format == FileFormat::kCsv ? tabular::ReadCsv(bytes) : tabular::ReadXlsx(bytes),
          crypto::Sha256Hex(bytes)};
}

ImportReport ImportFile(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable* divisions,
                        const Scope& scope, std::string_view kind_name, const Upload& upload,
                        const ImportOptions& options) {
  const KindDef& kind = RequireKind(kind_name);
  const tabular::Table& table = upload.table;
  ImportReport report;
  const auto mapping = MapHeader(kind, table, report.warnings);

  std::vector<SourceRow> rows;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    SourceRow row{table.lines[r], {}};
    bool any = false;
    for (const auto& [index, key] : mapping) {
      if (index >= table.rows[r].size()) continue;
      row.raw[key] = table.rows[r][index];
      any = any || !TrimValue(table.rows[r][index]).empty();
    }
    if (any) rows.push_back(std::move(row));  // a row with nothing in the list's columns is no entry
  }

  CheckedRows checked = CheckRows(tx, kind, divisions, scope, rows);
  report.rejected = checked.rejected;
  report.errors = std::move(checked.errors);
  report.warnings.insert(report.warnings.end(), checked.warnings.begin(), checked.warnings.end());
  const bool writes = report.rejected == 0 || options.partial;
  report.imported = writes ? static_cast<int>(checked.good.size()) : 0;
  if (!writes || options.dry_run || checked.good.empty()) return report;

  report.ids = Store(tx, now, actor, checked);
  report.applied = true;
  audit::Append(tx, now, actor, "catalog.list.import", "list", kind.kind,
                {{"format", FormatName(upload.format)},
                 {"file_sha256", upload.sha256},
                 {"rows", rows.size()},
                 {"imported", report.imported},
                 {"rejected", report.rejected},
                 {"flagged", std::count_if(checked.good.begin(), checked.good.end(),
                                           [](const Entry& e) { return e.needs_review; })},
                 {"partial", options.partial},
                 {"first_id", report.ids.front()},
                 {"last_id", report.ids.back()}});
  return report;
}

tabular::Table ExportTable(db::Tx& tx, const EntryFilter& filter) {
  const KindDef& kind = RequireKind(filter.kind);
  const Departments departments(tx);
  tabular::Table table;
  for (const auto& c : kind.columns) table.header.push_back(c.label_zh);
  for (const auto& e : ListStore::List(tx, filter, nullptr, nullptr)) {
    std::vector<std::string> row;
    for (const auto& c : kind.columns) {
      const auto it = e.fields.find(c.key);
      std::string value = it == e.fields.end() ? "" : it->second;
      if (!value.empty() && c.type == ColumnType::kDepartment) value = departments.NameOf(std::stoll(value));
      for (const auto& o : c.options)
        if (o.value == value) value = o.label_zh;
      row.push_back(std::move(value));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

void LoadDemoRows(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::string_view kind_name,
                  const nlohmann::json& rows, const codes::DivisionTable* divisions) {
  const KindDef& kind = RequireKind(kind_name);
  auto bad = [&](int index, const std::string& zh, const std::string& en) {
    return Error::Unprocessable("catalog.list.bad_demo_row",
                                fmt::format("演示数据{}第 {} 条有误：{}", kind.name_zh, index, zh),
                                fmt::format("Demo {} row {} is wrong: {}", kind.kind, index, en));
  };
  if (!rows.is_array()) throw bad(0, "应为数组", "must be an array");
  std::vector<SourceRow> source;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const int index = static_cast<int>(i) + 1;
    if (!row.is_object()) throw bad(index, "应为对象", "must be an object");
    SourceRow s{index, {}};
    for (auto it = row.begin(); it != row.end(); ++it) {
      if (it->is_string())
        s.raw[it.key()] = it->get<std::string>();
      else if (it->is_number())
        s.raw[it.key()] = it->dump();
      else if (!it->is_null())
        throw bad(index, it.key() + " 应为字符串或数字", it.key() + " must be a string or a number");
    }
    source.push_back(std::move(s));
  }
  CheckedRows checked = CheckRows(tx, kind, divisions, std::nullopt, source);
  if (!checked.errors.empty()) {
    const auto& first = checked.errors.front();
    throw bad(first.line, first.message_zh, first.message_en);
  }
  const auto ids = Store(tx, now, actor, checked);
  if (!ids.empty())
    audit::Append(tx, now, actor, "catalog.list.import", "list", kind.kind,
                  {{"format", "demo"},
                   {"rows", ids.size()},
                   {"imported", ids.size()},
                   {"first_id", ids.front()},
                   {"last_id", ids.back()}});
}

}  // namespace tongban::catalog::lists
