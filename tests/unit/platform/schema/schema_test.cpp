#include "platform/schema/schema.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"

namespace tongban::schema {
namespace {

using nlohmann::json;

const time::Date kToday = *time::Date::Parse("2026-03-01");

std::vector<Violation> Check(const json& schema, const json& instance) {
  return Schema::Compile(schema).Validate(instance, kToday);
}

// "keyword@pointer" for each violation, in order: what a test compares.
std::vector<std::string> Found(const std::vector<Violation>& violations) {
  std::vector<std::string> out;
  for (const auto& v : violations) out.push_back(v.keyword + "@" + v.pointer);
  return out;
}

// The problems Compile finds, as "code@pointer"; empty when it compiles.
std::vector<std::string> CompileProblems(const json& schema) {
  try {
    Schema::Compile(schema);
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "schema.invalid");
    std::vector<std::string> out;
    for (const auto& f : e.errors()) out.push_back(f.code + "@" + f.pointer);
    return out;
  }
  return {};
}

std::string WithIdCheck(const std::string& first17) { return first17 + *codes::ComputeCitizenIdCheckChar(first17); }

// ---- our formats, and the draft-07 ones forms use

struct FormatCase {
  std::string format;
  std::string value;
  bool valid;
};

TEST(SchemaFormat, AcceptsAndRefusesEachFormat) {
  const std::vector<FormatCase> cases = {
      {"credit-code", "91350100M000100Y43", true},
      {"credit-code", "91110108551385082Q", true},
      {"credit-code", "91350100M000100Y44", false},   // check character
      {"credit-code", "91110108551385082q", false},   // valid once upper-cased, but stored as typed
      {"credit-code", " 91350100M000100Y43", false},  // surrounding space
      {"credit-code", "9135010", false},
      {"citizen-id", "11010519491231002X", true},
      {"citizen-id", "11010519491231002x", false},  // the lower-case x is normalised away; refused
      {"citizen-id", "110105194912310021", false},  // check character
      {"citizen-id", WithIdCheck("11010520260301001"), true},   // born today (kToday)
      {"citizen-id", WithIdCheck("11010520260302001"), false},  // born tomorrow
      {"citizen-id", WithIdCheck("99010519491231002"), false},  // no province 99
      {"division-code", "370211", true},
      {"division-code", "370000", true},
      {"division-code", "370211001", true},
      {"division-code", "370211000", false},
      {"division-code", "990211", false},
      {"division-code", "37021", false},
      {"division-code", "37021a", false},
      {"phone-cn", "13812345678", true},
      {"phone-cn", "19912345678", true},
      {"phone-cn", "12812345678", false},  // 1 then 2: no such mobile range
      {"phone-cn", "1381234567", false},
      {"phone-cn", "010-12345678", true},
      {"phone-cn", "0532-88886666", true},
      {"phone-cn", "0532-8888666", true},
      {"phone-cn", "0532-888866661", false},
      {"phone-cn", "532-88886666", false},
      {"phone-cn", "05321-8888666", false},
      {"phone-cn", "053288886666", false},
      {"date", "2028-02-29", true},
      {"date", "2026-02-29", false},
      {"date", "2026-3-1", false},
      {"date-time", "2026-03-01T09:30:00+08:00", true},
      {"date-time", "2026-03-01T01:30:00.5Z", true},
      {"date-time", "2026-03-01T09:30+08:00", false},
      {"date-time", "2026-03-01", false},
      {"email", "zhang.san@example.com.cn", true},
      {"email", "a+tag@mail.example.org", true},
      {"email", "zhang..san@example.com", false},
      {"email", "zhangsan@localhost", false},
      {"email", "@example.com", false},
      {"email", "zhangsan@-example.com", false},
  };
  for (const auto& c : cases) {
    const auto v = Check({{"format", c.format}}, c.value);
    EXPECT_EQ(v.empty(), c.valid) << c.format << " " << c.value << (v.empty() ? "" : ": " + v[0].en);
    if (!v.empty()) {
      EXPECT_EQ(v[0].keyword, "format");
    }
  }
}

TEST(SchemaFormat, AppliesToStringsOnly) {
  EXPECT_TRUE(Check({{"format", "phone-cn"}}, 13812345678).empty());
  EXPECT_TRUE(Check({{"format", "date"}}, nullptr).empty());
}

TEST(SchemaFormat, CitizenIdUsesTheRealDateWithoutOne) {
  // Born on 2000-01-01: valid on any real today; a birth in 2999 never is.
  const auto schema = Schema::Compile({{"format", "citizen-id"}});
  EXPECT_TRUE(schema.Validate(WithIdCheck("11010520000101001")).empty());
  EXPECT_FALSE(schema.Validate(WithIdCheck("11010529990101001")).empty());
}

TEST(SchemaFormat, CodeMessagesSayWhichRuleFailed) {
  const auto v = Check({{"properties", {{"credit_code", {{"format", "credit-code"}}}}}},
                       {{"credit_code", "91350100M000100Y44"}});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].zh, "/credit_code：统一社会信用代码校验码（第18位）错误，请核对");
  EXPECT_EQ(v[0].en,
            "/credit_code: must be a valid unified social credit code: the check character (position 18) does "
            "not match the code; please check it");
}

// ---- every violation at once, each at its pointer

const json kForm = R"({
  "type": "object",
  "required": ["name", "age", "phone", "materials"],
  "properties": {
    "name": {"type": "string", "title": "姓名", "minLength": 2, "maxLength": 4},
    "age": {"type": "integer", "minimum": 18},
    "phone": {"type": "string", "format": "phone-cn"},
    "email": {"type": "string", "format": "email"},
    "kind": {"enum": ["natural", "legal"]},
    "materials": {
      "type": "array", "minItems": 1, "uniqueItems": true,
      "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "copies": {"type": "integer", "minimum": 1}}}
    }
  },
  "additionalProperties": false
})"_json;

TEST(SchemaViolations, ReportsEveryViolationAtOnce) {
  const json data = R"({
    "name": "张",
    "age": 17.5,
    "email": "not-an-address",
    "kind": "company",
    "materials": [{"copies": 0}, {"name": 3, "copies": 1}],
    "extra": true
  })"_json;
  EXPECT_EQ(Found(Check(kForm, data)), (std::vector<std::string>{
                                           "required@/phone",
                                           "type@/age",
                                           "minimum@/age",
                                           "format@/email",
                                           "additionalProperties@/extra",
                                           "enum@/kind",
                                           "required@/materials/0/name",
                                           "minimum@/materials/0/copies",
                                           "type@/materials/1/name",
                                           "minLength@/name",
                                       }));
}

TEST(SchemaViolations, ValidFormHasNone) {
  const json data = R"({"name": "张三", "age": 30, "phone": "0532-88886666", "email": "a@b.cn", "kind": "legal",
                         "materials": [{"name": "营业执照", "copies": 1}]})"_json;
  const auto schema = Schema::Compile(kForm);
  EXPECT_TRUE(schema.Validate(data).empty());
  EXPECT_TRUE(schema.IsValid(data));
  EXPECT_FALSE(schema.IsValid(json::object()));
}

TEST(SchemaViolations, ThenAndElseReportTheirOwnViolations) {
  // A company must give its credit code, a person a citizen ID: the violations are those of the
  // branch the "if" chose, at the field's pointer.
  const json schema = R"({
    "if": {"properties": {"kind": {"const": "legal"}}},
    "then": {"required": ["credit_code"]},
    "else": {"required": ["id_number"]}
  })"_json;
  EXPECT_EQ(Found(Check(schema, {{"kind", "legal"}})), std::vector<std::string>{"required@/credit_code"});
  EXPECT_EQ(Found(Check(schema, {{"kind", "natural"}})), std::vector<std::string>{"required@/id_number"});
}

TEST(SchemaViolations, UniqueItemsUsesJsonEquality) {
  EXPECT_EQ(Found(Check({{"uniqueItems", true}}, json::parse("[1, 2, 1.0]"))), std::vector<std::string>{"uniqueItems@/2"});
  EXPECT_EQ(Found(Check({{"uniqueItems", true}}, json::parse(R"([{"a":1,"b":2},{"b":2,"a":1.0}])"))),
            std::vector<std::string>{"uniqueItems@/1"});
  EXPECT_TRUE(Check({{"uniqueItems", true}}, json::parse("[1, true, \"1\", [1], {\"1\":1}]")).empty());
}

TEST(SchemaViolations, LengthsCountCharactersNotBytes) {
  EXPECT_TRUE(Check({{"minLength", 2}, {"maxLength", 2}}, "张三").empty());  // 6 bytes
  EXPECT_EQ(Found(Check({{"maxLength", 2}}, "欧阳娜娜")), std::vector<std::string>{"maxLength@"});
  EXPECT_TRUE(Check({{"maxLength", 1}}, "😀").empty());  // one code point outside the BMP
}

TEST(SchemaViolations, PatternsWorkOnChineseCharacters) {
  const json name = {{"pattern", "^[\\u4e00-\\u9fa5]{2,4}$"}};
  EXPECT_TRUE(Check(name, "张三").empty());
  EXPECT_FALSE(Check(name, "zhangsan").empty());
  EXPECT_FALSE(Check(name, "张").empty());
  EXPECT_TRUE(Check({{"pattern", "^.{2}$"}}, "张三").empty());
  EXPECT_TRUE(Check({{"pattern", "^[一-龥]+$"}}, "青岛").empty());
  // Unanchored, as JSON Schema says; ^ and $ only at the ends, as in JavaScript.
  EXPECT_TRUE(Check({{"pattern", "\\d{3}"}}, "No. 123").empty());
  EXPECT_FALSE(Check({{"pattern", "^a$"}}, "a\nb").empty());
}

TEST(SchemaViolations, MultipleOfToleratesDecimalFractions) {
  EXPECT_TRUE(Check({{"multipleOf", 0.01}}, 19.99).empty());
  EXPECT_TRUE(Check({{"multipleOf", 0.1}}, 0.3).empty());
  EXPECT_FALSE(Check({{"multipleOf", 0.01}}, 19.995).empty());
  EXPECT_FALSE(Check({{"multipleOf", 3}}, 10).empty());
  EXPECT_TRUE(Check({{"multipleOf", 3}}, -9).empty());
}

TEST(SchemaViolations, NumbersCompareByValue) {
  EXPECT_TRUE(Check({{"maximum", 18446744073709551615ULL}}, 18446744073709551600ULL).empty());
  EXPECT_FALSE(Check({{"minimum", 0}}, -1).empty());
  EXPECT_TRUE(Check({{"type", "integer"}}, 3.0).empty());
  EXPECT_FALSE(Check({{"exclusiveMaximum", 10}}, 10.0).empty());
}

// ---- messages

struct MessageCase {
  json schema;
  json data;
  std::string zh;
  std::string en;
};

TEST(SchemaMessages, NameTheFieldInChineseAndEnglish) {
  const std::vector<MessageCase> cases = {
      {{{"properties", {{"age", {{"minimum", 18}}}}}}, {{"age", 16}}, "/age：应不小于 18", "/age: must be at least 18"},
      {{{"required", {"name"}}}, json::object(), "缺少必填项 name", "name is required"},
      {{{"required", {"name"}}, {"properties", {{"name", {{"title", "姓名"}}}}}}, json::object(),
       "缺少必填项 name（姓名）", "name is required"},
      {{{"properties", {{"applicant", {{"required", {"name"}}}}}}}, {{"applicant", json::object()}},
       "/applicant：缺少必填项 name", "/applicant: name is required"},
      {{{"properties", {{"name", {{"title", "姓名"}, {"maxLength", 4}}}}}}, {{"name", "欧阳娜娜娜"}},
       "/name（姓名）：长度应不超过 4 个字符（现有 5 个）", "/name: must be at most 4 characters long (has 5)"},
      {{{"type", "object"}}, json::array(), "应为对象，实际是数组", "must be an object, not an array"},
      {{{"type", {"string", "null"}}}, 1, "应为字符串或空值（null），实际是数字", "must be a string or null, not a number"},
      {{{"enum", {"natural", "legal"}}}, "x", "应为以下值之一：\"natural\"、\"legal\"", "must be one of: \"natural\", \"legal\""},
      {{{"additionalProperties", false}}, {{"x", 1}}, "不允许的字段 x", "x is not an allowed property"},
      {{{"properties", {{"list", {{"minItems", 1}}}}}}, {{"list", json::array()}}, "/list：至少应有 1 项（现有 0 项）",
       "/list: must have at least 1 items (has 0)"},
      {{{"dependencies", {{"credit_code", {"legal_person"}}}}}, {{"credit_code", "x"}},
       "填写了 credit_code 时，还须填写 legal_person", "legal_person is required when credit_code is present"},
      {{{"exclusiveMinimum", 0}}, 0, "应大于 0", "must be greater than 0"},
      {{{"multipleOf", 0.5}}, 0.3, "应为 0.5 的整数倍", "must be a multiple of 0.5"},
      {{{"properties", {{"when", {{"format", "date"}}}}}}, {{"when", "2026/03/01"}},
       "/when：应为日期，格式 YYYY-MM-DD（如 2026-03-01）", "/when: must be a date, YYYY-MM-DD (as 2026-03-01)"},
  };
  for (const auto& c : cases) {
    const auto v = Check(c.schema, c.data);
    ASSERT_EQ(v.size(), 1u) << c.schema.dump();
    EXPECT_EQ(v[0].zh, c.zh) << c.schema.dump();
    EXPECT_EQ(v[0].en, c.en) << c.schema.dump();
  }
}

TEST(SchemaMessages, NeverRepeatTheValue) {
  // Values may be personal data (ID and phone numbers): messages say what is wrong, not what was sent.
  const std::string secret = WithIdCheck("37021119900101001");
  for (const json& schema : {json{{"const", "x"}}, json{{"pattern", "^1"}}, json{{"maxLength", 3}},
                             json{{"type", "integer"}}, json{{"format", "phone-cn"}}}) {
    for (const auto& v : Check(schema, secret)) {
      EXPECT_EQ(v.zh.find(secret), std::string::npos) << v.zh;
      EXPECT_EQ(v.en.find(secret), std::string::npos) << v.en;
    }
  }
}

TEST(SchemaMessages, ToErrorCarriesEveryViolation) {
  const auto violations = Check(kForm, json::object());
  ASSERT_EQ(violations.size(), 4u);
  const Error e = ToError(violations);
  EXPECT_EQ(e.status(), 422);
  EXPECT_EQ(e.code(), "form.invalid");
  ASSERT_EQ(e.errors().size(), 4u);
  // In the order the schema lists them.
  EXPECT_EQ(e.errors()[0].pointer, "/name");
  EXPECT_EQ(e.errors()[0].code, "required");
  EXPECT_EQ(e.errors()[0].message_zh, "缺少必填项 name（姓名）");
  EXPECT_EQ(e.message_zh(), "填写的内容有 4 处不符合要求，第一处：缺少必填项 name（姓名）");
  EXPECT_EQ(e.message_en(), "The form has 4 problems; the first: name is required");
  EXPECT_EQ(ToError(violations, "case.form_invalid").code(), "case.form_invalid");
  const auto problem = ToProblemJson(e, false, "req-1");
  EXPECT_EQ(problem["errors"].size(), 4u);
  EXPECT_EQ(problem["errors"][3]["pointer"], "/materials");
}

// ---- JSON Pointer escaping, in violations and in $ref

TEST(SchemaPointer, EscapesPropertyNames) {
  const json schema = {{"properties", {{"a/b", {{"type", "integer"}}}, {"c~d", {{"type", "integer"}}}, {"年龄", {{"minimum", 18}}}}}};
  EXPECT_EQ(Found(Check(schema, {{"a/b", "x"}, {"c~d", "x"}, {"年龄", 3}})),
            (std::vector<std::string>{"type@/a~1b", "type@/c~0d", "minimum@/年龄"}));
  EXPECT_EQ(Found(Check({{"required", {"a/b"}}}, json::object())), std::vector<std::string>{"required@/a~1b"});
}

TEST(SchemaPointer, RefsFollowEscapedAndPercentEncodedSegments) {
  const json schema = R"({
    "definitions": {"a/b": {"type": "integer"}, "c~d": {"type": "string"}, "e%f": {"type": "boolean"}},
    "properties": {
      "x": {"$ref": "#/definitions/a~1b"},
      "y": {"$ref": "#/definitions/c~0d"},
      "z": {"$ref": "#/definitions/e%25f"},
      "root": {"$ref": "#"}
    }
  })"_json;
  EXPECT_TRUE(Check(schema, {{"x", 1}, {"y", "s"}, {"z", true}, {"root", {{"x", 2}}}}).empty());
  EXPECT_EQ(Found(Check(schema, {{"x", "1"}, {"y", 1}, {"z", 1}, {"root", {{"x", "2"}}}})),
            (std::vector<std::string>{"type@/root/x", "type@/x", "type@/y", "type@/z"}));
}

// ---- schemas Compile refuses

struct BadSchema {
  json schema;
  std::vector<std::string> problems;  // code@pointer into the schema
};

TEST(SchemaCompile, RefusesInvalidSchemasNamingEachProblem) {
  const std::vector<BadSchema> cases = {
      {42, {"schema@"}},
      {{{"properties", {{"age", {{"minimum", "18"}}}}}}, {"minimum@/properties/age/minimum"}},
      {{{"minLength", -1}}, {"minLength@/minLength"}},
      {{{"maxItems", 1.5}}, {"maxItems@/maxItems"}},
      {{{"type", "strin"}}, {"type@/type"}},
      {{{"type", {"string", "string"}}}, {"type@/type"}},
      {{{"required", {"a", "a"}}}, {"required@/required"}},
      {{{"required", "a"}}, {"required@/required"}},
      {{{"pattern", "(abc"}}, {"pattern@/pattern"}},
      {{{"items", {{"patternProperties", {{"[", json::object()}}}}}}, {"patternProperties@/items/patternProperties/["}},
      {{{"format", "phone"}}, {"format@/format"}},
      {{{"multipleOf", 0}}, {"multipleOf@/multipleOf"}},
      {{{"allOf", json::array()}}, {"allOf@/allOf"}},
      {{{"anyOf", {{{"type", 1}}}}}, {"type@/anyOf/0/type"}},
      {{{"not", "x"}}, {"schema@/not"}},
      {{{"enum", "x"}}, {"enum@/enum"}},
      {{{"title", 1}}, {"title@/title"}},
      {{{"dependencies", {{"a", {"b", 1}}}}}, {"dependencies@/dependencies/a"}},
      {{{"definitions", {{"x", {{"minimum", "1"}}}}}}, {"minimum@/definitions/x/minimum"}},
      {{{"$ref", "#/definitions/missing"}}, {"$ref@/$ref"}},
      {{{"$ref", "http://example.com/schema.json"}}, {"$ref@/$ref"}},
      {{{"$ref", 1}}, {"$ref@/$ref"}},
      // Every problem at once.
      {{{"minLength", -1}, {"maxLength", "x"}, {"type", 3}}, {"type@/type", "minLength@/minLength", "maxLength@/maxLength"}},
  };
  for (const auto& c : cases) EXPECT_EQ(CompileProblems(c.schema), c.problems) << c.schema.dump();
}

TEST(SchemaCompile, RefusesRefCyclesThatNeverReachTheData) {
  EXPECT_EQ(CompileProblems({{"$ref", "#"}}), std::vector<std::string>{"$ref@"});
  EXPECT_EQ(CompileProblems(R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}},
                                "$ref": "#/definitions/a"})"_json)
                .size(),
            1u);
  EXPECT_EQ(CompileProblems({{"not", {{"$ref", "#"}}}}).size(), 1u);
  // Recursion through the data is fine: each step goes one level down.
  EXPECT_TRUE(CompileProblems({{"properties", {{"child", {{"$ref", "#"}}}}}}).empty());
  EXPECT_TRUE(CompileProblems({{"items", {{"anyOf", {{{"$ref", "#"}}, {{"type", "integer"}}}}}}}).empty());
}

TEST(SchemaCompile, RefusesNestingDeeperThanTheLimit) {
  json deep = {{"type", "string"}};
  for (int i = 0; i < 100; ++i) deep = {{"not", deep}};
  const auto problems = CompileProblems(deep);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("schema@/not/not/", 0), 0u);
}

TEST(SchemaCompile, AcceptsWhatFormsWrite) {
  EXPECT_TRUE(CompileProblems(kForm).empty());
  EXPECT_TRUE(CompileProblems(true).empty());
  EXPECT_TRUE(CompileProblems(json::object()).empty());
  // Unknown keywords (UI hints) are ignored; the meta-schema is built in.
  EXPECT_TRUE(CompileProblems({{"x-widget", "textarea"}, {"title", "说明"}, {"maxLength", 500}}).empty());
  const auto meta = Schema::Compile({{"$ref", "http://json-schema.org/draft-07/schema#"}});
  EXPECT_TRUE(meta.IsValid(kForm));
  EXPECT_FALSE(meta.IsValid({{"minLength", -1}}));
}

TEST(SchemaCompile, ResolvesIdsWithinTheDocument) {
  const json schema = R"({
    "$id": "http://tongban.example/forms/a.json",
    "properties": {"address": {"$ref": "address.json"}, "phone": {"$ref": "#phone"}},
    "definitions": {
      "address": {"$id": "address.json", "type": "object", "required": ["division"]},
      "phone": {"$id": "#phone", "type": "string", "format": "phone-cn"}
    }
  })"_json;
  EXPECT_EQ(Found(Check(schema, {{"address", json::object()}, {"phone", "12"}})),
            (std::vector<std::string>{"required@/address/division", "format@/phone"}));
}

// ---- limits: an untrusted schema must not hang or crash the server

TEST(SchemaLimits, DeepDataStopsWithAViolation) {
  json data = json::array();
  for (int i = 0; i < 20000; ++i) data = json::array({std::move(data)});
  const auto v = Check({{"items", {{"$ref", "#"}}}}, data);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].keyword, "depth");
  EXPECT_FALSE(Schema::Compile({{"items", {{"$ref", "#"}}}}).IsValid(data));
}

TEST(SchemaLimits, DeepValuesAreNeverWalkedWhole) {
  // nlohmann's ==, hash and copy recurse: a value nested 100,000 deep would overflow the stack.
  json deep = json::array();
  for (int i = 0; i < 100000; ++i) deep = json::array({std::move(deep)});
  const json data = json::array({std::move(deep), 1});
  const auto v = Check({{"uniqueItems", true}}, data);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].keyword, "depth");
  EXPECT_TRUE(Check({{"enum", {1, {{"a", 1}}}}}, data).size() == 1u);  // compared only as deep as the enum
  json deep_const = json::array();
  for (int i = 0; i < 100; ++i) deep_const = json::array({std::move(deep_const)});
  EXPECT_EQ(CompileProblems({{"const", deep_const}}), std::vector<std::string>{"const@/const"});
}

TEST(SchemaLimits, ExponentialSchemasStopWithAViolation) {
  // Two alternatives at every level, both failing only at the bottom: 2^40 paths.
  const json schema = R"({
    "definitions": {"n": {"anyOf": [
      {"type": "object", "properties": {"a": {"$ref": "#/definitions/n"}}, "required": ["a"]},
      {"type": "object", "properties": {"a": {"$ref": "#/definitions/n"}}, "required": ["a"]}
    ]}},
    "$ref": "#/definitions/n"
  })"_json;
  json data = json::object();
  for (int i = 0; i < 40; ++i) data = {{"a", std::move(data)}};
  const auto start = std::chrono::steady_clock::now();
  const auto v = Check(schema, data);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v.back().keyword, "complexity");
  // A "not" around it cannot turn the stop into "valid".
  json negated = schema;
  negated.erase("$ref");
  negated["not"] = {{"$ref", "#/definitions/n"}};
  EXPECT_FALSE(Schema::Compile(negated).IsValid(data));
}

TEST(SchemaLimits, CatastrophicPatternsAreBounded) {
  const auto start = std::chrono::steady_clock::now();
  const auto v = Check({{"pattern", "^(a+)+$"}}, std::string(40, 'a') + "!");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(Found(v), std::vector<std::string>{"pattern@"});
  // A long value with a pattern that backtracks per character: no stack overflow.
  EXPECT_EQ(Check({{"pattern", "^(a|b)*$"}}, std::string(2'000'000, 'a')).size(), 1u);
  EXPECT_TRUE(Check({{"pattern", "^[a-z]*$"}}, std::string(1'000'000, 'a')).empty());
}

TEST(SchemaLimits, OneSchemaServesManyThreads) {
  const auto schema = Schema::Compile(kForm);
  const json bad = {{"name", "张"}, {"age", 3}};
  const auto expected = schema.Validate(bad);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) mismatches[t] += Found(schema.Validate(bad)) != Found(expected);
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(SchemaLimits, DefaultSchemaAcceptsEverything) {
  const Schema schema;
  EXPECT_TRUE(schema.Validate(json::parse("[1, {\"a\": null}]")).empty());
  EXPECT_TRUE(schema.IsValid(nullptr));
}

}  // namespace
}  // namespace tongban::schema
