// The catalogue's rules over both stores: versions (draft → published → superseded/withdrawn),
// limits, dynamic adjustments (下放/承接, 取消), the public read model and its Chinese search.
#include <gtest/gtest.h>

#include "audit/service.hpp"
#include "catalog/elements_json.hpp"
#include "catalog/lists/service.hpp"
#include "catalog/service.hpp"
#include "identity/service.hpp"
#include "platform/codes/division_table.hpp"
#include "platform/db/migrate.hpp"
#include "platform/codes/test_data_dir.hpp"
#include "support/test_databases.hpp"

namespace tongban::catalog {
namespace {

const time::Instant kT0 = time::FromMicros(1'795'000'000'000'000);  // 2026-11-18

const codes::DivisionTable& Divisions() {
  static const auto kTable = codes::DivisionTable::LoadFromDirectory(testing::TestDataDir() / "divisions");
  return kTable;
}

std::string ErrorCode(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return "";
}

Elements FoodElements(int statutory = 20, int committed = 5) {
  nlohmann::json j = {
      {"conditions", "申请人应当取得营业执照等合法主体资格。\n具有与经营的食品品种、数量相适应的经营场所。"},
      {"materials", {{{"name", "食品经营许可申请书"}, {"required", true}},
                     {{"name", "营业执照"}, {"source", "licence"}, {"licence_type_code", "LT-YYZZ"}}}},
      {"statutory_limit_days", statutory},
      {"committed_limit_days", committed},
      {"window_category", "market_access"},
      {"online_depth", 4},
      {"visits", 0},
      {"form_schema",
       {{"type", "object"},
        {"required", {"name", "phone"}},
        {"properties", {{"name", {{"type", "string"}, {"title", "经营者名称"}}}, {"phone", {{"type", "string"}, {"format", "phone-cn"}}}}}}},
      {"workflow", {{"steps", {{{"name", "受理"}, {"role", "window_clerk"}, {"days", 0}}, {{"name", "审查"}, {"role", "reviewer"}, {"days", std::min(3, committed)}}}}}}};
  http::BodyReader in(j, "/elements");
  Elements e = ReadElements(in);
  in.Check();
  return e;
}

class CatalogServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<testing::TestDatabase>(GetParam());
    db::Migrate(db(), db::BuiltInMigrations());
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    city_ = Department(tx, std::nullopt, "青岛市行政审批服务局", "370200");
    district_ = Department(tx, city_, "青岛西海岸新区行政审批服务局", "370211");
    street_ = Department(tx, district_, "黄岛街道办事处", "370211001");
    other_district_ = Department(tx, city_, "市南区行政审批服务局", "370202");
    LicenceType yyzz{0, "LT-YYZZ", "营业执照", city_, "legal", std::nullopt, {{"type", "object"}}};
    CreateLicenceType(tx, kT0, actor_, yyzz);
    BaseItem food{0, "000105001000", "食品经营许可", "licensing", "《中华人民共和国食品安全法》第三十五条",
                  {"legal"}, {"开办企业", "食品药品"}, {"city", "district", "street"}};
    base_ = CreateBaseItem(tx, kT0, actor_, food).id;
    tx.Commit();
  }
  db::Database& db() { return store_->db(); }
  std::int64_t Department(db::Tx& tx, std::optional<std::int64_t> parent, const char* name, const char* division) {
    identity::DepartmentInput in;
    in.parent_id = parent;
    in.name = name;
    in.division_code = division;
    return identity::CreateDepartment(tx, kT0, actor_, Divisions(), in).id;
  }
  EntryDetail Create(const std::string& code, std::int64_t department, Elements e = FoodElements()) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    auto d = CreateEntry(tx, kT0, actor_, std::nullopt, {base_, code, department, std::move(e)});
    tx.Commit();
    return d;
  }
  EntryDetail PublishNow(std::int64_t id) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    auto d = Publish(tx, kT0, actor_, std::nullopt, id, std::nullopt);
    tx.Commit();
    return d;
  }
  std::vector<std::string> Search(const std::string& q) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    std::int64_t total = 0;
    std::vector<std::string> codes;
    for (const auto& p : store::SearchPublic(tx, {q}, http::Paging{}, &total)) codes.push_back(p.code);
    EXPECT_EQ(total, static_cast<std::int64_t>(codes.size()));
    return codes;
  }

  std::unique_ptr<testing::TestDatabase> store_;
  audit::Actor actor_ = audit::SystemActor();
  std::int64_t city_ = 0, district_ = 0, street_ = 0, other_district_ = 0, base_ = 0;
};

TEST_P(CatalogServiceTest, EditingAPublishedEntryMakesANewVersionAndKeepsTheOld) {
  const auto created = Create("000105001000-370200", city_);
  EXPECT_EQ(created.versions.size(), 1u);
  EXPECT_EQ(created.versions[0].state, "draft");
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    EXPECT_EQ(ErrorCode([&] { GetGuide(tx, "000105001000-370200"); }), "catalog.item_not_found") << "a draft is not public";
  }
  PublishNow(created.entry.id);
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    const auto v2 = SaveDraft(tx, kT0, actor_, std::nullopt, created.entry.id, FoodElements(20, 3));
    EXPECT_EQ(v2.version_no, 2);
    tx.Commit();
  }
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    EXPECT_EQ(GetGuide(tx, "000105001000-370200").entry.published_version_no, 1) << "the public sees v1 until v2 is published";
  }
  const auto after = PublishNow(created.entry.id);
  ASSERT_EQ(after.versions.size(), 2u);
  EXPECT_EQ(after.versions[0].state, "published");
  EXPECT_EQ(after.versions[1].state, "superseded");
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_EQ(store::FindVersion(tx, created.entry.id, 1)->elements.committed_limit_days, 5) << "cases keep their version";
  EXPECT_EQ(GetGuide(tx, "000105001000-370200").item.committed_limit_days, 3);
}

TEST_P(CatalogServiceTest, CommittedLimitAboveStatutoryIsRefused) {
  nlohmann::json j = ElementsToJson(FoodElements());
  j["committed_limit_days"] = 25;
  http::BodyReader in(j, "/elements");
  (void)ReadElements(in);
  try {
    in.Check();
    FAIL() << "accepted a committed limit above the statutory one";
  } catch (const Error& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].pointer, "/elements/committed_limit_days");
    EXPECT_EQ(e.errors()[0].code, "limit_exceeds_statutory");
  }
}

TEST_P(CatalogServiceTest, UnknownLicenceTypesRolesAndCodesAreRefused) {
  Create("A-1", city_);
  EXPECT_EQ(ErrorCode([&] { Create("A-1", city_); }), "catalog.duplicate_code");
  Elements e = FoodElements();
  e.materials[1].licence_type_code = "LT-NONE";
  e.workflow.steps[1].role = "nobody";
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  try {
    CreateEntry(tx, kT0, actor_, std::nullopt, {base_, "A-2", city_, e});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), "catalog.invalid_elements");
    ASSERT_EQ(error.errors().size(), 2u) << "every problem at once";
    EXPECT_EQ(error.errors()[0].pointer, "/elements/materials/1/licence_type_code");
    EXPECT_EQ(error.errors()[1].pointer, "/elements/workflow/steps/1/role");
  }
}

TEST_P(CatalogServiceTest, AProofMayBeDemandedOnlyIfOnTheRetainedList) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  lists::LoadDemoRows(tx, kT0, actor_, "proof",
                      nlohmann::json::array({{{"code", "ZM-1"},
                                              {"name", "无违法犯罪记录证明"},
                                              {"department", "青岛市行政审批服务局"},
                                              {"legal_basis", "《国务院办公厅关于做好证明事项清理工作的通知》"}}}));
  Elements e = FoodElements();
  e.materials[0].proof_code = "ZM-2";
  try {
    CreateEntry(tx, kT0, actor_, std::nullopt, {base_, "P-1", city_, e});
    FAIL() << "a proof not on the list was accepted";
  } catch (const Error& error) {
    ASSERT_EQ(error.errors().size(), 1u);
    EXPECT_EQ(error.errors()[0].code, "proof_not_listed");
    EXPECT_EQ(error.errors()[0].pointer, "/elements/materials/0/proof_code");
  }
  e.materials[0].proof_code = "ZM-1";
  EXPECT_EQ(CreateEntry(tx, kT0, actor_, std::nullopt, {base_, "P-1", city_, e}).entry.code, "P-1");
}

TEST_P(CatalogServiceTest, ScopeLimitsWhoMayManageAnEntry) {
  const auto entry = Create("A-1", city_);
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  const Scope only_district = std::set<std::int64_t>{district_, street_};
  EXPECT_EQ(ErrorCode([&] { Publish(tx, kT0, actor_, only_district, entry.entry.id, std::nullopt); }), "catalog.out_of_scope");
}

TEST_P(CatalogServiceTest, DelegationMovesTheEntryDownAndRecordsBothSides) {
  const auto source = Create("F-370200", city_);
  PublishNow(source.entry.id);
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EXPECT_EQ(ErrorCode([&] {
              Delegate(tx, kT0, actor_, std::nullopt, source.entry.id, {city_, "X", std::nullopt, "同级不可下放"});
            }),
            "catalog.bad_delegation_target");
  const auto taken = Delegate(tx, kT0, actor_, std::nullopt, source.entry.id,
                              {district_, "F-370211", std::string("2026-11-01"), "赋权西海岸新区"});
  tx.Commit();
  EXPECT_EQ(taken.entry.level, "district");
  EXPECT_EQ(taken.entry.handled_since, "2026-11-01");
  EXPECT_EQ(taken.entry.origin_entry_id, source.entry.id);
  ASSERT_EQ(taken.changes.size(), 1u);
  EXPECT_EQ(taken.changes[0].kind, "taken_over");
  db::Tx read = db().Begin(db::TxMode::kRead);
  const auto old = GetEntry(read, source.entry.id);
  EXPECT_EQ(old.entry.status, "delegated");
  EXPECT_EQ(old.changes[0].kind, "delegated");
  EXPECT_EQ(old.versions[0].state, "withdrawn");
  EXPECT_EQ(ErrorCode([&] { GetGuide(read, "F-370200"); }), "catalog.item_not_found");
  EXPECT_EQ(GetGuide(read, "F-370211").entry.department_id, district_);
  // "Which items does this district handle, since when"
  std::int64_t total = 0;
  store::EntryFilter filter;
  filter.department_id = district_;
  filter.status = "active";
  const auto handled = store::ListEntries(read, filter, http::Paging{}, &total);
  ASSERT_EQ(total, 1);
  EXPECT_EQ(handled[0].entry.handled_since, "2026-11-01");
}

TEST_P(CatalogServiceTest, DelegationStaysInsideTheSourcesArea) {
  const auto source = Create("F-370211", district_);
  PublishNow(source.entry.id);
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EXPECT_EQ(ErrorCode([&] {
              Delegate(tx, kT0, actor_, std::nullopt, source.entry.id, {other_district_, "Y", std::nullopt, "别区"});
            }),
            "catalog.bad_delegation_target");
}

TEST_P(CatalogServiceTest, CancelledEntriesLeaveThePublicCatalogueAndCannotChange) {
  const auto entry = Create("C-1", city_);
  PublishNow(entry.entry.id);
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  const auto cancelled = Cancel(tx, kT0, actor_, std::nullopt, entry.entry.id, "国务院决定取消", std::nullopt);
  EXPECT_EQ(cancelled.entry.status, "cancelled");
  EXPECT_EQ(cancelled.entry.ended_on, "2026-11-18");
  EXPECT_EQ(ErrorCode([&] { SaveDraft(tx, kT0, actor_, std::nullopt, entry.entry.id, FoodElements()); }), "catalog.entry_closed");
  EXPECT_EQ(ErrorCode([&] { Cancel(tx, kT0, actor_, std::nullopt, entry.entry.id, "x", std::string("2099-01-01")); }),
            "catalog.entry_closed");
  tx.Commit();
  EXPECT_TRUE(Search("食品").empty());
}

TEST_P(CatalogServiceTest, SearchFindsOneTwoAndLongerWordsRankingNameHitsFirst) {
  PublishNow(Create("F-1", city_).entry.id);
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    BaseItem hygiene{0, "000120001000", "公共场所卫生许可", "licensing", "《公共场所卫生管理条例》第四条",
                     {"legal"}, {"医疗卫生"}, {"city"}};
    const auto id = CreateBaseItem(tx, kT0, actor_, hygiene).id;
    Elements e = FoodElements();
    e.conditions = "经营场所符合卫生要求，从业人员取得健康证明；经营食品的另行申请。";
    const auto made = CreateEntry(tx, kT0, actor_, std::nullopt, {id, "H-1", city_, e});
    Publish(tx, kT0, actor_, std::nullopt, made.entry.id, std::nullopt);
    tx.Commit();
  }
  EXPECT_EQ(Search("食品"), (std::vector<std::string>{"F-1", "H-1"})) << "two characters, name hit first";
  EXPECT_EQ(Search("证"), (std::vector<std::string>{"H-1"})) << "one character (健康证明)";
  EXPECT_EQ(Search("卫生许可"), (std::vector<std::string>{"H-1"})) << "trigram";
  EXPECT_EQ(Search("食品 卫生"), (std::vector<std::string>{"H-1"})) << "every term must match";
  EXPECT_TRUE(Search("不动产").empty());
  EXPECT_EQ(Search("营业执照").size(), 2u) << "materials are searched";
  EXPECT_EQ(Search("\"食品\" OR x*").size(), 0u) << "syntax is never passed through";
}

TEST_P(CatalogServiceTest, AnEntryLoadedFromAnExistingSystemKeepsItsCreationDate) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  EntryInput input{base_, "OLD-1", city_, FoodElements(), std::string("2025-06-01")};
  const auto made = CreateEntry(tx, kT0, actor_, std::nullopt, input);
  EXPECT_EQ(made.entry.handled_since, "2025-06-01");
  EXPECT_EQ(made.changes.at(0).effective_on, "2025-06-01");
  input.code = "OLD-2";
  input.created_on = "2099-01-01";
  EXPECT_EQ(ErrorCode([&] { CreateEntry(tx, kT0, actor_, std::nullopt, input); }), "input.invalid") << "not in the future";
}

TEST_P(CatalogServiceTest, StatisticsCompressionAndShares) {
  PublishNow(Create("S-1", city_, FoodElements(20, 5)).entry.id);
  PublishNow(Create("S-2", district_, FoodElements(20, 1)).entry.id);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  const auto s = ComputeStats(tx);
  EXPECT_EQ(s.entries, 2);
  std::int64_t statutory = 0, committed = 0;
  for (const auto& r : s.by_department) statutory += r.statutory, committed += r.committed;
  EXPECT_EQ(statutory, 40);
  EXPECT_EQ(committed, 6);
  EXPECT_EQ(s.by_visits.at(0).key, "0");
  EXPECT_FALSE(s.changes_by_month.empty());
}

INSTANTIATE_TEST_SUITE_P(Stores, CatalogServiceTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::catalog
