// The SQLite FeedbackFormStore: a form and its subject rows round-trip exactly, one version per
// period and placement (Conflict on "period_number"), updates replace the rows but never the
// identity, lists in their documented orders, and the provider's cycle setting.
#include "store/feedback_form_store.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_test_support.h"

namespace waymark::store::sqlite {
namespace {

class FeedbackFormStoreTest : public testing::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    if (HasFatalFailure()) return;
    provider_ = add_organisation(OrgKind::Provider, "Balance");
    school_ = add_organisation(OrgKind::School, "Ashfield");
    pupil_ = add_pupil("Ada", "Lovelace");
    placement_ = place(pupil_, provider_, school_, PlacementStatus::Active);
    maths_ =
        db().insert_subject({.id = 0, .organisation_id = provider_, .name = "Maths", .code = "MA"})
            .value();
    english_ = db().insert_subject(
                       {.id = 0, .organisation_id = provider_, .name = "English", .code = "EN"})
                   .value();
  }

  FeedbackFormStore& forms() { return db().feedback_forms(); }

  FeedbackForm form_for(int period_number, int version = 1) {
    FeedbackForm form;
    form.pupil_id = pupil_;
    form.placement_id = placement_;
    form.provider_id = provider_;
    form.period_number = period_number;
    form.period_start = Date::from_ymd(2025, 9, 15).plus_days(21 * (period_number - 1));
    form.period_end = form.period_start.plus_days(18);
    form.version = version;
    form.comment = "A settled start";
    form.created_at = form.updated_at = 1'700'000'000 + period_number;
    FeedbackFormSubject english;
    english.subject_id = english_;
    english.topics = {"Inference", "Structure"};
    english.atl = 3;
    english.working_at_scale = "gcse_fine";
    english.working_at = "4+";
    english.proposed = ProgressIndicator::Meeting;
    english.proposal_reason = "Working at the target";
    english.indicator = ProgressIndicator::Exceeding;
    english.override_reason = "Strong essays";
    FeedbackFormSubject maths;
    maths.subject_id = maths_;
    maths.topics = {"Ratio"};
    // English first: rows keep the order written, not the subject order.
    form.subjects = {english, maths};
    return form;
  }

  Id provider_ = 0, school_ = 0, pupil_ = 0, placement_ = 0, maths_ = 0, english_ = 0;
};

TEST_F(FeedbackFormStoreTest, AFormAndItsRowsRoundTripInTheOrderWritten) {
  FeedbackForm form = form_for(1);
  form.attendance_percent = 92.5;
  auto id = forms().insert_form(form);
  ASSERT_TRUE(id.ok()) << id.error().message;
  form.id = *id;
  form.subjects[0].subject_name = "English";  // filled by reads
  form.subjects[1].subject_name = "Maths";
  auto stored = forms().form(*id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, form);
  EXPECT_FALSE(forms().form(999'999));
}

TEST_F(FeedbackFormStoreTest, OneVersionPerPeriodAndACorrectionIsTheNext) {
  const Id first = forms().insert_form(form_for(1)).value();
  auto clash = forms().insert_form(form_for(1));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(clash.error().fields.front().field, "period_number");
  EXPECT_EQ(forms().forms_of_placement(placement_).size(), 1u) << "the refused insert left nothing";
  FeedbackForm correction = form_for(1, 2);
  correction.supersedes_id = first;
  const Id second = forms().insert_form(correction).value();
  const Id later = forms().insert_form(form_for(2)).value();
  EXPECT_EQ(forms().form(second)->supersedes_id, first);

  std::vector<Id> order;
  for (const FeedbackForm& form : forms().forms_of_placement(placement_)) order.push_back(form.id);
  EXPECT_EQ(order, (std::vector<Id>{first, second, later}));
  EXPECT_EQ(forms().forms_of_pupil(pupil_).size(), 3u);
  EXPECT_EQ(forms().forms_at_provider(provider_).size(), 3u);
  EXPECT_EQ(forms().forms_of_pupils({pupil_, add_pupil("No", "Forms")}).size(), 3u);
  EXPECT_TRUE(forms().forms_of_pupils({}).empty());
  EXPECT_EQ(forms().all_forms().size(), 3u);
  for (const FeedbackForm& form : forms().forms_of_pupil(pupil_))
    EXPECT_EQ(form.subjects.size(), 2u) << "every list reads the rows";
}

TEST_F(FeedbackFormStoreTest, AnUpdateReplacesTheRowsButNotTheIdentity) {
  const Id id = forms().insert_form(form_for(1)).value();
  FeedbackForm changed = *forms().form(id);
  changed.status = FeedbackFormStatus::Sent;
  changed.sent_at = 1'700'100'000;
  changed.comment = "Sent";
  changed.updated_at = 1'700'100'000;
  changed.subjects.pop_back();
  changed.subjects[0].topics = {"Speech writing"};
  FeedbackForm tampered = changed;
  tampered.period_number = 7;
  tampered.version = 3;
  forms().update_form(tampered);
  auto stored = forms().form(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, changed) << "period and version are identity and stay";
}

TEST_F(FeedbackFormStoreTest, TheCycleIsStoredPerProvider) {
  EXPECT_FALSE(forms().school_days_per_period(provider_));
  forms().set_school_days_per_period(provider_, 10);
  forms().set_school_days_per_period(provider_, 12);
  EXPECT_EQ(forms().school_days_per_period(provider_), 12);
  EXPECT_FALSE(forms().school_days_per_period(school_));
}

}  // namespace
}  // namespace waymark::store::sqlite
