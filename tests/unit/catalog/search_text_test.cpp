// Chinese search text: the gram text answers one- and two-character words, and the query is split
// into terms that are safe to quote into FTS5 and tsquery.
#include <gtest/gtest.h>

#include "catalog/search_text.hpp"

namespace tongban::catalog {
namespace {

TEST(GramText, HanRunsBecomeCharactersAndPairs) {
  EXPECT_EQ(GramText("食品经营"), "食 食品 品 品经 经 经营 营");
  EXPECT_EQ(GramText("证"), "证");
}

TEST(GramText, PunctuationSplitsRunsAndAsciiWordsStayWhole) {
  EXPECT_EQ(GramText("发票、社保"), "发 发票 票 社 社保 保");
  EXPECT_EQ(GramText("《食品》ABC-12"), "食 食品 品 abc 12");
  EXPECT_EQ(GramText("  "), "");
  EXPECT_EQ(GramText("\xff\xfe"), "") << "invalid bytes are separators, never tokens";
}

TEST(QueryTerms, SplitsOnSpacesAndChinesePunctuation) {
  EXPECT_EQ(QueryTerms("食品  经营许可"), (std::vector<std::string>{"食品", "经营许可"}));
  EXPECT_EQ(QueryTerms("营业执照，发票"), (std::vector<std::string>{"营业执照", "发票"}));
  EXPECT_EQ(QueryTerms("\"食品\" OR 1=1"), (std::vector<std::string>{"食品", "or", "1", "1"}))
      << "quotes and operators never reach the index syntax; ASCII is folded to lower case";
  EXPECT_TRUE(QueryTerms("、。！").empty());
}

TEST(QueryTerms, CapsTermsAndTheirLength) {
  EXPECT_EQ(QueryTerms("a b c d e f g h").size(), 6u);
  const auto long_term = QueryTerms(std::string(100, 'x'));
  ASSERT_EQ(long_term.size(), 1u);
  EXPECT_EQ(long_term[0].size(), 32u);
}

TEST(ShortFormsIn, NamesTheShortFormsOfOfficialWording) {
  EXPECT_EQ(ShortFormsIn("城镇职工基本养老保险和社会保险登记"), "社保");
  EXPECT_EQ(ShortFormsIn("个体工商户设立登记（营业执照）"), "个体户 执照");
  EXPECT_EQ(ShortFormsIn("食品经营许可"), "");
}

TEST(FirstCodePoints, NeverCutsACharacter) {
  EXPECT_EQ(FirstCodePoints("食品经营许可", 2), "食品");
  EXPECT_EQ(FirstCodePoints("ab", 5), "ab");
}

TEST(CodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePoints("食品"), 2u);
  EXPECT_EQ(CodePoints("a食"), 2u);
}

}  // namespace
}  // namespace tongban::catalog
