#include "catalog/lists/routes.hpp"

#include <fmt/format.h>

#include <cctype>

#include "audit/service.hpp"
#include "catalog/lists/service.hpp"
#include "catalog/lists/wire.hpp"
#include "identity/service.hpp"
#include "platform/http/input.hpp"
#include "platform/http/paging.hpp"

namespace tongban::catalog::lists {
namespace {

using Handler = http::Response (*)(AppContext&, http::Request&);

constexpr std::size_t kImportBodyLimit = 10u * 1024 * 1024;
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::optional<bool> QueryBool(const http::Request& r, const char* name) {
  const auto v = r.QueryParam(name);
  if (!v || v->empty()) return std::nullopt;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  throw Error::BadRequest("http.bad_query", fmt::format("参数 {} 应为 true 或 false", name),
                          fmt::format("Parameter {} must be true or false", name));
}

EntryFilter FilterFrom(const http::Request& r) {
  EntryFilter f;
  f.kind = RequireKind(r.Param("kind")).kind;
  f.q = r.QueryParam("q").value_or("");
  f.department_id = http::QueryId(r, "department_id");
  if (auto d = r.QueryParam("division_code"); d && !d->empty()) f.division_code = *d;
  f.needs_review = QueryBool(r, "needs_review");
  return f;
}

Scope CallerScope(db::Tx& tx, const http::Request& r) { return identity::VisibleDepartments(tx, *r.principal); }

// ---- staff -------------------------------------------------------------------------------------
http::Response ListKinds(AppContext&, http::Request&) { return http::Response::Json(wire::KindsJson()); }

http::Response ListEntriesRoute(AppContext& ctx, http::Request& r) {
  const auto filter = FilterFrom(r);
  const auto paging = http::ParsePaging(r, {"id", "code", "updated_at"});
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  const KindDef& kind = RequireKind(filter.kind);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : ListEntries(tx, filter, paging, &total)) items.push_back(wire::ToJson(kind, e));
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

http::Response GetEntryRoute(AppContext& ctx, http::Request& r) {
  const KindDef& kind = RequireKind(r.Param("kind"));
  const auto id = http::ParseId(r.Param("id"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  return http::Response::Json(wire::ToJson(kind, GetEntry(tx, kind.kind, id)));
}

http::Response CreateEntryRoute(AppContext& ctx, http::Request& r) {
  const KindDef& kind = RequireKind(r.Param("kind"));
  http::BodyReader in(r.JsonObjectBody());
  const Fields fields = wire::ReadFields(in);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto entry =
      CreateEntry(tx, ctx.clock.Now(), audit::ActorFrom(r), ctx.divisions.get(), CallerScope(tx, r), kind.kind, fields);
  tx.Commit();
  return http::Response::Json(wire::ToJson(kind, entry), 201);
}

http::Response UpdateEntryRoute(AppContext& ctx, http::Request& r) {
  const KindDef& kind = RequireKind(r.Param("kind"));
  const auto id = http::ParseId(r.Param("id"));
  http::BodyReader in(r.JsonObjectBody());
  const Fields fields = wire::ReadFields(in);
  in.Check();
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto entry = UpdateEntry(tx, ctx.clock.Now(), audit::ActorFrom(r), ctx.divisions.get(), CallerScope(tx, r),
                                 kind.kind, id, fields);
  tx.Commit();
  return http::Response::Json(wire::ToJson(kind, entry));
}

http::Response DeleteEntryRoute(AppContext& ctx, http::Request& r) {
  const KindDef& kind = RequireKind(r.Param("kind"));
  const auto id = http::ParseId(r.Param("id"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  DeleteEntry(tx, ctx.clock.Now(), audit::ActorFrom(r), CallerScope(tx, r), kind.kind, id);
  tx.Commit();
  return http::Response::NoContent();
}

// format=xlsx|csv; absent, the file says (an .xlsx is a zip archive, starting "PK").
FileFormat ImportFormat(const http::Request& r) {
  const auto format = r.QueryParam("format");
  if (!format || format->empty()) return r.body.rfind("PK", 0) == 0 ? FileFormat::kXlsx : FileFormat::kCsv;
  if (*format == "xlsx") return FileFormat::kXlsx;
  if (*format == "csv") return FileFormat::kCsv;
  throw Error::BadRequest("http.bad_query", "参数 format 应为 xlsx 或 csv", "Parameter format must be xlsx or csv");
}

// Bad rows and nothing written: 422 naming every row; the report rides in details.
Error Rejected(const ImportReport& report, bool english) {
  std::vector<FieldError> errors;
  for (const auto& p : report.errors)
    errors.push_back({fmt::format("/rows/{}{}", p.line, p.column.empty() ? "" : "/" + p.column), p.code,
                      fmt::format("第 {} 行：{}", p.line, p.message_zh),
                      fmt::format("Line {}: {}", p.line, p.message_en)});
  Error e = Error::Unprocessable(
      "catalog.list.import_rejected",
      fmt::format("{} 行有误，未导入任何数据；改正后重新导入，或选择只导入无误的行", report.rejected),
      fmt::format("{} row(s) are wrong and nothing was imported; fix them, or import only the good rows",
                  report.rejected),
      std::move(errors));
  e.WithDetails(wire::ReportJson(report, false, english));
  return e;
}

http::Response ImportRoute(AppContext& ctx, http::Request& r) {
  const KindDef& kind = RequireKind(r.Param("kind"));
  ImportOptions options;
  options.partial = QueryBool(r, "partial").value_or(false);
  options.dry_run = QueryBool(r, "dry_run").value_or(false);
  const Upload upload = ReadUpload(r.body, ImportFormat(r));  // before the write lock is taken
  // A dry run writes nothing, so it needs no write lock.
  db::Tx tx = ctx.db.Begin(options.dry_run ? db::TxMode::kRead : db::TxMode::kWrite);
  const auto report = ImportFile(tx, ctx.clock.Now(), audit::ActorFrom(r), ctx.divisions.get(), CallerScope(tx, r),
                                 kind.kind, upload, options);
  if (!options.dry_run && !report.errors.empty() && !report.applied) throw Rejected(report, r.PrefersEnglish());
  if (report.applied) tx.Commit();
  return http::Response::Json(wire::ReportJson(report, options.dry_run, r.PrefersEnglish()));
}

// RFC 6266: an ASCII name for old clients, the Chinese one as filename*.
std::string Disposition(const std::string& ascii, const std::string& utf8) {
  std::string encoded;
  for (unsigned char c : utf8) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_')
      encoded += static_cast<char>(c);
    else
      encoded += fmt::format("%{:02X}", c);
  }
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, encoded);
}

http::Response ExportRoute(AppContext& ctx, http::Request& r) {
  const auto filter = FilterFrom(r);
  const KindDef& kind = RequireKind(filter.kind);
  const auto format = r.QueryParam("format").value_or("xlsx");
  if (format != "xlsx" && format != "csv")
    throw Error::BadRequest("http.bad_query", "参数 format 应为 xlsx 或 csv", "Parameter format must be xlsx or csv");
  tabular::Table table;
  {
    db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
    table = ExportTable(tx, filter);
  }
  std::string date = time::ShanghaiDate(ctx.clock.Now());
  std::erase(date, '-');
  const bool xlsx = format == "xlsx";
  auto response = xlsx ? http::Response::Text(tabular::WriteXlsx(kind.name_zh, table), kXlsxType)
                       : http::Response::Text(tabular::WriteCsv(table), "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", Disposition(fmt::format("{}-{}.{}", kind.kind, date, format),
                                                        fmt::format("{}-{}.{}", kind.name_zh, date, format)));
  return response;
}

http::Response ResponsibilityRoute(AppContext& ctx, http::Request& r) {
  const auto matter = r.QueryParam("matter").value_or("");
  const auto division = r.QueryParam("division").value_or("");
  if (matter.empty() || division.empty())
    throw Error::BadRequest("http.bad_query", "参数 matter（事项）和 division（行政区划代码）都必填",
                            "Parameters matter and division are both required");
  if ((division.size() != 6 && division.size() != 9) || division.find_first_not_of("0123456789") != std::string::npos)
    throw Error::BadRequest("http.bad_query", "参数 division 应为 6 位或 9 位数字的行政区划代码",
                            "Parameter division must be a division code of 6 or 9 digits");
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  const auto found = FindResponsible(tx, matter, division);
  if (!found)
    throw Error::NotFound("catalog.list.no_responsible",
                          fmt::format("属地管理事项责任清单中没有区划 {} 及其上级的“{}”", division, matter),
                          fmt::format("No territorial entry for \"{}\" at {} or its parents", matter, division));
  return http::Response::Json({{"entry_id", found->entry_id},
                               {"matter", found->matter},
                               {"division_code", found->division_code},
                               {"matched_division_code", found->matched_division_code},
                               {"department_id", found->department_id},
                               {"department_name", found->department_name},
                               {"street", found->street},
                               {"cooperation", found->cooperation}});
}

// ---- public ------------------------------------------------------------------------------------
http::Response PublicListRoute(AppContext& ctx, http::Request& r) {
  auto filter = FilterFrom(r);
  filter.needs_review.reset();  // the review flag is the staff's business
  const auto paging = http::ParsePaging(r, {"id", "code"});
  const KindDef& kind = RequireKind(filter.kind);
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : ListEntries(tx, filter, paging, &total)) items.push_back(wire::ToPublicJson(kind, e));
  return http::Response::Json(http::PageJson(std::move(items), total, paging));
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  struct Row {
    const char* method;
    const char* pattern;
    std::string_view permission;
    Handler handler;
    std::size_t body_limit = 0;
  };
  const Row table[] = {
      {"GET", "/api/v1/catalog/lists", "catalog.list.read", ListKinds},
      {"GET", "/api/v1/catalog/lists/{kind}", "catalog.list.read", ListEntriesRoute},
      {"POST", "/api/v1/catalog/lists/{kind}", "catalog.list.edit", CreateEntryRoute},
      {"GET", "/api/v1/catalog/lists/{kind}/export", "catalog.list.read", ExportRoute},
      {"POST", "/api/v1/catalog/lists/{kind}/import", "catalog.list.edit", ImportRoute, kImportBodyLimit},
      {"GET", "/api/v1/catalog/lists/{kind}/{id}", "catalog.list.read", GetEntryRoute},
      {"PUT", "/api/v1/catalog/lists/{kind}/{id}", "catalog.list.edit", UpdateEntryRoute},
      {"DELETE", "/api/v1/catalog/lists/{kind}/{id}", "catalog.list.edit", DeleteEntryRoute},
      {"GET", "/api/v1/catalog/responsibility", "catalog.list.read", ResponsibilityRoute},
      {"GET", "/api/v1/public/lists", http::kPublic, ListKinds},
      {"GET", "/api/v1/public/lists/{kind}", http::kPublic, PublicListRoute},
  };
  for (const auto& row : table) {
    http::Route route{row.method, row.pattern, std::string(row.permission),
                      [&ctx, h = row.handler](http::Request& r) { return h(ctx, r); }};
    route.body_limit = row.body_limit;
    router.Add(std::move(route));
  }
}

}  // namespace tongban::catalog::lists
