// Tables in and out of CSV and XLSX: round trips keep Chinese text, quotes, line breaks, empty cells
// and codes with leading zeros; files from real writers (libxlsxwriter, hand-built packages the way
// Excel and WPS write them) read back into the right cells; hostile files are refused with 422
// tabular.bad_file, never a crash or an unbounded allocation.
#include "platform/tabular/tabular.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "platform/errors/error.hpp"

namespace tongban::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// The error a bad file must end in; returns its English message for further checks.
template <class F>
std::string ExpectBadFile(F&& read) {
  try {
    read();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "tabular.bad_file");
    EXPECT_FALSE(e.message_zh().empty());
    return e.message_en();
  }
  ADD_FAILURE() << "no error";
  return "";
}

// A zip archive of `members`, written by libzip (deflated, as every spreadsheet writer does).
std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& members) {
  const auto path = std::filesystem::temp_directory_path() / ("tabular-test-" + std::to_string(::getpid()) + ".zip");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : members) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A package the way Excel lays it out, with `sheet_data` as the first sheet's <sheetData> content
// and `shared` as the <si> elements. The first sheet is deliberately not sheet1.xml.
std::string Xlsx(const std::string& sheet_data, const std::string& shared = "", const std::string& prefix = "") {
  const std::string p = prefix.empty() ? "" : prefix + ":";
  const std::string ns =
      prefix.empty() ? std::string(" xmlns=\"") + kMain + "\"" : " xmlns:" + prefix + "=\"" + kMain + "\"";
  return ZipOf({
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><" + p + "workbook" + ns + " xmlns:r=\"" + kRel + "\"><" + p +
                              "sheets><" + p + "sheet name=\"清单\" sheetId=\"1\" r:id=\"rId7\"/><" + p +
                              "sheet name=\"other\" sheetId=\"2\" r:id=\"rId1\"/></" + p + "sheets></" + p +
                              "workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId7\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
       "Target=\"/xl/worksheets/first.xml\"/>"
       "<Relationship Id=\"rId9\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
       "Target=\"sharedStrings.xml\"/>"
       "</Relationships>"},
      {"xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + std::string(kMain) +
                                       "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong "
                                       "sheet</t></is></c></row></sheetData></worksheet>"},
      {"xl/worksheets/first.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + "worksheet" + ns + "><" + p +
                                      "sheetData>" + sheet_data + "</" + p + "sheetData></" + p + "worksheet>"},
      {"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + std::string(kMain) + "\">" + shared + "</sst>"},
  });
}

Table Sample() {
  Table t;
  t.header = {"编号", "违法行为", "适用条件", "备注"};
  t.rows = {
      {"BYCF-0001", "未按规定公示\"营业执照\"", "初次违法，危害后果轻微\n并及时改正", ""},
      {"0532", "", "a, b; c", "  前后空格  "},
      {"370211001", "多行\r\n文本", "", "末列"},
  };
  return t;
}

// ---- CSV ---------------------------------------------------------------------------------------

TEST(Csv, ReadsQuotesLineBreaksBomAndNumbersLines) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "code,name,note\r\n"
      "A1,\"食品\"\"经营\"\"许可\",\"第一行\r\n第二行\"\r\n"
      "\r\n"
      "A2,,\n"
      "A3,只有两列\n";
  const Table t = ReadCsv(csv);
  EXPECT_EQ(t.header, (std::vector<std::string>{"code", "name", "note"}));
  EXPECT_EQ(t.rows, (Rows{{"A1", "食品\"经营\"许可", "第一行\r\n第二行"}, {"A2", "", ""}, {"A3", "只有两列", ""}}));
  // The quoted line break moves the next record to line 4; the blank line 4 is skipped but counted.
  EXPECT_EQ(t.lines, (std::vector<int>{2, 5, 6}));
}

TEST(Csv, RoundTripsThroughWriteCsv) {
  const Table in = Sample();
  const std::string bytes = WriteCsv(in);
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "Excel needs the BOM to read UTF-8";
  const Table out = ReadCsv(bytes);
  EXPECT_EQ(out.header, in.header);
  EXPECT_EQ(out.rows, in.rows);
  EXPECT_EQ(out.lines, (std::vector<int>{2, 4, 5}));
}

TEST(Csv, FormulasAreWrittenAsText) {
  Table t;
  t.header = {"a"};
  t.rows = {{"=HYPERLINK(\"http://x\")"}, {"-1"}};
  const Table back = ReadCsv(WriteCsv(t));
  EXPECT_EQ(back.rows[0][0], "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(back.rows[1][0], "-1");
}

TEST(Csv, EmptyFileHasNoHeader) {
  EXPECT_TRUE(ReadCsv("").header.empty());
  EXPECT_TRUE(ReadCsv("\xEF\xBB\xBF\r\n,,\r\n").header.empty());
}

TEST(Csv, RefusesGbkWithAHint) {
  // "经营" in GBK: the bytes Excel writes when it saves "CSV" on a Chinese Windows.
  const std::string message = ExpectBadFile([] { ReadCsv("code,name\nA1,\xBE\xAD\xD3\xAA\n"); });
  EXPECT_NE(message.find("UTF-8"), std::string::npos);
  EXPECT_NE(message.find("line 2"), std::string::npos);
}

TEST(Csv, RefusesBrokenQuotingNamingTheLine) {
  EXPECT_NE(ExpectBadFile([] { ReadCsv("a,b\n1,\"open\n2,3\n"); }).find("line 2"), std::string::npos);
  EXPECT_NE(ExpectBadFile([] { ReadCsv("a,b\n1,2\n\"x\"y,3\n"); }).find("line 3"), std::string::npos);
  ExpectBadFile([] { ReadCsv(std::string("a,b\n1,\0\n", 8)); });
  ExpectBadFile([] { ReadCsv("a\n\xED\xA0\x80\n"); });  // a UTF-16 surrogate written as UTF-8
}

TEST(Csv, RefusesTooManyColumnsAndRows) {
  std::string wide;
  for (std::size_t i = 0; i <= kMaxColumns; ++i) wide += "c,";
  EXPECT_NE(ExpectBadFile([&] { ReadCsv(wide + "\n"); }).find("columns"), std::string::npos);
  std::string tall = "h\n";
  for (std::size_t i = 0; i <= kMaxRows; ++i) tall += "x\n";
  EXPECT_NE(ExpectBadFile([&] { ReadCsv(tall); }).find("rows"), std::string::npos);
  // A million trailing commas are empty cells, not columns: read, not refused.
  EXPECT_EQ(ReadCsv("h\nx" + std::string(1'000'000, ',') + "\n").rows.size(), 1u);
}

TEST(Csv, RefusesACellLongerThanExcelAllows) {
  ExpectBadFile([] { ReadCsv("h\n" + std::string(kMaxCellChars + 1, 'x') + "\n"); });
  EXPECT_EQ(ReadCsv("h\n" + std::string(kMaxCellChars, 'x') + "\n").rows.size(), 1u);
}

// ---- XLSX --------------------------------------------------------------------------------------

TEST(Xlsx, RoundTripsThroughLibxlsxwriter) {
  const Table in = Sample();
  const std::string bytes = WriteXlsx("不予处罚清单", in);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  const Table out = ReadXlsx(bytes);
  EXPECT_EQ(out.header, in.header);
  EXPECT_EQ(out.rows, in.rows) << "CR survives as _x000D_";
  EXPECT_EQ(out.lines, (std::vector<int>{2, 3, 4}));
}

TEST(Xlsx, WritesAWorkbookWithLongSheetNamesAndManyRows) {
  Table t;
  t.header = {"a", "b"};
  for (int i = 0; i < 2000; ++i) t.rows.push_back({std::to_string(i), i % 3 ? "文本" + std::to_string(i) : ""});
  const Table back = ReadXlsx(WriteXlsx("a/b:c*d?[e]一二三四五六七八九十一二三四五六七八九十一二三四五", t));
  EXPECT_EQ(back.rows, t.rows);
  EXPECT_EQ(back.lines.back(), 2001);
}

TEST(Xlsx, ReadsCellTypesByReferenceFromTheFirstSheet) {
  const std::string shared =
      "<si><t>事项名称</t></si>"
      "<si><r><rPr><b/></rPr><t>食品</t></r><r><t xml:space=\"preserve\">经营 许可</t></r><rPh sb=\"0\" "
      "eb=\"2\"><t>shípǐn</t></rPh></si>"
      "<si><t>line_x000D_\nbreak</t></si>";
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>代码</t></is></c>"
      "<c r=\"AA1\" t=\"inlineStr\"><is><r><t>远</t></r><r><t>列</t></r></is></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"C3\"><v>370211</v></c><c r=\"D3\"><v>1.5</v></c>"
      "<c r=\"E3\" t=\"b\"><v>1</v></c><c r=\"F3\" t=\"e\"><v>#N/A</v></c><c r=\"G3\" "
      "t=\"str\"><f>A1&amp;C3</f><v>计算</v></c>"
      "<c r=\"AA3\"><v>3.0E2</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" s=\"1\"/><c r=\"B4\" t=\"s\"><v>2</v></c><c><v>7</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" s=\"3\"/></row>"
      "<row><c t=\"inlineStr\"><is><t>next</t></is></c></row>";
  const Table t = ReadXlsx(Xlsx(rows, shared));
  ASSERT_EQ(t.header.size(), 27u);
  EXPECT_EQ(t.header[0], "事项名称");
  EXPECT_EQ(t.header[1], "");
  EXPECT_EQ(t.header[2], "代码");
  EXPECT_EQ(t.header[26], "远列");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0], "食品经营 许可") << "runs joined, the phonetic guide dropped";
  EXPECT_EQ(t.rows[0][2], "370211");
  EXPECT_EQ(t.rows[0][3], "1.5");
  EXPECT_EQ(t.rows[0][4], "TRUE");
  EXPECT_EQ(t.rows[0][5], "#N/A");
  EXPECT_EQ(t.rows[0][6], "计算");
  EXPECT_EQ(t.rows[0][26], "300");
  EXPECT_EQ(t.rows[1][1], "line\r\nbreak");
  EXPECT_EQ(t.rows[1][2], "7") << "a cell without a reference follows the previous one";
  EXPECT_EQ(t.rows[2][0], "next");
  EXPECT_EQ(t.lines, (std::vector<int>{3, 4, 6})) << "empty row 5 skipped, row 6 follows it";
}

TEST(Xlsx, ReadsPrefixedElements) {
  const Table t =
      ReadXlsx(Xlsx("<x:row r=\"1\"><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>名称</x:t></x:is></x:c></x:row>"
                    "<x:row r=\"2\"><x:c r=\"B2\"><x:v>12</x:v></x:c></x:row>",
                    "", "x"));
  EXPECT_EQ(t.header, (std::vector<std::string>{"", "名称"}));
  EXPECT_EQ(t.rows, (Rows{{"", "12"}}));
}

TEST(Xlsx, RefusesWhatIsNotAnXlsx) {
  ExpectBadFile([] { ReadXlsx("code,name\n1,2\n"); });
  EXPECT_NE(ExpectBadFile([] {
              ReadXlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
            }).find(".xls"),
            std::string::npos);
  ExpectBadFile([] { ReadXlsx(""); });
  ExpectBadFile([] { ReadXlsx(ZipOf({{"hello.txt", "hi"}})); });
  // A valid file cut short.
  const std::string good = WriteXlsx("s", Sample());
  ExpectBadFile([&] { ReadXlsx(good.substr(0, good.size() / 2)); });
}

TEST(Xlsx, RefusesAZipBomb) {
  // 21 MB of spaces inside the worksheet deflate to some 20 KB.
  const std::string sheet = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(21u << 20, ' ');
  EXPECT_NE(ExpectBadFile([&] { ReadXlsx(Xlsx(sheet)); }).find("MB"), std::string::npos);
}

TEST(Xlsx, RefusesEntityDeclarations) {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>";
  // A bare package (no relationships: the reader falls back to the usual part names).
  const std::string bytes =
      ZipOf({{"xl/workbook.xml", "<workbook xmlns=\"" + std::string(kMain) +
                                     "\"><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>"},
             {"xl/worksheets/sheet1.xml",
              "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>"},
             {"xl/sharedStrings.xml", laughs}});
  EXPECT_NE(ExpectBadFile([&] { ReadXlsx(bytes); }).find("DTD"), std::string::npos);
}

TEST(Xlsx, RefusesMalformedSheets) {
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><c t=\"s\"><v>5</v></c></row>")); });  // no such shared string
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><c t=\"s\"><v>-1</v></c></row>", "<si><t>a</t></si>")); });
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"2\"/><row r=\"1\"/>")); });  // rows backwards
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"0\"/>")); });
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>")); });
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")); });
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><c><v>1</v></row>")); });  // not well-formed
  ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><row r=\"2\"/></row>")); });
  EXPECT_NE(ExpectBadFile([] { ReadXlsx(Xlsx("<row r=\"1\"><c r=\"CW1\"><v>1</v></c></row>")); }).find("columns"),
            std::string::npos);
  // An empty cell far to the right is formatting, not data.
  EXPECT_EQ(ReadXlsx(Xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" s=\"2\"/></row>")).header.size(), 1u);
}

TEST(Xlsx, RefusesTooManyRows) {
  std::string rows;
  for (std::size_t i = 1; i <= kMaxRows + 2; ++i) rows += "<row><c><v>" + std::to_string(i) + "</v></c></row>";
  EXPECT_NE(ExpectBadFile([&] { ReadXlsx(Xlsx(rows)); }).find("rows"), std::string::npos);
}

TEST(Xlsx, RefusesAmplificationThroughSharedStrings) {
  // One 32,000-character string referenced by 2,200 cells: a 70 MB table from a small file.
  std::string rows = "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>";
  for (int r = 2; r <= 23; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 100; ++c) rows += "<c t=\"s\"><v>0</v></c>";
    rows += "</row>";
  }
  EXPECT_NE(ExpectBadFile([&] { ReadXlsx(Xlsx(rows, "<si><t>" + std::string(32'000, 'x') + "</t></si>")); }).find("MB"),
            std::string::npos);
  ExpectBadFile([&] {
    ReadXlsx(Xlsx("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>",
                  "<si><t>" + std::string(kMaxCellChars + 1, 'y') + "</t></si>"));
  });
}

TEST(Xlsx, RefusesACellTooLongToWrite) {
  Table t;
  t.header = {"a"};
  t.rows = {{std::string(kMaxCellChars + 1, 'x')}};
  ExpectBadFile([&] { WriteXlsx("s", t); });
}

}  // namespace
}  // namespace tongban::tabular
