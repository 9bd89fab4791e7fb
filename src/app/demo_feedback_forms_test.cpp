// The demo's feedback forms (demo_feedback_forms.cpp): sent forms for finished periods built from
// the pupils' own exit tickets, and a due list with drafts, forms not started and a few overdue.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "app/demo.h"
#include "app/feedback_form_due.h"
#include "store/classwork_store.h"
#include "store/feedback_form_store.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

const Date kToday = Date::from_ymd(2025, 11, 26);
constexpr std::int64_t kNow = 1'764'160'000;

class DemoFeedbackFormsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("demo.db"));
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return kToday; }}, ""});
    ASSERT_TRUE(seed_demo(*context_, kToday).ok());
    for (const Organisation& organisation : db().organisations())
      if (organisation.kind == OrgKind::Provider) providers_.push_back(organisation.id);
  }
  store::Connection& db() { return store_->connection(); }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  std::vector<Id> providers_;
};

TEST_F(DemoFeedbackFormsTest, FinishedPeriodsHaveSentFormsFromThePupilsOwnExitTickets) {
  ASSERT_EQ(providers_.size(), 2u);
  std::size_t sent = 0, overridden = 0;
  std::set<Id> providers_with_sent;
  for (const FeedbackForm& form : db().feedback_forms().all_forms()) {
    SCOPED_TRACE(form.id);
    EXPECT_LE(form.period_end, kToday) << "only finished periods have forms";
    EXPECT_TRUE(validate_feedback_form(form).ok());
    if (form.status != FeedbackFormStatus::Sent) continue;
    ++sent;
    providers_with_sent.insert(form.provider_id);
    EXPECT_TRUE(check_feedback_form_complete(form).ok());
    EXPECT_FALSE(form.comment.empty());
    ASSERT_TRUE(form.sent_at);
    EXPECT_NE(form.sent_by, 0);
    EXPECT_GE(*form.sent_at, form.period_end.days() * 86400);
    // Sent by one of the provider's teaching staff.
    auto writer = db().user(form.sent_by);
    ASSERT_TRUE(writer);
    EXPECT_EQ(writer->organisation_id, form.provider_id);
    // Topics come from the pupil's exit tickets in the period (or the induction period's).
    std::map<Id, std::set<std::string>> taught;
    for (const ExitTicket& ticket :
         db().classwork().exit_tickets_of(form.pupil_id, form.period_start, form.period_end))
      taught[ticket.subject_id].insert(ticket.topic);
    const bool induction = taught.empty();
    for (const FeedbackFormSubject& subject : form.subjects) {
      ASSERT_TRUE(subject.atl);
      EXPECT_GE(*subject.atl, 1);
      EXPECT_LE(*subject.atl, 4);
      for (const std::string& topic : subject.topics)
        EXPECT_TRUE(taught[subject.subject_id].count(topic) != 0 ||
                    (induction && topic == "Initial assessment and induction"))
            << topic;
      if (subject.proposed && subject.indicator != subject.proposed) {
        ++overridden;
        EXPECT_FALSE(subject.override_reason.empty());
      }
    }
  }
  EXPECT_GT(sent, 20u);
  EXPECT_GT(overridden, 0u) << "some proposals are overridden, with a reason";
  EXPECT_EQ(providers_with_sent.size(), 2u);
}

TEST_F(DemoFeedbackFormsTest, SomeFormsAreDueNowAsDraftsOrNotStartedAndAFewOverdue) {
  std::size_t drafts = 0, not_started = 0, overdue = 0, due = 0;
  for (Id provider : providers_)
    for (const DueForm& item : due_forms_at(db(), provider, kToday)) {
      ++due;
      if (item.form_id == 0) ++not_started;
      if (item.status == FeedbackFormStatus::Draft) ++drafts;
      if (item.overdue) ++overdue;
    }
  EXPECT_GT(drafts, 0u);
  EXPECT_GT(not_started, 0u);
  EXPECT_GT(overdue, 0u);
  EXPECT_LT(overdue * 2, due) << "only a few are overdue";
}

}  // namespace
}  // namespace waymark::app
