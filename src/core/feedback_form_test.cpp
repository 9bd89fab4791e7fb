#include "core/feedback_form.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

using S = FeedbackFormStatus;

TEST(FeedbackFormStatusChange, FollowsDraftReadySent) {
  struct Case {
    S from;
    S to;
    bool ok;
  };
  const Case cases[] = {
      {.from = S::Draft, .to = S::Ready, .ok = true},
      {.from = S::Ready, .to = S::Draft, .ok = true},
      {.from = S::Ready, .to = S::Sent, .ok = true},
      {.from = S::Draft, .to = S::Sent, .ok = false},
      {.from = S::Sent, .to = S::Draft, .ok = false},
      {.from = S::Sent, .to = S::Ready, .ok = false},
      {.from = S::Draft, .to = S::Draft, .ok = false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(check_feedback_status_change(c.from, c.to).ok(), c.ok)
        << to_string(c.from) << " -> " << to_string(c.to);
}

FeedbackForm form_with_subject() {
  FeedbackForm form;
  FeedbackFormSubject row;
  row.subject_id = 7;
  row.atl = 3;
  form.subjects.push_back(row);
  return form;
}

TEST(FeedbackFormValidation, NamesTheFieldAtFault) {
  FeedbackForm form = form_with_subject();
  EXPECT_TRUE(validate_feedback_form(form).ok());
  form.subjects[0].atl = 5;
  auto bad_atl = validate_feedback_form(form);
  ASSERT_FALSE(bad_atl.ok());
  EXPECT_EQ(bad_atl.error().fields.at(0).field, "subjects[1].atl");

  form = form_with_subject();
  form.comment = std::string(601, 'x');
  EXPECT_EQ(validate_feedback_form(form).error().fields.at(0).field, "comment");

  form = form_with_subject();
  form.subjects[0].proposed = ProgressIndicator::Meeting;
  form.subjects[0].indicator = ProgressIndicator::Exceeding;
  auto no_reason = validate_feedback_form(form);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().fields.at(0).field, "subjects[1].override_reason");
  form.subjects[0].override_reason = "Strong work in class not yet reflected in the grade";
  EXPECT_TRUE(validate_feedback_form(form).ok());

  form = form_with_subject();
  form.subjects.push_back(form.subjects[0]);
  EXPECT_EQ(validate_feedback_form(form).error().fields.at(0).field, "subjects[2].subject_id");
}

TEST(FeedbackFormValidation, CompleteNeedsAtlAndIndicator) {
  FeedbackForm form;
  EXPECT_EQ(check_feedback_form_complete(form).error().fields.at(0).field, "subjects");
  form = form_with_subject();
  EXPECT_EQ(check_feedback_form_complete(form).error().fields.at(0).field, "subjects[1].indicator");
  form.subjects[0].indicator = ProgressIndicator::Meeting;
  EXPECT_TRUE(check_feedback_form_complete(form).ok());
}

TEST(FeedbackFormValidation, SentFormIsLocked) {
  FeedbackForm form;
  form.status = S::Sent;
  auto locked = check_feedback_form_editable(form);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().kind, ErrorKind::Conflict);
}

}  // namespace
}  // namespace waymark
