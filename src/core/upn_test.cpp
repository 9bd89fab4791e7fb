#include "core/upn.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/la_codes.h"

namespace waymark {
namespace {

struct ValidCase {
  std::string_view input;
  std::string_view expected;
  bool temporary;
};

TEST(Upn, AcceptsTheWorkedExamplesAndNormalisesInput) {
  const ValidCase cases[] = {
      {.input = "H801200001001", .expected = "H801200001001", .temporary = false},
      {.input = "B801200005001", .expected = "B801200005001", .temporary = false},
      {.input = "E316200125000", .expected = "E316200125000", .temporary = false},
      {.input = "G80120000101A", .expected = "G80120000101A", .temporary = true},
      {.input = "h801200001001", .expected = "H801200001001", .temporary = false},
      {.input = "g80120000101a", .expected = "G80120000101A", .temporary = true},
      // Z is 22 in the check alphabet: 52 + 22 * 13 = 338, and 338 mod 23 = 16, which is T.
      {.input = "T80120000101Z", .expected = "T80120000101Z", .temporary = true},
      {.input = "  H801200001001\t\r\n", .expected = "H801200001001", .temporary = false},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.input);
    auto upn = Upn::parse(test_case.input);
    ASSERT_TRUE(upn.ok()) << upn.error().message;
    EXPECT_EQ(upn->str(), test_case.expected);
    EXPECT_EQ(upn->temporary(), test_case.temporary);
  }
}

struct InvalidCase {
  std::string_view input;
  std::string_view reason;
};

TEST(Upn, RejectsEachRuleWithTheDfeWording) {
  const InvalidCase cases[] = {
      // Length counts characters after trimming, so a two-byte "é" counts once.
      {.input = "", .reason = "UPN invalid (must be 13 characters, got 0)"},
      {.input = " \t ", .reason = "UPN invalid (must be 13 characters, got 0)"},
      {.input = "H80120000100", .reason = "UPN invalid (must be 13 characters, got 12)"},
      {.input = "H8012000010011", .reason = "UPN invalid (must be 13 characters, got 14)"},
      {.input = "H801 200001001", .reason = "UPN invalid (must be 13 characters, got 14)"},
      {.input = "H80120000100\xC3\xA9\xC3\xA9",
       .reason = "UPN invalid (must be 13 characters, got 14)"},
      {.input = "1801200001001", .reason = "UPN invalid (character 1 must be a letter)"},
      {.input = "\xC3\x89"
                "801200001001",
       .reason = "UPN invalid (character 1 must be a letter)"},
      {.input = "X80120000A001", .reason = "UPN invalid (characters 5-12 not all numeric)"},
      {.input = "H8012000010 1", .reason = "UPN invalid (characters 5-12 not all numeric)"},
      {.input = "H80120000100I", .reason = "UPN invalid (character 13 not a recognised value)"},
      {.input = "H80120000100O", .reason = "UPN invalid (character 13 not a recognised value)"},
      {.input = "H80120000100S", .reason = "UPN invalid (character 13 not a recognised value)"},
      {.input = "H80120000100-", .reason = "UPN invalid (character 13 not a recognised value)"},
      {.input = "H80120000100\xC3\xA9",
       .reason = "UPN invalid (character 13 not a recognised value)"},
      {.input = "H999200001001", .reason = "UPN invalid (characters 2-4 not a recognised LA code)"},
      {.input = "H000200001001", .reason = "UPN invalid (characters 2-4 not a recognised LA code)"},
      {.input = "H8A1200001001", .reason = "UPN invalid (characters 2-4 not a recognised LA code)"},
      {.input = "A801200005001", .reason = "UPN invalid (wrong check letter at character 1)"},
      {.input = "I801200001001", .reason = "UPN invalid (wrong check letter at character 1)"},
      // A final letter counts by its index in the alphabet; counting Z as 0 would give G.
      {.input = "G80120000101Z", .reason = "UPN invalid (wrong check letter at character 1)"},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.input);
    auto upn = Upn::parse(test_case.input);
    ASSERT_FALSE(upn.ok());
    EXPECT_EQ(upn.error().kind, ErrorKind::Invalid);
    ASSERT_EQ(upn.error().fields.size(), 1u);
    EXPECT_EQ(upn.error().fields[0].field, "upn");
    EXPECT_EQ(upn.error().fields[0].reason, test_case.reason);
  }
}

TEST(Upn, ReportsOnlyTheFirstFailingRuleInTheDocumentedOrder) {
  // Each input breaks every rule from its first failing one onwards.
  const InvalidCase cases[] = {
      {.input = "1999A0000100I", .reason = "UPN invalid (character 1 must be a letter)"},
      {.input = "Z999A0000100I", .reason = "UPN invalid (characters 5-12 not all numeric)"},
      {.input = "Z99920000100I", .reason = "UPN invalid (character 13 not a recognised value)"},
      {.input = "Z999200001001", .reason = "UPN invalid (characters 2-4 not a recognised LA code)"},
      {.input = "Z801200001001", .reason = "UPN invalid (wrong check letter at character 1)"},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.input);
    auto upn = Upn::parse(test_case.input);
    ASSERT_FALSE(upn.ok());
    EXPECT_EQ(upn.error().fields.at(0).reason, test_case.reason);
  }
}

TEST(Upn, ReportsTheCallersFieldName) {
  auto upn = Upn::parse("A801200005001", "pupils[3].upn");
  ASSERT_FALSE(upn.ok());
  EXPECT_EQ(upn.error().fields.at(0).field, "pupils[3].upn");
  EXPECT_EQ(upn.error().message, "pupils[3].upn: UPN invalid (wrong check letter at character 1)");
}

TEST(Upn, ComparesByValue) {
  auto first = Upn::parse("B801200005001");
  auto same = Upn::parse("b801200005001 ");
  auto second = Upn::parse("H801200001001");
  ASSERT_TRUE(first.ok() && same.ok() && second.ok());
  EXPECT_EQ(*first, *same);
  EXPECT_LT(*first, *second);
}

struct CheckLetterCase {
  std::string_view last12;
  std::string_view letter;
};

TEST(UpnCheckLetter, MatchesTheWorkedExamples) {
  const CheckLetterCase cases[] = {
      {.last12 = "801200001001", .letter = "H"}, {.last12 = "801200005001", .letter = "B"},
      {.last12 = "316200125000", .letter = "E"}, {.last12 = "80120000101A", .letter = "G"},
      {.last12 = "80120000101Z", .letter = "T"},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.last12);
    EXPECT_EQ(upn_check_letter(test_case.last12), test_case.letter);
  }
}

TEST(UpnCheckLetter, MakesAValidUpnForEveryRecognisedLaCode) {
  int recognised = 0;
  for (int code = 0; code <= 999; ++code) {
    if (!is_la_code(code)) continue;
    ++recognised;
    for (std::string_view tail : {"200001001", "20000101Z"}) {
      std::string last12 = std::to_string(code) + std::string(tail);
      std::string upn = upn_check_letter(last12) + last12;
      auto parsed = Upn::parse(upn);
      EXPECT_TRUE(parsed.ok()) << upn << ": " << parsed.error().message;
    }
  }
  // England's 153 current authorities, Wales's 22 and the retired English codes.
  EXPECT_GT(recognised, 170);
}

struct LaCodeCase {
  int code;
  std::string_view name;  // empty when the code is not recognised
};

TEST(LaCodes, RecognisesEnglishAndWelshAuthorities) {
  const LaCodeCase cases[] = {
      {.code = 201, .name = "City of London"},
      {.code = 213, .name = "Westminster"},
      {.code = 301, .name = "Barking and Dagenham"},
      {.code = 316, .name = "Newham"},
      {.code = 320, .name = "Waltham Forest"},
      {.code = 330, .name = "Birmingham"},
      {.code = 394, .name = "Sunderland"},
      {.code = 420, .name = "Isles of Scilly"},
      {.code = 660, .name = "Isle of Anglesey"},
      {.code = 681, .name = "Cardiff"},
      {.code = 801, .name = "Bristol"},
      {.code = 928, .name = "Northamptonshire (until 2021)"},
      {.code = 943, .name = "Westmorland and Furness"},
      {.code = 0, .name = ""},
      {.code = -801, .name = ""},
      {.code = 200, .name = ""},
      {.code = 214, .name = ""},
      {.code = 321, .name = ""},
      {.code = 659, .name = ""},
      {.code = 682, .name = ""},
      {.code = 804, .name = ""},
      {.code = 944, .name = ""},
      {.code = 999, .name = ""},
      {.code = 1801, .name = ""},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.code);
    EXPECT_EQ(is_la_code(test_case.code), !test_case.name.empty());
    EXPECT_EQ(la_name(test_case.code), test_case.name);
  }
}

}  // namespace
}  // namespace waymark
