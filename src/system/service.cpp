#include "system/service.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <map>
#include <set>

#include "audit/service.hpp"
#include "platform/calendar/holiday_file.hpp"
#include "platform/errors/error.hpp"
#include "system/store.hpp"

namespace tongban::system {
namespace {

calendar::SpecialDay ToSpecial(const AdminDay& d) { return {d.date, d.kind, d.name, ""}; }

const char* KindText(calendar::DayKind kind) { return kind == calendar::DayKind::kHoliday ? "holiday" : "workday"; }

}  // namespace

const char* ToString(ParameterType type) {
  switch (type) {
    case ParameterType::kInt: return "int";
    case ParameterType::kString: return "string";
    case ParameterType::kBool: return "bool";
  }
  return "string";
}

const std::vector<ParameterDef>& ParameterDefs() {
  using T = ParameterType;
  static const std::vector<ParameterDef> kDefs = {
      {kLockoutThreshold, T::kInt, "5", 1, 100, "登录失败锁定阈值", "Lockout threshold",
       "同一账号在同一地址连续登录失败达到此次数后锁定", "Failures in a row, per account and client address, that lock the account there"},
      {kLockoutMinutes, T::kInt, "15", 1, 1440, "锁定时长（分钟）", "Lockout minutes",
       "锁定持续的分钟数，期间即使密码正确也不能登录", "How long a lock lasts; even the right password is refused meanwhile"},
      {kThrottleThreshold, T::kInt, "20", 2, 10000, "账号限速阈值", "Account throttle threshold",
       "一个账号在时间窗口内来自任何地址的失败次数达到此值后，陌生地址的登录需稍后再试",
       "Failures from any address within the window after which unfamiliar addresses must wait (account-wide slowdown)"},
      {kThrottleWindowMinutes, T::kInt, "15", 1, 1440, "限速时间窗口（分钟）", "Throttle window minutes",
       "计算账号限速的时间窗口", "The window over which account-wide failures are counted"},
      {kSessionHours, T::kInt, "8", 1, 720, "会话有效期（小时）", "Session hours",
       "无操作超过此时长后会话失效（滑动过期）", "A session expires after this long without use (sliding expiry)"},
      {kDeadlineYellowDays, T::kInt, "3", 0, 60, "临期预警天数（工作日）", "Deadline warning days (working days)",
       "办理时限剩余不超过此工作日数时标黄预警", "Cases with at most this many working days left are flagged yellow"},
      {"cases.acceptance_days", T::kInt, "5", 1, 30, "受理决定时限（工作日）", "Acceptance decision limit (working days)",
       "行政许可法第三十二条：收到申请后作出受理决定的期限", "Administrative Licensing Law art. 32: days to decide on acceptance"},
      {"cases.decision_days", T::kInt, "20", 1, 60, "许可决定法定时限（工作日）", "Statutory decision limit (working days)",
       "行政许可法第四十二条：受理后作出决定的法定上限", "Administrative Licensing Law art. 42: statutory ceiling for a decision"},
      {"platform.site_name", T::kString, "青岛市一网通办", 0, 0, "平台名称", "Platform name",
       "显示在页面标题和通知书上的名称", "The name shown in page titles and on notices"},
      {kApplicantRegistration, T::kBool, "true", 0, 0, "允许申请人自助注册", "Applicant self-registration",
       "关闭后申请人只能由窗口人员代为登记", "When off, applicants are registered by window clerks only"},
  };
  return kDefs;
}

const ParameterDef* FindParameterDef(std::string_view key) {
  for (const auto& d : ParameterDefs())
    if (d.key == key) return &d;
  return nullptr;
}

std::vector<Parameter> ListParameters(db::Tx& tx) {
  const auto stored = SystemStore::ParameterValues(tx);
  std::vector<Parameter> out;
  for (const auto& d : ParameterDefs()) {
    const auto it = stored.find(d.key);
    out.push_back({&d, it == stored.end() ? d.default_value : it->second});
  }
  return out;
}

std::int64_t GetInt(db::Tx& tx, std::string_view key) {
  const ParameterDef* def = FindParameterDef(key);
  if (!def || def->type != ParameterType::kInt) throw std::logic_error("not an int parameter: " + std::string(key));
  const std::string text = SystemStore::ParameterValue(tx, def->key).value_or(def->default_value);
  std::int64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

bool GetBool(db::Tx& tx, std::string_view key) {
  const ParameterDef* def = FindParameterDef(key);
  if (!def || def->type != ParameterType::kBool) throw std::logic_error("not a bool parameter: " + std::string(key));
  return SystemStore::ParameterValue(tx, def->key).value_or(def->default_value) == "true";
}

Parameter SetParameter(db::Tx& tx, time::Instant now, const audit::Actor& actor, const std::string& key,
                       const nlohmann::json& value) {
  const ParameterDef* def = FindParameterDef(key);
  if (!def)
    throw Error::NotFound("system.unknown_parameter", "没有这个参数：" + key, "No such parameter: " + key);
  auto bad = [&](const std::string& zh, const std::string& en) {
    return Error::Unprocessable("system.bad_parameter_value", zh, en, {{"/value", "invalid", zh, en}});
  };
  std::string text;
  switch (def->type) {
    case ParameterType::kInt: {
      std::int64_t v = 0;
      bool ok = false;
      if (value.is_number_integer()) {
        v = value.get<std::int64_t>();
        ok = true;
      } else if (value.is_string()) {
        const auto s = value.get<std::string>();
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        ok = !s.empty() && ec == std::errc{} && end == s.data() + s.size();
      }
      if (!ok || v < def->min || v > def->max)
        throw bad(fmt::format("{} 应为 {} 到 {} 之间的整数", def->name_zh, def->min, def->max),
                  fmt::format("{} must be an integer from {} to {}", def->name_en, def->min, def->max));
      text = std::to_string(v);
      break;
    }
    case ParameterType::kBool:
      if (value.is_boolean()) text = value.get<bool>() ? "true" : "false";
      else if (value.is_string() && (value == "true" || value == "false")) text = value.get<std::string>();
      else throw bad(def->name_zh + " 应为 true 或 false", def->name_en + " must be true or false");
      break;
    case ParameterType::kString:
      if (!value.is_string() || value.get<std::string>().size() > 1000)
        throw bad(def->name_zh + " 应为不超过 1000 字节的字符串", def->name_en + " must be a string of at most 1000 bytes");
      text = value.get<std::string>();
      break;
  }
  const std::string before = SystemStore::ParameterValue(tx, key).value_or(def->default_value);
  SystemStore::UpsertParameter(tx, key, text, now, actor.name);
  audit::Append(tx, now, actor, "system.parameter.edit", "parameter", key, {{"from", before}, {"to", text}});
  return {def, text};
}

CalendarProvider::CalendarProvider(const std::string& data_dir) {
  std::error_code ec;
  const auto dir = std::filesystem::path(data_dir) / "holidays";
  if (!data_dir.empty() && std::filesystem::is_directory(dir, ec)) {
    shipped_ = calendar::LoadHolidayFiles(dir, "CN");
  } else {
    spdlog::warn("no holiday data at \"{}\": every working-day question will fail until a year is loaded", dir.string());
  }
  shipped_calendar_ = std::make_shared<const calendar::WorkingCalendar>(calendar::WorkingCalendar::Build(shipped_));
}

std::shared_ptr<const calendar::WorkingCalendar> CalendarProvider::Current(db::Tx& tx) {
  const auto [version, stamp] = SystemStore::CalendarVersion(tx);
  {
    std::lock_guard lock(mu_);
    if (cached_ && stamp == stamp_) return cached_;
  }
  auto built = std::make_shared<const calendar::WorkingCalendar>(BuildCalendar(shipped_, SystemStore::AdminDays(tx), version));
  std::lock_guard lock(mu_);
  cached_ = built;
  stamp_ = stamp;
  return built;
}

calendar::WorkingCalendar BuildCalendar(const std::vector<calendar::YearSchedule>& shipped,
                                        const std::vector<AdminDay>& admin_days, std::int64_t version) {
  std::vector<calendar::YearSchedule> years = shipped;
  std::set<int> shipped_years;
  for (const auto& y : shipped) shipped_years.insert(y.year);
  std::map<int, std::vector<calendar::SpecialDay>> added;
  std::vector<calendar::SpecialDay> overrides;
  for (const auto& d : admin_days) {
    if (shipped_years.count(d.date.year())) overrides.push_back(ToSpecial(d));
    else added[d.date.year()].push_back(ToSpecial(d));
  }
  // Admin years count only while consecutive after the shipped ones (a gap would be a year
  // half-known); SetCalendarDay refuses to create one, this guards against deletes.
  int next = shipped.empty() ? (added.empty() ? 0 : added.begin()->first) : shipped.back().year + 1;
  for (auto& [year, days] : added) {
    if (year != next) break;
    years.push_back({year, std::move(days)});
    ++next;
  }
  return calendar::WorkingCalendar::Build(std::move(years), std::move(overrides), version);
}

CalendarYearView GetCalendarYear(db::Tx& tx, CalendarProvider& provider, int year) {
  const auto cal = provider.Current(tx);
  CalendarYearView view;
  view.year = year;
  view.version = cal->version();
  view.loaded = !cal->empty() && year >= cal->first_year() && year <= cal->last_year();
  std::map<std::int64_t, CalendarDayView> days;
  for (const auto& y : provider.shipped())
    if (y.year == year)
      for (const auto& d : y.days) days[d.date.serial()] = {d.date, d.kind, d.name, false};
  for (const auto& d : SystemStore::AdminDays(tx))
    if (d.date.year() == year) days[d.date.serial()] = {d.date, d.kind, d.name, true};
  for (auto& [serial, d] : days) view.days.push_back(std::move(d));
  return view;
}

void SetCalendarDay(db::Tx& tx, CalendarProvider& provider, time::Instant now, const audit::Actor& actor,
                    const AdminDay& day) {
  const auto cal = provider.Current(tx);
  const int year = day.date.year();
  const bool loaded = !cal->empty() && year >= cal->first_year() && year <= cal->last_year();
  const bool next_year = cal->empty() || year == cal->last_year() + 1;
  if (!loaded && !next_year)
    throw Error::Unprocessable(
        "calendar.year_not_loaded",
        fmt::format("{}年不在已加载的年份内，只能调整已加载年份或新增紧接着的下一年（{}年）", year, cal->last_year() + 1),
        fmt::format("{} is not a loaded year; edit a loaded year or add the next one ({})", year, cal->last_year() + 1),
        {{"/date", "year_not_loaded", "年份未加载", "year not loaded"}});
  const auto before = SystemStore::FindAdminDay(tx, day.date);
  SystemStore::UpsertDay(tx, day, now, actor.name);
  const auto version = SystemStore::BumpCalendarVersion(tx);
  nlohmann::json change = {{"kind", KindText(day.kind)}, {"name", day.name}, {"version", version}};
  if (before) change["before"] = {{"kind", KindText(before->kind)}, {"name", before->name}};
  audit::Append(tx, now, actor, "system.calendar.edit", "calendar_day", day.date.ToString(), change);
}

void DeleteCalendarDay(db::Tx& tx, time::Instant now, const audit::Actor& actor, time::Date date) {
  const auto before = SystemStore::FindAdminDay(tx, date);
  if (!before || !SystemStore::DeleteDay(tx, date))
    throw Error::NotFound("calendar.no_override", date.ToString() + " 没有管理员调整",
                          "No administrator's edit on " + date.ToString());
  const auto version = SystemStore::BumpCalendarVersion(tx);
  audit::Append(tx, now, actor, "system.calendar.delete", "calendar_day", date.ToString(),
                {{"before", {{"kind", KindText(before->kind)}, {"name", before->name}}}, {"version", version}});
}

}  // namespace tongban::system
