// The calendar an administrator keeps: edits override the shipped schedule, the next year can be
// added day by day, every edit bumps the version the cache checks, and a year beyond is refused.
#include <gtest/gtest.h>

#include "audit/service.hpp"
#include "platform/codes/test_data_dir.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "support/test_databases.hpp"
#include "system/service.hpp"

namespace tongban::system {
namespace {

const time::Instant kT0 = time::FromMicros(1'795'000'000'000'000);
time::Date D(const char* s) { return *time::Date::Parse(s); }

class CalendarAdminTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<testing::TestDatabase>(GetParam());
    db::Migrate(db(), db::BuiltInMigrations());
    provider_ = std::make_unique<CalendarProvider>(testing::TestDataDir().string());
  }
  db::Database& db() { return store_->db(); }
  std::shared_ptr<const calendar::WorkingCalendar> Current() {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    return provider_->Current(tx);
  }
  void Set(const char* date, calendar::DayKind kind) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    SetCalendarDay(tx, *provider_, kT0, audit::SystemActor(), {D(date), kind, "调整"});
    tx.Commit();
  }
  std::unique_ptr<testing::TestDatabase> store_;
  std::unique_ptr<CalendarProvider> provider_;
};

TEST_P(CalendarAdminTest, EditsOverrideAndBumpTheVersion) {
  const auto before = Current();
  EXPECT_TRUE(before->IsWorkingDay(D("2026-12-31")));
  EXPECT_EQ(Current(), before) << "cached while nothing changed";
  Set("2026-12-31", calendar::DayKind::kHoliday);
  const auto after = Current();
  EXPECT_FALSE(after->IsWorkingDay(D("2026-12-31")));
  EXPECT_EQ(after->version(), before->version() + 1);
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    DeleteCalendarDay(tx, kT0, audit::SystemActor(), D("2026-12-31"));
    EXPECT_THROW(DeleteCalendarDay(tx, kT0, audit::SystemActor(), D("2026-12-30")), Error);
    tx.Commit();
  }
  EXPECT_TRUE(Current()->IsWorkingDay(D("2026-12-31")));
  EXPECT_EQ(Current()->version(), before->version() + 2);
}

TEST_P(CalendarAdminTest, TheNextYearIsAddedAndYearsBeyondAreRefused) {
  EXPECT_THROW(Current()->IsWorkingDay(D("2027-01-01")), Error) << "not loaded: an error, never a guess";
  Set("2027-01-01", calendar::DayKind::kHoliday);
  EXPECT_FALSE(Current()->IsWorkingDay(D("2027-01-01")));
  EXPECT_TRUE(Current()->IsWorkingDay(D("2027-01-04")));
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  try {
    SetCalendarDay(tx, *provider_, kT0, audit::SystemActor(), {D("2029-01-01"), calendar::DayKind::kHoliday, ""});
    FAIL() << "2029 is not the next year";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "calendar.year_not_loaded");
    EXPECT_EQ(e.status(), 422);
  }
}

TEST_P(CalendarAdminTest, YearViewMarksSources) {
  Set("2026-12-31", calendar::DayKind::kHoliday);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  const auto view = GetCalendarYear(tx, *provider_, 2026);
  EXPECT_TRUE(view.loaded);
  bool official = false, admin = false;
  for (const auto& d : view.days) {
    if (d.date == D("2026-10-01")) official = !d.from_admin && d.kind == calendar::DayKind::kHoliday;
    if (d.date == D("2026-12-31")) admin = d.from_admin;
  }
  EXPECT_TRUE(official);
  EXPECT_TRUE(admin);
  EXPECT_FALSE(GetCalendarYear(tx, *provider_, 2030).loaded);
}

TEST_P(CalendarAdminTest, ParametersValidateTypeAndRange) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EXPECT_EQ(GetInt(tx, kLockoutThreshold), 5);
  SetParameter(tx, kT0, audit::SystemActor(), kLockoutThreshold, 7);
  EXPECT_EQ(GetInt(tx, kLockoutThreshold), 7);
  SetParameter(tx, kT0, audit::SystemActor(), kLockoutThreshold, "8");
  EXPECT_EQ(GetInt(tx, kLockoutThreshold), 8);
  EXPECT_THROW(SetParameter(tx, kT0, audit::SystemActor(), kLockoutThreshold, 0), Error);
  EXPECT_THROW(SetParameter(tx, kT0, audit::SystemActor(), kLockoutThreshold, "eight"), Error);
  EXPECT_THROW(SetParameter(tx, kT0, audit::SystemActor(), "no.such.key", 1), Error);
  EXPECT_THROW(SetParameter(tx, kT0, audit::SystemActor(), kApplicantRegistration, 1), Error);
  SetParameter(tx, kT0, audit::SystemActor(), kApplicantRegistration, false);
  EXPECT_FALSE(GetBool(tx, kApplicantRegistration));
}

INSTANTIATE_TEST_SUITE_P(Stores, CalendarAdminTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::system
