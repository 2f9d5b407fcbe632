// The government lists over both stores: typed entries are refused when invalid and audited when
// not; imports report every bad row by line and write nothing unless partial import is asked for;
// a credit code failing only its check character is kept and flagged 待核实; duplicate codes are
// refused within a file and against the list; exports read back; "who is responsible for matter M
// at division D" falls back street → county → city.
#include <gtest/gtest.h>

#include "audit/service.hpp"
#include "catalog/lists/kinds.hpp"
#include "catalog/lists/service.hpp"
#include "identity/service.hpp"
#include "platform/codes/division_table.hpp"
#include "platform/codes/test_data_dir.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "platform/tabular/tabular.hpp"
#include "support/test_databases.hpp"

namespace tongban::catalog::lists {
namespace {

const time::Instant kT0 = time::FromMicros(1'795'000'000'000'000);
constexpr const char* kValidCredit = "91350100M000100Y43";
constexpr const char* kCheckCharOnly = "91350100M000100Y44";  // only position 18 is wrong

const codes::DivisionTable& Divisions() {
  static const auto kTable = codes::DivisionTable::LoadFromDirectory(testing::TestDataDir() / "divisions");
  return kTable;
}

// The Error `f` throws (code and status), or an empty one.
template <class F>
std::pair<std::string, int> Thrown(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.code(), e.status()};
  }
  return {"", 0};
}

TEST(ListKinds, EveryKindNamesItsRoleColumnsAndOnlyKnownTypes) {
  ASSERT_EQ(Kinds().size(), 7u);
  for (const auto& k : Kinds()) {
    std::set<std::string> keys;
    for (const auto& c : k.columns) EXPECT_TRUE(keys.insert(c.key).second) << k.kind << " repeats " << c.key;
    for (const auto* role : {&k.code_column, &k.department_column, &k.matter_column, &k.division_column})
      if (!role->empty()) {
        EXPECT_NE(k.FindColumn(*role), nullptr) << k.kind << ": " << *role;
      }
    EXPECT_FALSE(k.department_column.empty()) << k.kind;
  }
  EXPECT_EQ(FindKind("proof")->code_column, "code");
  EXPECT_EQ(FindKind("nope"), nullptr);
}

class ListsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<testing::TestDatabase>(GetParam());
    db::Migrate(db(), db::BuiltInMigrations());
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    city_ = Dept(tx, std::nullopt, "青岛市", "370200");
    scjg_ = Dept(tx, city_, "青岛市市场监督管理局", "370200");
    district_ = Dept(tx, city_, "青岛西海岸新区管委", "370211");
    street_ = Dept(tx, district_, "黄岛街道办事处", "370211001");
    tx.Commit();
  }
  db::Database& db() { return store_->db(); }

  std::int64_t Dept(db::Tx& tx, std::optional<std::int64_t> parent, const std::string& name,
                    const std::string& division) {
    identity::DepartmentInput in;
    in.parent_id = parent;
    in.name = name;
    in.division_code = division;
    return identity::CreateDepartment(tx, kT0, audit::SystemActor(), Divisions(), in).id;
  }

  Fields Power(const std::string& code, const std::string& credit = "") {
    return {{"department", std::to_string(scjg_)},
            {"power_type", "penalty"},
            {"name", "对未按规定公示信息的处罚"},
            {"code", code},
            {"legal_basis", "《企业信息公示暂行条例》第十八条"},
            {"implementer_credit_code", credit}};
  }
  Entry Create(const std::string& kind, const Fields& fields, const Scope& scope = std::nullopt) {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    auto e = CreateEntry(tx, kT0, audit::SystemActor(), &Divisions(), scope, kind, fields);
    tx.Commit();
    return e;
  }
  std::int64_t Count(const std::string& kind) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    std::int64_t total = 0;
    ListEntries(tx, {kind}, http::Paging{}, &total);
    return total;
  }
  std::int64_t AuditCount(const std::string& object_type) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    audit::RecordFilter f;
    f.object_type = object_type;
    std::int64_t total = 0;
    audit::List(tx, f, &total);
    return total;
  }
  ImportReport Import(const std::string& kind, const std::string& bytes, ImportOptions options,
                      const Scope& scope = std::nullopt, FileFormat format = FileFormat::kCsv) {
    const Upload upload = ReadUpload(bytes, format);
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    auto report = ImportFile(tx, kT0, audit::SystemActor(), &Divisions(), scope, kind, upload, options);
    tx.Commit();
    return report;
  }
  ImportOptions Csv(bool partial = false, bool dry_run = false) { return {partial, dry_run}; }

  std::unique_ptr<testing::TestDatabase> store_;
  std::int64_t city_ = 0, scjg_ = 0, district_ = 0, street_ = 0;
};

TEST_P(ListsTest, TypedEntriesAreStoredWithNamesAndAudited) {
  const auto e = Create("power", Power("QZ-CF-0001", kValidCredit));
  EXPECT_GT(e.id, 0);
  EXPECT_EQ(e.department_id, scjg_);
  EXPECT_EQ(e.department_names.at("department"), "青岛市市场监督管理局");
  EXPECT_EQ(e.fields.at("implementer_credit_code"), kValidCredit);
  EXPECT_FALSE(e.needs_review);
  EXPECT_EQ(AuditCount("list_entry"), 1);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_EQ(GetEntry(tx, "power", e.id).fields.at("code"), "QZ-CF-0001");
  EXPECT_EQ(Thrown([&] { GetEntry(tx, "proof", e.id); }).first, "catalog.list.entry_not_found");
  EXPECT_EQ(Thrown([&] { GetEntry(tx, "nope", e.id); }).first, "catalog.list.unknown_kind");
  EXPECT_TRUE(IsOnList(tx, "power", " QZ-CF-0001 "));
  EXPECT_FALSE(IsOnList(tx, "proof", "QZ-CF-0001"));
  EXPECT_FALSE(IsOnList(tx, "nope", "QZ-CF-0001"));
}

TEST_P(ListsTest, WhatAPersonTypesIsRefusedWhenInvalidWithEveryFieldNamed) {
  Fields bad = Power("QZ-CF-0002", kCheckCharOnly);  // typed: a wrong check character is refused
  bad["department"] = "999999";
  bad["power_type"] = "行政处罚";  // the label is for files; the API takes the value
  bad["name"] = std::string(201, 'x');
  bad["legal_basis"] = "   ";
  bad["colour"] = "red";
  try {
    Create("power", bad);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "catalog.list.invalid");
    std::set<std::string> pointers;
    for (const auto& f : e.errors()) pointers.insert(f.pointer);
    EXPECT_EQ(pointers,
              (std::set<std::string>{"/fields/department", "/fields/power_type", "/fields/name", "/fields/legal_basis",
                                     "/fields/implementer_credit_code", "/fields/colour"}));
  }
  EXPECT_EQ(Count("power"), 0);
  EXPECT_EQ(AuditCount("list_entry"), 0);
}

TEST_P(ListsTest, DuplicateCodesAndPlacesAreRefused) {
  Create("power", Power("QZ-CF-0001"));
  EXPECT_EQ(Thrown([&] { Create("power", Power(" QZ-CF-0001 ")); }),
            std::make_pair(std::string("catalog.list.duplicate"), 409));
  const Fields place = {
      {"matter", "占道经营"}, {"division_code", "370211001"}, {"department", std::to_string(street_)}};
  Create("territorial", place);
  EXPECT_EQ(Thrown([&] { Create("territorial", place); }).second, 409);
  Fields elsewhere = place;
  elsewhere["division_code"] = "370211";
  EXPECT_EQ(Create("territorial", elsewhere).division_code, "370211");
  EXPECT_EQ(Thrown([&] {
              Create("territorial",
                     {{"matter", "x"}, {"division_code", "370299999"}, {"department", std::to_string(street_)}});
            }).first,
            "catalog.list.invalid")
      << "an unknown division";
}

TEST_P(ListsTest, UpdateReplacesFieldsAndClearsTheReviewFlagDeleteRemoves) {
  ASSERT_EQ(Import("power",
                   "实施部门,权力类型,事项名称,事项编码,设定依据,实施主体统一社会信用代码\n"
                   "青岛市市场监督管理局,行政处罚,名称,QZ-1,依据," +
                       std::string(kCheckCharOnly) + "\n",
                   Csv())
                .imported,
            1);
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  std::int64_t total = 0;
  const auto flagged = ListEntries(tx, {"power", "", std::nullopt, std::nullopt, true}, http::Paging{}, &total);
  ASSERT_EQ(total, 1);
  EXPECT_TRUE(flagged[0].review_note.rfind("待核实", 0) == 0) << flagged[0].review_note;
  EXPECT_EQ(Thrown([&] {
              UpdateEntry(tx, kT0, audit::SystemActor(), &Divisions(), std::nullopt, "power", flagged[0].id,
                          Power("QZ-1", kCheckCharOnly));
            }).second,
            422)
      << "a person must fix the code, not confirm it";
  const auto fixed = UpdateEntry(tx, kT0, audit::SystemActor(), &Divisions(), std::nullopt, "power", flagged[0].id,
                                 Power("QZ-1", kValidCredit));
  EXPECT_FALSE(fixed.needs_review);
  EXPECT_EQ(fixed.review_note, "");
  DeleteEntry(tx, kT0, audit::SystemActor(), std::nullopt, "power", fixed.id);
  EXPECT_EQ(Thrown([&] { DeleteEntry(tx, kT0, audit::SystemActor(), std::nullopt, "power", fixed.id); }).second, 404);
  tx.Commit();
  EXPECT_EQ(Count("power"), 0);
  EXPECT_EQ(AuditCount("list_entry"), 2) << "update and delete";
  EXPECT_EQ(AuditCount("list"), 1) << "the import";
}

TEST_P(ListsTest, ImportReportsEveryBadRowAndWritesNothingUnlessPartial) {
  const std::string csv =
      "编号,违法行为,法律依据,适用条件,执法领域,实施部门,备注\r\n"
      "BY-001,未按规定公示年报,《条例》第十八条,首次违法且及时改正,市场监管,青岛市市场监督管理局,\r\n"
      "BY-002,违法行为二,依据,,市场监管,不存在的局,\r\n"        // line 3: missing conditions, unknown department
      "BY-001,重复,依据,条件,市场监管,,\r\n"                    // line 4: repeats line 2
      "\"BY-003\",\"多行\n违法行为\",依据,条件,市场监管,,\r\n"  // line 5-6: good
      ",,,,,,只有备注\r\n"                                      // nothing in the list's columns: no entry
      "BY-004," +
      std::string(1001, 'x') + ",依据,条件,市场监管,,\r\n";  // line 8: too long
  auto report = Import("no_penalty", csv, Csv());
  EXPECT_FALSE(report.applied);
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(report.rejected, 3);
  std::vector<std::pair<int, std::string>> problems;
  for (const auto& p : report.errors) problems.emplace_back(p.line, p.code);
  EXPECT_EQ(problems, (std::vector<std::pair<int, std::string>>{
                          {3, "required"}, {3, "unknown_department"}, {4, "duplicate_in_file"}, {8, "too_long"}}));
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].code, "unknown_column") << "备注 is not a column";
  EXPECT_EQ(Count("no_penalty"), 0);
  EXPECT_EQ(AuditCount("list"), 0);

  report = Import("no_penalty", csv, Csv(false, true));
  EXPECT_FALSE(report.applied);
  EXPECT_EQ(Count("no_penalty"), 0) << "a dry run writes nothing";

  report = Import("no_penalty", csv, Csv(true));
  EXPECT_TRUE(report.applied);
  EXPECT_EQ(report.imported, 2);
  EXPECT_EQ(report.rejected, 3);
  EXPECT_EQ(Count("no_penalty"), 2);
  EXPECT_EQ(AuditCount("list"), 1);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_EQ(GetEntry(tx, "no_penalty", report.ids[1]).fields.at("violation"), "多行\n违法行为");

  // The same file again: its codes are now on the list.
  tx.Commit();
  report = Import("no_penalty", csv, Csv(true));
  EXPECT_EQ(report.imported, 0);
  int stored_duplicates = 0;
  for (const auto& p : report.errors) stored_duplicates += p.code == "duplicate_code";
  EXPECT_EQ(stored_duplicates, 2);
}

TEST_P(ListsTest, ACheckCharacterOnlyCreditCodeIsKeptAndFlaggedOthersAreRejected) {
  const std::string csv =
      "Department,Power type,Item name,Code,Legal basis,Implementer credit code\n"
      "青岛市市场监督管理局,行政许可,甲,QZ-1,依据," +
      std::string(kCheckCharOnly) +
      "\n"
      "青岛市市场监督管理局,Licensing,乙,QZ-2,依据,91350100M000100Y4\n"  // 17 characters
      "青岛市市场监督管理局,licensing,丙,QZ-3,依据,\n";
  const auto report = Import("power", csv, Csv(true));
  EXPECT_EQ(report.imported, 2);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].line, 3);
  EXPECT_EQ(report.errors[0].code, "bad_credit_code");
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].line, 2);
  EXPECT_EQ(report.warnings[0].code, "check_character");
  db::Tx tx = db().Begin(db::TxMode::kRead);
  const auto kept = GetEntry(tx, "power", report.ids[0]);
  EXPECT_TRUE(kept.needs_review);
  EXPECT_EQ(kept.review_note.rfind("待核实", 0), 0u);
  EXPECT_EQ(kept.fields.at("implementer_credit_code"), kCheckCharOnly);
  EXPECT_EQ(kept.fields.at("power_type"), "licensing");
  EXPECT_FALSE(GetEntry(tx, "power", report.ids[1]).needs_review);
}

TEST_P(ListsTest, HeadersAreMatchedByEitherLanguageAndMissingOnesRefused) {
  EXPECT_EQ(Thrown([&] { Import("proof", "证明名称,开具单位\n甲,青岛市市场监督管理局\n", Csv()); }).first,
            "catalog.list.bad_header");
  EXPECT_EQ(Thrown([&] { Import("proof", "", Csv()); }).first, "catalog.list.bad_header");
  EXPECT_EQ(Thrown([&] { Import("proof", "code,编码\n", Csv()); }).first, "catalog.list.bad_header");
  EXPECT_EQ(Thrown([&] { Import("proof", "\xBE\xAD\xD3\xAA\n", Csv()); }).first, "tabular.bad_file");
  const auto report = Import(
      "proof",
      "*证明事项编码,Proof name*,issuing department,legal_basis\nZM-0001,无犯罪记录证明,青岛市市场监督管理局,依据\n",
      Csv());
  EXPECT_EQ(report.imported, 1);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_TRUE(IsOnList(tx, "proof", "ZM-0001"));
}

TEST_P(ListsTest, XlsxExportReadsBackAsTheSameList) {
  Create("power", Power("QZ-1", kValidCredit));
  Fields second = Power("QZ-2");
  second["responsibilities"] = "1. 受理责任\n2. 审查责任";
  second["power_type"] = "licensing";
  Create("power", second);
  tabular::Table table;
  std::vector<Fields> before;
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    table = ExportTable(tx, {"power"});
    std::int64_t total = 0;
    for (auto& e : ListEntries(tx, {"power"}, http::Paging{}, &total)) {
      before.push_back(e.fields);
      DeleteEntry(tx, kT0, audit::SystemActor(), std::nullopt, "power", e.id);
    }
    tx.Commit();
  }
  EXPECT_EQ(table.header.front(), "实施部门");
  EXPECT_EQ(table.rows[0][0], "青岛市市场监督管理局") << "departments by name";
  EXPECT_EQ(table.rows[1][1], "行政许可") << "enums by label";
  const auto report = Import("power", tabular::WriteXlsx("权责清单", table), {}, std::nullopt, FileFormat::kXlsx);
  EXPECT_EQ(report.imported, 2);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  std::vector<Fields> after;
  for (auto& e : ListEntries(tx, {"power"}, http::Paging{}, &total)) after.push_back(e.fields);
  EXPECT_EQ(after, before);
}

TEST_P(ListsTest, ResponsibilityFallsBackFromStreetToCountyToCity) {
  const auto add = [&](const std::string& division, std::int64_t department, const std::string& street) {
    Create("territorial", {{"matter", "占道经营"},
                           {"division_code", division},
                           {"department", std::to_string(department)},
                           {"street", street},
                           {"cooperation", "街道巡查发现，部门依法处置"}});
  };
  add("370200", city_, "");
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    const auto r = FindResponsible(tx, " 占道经营 ", "370211001");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->matched_division_code, "370200");
    EXPECT_EQ(r->division_code, "370211001");
    EXPECT_EQ(r->department_id, city_);
  }
  add("370211", district_, "");
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    EXPECT_EQ(FindResponsible(tx, "占道经营", "370211001")->matched_division_code, "370211");
    EXPECT_EQ(FindResponsible(tx, "占道经营", "370211002")->department_name, "青岛西海岸新区管委");
    EXPECT_EQ(FindResponsible(tx, "占道经营", "370202001")->matched_division_code, "370200")
        << "another district: the city";
  }
  add("370211001", street_, "黄岛街道");
  db::Tx tx = db().Begin(db::TxMode::kRead);
  const auto r = FindResponsible(tx, "占道经营", "370211001");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->matched_division_code, "370211001");
  EXPECT_EQ(r->street, "黄岛街道");
  EXPECT_EQ(r->cooperation, "街道巡查发现，部门依法处置");
  EXPECT_FALSE(FindResponsible(tx, "占道", "370211001")) << "matched exactly, not by substring";
  EXPECT_FALSE(FindResponsible(tx, "占道经营", "3702"));
  EXPECT_FALSE(FindResponsible(tx, "占道经营", "110101001")) << "no entry up Beijing's chain";
}

TEST_P(ListsTest, ScopeLimitsWhatACallerMayWrite) {
  const Scope street_only = std::set<std::int64_t>{street_};
  EXPECT_EQ(Thrown([&] { Create("power", Power("QZ-9"), street_only); }),
            std::make_pair(std::string("catalog.list.out_of_scope"), 403));
  const auto report =
      Import("duty", "部门,职责,具体工作事项\n青岛市市场监督管理局,职责,事项\n黄岛街道办事处,职责,事项\n", Csv(true),
             street_only);
  EXPECT_EQ(report.imported, 1);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].code, "out_of_scope");
}

TEST_P(ListsTest, DemoRowsLoadByDepartmentNameAndABadRowIsNamed) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  LoadDemoRows(
      tx, kT0, audit::SystemActor(), "territorial",
      nlohmann::json::parse(
          R"([{"matter":"占道经营","division_code":"370211001","department":"黄岛街道办事处","street":"黄岛街道"},
                                          {"matter":"占道经营","division_code":370211,"department":"青岛西海岸新区管委"}])"),
      &Divisions());
  try {
    LoadDemoRows(
        tx, kT0, audit::SystemActor(), "no_penalty",
        nlohmann::json::parse(R"([{"code":"BY-1","violation":"v","legal_basis":"b","conditions":"c","domain":"d"},
                                            {"code":"BY-2","violation":"v","legal_basis":"b","conditions":"c","domain":"d","department":"无此部门"}])"));
    FAIL() << "a bad demo row was loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "catalog.list.bad_demo_row");
    EXPECT_NE(e.message_en().find("row 2"), std::string::npos) << e.message_en();
  }
  EXPECT_EQ(FindResponsible(tx, "占道经营", "370211002")->department_id, district_);
}

INSTANTIATE_TEST_SUITE_P(Stores, ListsTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::catalog::lists
