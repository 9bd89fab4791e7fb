// The 3-weekly feedback form's use cases (app/feedback_forms.h, feedback_form_due.h) against a
// real SQLite store seeded with the demo: creation and prefill, edits and their validation, the
// status moves, the lock on a sent form and its correction, who sees what, the due list and the
// provider's cycle, with every rejection.
#include "app/feedback_forms.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "app/assessment_loop_test_world.h"
#include "app/feedback_form_due.h"
#include "app/targets.h"
#include "store/classwork_store.h"
#include "store/feedback_form_store.h"

namespace waymark::app {
namespace {

class FeedbackFormsTest : public assessment_testing::AssessmentLoopTest {
 protected:
  // The current period's form for the chosen pupil.
  FeedbackForm created() {
    auto form = create_feedback_form(*context_, teacher_, pupil_);
    EXPECT_TRUE(form.ok()) << form.error().message;
    return form.ok() ? *form : FeedbackForm{};
  }

  // Every subject graded (ATL 3, the proposed indicator or Meeting), so the form may be sent.
  static void complete(FeedbackForm& form, ErrorList&) {
    for (FeedbackFormSubject& row : form.subjects) {
      row.atl = 3;
      row.indicator = row.proposed.value_or(ProgressIndicator::Meeting);
    }
  }

  FeedbackForm sent(const FeedbackForm& form) {
    EXPECT_TRUE(update_feedback_form(*context_, teacher_, form.id, complete).ok());
    EXPECT_TRUE(
        set_feedback_form_status(*context_, teacher_, form.id, FeedbackFormStatus::Ready).ok());
    auto sent = set_feedback_form_status(*context_, head_, form.id, FeedbackFormStatus::Sent);
    EXPECT_TRUE(sent.ok()) << sent.error().message;
    return sent.ok() ? *sent : FeedbackForm{};
  }

  // The first field of a failed change, or "(saved)".
  std::string refused_field(const FeedbackForm& form, const FeedbackFormChange& change) {
    auto saved = update_feedback_form(*context_, teacher_, form.id, change);
    if (saved.ok() || saved.error().fields.empty()) return "(saved)";
    return saved.error().fields.front().field;
  }
};

TEST_F(FeedbackFormsTest, ANewFormIsADraftPrefilledFromTheExitTicketsOfItsPeriod) {
  FeedbackForm form = created();
  ASSERT_NE(form.id, 0);
  EXPECT_EQ(form.status, FeedbackFormStatus::Draft);
  EXPECT_EQ(form.version, 1);
  EXPECT_EQ(form.placement_id, placement_.id);
  EXPECT_EQ(form.provider_id, teacher_.organisation_id);
  EXPECT_LE(form.period_start, today());
  const auto tickets =
      connection().classwork().exit_tickets_of(pupil_, form.period_start, form.period_end);
  ASSERT_FALSE(tickets.empty()) << "the demo's tickets in the current period";
  ASSERT_FALSE(form.subjects.empty());
  for (const FeedbackFormSubject& row : form.subjects) {
    EXPECT_FALSE(row.subject_name.empty());
    for (const ExitTicket& ticket : tickets) {
      if (ticket.subject_id != row.subject_id) continue;
      EXPECT_NE(std::find(row.topics.begin(), row.topics.end(), ticket.topic), row.topics.end())
          << ticket.topic;
    }
  }
  const store::AuditEntry audit = last_audit(pupil_);
  EXPECT_EQ(audit.entity, "feedback_form");
  EXPECT_EQ(audit.action, "create");
  EXPECT_EQ(audit.entity_id, form.id);

  auto again = create_feedback_form(*context_, teacher_, pupil_, form.period_number);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(again.error().fields.front().field, "period_number");
  for (int bad : {0, form.period_number + 1})
    EXPECT_EQ(create_feedback_form(*context_, teacher_, pupil_, bad).error().fields.front().field,
              "period_number");
}

TEST_F(FeedbackFormsTest, OnlyTheProvidersStaffCreateAndOnlyForPupilsTheySee) {
  EXPECT_EQ(create_feedback_form(*context_, school_, pupil_).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(create_feedback_form(*context_, auditor_, pupil_).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(create_feedback_form(*context_, bridges_, pupil_).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(create_feedback_form(*context_, other_school_, pupil_).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(create_feedback_form(*context_, teacher_, 999'999).error().kind, ErrorKind::NotFound);

  // A referral that has not started has no feedback period yet.
  Pupil newcomer;
  newcomer.legal_forename = "Newly";
  newcomer.legal_surname = "Referred";
  newcomer.dob = Date::from_ymd(2011, 2, 3);
  const Id newcomer_id = connection().insert_pupil(newcomer, kNow).value();
  Placement referral;
  referral.pupil_id = newcomer_id;
  referral.provider_id = teacher_.organisation_id;
  referral.commissioner_id = school_.organisation_id;
  referral.referral_date = today();
  referral.status = PlacementStatus::Referred;
  connection().insert_placement(referral, kNow);
  auto not_started = create_feedback_form(*context_, teacher_, newcomer_id);
  ASSERT_FALSE(not_started.ok());
  EXPECT_EQ(not_started.error().fields.front().field, "placement_id");
  auto periods = open_feedback_periods(*context_, teacher_, newcomer_id);
  ASSERT_TRUE(periods.ok());
  EXPECT_TRUE(periods->empty());
  EXPECT_FALSE(open_feedback_periods(*context_, teacher_, pupil_)->empty());
  EXPECT_TRUE(open_feedback_periods(*context_, school_, pupil_)->empty());
  EXPECT_EQ(open_feedback_periods(*context_, bridges_, pupil_).error().kind, ErrorKind::NotFound);
}

TEST_F(FeedbackFormsTest, EditsAreValidatedWholeAndAnOverrideNeedsAReason) {
  FeedbackForm form = created();
  ASSERT_FALSE(form.subjects.empty());
  // Working well below expectations: Waymark proposes Working Towards. A KS4 pupil's proposal
  // needs a target, so set one (a revision of the demo's, when it has one).
  ASSERT_TRUE(set_target(*context_, teacher_, pupil_, form.subjects.front().subject_id,
                         form.subjects.front().working_at_scale == "ks3" ? "S" : "7", "Test")
                  .ok());
  const std::string low = form.subjects.front().working_at_scale == "ks3" ? "F-" : "1";
  auto proposed = update_feedback_form(
      *context_, teacher_, form.id,
      [&](FeedbackForm& change, ErrorList&) { change.subjects.front().working_at = low; });
  ASSERT_TRUE(proposed.ok()) << proposed.error().message;
  ASSERT_EQ(proposed->subjects.front().proposed, ProgressIndicator::WorkingTowards)
      << proposed->subjects.front().proposal_reason;
  EXPECT_GT(proposed->updated_at, form.updated_at);
  EXPECT_EQ(last_audit(pupil_).action, "update");

  EXPECT_EQ(refused_field(*proposed,
                          [](FeedbackForm& change, ErrorList&) {
                            change.subjects.front().indicator = ProgressIndicator::Exceeding;
                          }),
            "subjects[1].override_reason");
  EXPECT_EQ(refused_field(*proposed, [](FeedbackForm& change,
                                        ErrorList&) { change.subjects.front().atl = 5; }),
            "subjects[1].atl");
  EXPECT_EQ(refused_field(*proposed, [](FeedbackForm& change,
                                        ErrorList&) { change.subjects.front().topics = {"  "}; }),
            "subjects[1].topics");
  EXPECT_EQ(refused_field(*proposed, [](FeedbackForm& change,
                                        ErrorList&) { change.subjects.front().working_at = "Z"; }),
            "subjects[1].working_at");
  const Id theirs = bridges_subject_;
  EXPECT_EQ(refused_field(*proposed,
                          [&](FeedbackForm& change, ErrorList&) {
                            FeedbackFormSubject row;
                            row.subject_id = theirs;
                            change.subjects.push_back(row);
                          }),
            "subjects[" + std::to_string(proposed->subjects.size() + 1) + "].subject_id");
  EXPECT_EQ(refused_field(*proposed,
                          [](FeedbackForm& change, ErrorList& errors) {
                            change.comment = "x";
                            errors.add("comment", "the reader's own complaint");
                          }),
            "comment")
      << "errors the change reports are returned";
  auto unchanged = get_feedback_form(*context_, teacher_, form.id);
  EXPECT_EQ(*unchanged, *proposed) << "a refused edit changes nothing";

  auto stale = update_feedback_form(
      *context_, teacher_, form.id, [](FeedbackForm&, ErrorList&) {}, form.updated_at);
  EXPECT_EQ(stale.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(stale.error().fields.front().field, "updated_at");

  auto overridden =
      update_feedback_form(*context_, teacher_, form.id, [](FeedbackForm& change, ErrorList&) {
        auto& row = change.subjects.front();
        row.indicator = ProgressIndicator::Exceeding;
        row.override_reason = "Strong classwork";
        row.atl = 4;
      });
  ASSERT_TRUE(overridden.ok()) << overridden.error().message;
  EXPECT_EQ(overridden->subjects.front().indicator, ProgressIndicator::Exceeding);
}

TEST_F(FeedbackFormsTest, WhoMayChangeAForm) {
  FeedbackForm form = created();
  auto touch = [](FeedbackForm& change, ErrorList&) { change.comment = "x"; };
  EXPECT_EQ(update_feedback_form(*context_, auditor_, form.id, touch).error().kind,
            ErrorKind::Forbidden);
  // A draft is the provider's own: to everyone else it does not exist.
  EXPECT_EQ(update_feedback_form(*context_, school_, form.id, touch).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(update_feedback_form(*context_, bridges_, form.id, touch).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(update_feedback_form(*context_, teacher_, 999'999, touch).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(set_feedback_form_status(*context_, auditor_, form.id, FeedbackFormStatus::Ready)
                .error()
                .kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(
      set_feedback_form_status(*context_, school_, form.id, FeedbackFormStatus::Ready).error().kind,
      ErrorKind::NotFound);
  EXPECT_EQ(get_feedback_form(*context_, school_, form.id).error().kind, ErrorKind::NotFound);
  EXPECT_TRUE(get_feedback_form(*context_, auditor_, form.id).ok()) << "the provider's own reader";
}

TEST_F(FeedbackFormsTest, DraftReadySentThenLocked) {
  FeedbackForm form = created();
  auto skipped = set_feedback_form_status(*context_, teacher_, form.id, FeedbackFormStatus::Sent);
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.error().fields.front().field, "status");
  auto incomplete =
      set_feedback_form_status(*context_, teacher_, form.id, FeedbackFormStatus::Ready);
  ASSERT_FALSE(incomplete.ok()) << "no ATL or indicator yet";
  EXPECT_EQ(incomplete.error().kind, ErrorKind::Invalid);

  ASSERT_TRUE(update_feedback_form(*context_, teacher_, form.id, complete).ok());
  auto ready = set_feedback_form_status(*context_, teacher_, form.id, FeedbackFormStatus::Ready);
  ASSERT_TRUE(ready.ok()) << ready.error().message;
  // A ready form may go back to draft for changes, and forward again.
  ASSERT_TRUE(
      set_feedback_form_status(*context_, teacher_, form.id, FeedbackFormStatus::Draft).ok());
  ASSERT_TRUE(
      set_feedback_form_status(*context_, teacher_, form.id, FeedbackFormStatus::Ready).ok());
  auto sent = set_feedback_form_status(*context_, head_, form.id, FeedbackFormStatus::Sent);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->sent_at, kNow);
  EXPECT_EQ(sent->sent_by, head_.user_id);
  EXPECT_EQ(last_audit(pupil_).action, "status");

  auto edit = update_feedback_form(*context_, teacher_, form.id,
                                   [](FeedbackForm& change, ErrorList&) { change.comment = "x"; });
  ASSERT_FALSE(edit.ok());
  EXPECT_EQ(edit.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(edit.error().fields.front().field, "status");
  for (FeedbackFormStatus to :
       {FeedbackFormStatus::Draft, FeedbackFormStatus::Ready, FeedbackFormStatus::Sent})
    EXPECT_EQ(set_feedback_form_status(*context_, teacher_, form.id, to).error().kind,
              ErrorKind::Conflict);
  EXPECT_EQ(get_feedback_form(*context_, teacher_, form.id)->comment, sent->comment);
}

TEST_F(FeedbackFormsTest, ACorrectionIsANewVersionAndBothAreKept) {
  FeedbackForm form = created();
  auto early = correct_feedback_form(*context_, teacher_, form.id);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().fields.front().field, "status");
  const FeedbackForm original = sent(form);
  ASSERT_EQ(original.status, FeedbackFormStatus::Sent);
  EXPECT_EQ(correct_feedback_form(*context_, school_, form.id).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(correct_feedback_form(*context_, auditor_, form.id).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(correct_feedback_form(*context_, other_school_, form.id).error().kind,
            ErrorKind::NotFound);

  auto correction = correct_feedback_form(*context_, teacher_, form.id);
  ASSERT_TRUE(correction.ok()) << correction.error().message;
  EXPECT_EQ(correction->version, 2);
  EXPECT_EQ(correction->supersedes_id, form.id);
  EXPECT_EQ(correction->status, FeedbackFormStatus::Draft);
  EXPECT_FALSE(correction->sent_at);
  EXPECT_EQ(correction->subjects, original.subjects);
  EXPECT_EQ(last_audit(pupil_).action, "correct");
  auto twice = correct_feedback_form(*context_, teacher_, form.id);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().fields.front().field, "version");

  auto provider_view = pupil_feedback_forms(*context_, teacher_, pupil_);
  ASSERT_TRUE(provider_view.ok());
  EXPECT_EQ(provider_view->size(), 2u);
  EXPECT_EQ(*get_feedback_form(*context_, teacher_, form.id), original) << "kept as sent";
  // The school sees the sent version only until the correction is sent.
  auto school_view = pupil_feedback_forms(*context_, school_, pupil_);
  ASSERT_TRUE(school_view.ok());
  ASSERT_EQ(school_view->size(), 1u);
  EXPECT_EQ(school_view->front().id, form.id);
  EXPECT_EQ(get_feedback_form(*context_, school_, correction->id).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(pupil_feedback_forms(*context_, other_school_, pupil_).error().kind,
            ErrorKind::NotFound);
  auto listed = sent_feedback_forms(*context_, school_);
  ASSERT_TRUE(listed.ok());
  auto mine = std::find_if(listed->begin(), listed->end(),
                           [&](const SentFormItem& item) { return item.form.id == form.id; });
  ASSERT_NE(mine, listed->end());
  EXPECT_FALSE(mine->pupil_name.empty());
  EXPECT_FALSE(mine->provider_name.empty());
  auto theirs = sent_feedback_forms(*context_, other_school_);
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(std::none_of(theirs->begin(), theirs->end(),
                           [&](const SentFormItem& item) { return item.form.pupil_id == pupil_; }));
}

TEST_F(FeedbackFormsTest, TheDueListIsTheProvidersAndForgetsSentForms) {
  EXPECT_EQ(feedback_forms_due(*context_, school_).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(feedback_forms_due(*context_, auditor_).error().kind, ErrorKind::Forbidden);
  auto due = feedback_forms_due(*context_, teacher_);
  ASSERT_TRUE(due.ok());
  const std::vector<DueForm> flat = due_forms_at(connection(), teacher_.organisation_id, today());
  ASSERT_FALSE(flat.empty()) << "the demo has finished periods";
  for (const DueForm& item : flat) EXPECT_LE(item.period.end, today());
  const DueForm& first = flat.front();
  std::size_t listed = 0;
  for (const StaffDueForms& staff : *due)
    for (const DueForm& item : staff.forms)
      listed +=
          item.placement_id == first.placement_id && item.period.number == first.period.number;
  EXPECT_GT(listed, 0u) << "every due form has someone to write it";

  auto form = create_feedback_form(*context_, teacher_, first.pupil_id, first.period.number);
  ASSERT_TRUE(form.ok()) << form.error().message;
  auto started = due_forms_at(connection(), teacher_.organisation_id, today());
  auto entry = std::find_if(started.begin(), started.end(), [&](const DueForm& item) {
    return item.placement_id == first.placement_id && item.period.number == first.period.number;
  });
  ASSERT_NE(entry, started.end());
  EXPECT_EQ(entry->form_id, form->id);
  EXPECT_EQ(entry->status, FeedbackFormStatus::Draft);
  if (form->subjects.empty()) {  // no tickets in that period: add a subject to grade
    ASSERT_TRUE(
        update_feedback_form(*context_, teacher_, form->id, [&](FeedbackForm& change, ErrorList&) {
          FeedbackFormSubject row;
          row.subject_id = maths_;
          change.subjects.push_back(row);
        }).ok());
  }
  sent(*form);
  auto after = due_forms_at(connection(), teacher_.organisation_id, today());
  EXPECT_TRUE(std::none_of(after.begin(), after.end(), [&](const DueForm& item) {
    return item.placement_id == first.placement_id && item.period.number == first.period.number;
  }));
}

TEST_F(FeedbackFormsTest, TheCycleIsTheProvidersSetting) {
  auto days = feedback_cycle_days(*context_, teacher_);
  ASSERT_TRUE(days.ok());
  EXPECT_EQ(*days, 15) << "policy 000: every 3 weeks";
  EXPECT_EQ(feedback_cycle_days(*context_, school_).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(set_feedback_cycle_days(*context_, teacher_, 10).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(set_feedback_cycle_days(*context_, school_, 10).error().kind, ErrorKind::Forbidden);
  for (int bad : {0, 61})
    EXPECT_EQ(set_feedback_cycle_days(*context_, admin_, bad).error().fields.front().field,
              "school_days_per_period");
  ASSERT_TRUE(set_feedback_cycle_days(*context_, head_, 10).ok());
  EXPECT_EQ(*feedback_cycle_days(*context_, teacher_), 10);
  EXPECT_EQ(*feedback_cycle_days(*context_, bridges_), 15) << "each provider has its own";
  auto audit = connection().audit_of_organisation(head_.organisation_id, 1);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().entity, "feedback_settings");
}

}  // namespace
}  // namespace waymark::app
