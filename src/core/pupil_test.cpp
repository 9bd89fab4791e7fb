#include "core/pupil.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 20);

Pupil valid_pupil() {
  Pupil pupil;
  pupil.legal_forename = "Jordan";
  pupil.legal_surname = "Smith";
  pupil.dob = Date::from_ymd(2011, 10, 4);  // Year 9 in 2025/26
  pupil.sex = Sex::Male;
  return pupil;
}

bool has_field(const Status& status, const std::string& field) {
  if (status.ok()) return false;
  for (const auto& error : status.error().fields)
    if (error.field == field) return true;
  return false;
}

TEST(PupilTest, ValidPupilPasses) {
  EXPECT_TRUE(validate_pupil(valid_pupil(), kToday).ok());
}

TEST(PupilTest, ReportsEveryProblemAtOnce) {
  Pupil pupil = valid_pupil();
  pupil.legal_forename = " ";
  pupil.legal_surname = "";
  pupil.dob = Date::from_ymd(2026, 1, 1);
  auto status = validate_pupil(pupil, kToday);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::Invalid);
  EXPECT_TRUE(has_field(status, "legal_forename"));
  EXPECT_TRUE(has_field(status, "legal_surname"));
  EXPECT_TRUE(has_field(status, "dob"));
}

TEST(PupilTest, NamesHaveALimit) {
  Pupil pupil = valid_pupil();
  pupil.preferred_forename = std::string(101, 'a');
  EXPECT_TRUE(has_field(validate_pupil(pupil, kToday), "preferred_forename"));
}

TEST(PupilTest, DateOfBirthOutsideSchoolAgeIsRejectedUnlessOverridden) {
  Pupil pupil = valid_pupil();
  pupil.dob = Date::from_ymd(2002, 1, 1);
  EXPECT_TRUE(has_field(validate_pupil(pupil, kToday), "dob"));
  pupil.nc_year_override = 11;
  EXPECT_TRUE(validate_pupil(pupil, kToday).ok());
  pupil.nc_year_override = 15;
  EXPECT_TRUE(has_field(validate_pupil(pupil, kToday), "nc_year_override"));
}

TEST(PupilTest, NcYearComesFromDateOfBirthOrOverride) {
  Pupil pupil = valid_pupil();
  EXPECT_EQ(pupil.nc_year(2025), 9);
  pupil.nc_year_override = 10;
  EXPECT_EQ(pupil.nc_year(2025), 10);
}

TEST(PupilTest, ContactsAreChecked) {
  Pupil pupil = valid_pupil();
  pupil.contacts.push_back(Contact{0, "", "", false, "", "", "not-an-email", 0});
  auto status = validate_pupil(pupil, kToday);
  EXPECT_TRUE(has_field(status, "contacts[0].name"));
  EXPECT_TRUE(has_field(status, "contacts[0].relationship"));
  EXPECT_TRUE(has_field(status, "contacts[0].email"));
  EXPECT_TRUE(has_field(status, "contacts[0].priority"));
  pupil.contacts[0] = Contact{0, "Ann Smith", "Mother", true, "", "", "", 1};
  EXPECT_TRUE(has_field(validate_pupil(pupil, kToday), "contacts[0].phone"));
  pupil.contacts[0].phone = "07700 900123";
  EXPECT_TRUE(validate_pupil(pupil, kToday).ok());
}

TEST(PupilTest, ABarrierListedTwiceIsRejected) {
  Pupil pupil = valid_pupil();
  pupil.barriers = {{Barrier::Medical, ""}, {Barrier::Medical, "again"}};
  EXPECT_TRUE(has_field(validate_pupil(pupil, kToday), "barriers[1]"));
}

TEST(PupilTest, DisplayNamePrefersPreferredNames) {
  Pupil pupil = valid_pupil();
  pupil.preferred_forename = "Jay";
  EXPECT_EQ(pupil.display_name(), "Jay Smith");
  EXPECT_EQ(pupil.sort_name(), "Smith, Jay");
}

struct CodeCase {
  std::string text;
  bool ok;
};

TEST(PupilTest, ParsesSexAndSenCodes) {
  for (const auto& [text, ok] : std::vector<CodeCase>{
           {"F", true}, {"m", true}, {"Female", true}, {"U", true}, {"Q", false}, {"", false}})
    EXPECT_EQ(parse_sex(text).ok(), ok) << text;
  for (const auto& [text, ok] :
       std::vector<CodeCase>{{"N", true}, {"K", true}, {"E", true}, {"", true}, {"S", false}})
    EXPECT_EQ(parse_sen_status(text).ok(), ok) << text;
  EXPECT_EQ(parse_sen_status("E").value(), SenStatus::Ehcp);
  EXPECT_FALSE(parse_barrier("nonsense").ok());
  EXPECT_EQ(parse_barrier("medical").value(), Barrier::Medical);
}

}  // namespace
}  // namespace waymark
