#include "system/routes.hpp"

#include <charconv>

#include "audit/service.hpp"
#include "platform/http/input.hpp"
#include "system/service.hpp"

namespace tongban::system {
namespace {

nlohmann::json ToJson(const Parameter& p) {
  return {{"key", p.def->key},
          {"value", p.value},
          {"type", ToString(p.def->type)},
          {"default_value", p.def->default_value},
          {"name_zh", p.def->name_zh},
          {"name_en", p.def->name_en},
          {"description_zh", p.def->description_zh},
          {"description_en", p.def->description_en}};
}

http::Response ListParams(AppContext& ctx, http::Request&) {
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : ListParameters(tx)) items.push_back(ToJson(p));
  return http::Response::Json({{"items", items}});
}

http::Response PutParam(AppContext& ctx, http::Request& request) {
  const auto body = request.JsonObjectBody();
  if (!body.contains("value"))
    throw Error::Unprocessable("input.invalid", "value 必填", "value is required",
                               {{"/value", "required", "value 必填", "value is required"}});
  db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
  const auto p = SetParameter(tx, ctx.clock.Now(), audit::ActorFrom(request), request.Param("key"), body["value"]);
  tx.Commit();
  return http::Response::Json(ToJson(p));
}

int ParseYear(const std::string& text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || text.size() != 4 || year < 1900 || year > 2200)
    throw Error::BadRequest("calendar.bad_year", "年份应为 1900 到 2200 之间的四位数字",
                            "The year must be four digits from 1900 to 2200");
  return year;
}

time::Date ParseDay(const std::string& year_text, const std::string& text) {
  const int year = ParseYear(year_text);
  const auto date = time::Date::Parse(text);
  if (!date)
    throw Error::BadRequest("calendar.bad_date", "日期应为真实存在的 YYYY-MM-DD：" + text,
                            "The date must be a real YYYY-MM-DD date: " + text);
  if (date->year() != year)
    throw Error::BadRequest("calendar.bad_date", text + " 不属于 " + year_text + " 年",
                            text + " is not in " + year_text);
  return *date;
}

http::Response GetYear(AppContext& ctx, CalendarProvider& provider, http::Request& request) {
  const int year = ParseYear(request.Param("year"));
  db::Tx tx = ctx.db.Begin(db::TxMode::kRead);
  const auto view = GetCalendarYear(tx, provider, year);
  nlohmann::json days = nlohmann::json::array();
  for (const auto& d : view.days)
    days.push_back({{"date", d.date.ToString()},
                    {"kind", d.kind == calendar::DayKind::kHoliday ? "holiday" : "workday"},
                    {"name", d.name},
                    {"source", d.from_admin ? "admin" : "official"}});
  return http::Response::Json({{"year", view.year}, {"loaded", view.loaded}, {"version", view.version}, {"days", days}});
}

http::Response PutDay(AppContext& ctx, CalendarProvider& provider, http::Request& request) {
  const auto date = ParseDay(request.Param("year"), request.Param("date"));
  http::BodyReader in(request.JsonObjectBody());
  AdminDay day;
  day.date = date;
  day.kind = in.Enum("kind", {"holiday", "workday"}) == "holiday" ? calendar::DayKind::kHoliday : calendar::DayKind::kWorkday;
  day.name = in.OptString("name", 50).value_or("");
  in.Check();
  {
    db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
    SetCalendarDay(tx, provider, ctx.clock.Now(), audit::ActorFrom(request), day);
    tx.Commit();
  }
  return GetYear(ctx, provider, request);
}

http::Response DeleteDay(AppContext& ctx, CalendarProvider& provider, http::Request& request) {
  const auto date = ParseDay(request.Param("year"), request.Param("date"));
  {
    db::Tx tx = ctx.db.Begin(db::TxMode::kWrite);
    DeleteCalendarDay(tx, ctx.clock.Now(), audit::ActorFrom(request), date);
    tx.Commit();
  }
  return GetYear(ctx, provider, request);
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  auto provider = std::make_shared<CalendarProvider>(ctx.data_dir);
  ctx.calendar = [provider](db::Tx& tx) { return provider->Current(tx); };
  router.AddAll({
      {"GET", "/api/v1/system/parameters", "system.parameter.read", [&ctx](http::Request& r) { return ListParams(ctx, r); }},
      {"PUT", "/api/v1/system/parameters/{key}", "system.parameter.edit",
       [&ctx](http::Request& r) { return PutParam(ctx, r); }},
      {"GET", "/api/v1/system/calendar/{year}", "system.calendar.read",
       [&ctx, provider](http::Request& r) { return GetYear(ctx, *provider, r); }},
      {"PUT", "/api/v1/system/calendar/{year}/days/{date}", "system.calendar.edit",
       [&ctx, provider](http::Request& r) { return PutDay(ctx, *provider, r); }},
      {"DELETE", "/api/v1/system/calendar/{year}/days/{date}", "system.calendar.edit",
       [&ctx, provider](http::Request& r) { return DeleteDay(ctx, *provider, r); }},
  });
}

}  // namespace tongban::system
