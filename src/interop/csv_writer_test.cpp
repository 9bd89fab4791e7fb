// CSV writing: plain cells stay plain, cells that need it are quoted by libcsv with quotes
// doubled, and cells a spreadsheet would run as formulas are defused.
#include "interop/csv_writer.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

TEST(CsvWriter, WritesPlainCellsAsTheyAre) {
  EXPECT_EQ(csv_line({"upn", "date", "session", "code"}), "upn,date,session,code\r\n");
  EXPECT_EQ(csv_line({"A123", "2025-11-05", "PM", "\\", ""}), "A123,2025-11-05,PM,\\,\r\n");
  EXPECT_EQ(csv_line({}), "\r\n");
}

TEST(CsvWriter, QuotesWhatMustBeQuoted) {
  EXPECT_EQ(csv_line({"Smith, Sam"}), "\"Smith, Sam\"\r\n");
  EXPECT_EQ(csv_line({"say \"hi\""}), "\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(csv_line({"two\nlines"}), "\"two\nlines\"\r\n");
  EXPECT_EQ(csv_line({" padded "}), "\" padded \"\r\n");
}

TEST(CsvWriter, DefusesFormulas) {
  EXPECT_EQ(csv_line({"=1+1"}), "'=1+1\r\n");
  EXPECT_EQ(csv_line({"+44 20", "-3", "@SUM(A1)"}), "'+44 20,'-3,'@SUM(A1)\r\n");
  EXPECT_EQ(csv_line({"=HYPERLINK(\"x\",\"y\")"}), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
}

}  // namespace
}  // namespace waymark
