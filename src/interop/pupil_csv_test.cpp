#include "interop/pupil_csv.h"

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace waymark::interop {
namespace {

using ColumnMap = std::map<std::string, std::string>;

// A valid UPN issued by LA 801, establishment 2000, in 2001, with serial `serial`.
std::string valid_upn(int serial) {
  std::string last12 = fmt::format("801200001{:03}", serial);
  return upn_check_letter(last12) + last12;
}

// The same UPN with a check letter that does not match.
std::string upn_with_wrong_check_letter(int serial) {
  std::string upn = valid_upn(serial);
  upn[0] = upn[0] == 'A' ? 'B' : 'A';
  return upn;
}

std::vector<app::PupilImportRow> read_ok(std::string_view bytes) {
  auto rows = read_pupil_csv(bytes);
  EXPECT_TRUE(rows.ok()) << rows.error().message;
  return rows.ok() ? std::move(rows).value() : std::vector<app::PupilImportRow>{};
}

const ColumnMap kRequiredFields = {{"upn", "upn"},
                                   {"legal_forename", "forename"},
                                   {"legal_surname", "surname"},
                                   {"dob", "dob"},
                                   {"sex", "sex"}};

TEST(PupilCsv, ReadsTheRequiredColumns) {
  auto rows =
      read_ok(fmt::format("upn,forename,surname,dob,sex\n"
                          "{},Ann,Smith,2012-09-01,F\n"
                          ",Bo,Jones,02/03/2013,m\n",
                          valid_upn(1)));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].row, 1);
  ASSERT_TRUE(rows[0].pupil.upn.has_value());
  EXPECT_EQ(rows[0].pupil.upn->str(), valid_upn(1));
  EXPECT_EQ(rows[0].pupil.legal_forename, "Ann");
  EXPECT_EQ(rows[0].pupil.legal_surname, "Smith");
  EXPECT_EQ(rows[0].pupil.dob, Date::from_ymd(2012, 9, 1));
  EXPECT_EQ(rows[0].pupil.sex, Sex::Female);
  EXPECT_EQ(rows[0].column_of_field, kRequiredFields);
  EXPECT_FALSE(rows[0].ehcp.has_value());
  EXPECT_FALSE(rows[0].admission_date.has_value());
  // An empty UPN cell is a pupil without a UPN; UK dates are read day first.
  EXPECT_EQ(rows[1].row, 2);
  EXPECT_FALSE(rows[1].pupil.upn.has_value());
  EXPECT_EQ(rows[1].pupil.dob, Date::from_ymd(2013, 3, 2));
  EXPECT_EQ(rows[1].pupil.sex, Sex::Male);
}

TEST(PupilCsv, AcceptsExcelsByteOrderMarkCrlfAnyHeaderCaseAndQuotes) {
  auto rows =
      read_ok(fmt::format("\xEF\xBB\xBF Surname ,FORENAME,Dob,Sex,Upn,Medical_Needs\r\n"
                          "\"O'Neil, Jr\",Ann,2012-09-01,F,{},\"Asthma; inhaler\r\nin bag\"\r\n",
                          valid_upn(2)));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].pupil.legal_surname, "O'Neil, Jr");
  EXPECT_EQ(rows[0].pupil.legal_forename, "Ann");
  EXPECT_EQ(rows[0].pupil.medical_needs, "Asthma; inhaler\nin bag");
  EXPECT_EQ(rows[0].pupil.upn->str(), valid_upn(2));
}

TEST(PupilCsv, AcceptsALowerCaseUpnWithSpaces) {
  std::string upn = valid_upn(3);
  std::string lower_upn = upn;
  lower_upn[0] = static_cast<char>(lower_upn[0] - 'A' + 'a');
  auto rows =
      read_ok(fmt::format("upn,forename,surname,dob,sex\n\" {} \",A,B,2012-09-01,F\n", lower_upn));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].pupil.upn->str(), upn);
}

TEST(PupilCsv, ReadsEveryOptionalColumn) {
  auto rows = read_ok(
      "upn,forename,surname,dob,sex,preferred_forename,preferred_surname,nc_year,sen,"
      "pupil_premium,fsm,looked_after,child_in_need,child_protection,eal,young_carer,"
      "medical_needs,admission_date,commissioner_urn,provider_urn\n"
      ",Alexandra,Smith,2012-09-01,F,Sasha,Smythe,Y7,k,Y,yes,TRUE,1,n,No,,Epilepsy,01/09/2025,"
      "100001,100002\n");
  ASSERT_EQ(rows.size(), 1u);
  const app::PupilImportRow& row = rows[0];
  EXPECT_EQ(row.pupil.preferred_forename, "Sasha");
  EXPECT_EQ(row.pupil.preferred_surname, "Smythe");
  EXPECT_EQ(row.pupil.nc_year_override, 7);
  EXPECT_EQ(row.pupil.sen, SenStatus::Support);
  EXPECT_TRUE(row.pupil.flags.pupil_premium);
  EXPECT_TRUE(row.pupil.flags.fsm);
  EXPECT_TRUE(row.pupil.flags.looked_after);
  EXPECT_TRUE(row.pupil.flags.child_in_need);
  EXPECT_FALSE(row.pupil.flags.child_protection);
  EXPECT_FALSE(row.pupil.flags.eal);
  EXPECT_FALSE(row.pupil.flags.young_carer);
  EXPECT_EQ(row.pupil.medical_needs, "Epilepsy");
  EXPECT_EQ(row.admission_date, Date::from_ymd(2025, 9, 1));
  EXPECT_EQ(row.commissioner_urn, "100001");
  EXPECT_EQ(row.provider_urn, "100002");
  ColumnMap expected = kRequiredFields;
  for (const char* field :
       {"preferred_forename", "preferred_surname", "sen", "pupil_premium", "fsm", "looked_after",
        "child_in_need", "child_protection", "eal", "young_carer", "medical_needs"})
    expected[field] = field;
  expected["nc_year_override"] = "nc_year";
  EXPECT_EQ(row.column_of_field, expected);
}

TEST(PupilCsv, ReadsYearGroupsAsSchoolsWriteThem) {
  struct Case {
    std::string_view cell;
    std::optional<int> year;
  };
  const Case cases[] = {{"7", 7},         {"Y10", 10},        {"Year 11", 11}, {"R", 0},
                        {"reception", 0}, {"", std::nullopt}, {"14", 14}};
  for (const Case& test_case : cases) {
    SCOPED_TRACE(test_case.cell);
    auto rows = read_ok(fmt::format("upn,forename,surname,dob,sex,nc_year\n,A,B,2012-09-01,F,{}\n",
                                    test_case.cell));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].pupil.nc_year_override, test_case.year);
  }
}

TEST(PupilCsv, AnEhcpColumnAloneIsPassedOnForTheImportToApply) {
  auto rows =
      read_ok("upn,forename,surname,dob,sex,ehcp\n,A,B,2012-09-01,F,Y\n,C,D,2012-09-01,F,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].ehcp, true);
  EXPECT_EQ(rows[1].ehcp, false);
  // Not "sen": a yes/no column cannot say whether a pupil without an EHCP has SEN support.
  EXPECT_FALSE(rows[0].column_of_field.contains("sen"));
}

TEST(PupilCsv, AnEhcpColumnFillsABlankSenCell) {
  auto rows = read_ok(
      "upn,forename,surname,dob,sex,sen,ehcp\n"
      ",A,B,2012-09-01,F,,Y\n"
      ",C,D,2012-09-01,F,K,N\n"
      ",E,F,2012-09-01,F,E,\n"
      ",G,H,2012-09-01,F,,\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].pupil.sen, SenStatus::Ehcp);
  EXPECT_EQ(rows[1].pupil.sen, SenStatus::Support);
  EXPECT_EQ(rows[2].pupil.sen, SenStatus::Ehcp);
  EXPECT_EQ(rows[3].pupil.sen, SenStatus::None);
  EXPECT_EQ(rows[0].column_of_field.at("sen"), "sen");
  EXPECT_FALSE(rows[0].ehcp.has_value());
}

TEST(PupilCsv, LeavesOutColumnsTheFileDoesNotHave) {
  auto rows = read_ok("upn,forename,surname,dob,sex,fsm\n,A,B,2012-09-01,F,\n");
  ASSERT_EQ(rows.size(), 1u);
  ColumnMap expected = kRequiredFields;
  expected["fsm"] = "fsm";
  EXPECT_EQ(rows[0].column_of_field, expected);
}

TEST(PupilCsv, AcceptsAHeaderWithNoRowsAndSpareCommas) {
  EXPECT_TRUE(read_ok("upn,forename,surname,dob,sex,,\r\n").empty());
}

TEST(PupilCsv, PassesOnProblemsWithTheFileItself) {
  auto rows = read_pupil_csv("");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().fields, (std::vector<FieldError>{{"file", "is empty"}}));
}

TEST(PupilCsv, ReportsMissingAndUnknownColumns) {
  auto rows = read_pupil_csv("UPN,Forename,Surname,Date of birth,gender\n,A,B,2012-09-01,F\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, ErrorKind::Invalid);
  const std::string known =
      "upn, forename, surname, dob, sex, preferred_forename, preferred_surname, nc_year, sen, "
      "ehcp, pupil_premium, fsm, looked_after, child_in_need, child_protection, eal, young_carer, "
      "medical_needs, admission_date, commissioner_urn, provider_urn";
  EXPECT_EQ(
      rows.error().fields,
      (std::vector<FieldError>{
          {"header", "missing column 'dob'"},
          {"header", "missing column 'sex'"},
          {"header", "column 'date of birth' is not recognised (known columns: " + known + ")"},
          {"header", "column 'gender' is not recognised (known columns: " + known + ")"}}));
}

struct BadCell {
  std::string_view name;
  std::string header;
  std::string cells;
  FieldError error;
};

TEST(PupilCsv, ReportsEachKindOfUnreadableCell) {
  const std::string base = "upn,forename,surname,dob,sex";
  const std::string good = "A,B,2012-09-01,F";
  const BadCell cases[] = {
      {"UPN with a wrong check letter",
       base,
       upn_with_wrong_check_letter(4) + "," + good,
       {"row 1, column upn", "UPN invalid (wrong check letter at character 1)"}},
      {"UPN too short",
       base,
       "H80120000100," + good,
       {"row 1, column upn", "UPN invalid (must be 13 characters, got 12)"}},
      {"dob not a date",
       base,
       ",A,B,1st May 2012,F",
       {"row 1, column dob", "is not a date (expected YYYY-MM-DD, e.g. 2025-09-01)"}},
      {"dob blank", base, ",A,B,,F", {"row 1, column dob", "is required (a date like 2025-09-01)"}},
      {"dob not a real date",
       base,
       ",A,B,2012-02-30,F",
       {"row 1, column dob", "is not a real calendar date (2012-02-30)"}},
      {"sex unknown", base, ",A,B,2012-09-01,Q", {"row 1, column sex", "'Q' is not F, M or U"}},
      {"sex blank", base, ",A,B,2012-09-01,", {"row 1, column sex", "is required (F, M or U)"}},
      {"sen unknown",
       base + ",sen",
       "," + good + ",X",
       {"row 1, column sen", "'X' is not a SEN code (N, K or E)"}},
      {"flag not yes or no",
       base + ",fsm",
       "," + good + ",maybe",
       {"row 1, column fsm", "'maybe' is not yes or no (use Y or N)"}},
      {"ehcp not yes or no",
       base + ",ehcp",
       "," + good + ",2",
       {"row 1, column ehcp", "'2' is not yes or no (use Y or N)"}},
      {"ehcp disagrees with sen",
       base + ",sen,ehcp",
       "," + good + ",K,Y",
       {"row 1, column ehcp", "says the pupil has an EHCP, but column sen says K"}},
      {"no ehcp but sen E",
       base + ",sen,ehcp",
       "," + good + ",E,N",
       {"row 1, column ehcp", "says no EHCP, but column sen says E"}},
      {"year group not a number",
       base + ",nc_year",
       "," + good + ",Year Seven",
       {"row 1, column nc_year", "'Year Seven' is not a year group (0 to 14, or R for Reception)"}},
      {"admission date not a date",
       base + ",admission_date",
       "," + good + ",Sept 2025",
       {"row 1, column admission_date", "is not a date (expected YYYY-MM-DD, e.g. 2025-09-01)"}},
  };
  for (const BadCell& test_case : cases) {
    SCOPED_TRACE(test_case.name);
    auto rows = read_pupil_csv(test_case.header + "\n" + test_case.cells + "\n");
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(rows.error().fields, std::vector<FieldError>{test_case.error});
  }
}

TEST(PupilCsv, ReportsEveryProblemInEveryRow) {
  auto rows =
      read_pupil_csv(fmt::format("upn,forename,surname,dob,sex\n"
                                 "{},Ann,Smith,2012-09-01,F\n"
                                 ",Bo,Jones,not a date,F\n"
                                 "\n"
                                 "{},Cy,Evans,2012-09-01,Z\n",
                                 valid_upn(5), upn_with_wrong_check_letter(6)));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().fields,
            (std::vector<FieldError>{
                {"row 2, column dob", "is not a date (expected YYYY-MM-DD, e.g. 2025-09-01)"},
                {"row 4, column upn", "UPN invalid (wrong check letter at character 1)"},
                {"row 4, column sex", "'Z' is not F, M or U"}}));
  EXPECT_EQ(rows.error().message,
            "row 2, column dob: is not a date (expected YYYY-MM-DD, e.g. 2025-09-01) (and 2 more)");
}

}  // namespace
}  // namespace waymark::interop
