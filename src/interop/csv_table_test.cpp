#include "interop/csv_table.h"

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace waymark {
namespace {

using Cells = std::vector<std::string>;

CsvTable parse_ok(std::string_view bytes) {
  auto table = CsvTable::parse(bytes);
  EXPECT_TRUE(table.ok()) << table.error().message;
  return table.ok() ? std::move(table).value() : CsvTable{};
}

TEST(CsvTable, ReadsHeadersAndRows) {
  CsvTable table = parse_ok(" UPN ,Surname,Date Of Birth\nH801200001001, Smith ,2012-09-01\n");
  EXPECT_EQ(table.headers(), (Cells{"upn", "surname", "date of birth"}));
  ASSERT_EQ(table.rows().size(), 1u);
  EXPECT_EQ(table.rows()[0].number, 1);
  EXPECT_EQ(table.rows()[0].cells, (Cells{"H801200001001", "Smith", "2012-09-01"}));
  EXPECT_EQ(table.cell(table.rows()[0], "surname"), "Smith");
}

TEST(CsvTable, StripsAByteOrderMarkAndReadsCrlf) {
  CsvTable table = parse_ok("\xEF\xBB\xBFupn,name\r\nH801200001001,Ann\r\nB801200005001,Bo\r\n");
  EXPECT_EQ(table.headers(), (Cells{"upn", "name"}));
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].cells, (Cells{"H801200001001", "Ann"}));
  EXPECT_EQ(table.rows()[1].number, 2);
  EXPECT_EQ(table.rows()[1].cells, (Cells{"B801200005001", "Bo"}));
}

TEST(CsvTable, AcceptsOldMacLineEndsAndNoFinalLineEnd) {
  CsvTable table = parse_ok("a,b\r1,2\r3,4");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[1].number, 2);
  EXPECT_EQ(table.rows()[1].cells, (Cells{"3", "4"}));
}

TEST(CsvTable, ReadsQuotedCommasQuotesAndLineBreaks) {
  CsvTable table = parse_ok(
      "name,address,note\r\n"
      "\"Smith, Ann\",\"1 High St\r\nLeeds\",\"said \"\"hello\"\"\"\r\n"
      "\"  spaced  \" , \"\" ,plain\r\n");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].cells, (Cells{"Smith, Ann", "1 High St\nLeeds", "said \"hello\""}));
  // Spaces inside quotes are data; spaces outside them are not.
  EXPECT_EQ(table.rows()[1].cells, (Cells{"  spaced  ", "", "plain"}));
  // The quoted line break does not start a new row.
  EXPECT_EQ(table.rows()[1].number, 2);
}

TEST(CsvTable, KeepsShortRowsAndAnswersEmptyForMissingCells) {
  CsvTable table = parse_ok("upn,surname,forename\nH801200001001,Smith\n");
  ASSERT_EQ(table.rows().size(), 1u);
  const CsvRow& row = table.rows()[0];
  EXPECT_EQ(row.cells.size(), 2u);
  EXPECT_EQ(table.cell(row, "surname"), "Smith");
  EXPECT_EQ(table.cell(row, "forename"), "");
  EXPECT_EQ(table.cell(row, "no such column"), "");
}

TEST(CsvTable, FindsColumnsIgnoringCaseAndSpaces) {
  CsvTable table = parse_ok("UPN,Date of Birth,,\nx,y,,\n");
  EXPECT_EQ(table.column("upn"), 0u);
  EXPECT_EQ(table.column("Upn"), 0u);
  EXPECT_EQ(table.column(" DATE OF BIRTH "), 1u);
  EXPECT_EQ(table.column("dob"), std::nullopt);
  // Empty header cells are columns, but no one can ask for them by name.
  EXPECT_EQ(table.headers().size(), 4u);
  EXPECT_EQ(table.column(""), std::nullopt);
  EXPECT_EQ(table.column("  "), std::nullopt);
}

TEST(CsvTable, SkipsBlankLinesButKeepsSpreadsheetRowNumbers) {
  CsvTable table = parse_ok(
      "\n"
      "upn,name\n"
      "first,1\n"
      "\n"
      "   \n"
      ",,\n"
      "\"\",\n"
      "second,6\n"
      "\r\n"
      "\n");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].number, 1);
  EXPECT_EQ(table.rows()[1].number, 6);
  EXPECT_EQ(table.rows()[1].cells, (Cells{"second", "6"}));
}

TEST(CsvTable, CountsAMultiLineCellAsOneRow) {
  CsvTable table = parse_ok("note,n\n\"one\ntwo\nthree\",1\nafter,2\n");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[1].number, 2);
}

TEST(CsvTable, AcceptsAHeaderWithNoRows) {
  CsvTable table = parse_ok("upn,name\r\n");
  EXPECT_EQ(table.headers(), (Cells{"upn", "name"}));
  EXPECT_TRUE(table.rows().empty());
}

TEST(CsvTable, AcceptsEmptyCellsPastTheHeaderAndValidUtf8) {
  CsvTable table = parse_ok("name,town\nZo\xC3\xAB,Y Fenni,,\nBj\xC3\xB6rk \xF0\x9F\x98\x80,,\n");
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].cells[0], "Zo\xC3\xAB");
}

TEST(CsvTable, AcceptsAFileOfExactlyTheSizeLimit) {
  std::string bytes = "upn\nx\n";
  bytes.resize(CsvTable::kMaxBytes, ' ');
  CsvTable table = parse_ok(bytes);
  ASSERT_EQ(table.rows().size(), 1u);
}

struct RejectCase {
  std::string_view name;
  std::string bytes;
  std::vector<FieldError> errors;
};

TEST(CsvTable, RejectsEachKindOfBadFile) {
  const std::string kSaveAsUtf8 =
      "save the file from Excel as \"CSV UTF-8 (Comma delimited)\" and try again";
  const std::string kStrayQuote =
      "has a stray quote mark (\"): a cell that contains quote marks must start and end with "
      "one, and each quote mark inside it must be doubled";
  const std::string kUnclosedQuote =
      "has a cell that opens with a quote mark (\") but never closes it, so the rest of the file "
      "was read into that cell";
  const RejectCase cases[] = {
      {.name = "empty", .bytes = "", .errors = {{"file", "is empty"}}},
      {.name = "only a byte order mark", .bytes = "\xEF\xBB\xBF", .errors = {{"file", "is empty"}}},
      {.name = "only blank lines", .bytes = "\r\n \n,,\n\"\"\n", .errors = {{"file", "is empty"}}},
      {.name = "too large",
       .bytes = std::string(CsvTable::kMaxBytes + 1, 'x'),
       .errors = {{"file",
                   "is too large (20.0 MiB; the limit is 20 MiB): split it into smaller files"}}},
      {.name = "Windows-1252 in a row",
       .bytes = "upn,surname\nA,Smith\nB,Zo\xEB\n",
       .errors = {{"row 2", "column 'surname' is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "invalid UTF-8 in an unnamed column",
       .bytes = "upn,\nA,\xFF\n",
       .errors = {{"row 1", "column 2 is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "truncated UTF-8 sequence",
       .bytes = "name\n\xC3\n",
       .errors = {{"row 1", "column 'name' is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "over-long UTF-8",
       .bytes = "name\n\xC0\xAF\n",
       .errors = {{"row 1", "column 'name' is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "UTF-8 encoded surrogate",
       .bytes = "name\n\xED\xA0\x80\n",
       .errors = {{"row 1", "column 'name' is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "code point past U+10FFFF",
       .bytes = "name\n\xF4\x90\x80\x80\n",
       .errors = {{"row 1", "column 'name' is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "invalid UTF-8 in the header",
       .bytes = "upn,Stra\xDF\x65\n",
       .errors = {{"header", "column 2 is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "UTF-16 file",
       .bytes = std::string("\xFF\xFEu\0p\0n\0\n\0", 10),
       .errors = {{"header", "column 1 is not valid UTF-8 text; " + kSaveAsUtf8}}},
      {.name = "duplicate header",
       .bytes = "UPN,name, upn \nx,y,z\n",
       .errors = {{"header", "column 'upn' appears twice"}}},
      {.name = "several duplicate headers, each reported once",
       .bytes = "a,b,A,B,a\n",
       .errors = {{"header", "column 'a' appears twice"}, {"header", "column 'b' appears twice"}}},
      {.name = "unterminated quote in a row",
       .bytes = "upn,name\nA,ok\n\nB,\"Smith\nC,Jones\n",
       .errors = {{"row 3", kUnclosedQuote}}},
      {.name = "unterminated quote in the header",
       .bytes = "upn,\"name\nA,B\n",
       .errors = {{"header", kUnclosedQuote}}},
      {.name = "quote inside an unquoted cell",
       .bytes = "name\nRobert \"Bob\" Smith\n",
       .errors = {{"row 1", kStrayQuote}}},
      {.name = "text after a closing quote",
       .bytes = "name,n\r\nok,1\r\n\"Smith\"son,2\r\n",
       .errors = {{"row 2", kStrayQuote}}},
      {.name = "stray quote in the header",
       .bytes = "na\"me\nx\n",
       .errors = {{"header", kStrayQuote}}},
      {.name = "values past the last header",
       .bytes = "upn,address\nA,1 High St, Leeds\nB,ok,,\nC,x,,y\n",
       .errors = {{"row 1",
                   "has a value in column 3, which has no header; if a cell contains a comma, "
                   "put quote marks (\") around the cell"},
                  {"row 3",
                   "has a value in column 4, which has no header; if a cell contains a comma, "
                   "put quote marks (\") around the cell"}}},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto table = CsvTable::parse(test_case.bytes);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(table.error().fields, test_case.errors);
  }
}

TEST(CsvTable, StopsListingRowProblemsAfterFifty) {
  std::string bytes = "name\n";
  for (int row_idx = 0; row_idx < 60; ++row_idx) bytes += "\xFF\n";
  auto table = CsvTable::parse(bytes);
  ASSERT_FALSE(table.ok());
  const auto& fields = table.error().fields;
  ASSERT_EQ(fields.size(), 51u);
  EXPECT_EQ(fields[0].field, "row 1");
  EXPECT_EQ(fields[49].field, "row 50");
  EXPECT_EQ(fields[50].field, "file");
  EXPECT_EQ(fields[50].reason,
            "has more rows with problems than are listed; fix these and try again");
}

TEST(CsvTable, ReportsExactlyFiftyRowProblemsWithoutAMoreNote) {
  std::string bytes = "name\n";
  for (int row_idx = 0; row_idx < 50; ++row_idx) bytes += "\xFF\n";
  bytes += "fine\n";
  auto table = CsvTable::parse(bytes);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().fields.size(), 50u);
  EXPECT_EQ(table.error().fields.back().field, "row 50");
}

TEST(CsvTable, CheckColumnsAcceptsKnownAndOptionalColumns) {
  auto table = CsvTable::parse("UPN, surname ,notes,\nA,B,C,\n");
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(table->check_columns({"upn", "surname", "notes"}, 2).ok());
  EXPECT_TRUE(table->check_columns({"upn", "surname", "notes", "dob"}, 2).ok());
}

TEST(CsvTable, CheckColumnsReportsEveryMissingAndUnknownColumn) {
  auto table = CsvTable::parse("upn,surnmae\nA,B\n");
  ASSERT_TRUE(table.ok());
  auto checked = table->check_columns({"upn", "surname", "dob", "notes"}, 3);
  ASSERT_FALSE(checked.ok());
  const auto& fields = checked.error().fields;
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].field, "header");
  EXPECT_EQ(fields[0].reason, "missing column 'surname'");
  EXPECT_EQ(fields[1].reason, "missing column 'dob'");
  EXPECT_EQ(fields[2].reason,
            "column 'surnmae' is not recognised (known columns: upn, surname, dob, notes)");
}

TEST(CsvCells, TrimCellDropsSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim_cell("  a b\t\r\n"), "a b");
  EXPECT_EQ(trim_cell(" \t "), "");
  EXPECT_EQ(trim_cell(""), "");
}

}  // namespace
}  // namespace waymark
