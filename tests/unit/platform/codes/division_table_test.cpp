#include "platform/codes/division_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "platform/codes/provinces.hpp"
#include "platform/codes/test_data_dir.hpp"
#include "platform/errors/error.hpp"

namespace tongban::codes {
namespace {

class DivisionTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = testing::TestDataDir();
    ASSERT_FALSE(dir.empty())
        << "no data/holidays above the working directory; set TONGBAN_DATA_DIR";
    table_ = new DivisionTable(DivisionTable::LoadFromDirectory(dir / "divisions"));
  }
  static void TearDownTestSuite() {
    delete table_;
    table_ = nullptr;
  }
  static DivisionTable* table_;
};
DivisionTable* DivisionTableTest::table_ = nullptr;

struct Known {
  std::string code;
  std::string name;
  DivisionLevel level;
  std::string parent;
};

TEST_F(DivisionTableTest, FindsDivisionsAtEveryLevel) {
  const std::vector<Known> cases = {
      {"370000", "山东省", DivisionLevel::kProvince, ""},
      {"370200", "青岛市", DivisionLevel::kCity, "370000"},
      {"370211", "黄岛区", DivisionLevel::kCounty, "370200"},
      {"370211001", "黄岛街道", DivisionLevel::kStreet, "370211"},
      {"110101", "东城区", DivisionLevel::kCounty, "110100"},
      {"110100", "市辖区", DivisionLevel::kCity, "110000"},
      {"441900", "东莞市", DivisionLevel::kCity, "440000"},  // a city with no counties
      {"429004", "仙桃市", DivisionLevel::kCounty, "429000"},
      {"650000", "新疆维吾尔自治区", DivisionLevel::kProvince, ""},
      {"810000", "香港特别行政区", DivisionLevel::kProvince, ""},
  };
  for (const auto& c : cases) {
    const Division* d = table_->Find(c.code);
    ASSERT_NE(d, nullptr) << c.code;
    EXPECT_EQ(d->name, c.name) << c.code;
    EXPECT_EQ(d->level, c.level) << c.code;
    EXPECT_EQ(d->parent_code, c.parent) << c.code;
  }
}

TEST_F(DivisionTableTest, MissesUnknownCodesAndOtherShapes) {
  for (const std::string code : {"370205", "999999", "370211999", "37", "3702", "37021",
                                 "3702110010", "370211001001", "37O211", "", "37021１"}) {
    EXPECT_EQ(table_->Find(code), nullptr) << code;
  }
}

TEST_F(DivisionTableTest, HasAllOfChinaToCountyAndShandongStreets) {
  EXPECT_GT(table_->size(), 3000u + 1800u);
  int counties = 0;
  for (const Division* city : table_->ChildrenOf("370200")) {
    EXPECT_EQ(city->parent_code, "370200");
    ++counties;
  }
  EXPECT_EQ(counties, 10);  // Qingdao: 7 districts, 3 county-level cities
  EXPECT_GE(table_->ChildrenOf("370211").size(), 20u);
  EXPECT_TRUE(table_->ChildrenOf("370211001").empty());
  EXPECT_TRUE(table_->ChildrenOf("999999").empty());
}

TEST_F(DivisionTableTest, BuiltInProvincesMatchTheData) {
  // provinces.cpp carries the province list for checks that run without data; the data must
  // agree with it, or one of them is stale.
  int found = 0;
  for (int i = 10; i <= 99; ++i) {
    const std::string pp = std::to_string(i);
    EXPECT_EQ(IsProvinceCode(pp), table_->HasProvince(pp)) << pp;
    if (IsProvinceCode(pp)) {
      ++found;
      EXPECT_EQ(ProvinceName(pp), table_->Find(pp + "0000")->name) << pp;
    }
  }
  EXPECT_EQ(found, 34);
  EXPECT_FALSE(IsProvinceCode("83"));
  EXPECT_TRUE(IsIdNumberProvinceCode("83"));
}

TEST_F(DivisionTableTest, FunctionalZonesShareTheirHostsCode) {
  const Division* host = table_->FindFunctionalZoneHost("青岛西海岸新区");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->code, "370211");
  EXPECT_EQ(host->name, "黄岛区");
  EXPECT_EQ(table_->FindFunctionalZoneHost("不存在新区"), nullptr);
}

TEST_F(DivisionTableTest, FullNameSkipsPlaceholderLevels) {
  EXPECT_EQ(table_->FullName("370211001"), "山东省青岛市黄岛区黄岛街道");
  EXPECT_EQ(table_->FullName("110101"), "北京市东城区");
  EXPECT_EQ(table_->FullName("429004"), "湖北省仙桃市");
  EXPECT_EQ(table_->FullName("999999"), "");
}

TEST_F(DivisionTableTest, FlagsStatisticalDevelopmentZoneCodes) {
  const Division* zone = table_->Find("370176");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->name, "济南高新技术产业开发区");
  EXPECT_TRUE(zone->statistical_only);
  EXPECT_FALSE(table_->Find("370211")->statistical_only);
}

// A scratch directory with the given files, removed afterwards.
class ScratchDir {
 public:
  explicit ScratchDir(const std::vector<std::pair<std::string, std::string>>& files)
      : path_(std::filesystem::temp_directory_path() /
              ("tongban-div-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
               "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
    for (const auto& [name, body] : files) std::ofstream(path_ / name) << body;
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(DivisionTableLoad, RefusesBadData) {
  struct Case {
    std::string what;
    std::string body;
  };
  const std::vector<Case> cases = {
      {"not json", "{"},
      {"no kind", R"({"divisions":[]})"},
      {"unknown kind", R"({"kind":"towns","divisions":[]})"},
      {"bad code", R"({"kind":"divisions","divisions":[["37000","山东省"]]})"},
      {"repeated code",
       R"({"kind":"divisions","divisions":[["370000","山东省"],["370000","山东省"]]})"},
      {"missing parent", R"({"kind":"divisions","divisions":[["370211","黄岛区"]]})"},
      {"zone host unknown", R"({"kind":"divisions","divisions":[["370000","山东省"]]})"},
  };
  for (const auto& c : cases) {
    std::vector<std::pair<std::string, std::string>> files = {{"a.json", c.body}};
    if (c.what == "zone host unknown") {
      files.emplace_back("z.json",
                         R"({"kind":"functional_zones","zones":[{"name":"x","host":"370211"}]})");
    }
    ScratchDir dir(files);
    try {
      DivisionTable::LoadFromDirectory(dir.path());
      ADD_FAILURE() << c.what << ": loaded";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 500) << c.what;
      EXPECT_EQ(e.code(), "divisions.load_failed") << c.what;
    }
  }
}

TEST(DivisionTableLoad, RefusesAMissingDirectory) {
  EXPECT_THROW(DivisionTable::LoadFromDirectory("/nonexistent/tongban/divisions"), Error);
}

TEST(DivisionTableLoad, AnEmptyTableMissesEverything) {
  DivisionTable empty;
  EXPECT_EQ(empty.Find("370000"), nullptr);
  EXPECT_FALSE(empty.HasProvince("37"));
  EXPECT_EQ(empty.size(), 0u);
}

}  // namespace
}  // namespace tongban::codes
