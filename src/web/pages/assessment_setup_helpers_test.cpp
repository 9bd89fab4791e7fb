#include "web/pages/assessment_setup_helpers.h"

#include <gtest/gtest.h>

#include "web/pages/form_helpers.h"

namespace waymark::web {
namespace {

std::string text_of(const Data& data, const std::string& key) {
  const Data* value = data.get(key);
  return value && value->is_string() ? value->string_value() : "";
}

TEST(AssessmentSetupHelpersTest, GradeOptionsListTheScaleBestFirstWithABlank) {
  const GradeScale* ks3 = standard_scale("ks3");
  ASSERT_NE(ks3, nullptr);
  const List options = grade_options(*ks3, "S", "Not given");
  ASSERT_EQ(options.size(), ks3->grades().size() + 1);
  EXPECT_EQ(text_of(options[0], "value"), "");
  EXPECT_EQ(text_of(options[1], "value"), "E+");
  EXPECT_EQ(text_of(options[1], "text"), "Extending+ (E+)");
  EXPECT_EQ(text_of(options.back(), "value"), "F-");
  int selected = 0;
  for (const Data& option : options)
    if (option.get("selected")->is_true()) ++selected;
  EXPECT_EQ(selected, 1);
}

TEST(AssessmentSetupHelpersTest, GradeLabelFallsBackToTheCode) {
  const GradeScale* ks3 = standard_scale("ks3");
  ASSERT_NE(ks3, nullptr);
  EXPECT_EQ(grade_label(*ks3, "S-"), "Secure-");
  EXPECT_EQ(grade_label(*ks3, "7++"), "7++");
}

TEST(AssessmentSetupHelpersTest, PrefixedErrorsNameTheFormFieldsAsSentences) {
  const Error error =
      Error::invalid({{"title", "is required"}, {"due_date", "is before the set date"}});
  const auto fields = prefixed_errors(error, "add_4_", "title");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].field, "add_4_title");
  EXPECT_EQ(fields[0].reason, "Title is required");
  EXPECT_EQ(fields[1].field, "add_4_due_date");
}

TEST(AssessmentSetupHelpersTest, AnErrorWithoutFieldsLandsOnTheFallback) {
  const Error conflict{ErrorKind::Conflict, "an instrument with this name exists", {}};
  const auto fields = prefixed_errors(conflict, "", "name");
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].field, "name");
  EXPECT_EQ(fields[0].reason, "An instrument with this name exists");
}

TEST(AssessmentSetupHelpersTest, OnlyNotFoundForbiddenAndFaultsEndTheRequest) {
  EXPECT_FALSE(ends_request(Error::invalid("grade", "is not on the scale")));
  EXPECT_FALSE(ends_request(Error{ErrorKind::Conflict, "taken", {}}));
  EXPECT_TRUE(ends_request(Error{ErrorKind::NotFound, "pupil not found", {}}));
  EXPECT_TRUE(ends_request(Error{ErrorKind::Forbidden, "no", {}}));
  EXPECT_TRUE(ends_request(Error{ErrorKind::Internal, "fault", {}}));
}

TEST(AssessmentSetupHelpersTest, SettingsFormsAreForAdminsAndHeads) {
  Actor actor;
  actor.roles.add(Role::Teacher);
  EXPECT_FALSE(is_admin_or_head(actor));
  actor.roles.add(Role::Head);
  EXPECT_TRUE(is_admin_or_head(actor));
}

TEST(AssessmentSetupHelpersTest, MomentsAreShownInUtc) {
  EXPECT_EQ(format_moment(0), "1 Jan 1970 at 00:00 UTC");
  EXPECT_EQ(format_moment(86400 + 3600 * 14 + 60 * 3), "2 Jan 1970 at 14:03 UTC");
}

TEST(AssessmentSetupHelpersTest, FieldsCarryTheirErrorAndDescription) {
  const Data errors = error_map({{"ks2_reading", "KS2 reading must be 80 to 120"}});
  const Data field =
      number_field("ks2_reading", "KS2 reading scaled score", "150", errors, "From 80 to 120");
  EXPECT_EQ(text_of(field, "id"), "ks2_reading");
  EXPECT_EQ(text_of(field, "value"), "150");
  EXPECT_EQ(text_of(field, "error"), "KS2 reading must be 80 to 120");
  EXPECT_EQ(text_of(field, "described_by"), "ks2_reading-hint ks2_reading-error");
  EXPECT_TRUE(field.get("input")->is_true());
  EXPECT_FALSE(field.get("select")->is_true());
}

}  // namespace
}  // namespace waymark::web
