#include "platform/db/placeholders.hpp"

#include <gtest/gtest.h>

namespace tongban::db {
namespace {

TEST(RewritePlaceholdersTest, SkipsLiteralsAndComments) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"SELECT ?", "SELECT $1"},
      {"a = ? AND b = ?", "a = $1 AND b = $2"},
      {"x = '?' AND y = ?", "x = '?' AND y = $1"},
      {"x = 'it''s ?' AND y = ?", "x = 'it''s ?' AND y = $1"},
      {"\"col?\" = ?", "\"col?\" = $1"},
      {"-- why?\nSELECT ?", "-- why?\nSELECT $1"},
      {"/* ? */ ?", "/* ? */ $1"},
      {"$$ ? $$ ?", "$$ ? $$ $1"},
      {"no params", "no params"},
  };
  for (const auto& c : cases) EXPECT_EQ(RewritePlaceholders(c.in), c.out) << c.in;
}

TEST(SplitStatementsTest, SplitsAtTopLevelSemicolons) {
  auto s = SplitStatements("CREATE TABLE a (x TEXT DEFAULT ';');\n-- c; d\nINSERT INTO a VALUES ('1;2');\n\n  ");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "CREATE TABLE a (x TEXT DEFAULT ';')");
  EXPECT_EQ(s[1], "-- c; d\nINSERT INTO a VALUES ('1;2')");
}

TEST(SplitStatementsTest, KeepsTriggerAndFunctionBodiesWhole) {
  auto s = SplitStatements(
      "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END;\n"
      "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ LANGUAGE plpgsql;\n"
      "SELECT 1;");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_NE(s[0].find("DELETE FROM c; END"), std::string::npos);
  EXPECT_NE(s[1].find("$body$ LANGUAGE plpgsql"), std::string::npos);
  EXPECT_EQ(s[2], "SELECT 1");
}

TEST(SplitStatementsTest, CommentOnlyTailIsDropped) {
  EXPECT_EQ(SplitStatements("SELECT 1; -- done\n").size(), 1u);
  EXPECT_TRUE(SplitStatements("  -- nothing\n/* here */").empty());
}

}  // namespace
}  // namespace tongban::db
