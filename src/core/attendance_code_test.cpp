#include "core/attendance_code.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

const Date kAutumn2025 = Date::from_ymd(2025, 9, 10);
const Date kAutumn2023 = Date::from_ymd(2023, 9, 11);

using Category = AttendanceCategory;

struct CodeCase {
  const char* code;
  Category category;
};

// Every code in /work/shared/reference/attendance-codes.md, in the table's order.
constexpr CodeCase kCurrentCodes[] = {
    {"/", Category::Present},          {"\\", Category::Present},
    {"L", Category::Present},          {"K", Category::ApprovedActivity},
    {"V", Category::ApprovedActivity}, {"P", Category::ApprovedActivity},
    {"W", Category::ApprovedActivity}, {"B", Category::ApprovedActivity},
    {"D", Category::NotCounted},       {"C1", Category::Authorised},
    {"M", Category::Authorised},       {"J1", Category::Authorised},
    {"S", Category::Authorised},       {"X", Category::NotCounted},
    {"C2", Category::Authorised},      {"C", Category::Authorised},
    {"T", Category::Authorised},       {"R", Category::Authorised},
    {"I", Category::Authorised},       {"E", Category::Authorised},
    {"Q", Category::NotCounted},       {"Y1", Category::NotCounted},
    {"Y2", Category::NotCounted},      {"Y3", Category::NotCounted},
    {"Y4", Category::NotCounted},      {"Y5", Category::NotCounted},
    {"Y6", Category::NotCounted},      {"Y7", Category::NotCounted},
    {"G", Category::Unauthorised},     {"N", Category::Unauthorised},
    {"O", Category::Unauthorised},     {"U", Category::Unauthorised},
    {"Z", Category::Administrative},   {"#", Category::Administrative},
};

TEST(AttendanceCodeTest, EveryCurrentCodeLooksUpWithItsCategory) {
  const auto book = AttendanceCodeBook::standard();
  for (const auto& test : kCurrentCodes) {
    auto found = book.lookup(test.code, kAutumn2025);
    ASSERT_TRUE(found.ok()) << test.code << ": " << found.error().message;
    EXPECT_EQ((*found)->code, test.code);
    EXPECT_EQ((*found)->category, test.category) << test.code;
    EXPECT_FALSE((*found)->meaning.empty()) << test.code;
  }
}

TEST(AttendanceCodeTest, TableHoldsTheCurrentCodesAndFourWithdrawnOnes) {
  int withdrawn = 0;
  for (const auto& entry : dfe_attendance_codes())
    if (entry.valid_to) ++withdrawn;
  EXPECT_EQ(withdrawn, 4);
  EXPECT_EQ(dfe_attendance_codes().size(), std::size(kCurrentCodes) + 4);
  EXPECT_LT(dfe_attendance_codes().size(), 255u);
}

TEST(AttendanceCodeTest, NoCodeHasTwoEntriesValidOnTheSameDay) {
  const auto& codes = dfe_attendance_codes();
  for (const Date on : {kAutumn2023, attendance_codes_2024_withdrawn(),
                        attendance_codes_2024_from(), kAutumn2025}) {
    for (std::size_t first = 0; first < codes.size(); ++first)
      for (std::size_t second = first + 1; second < codes.size(); ++second)
        EXPECT_FALSE(codes[first].code == codes[second].code && codes[first].valid_on(on) &&
                     codes[second].valid_on(on))
            << codes[first].code << " on " << on.iso();
  }
}

struct HistoricCase {
  const char* code;
  Category category;
};

TEST(AttendanceCodeTest, WithdrawnCodesStillReadOnOldRegisters) {
  const auto book = AttendanceCodeBook::standard();
  const HistoricCase cases[] =
      {
          {"H", Category::Authorised},   {"J", Category::ApprovedActivity},
          {"Y", Category::NotCounted},   {"C", Category::Authorised},
          {"/", Category::Present},  // long-standing codes are valid before 2024 too
          {"N", Category::Unauthorised}, {"D", Category::NotCounted},
      };
  for (const auto& test : cases) {
    auto found = book.lookup(test.code, kAutumn2023);
    ASSERT_TRUE(found.ok()) << test.code << ": " << found.error().message;
    EXPECT_EQ((*found)->category, test.category) << test.code;
  }
  // The last day of the old codes.
  EXPECT_TRUE(book.lookup("J", attendance_codes_2024_withdrawn()).ok());
}

TEST(AttendanceCodeTest, CChangedItsMeaningIn2024) {
  const auto book = AttendanceCodeBook::standard();
  EXPECT_EQ(book.lookup("C", kAutumn2023).value()->meaning,
            "other authorised circumstances (meaning before 2024)");
  EXPECT_EQ(book.lookup("C", kAutumn2025).value()->meaning, "leave: exceptional circumstances");
}

struct RejectCase {
  const char* code;
  Date on;
  const char* reason;
};

TEST(AttendanceCodeTest, RejectsUnknownWithdrawnAndNotYetValidCodes) {
  const auto book = AttendanceCodeBook::standard();
  const RejectCase cases[] = {
      {"QQ", kAutumn2025, "'QQ' is not an attendance code"},
      {"F", kAutumn2025, "'F' is not an attendance code"},
      {"J", kAutumn2025,
       "'J' is not a valid attendance code on 2025-09-10 (withdrawn on 2024-08-18; use J1)"},
      {"H", kAutumn2025,
       "'H' is not a valid attendance code on 2025-09-10 (withdrawn on 2024-08-18; use C or G)"},
      {"Y", attendance_codes_2024_from(),
       "'Y' is not a valid attendance code on 2024-08-19 (withdrawn on 2024-08-18; use Y1 to Y7)"},
      {"K", kAutumn2023,
       "'K' is not a valid attendance code on 2023-09-11 (in use from 2024-08-19)"},
      {"J1", kAutumn2023,
       "'J1' is not a valid attendance code on 2023-09-11 (in use from 2024-08-19)"},
      {"", kAutumn2025, "is required (an attendance code such as / or N)"},
      {"  ", kAutumn2025, "is required (an attendance code such as / or N)"},
  };
  for (const auto& test : cases) {
    auto found = book.lookup(test.code, test.on, "marks[3].code");
    ASSERT_FALSE(found.ok()) << test.code;
    ASSERT_EQ(found.error().fields.size(), 1u);
    EXPECT_EQ(found.error().fields[0].field, "marks[3].code");
    EXPECT_EQ(found.error().fields[0].reason, test.reason);
  }
}

TEST(AttendanceCodeTest, AcceptsLowerCaseAndSurroundingSpace) {
  const auto book = AttendanceCodeBook::standard();
  EXPECT_EQ(book.lookup(" j1 ", kAutumn2025).value()->code, "J1");
  EXPECT_EQ(book.lookup("n", kAutumn2025).value()->code, "N");
}

TEST(AttendanceCodeTest, IndexRoundTrips) {
  const auto book = AttendanceCodeBook::standard();
  for (const auto& test : kCurrentCodes) {
    const AttendanceCode* entry = book.lookup(test.code, kAutumn2025).value();
    EXPECT_EQ(&book.at(book.index_of(entry)), entry) << test.code;
  }
}

TEST(AttendanceCodeTest, OnlyPresentAndApprovedAndAbsenceArePossibleSessions) {
  EXPECT_TRUE(counts_as_possible(Category::Present));
  EXPECT_TRUE(counts_as_possible(Category::ApprovedActivity));
  EXPECT_TRUE(counts_as_possible(Category::Authorised));
  EXPECT_TRUE(counts_as_possible(Category::Unauthorised));
  EXPECT_FALSE(counts_as_possible(Category::NotCounted));
  EXPECT_FALSE(counts_as_possible(Category::Administrative));
  EXPECT_STREQ(to_string(Category::ApprovedActivity), "approved_activity");
}

}  // namespace
}  // namespace waymark
