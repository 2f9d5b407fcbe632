#include "platform/errors/error.hpp"

#include <gtest/gtest.h>

namespace tongban {
namespace {

TEST(ProblemJsonTest, ShapeAndLanguage) {
  const Error e = Error::Unprocessable("case.bad_form", "表单不合规", "The form is invalid",
                                       {{"/applicant/id_number", "pattern", "身份证号码格式错误", "bad ID number"}});
  auto zh = ToProblemJson(e, false, "r1");
  EXPECT_EQ(zh["status"], 422);
  EXPECT_EQ(zh["code"], "case.bad_form");
  EXPECT_EQ(zh["detail"], "表单不合规");
  EXPECT_EQ(zh["errors"][0]["pointer"], "/applicant/id_number");
  EXPECT_EQ(zh["errors"][0]["message"], "身份证号码格式错误");
  auto en = ToProblemJson(e, true, "r1");
  EXPECT_EQ(en["title"], "Invalid input");
  EXPECT_EQ(en["errors"][0]["message"], "bad ID number");
}

TEST(ProblemJsonTest, AcceptLanguage) {
  EXPECT_FALSE(PrefersEnglish(""));
  EXPECT_FALSE(PrefersEnglish("zh-CN,zh;q=0.9,en;q=0.8"));
  EXPECT_TRUE(PrefersEnglish("en-US,en;q=0.9"));
  EXPECT_TRUE(PrefersEnglish(" EN"));
}

TEST(ProblemJsonTest, InternalErrorsHideTheirCause) {
  const Error e = Error::Internal("internal", "segfault in the frobnicator");
  EXPECT_EQ(ToProblemJson(e, true, "r").dump().find("frobnicator"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("frobnicator"), std::string::npos) << "but the log has it";
}

}  // namespace
}  // namespace tongban
