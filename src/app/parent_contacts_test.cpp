// Parent and carer contact use cases against a real SQLite store seeded with the demo: logging a
// contact (and the next call moving), every validation and permission path, the provider's
// interval, key workers and the calls-due lists.
#include "app/parent_contacts.h"

#include <algorithm>

#include "app/contact_behaviour_fixture.h"
#include "app/parent_contacts_due.h"
#include "store/contact_store.h"
#include "store/sqlite/db.h"

namespace waymark::app {
namespace {

using contact_testing::kToday;

class ParentContactsTest : public contact_testing::ContactBehaviourTest {
 protected:
  ContactLogEntry call(Id pupil_id) {
    ContactLogEntry entry;
    entry.pupil_id = pupil_id;
    entry.contact_date = kToday;
    entry.method = ContactMethod::Call;
    entry.contact_id = store_->connection().pupil(pupil_id)->contacts.front().id;
    entry.summary = "  Talked about the week  ";
    entry.progress = "Better in maths";
    return entry;
  }
};

TEST_F(ParentContactsTest, LoggingACallMovesTheNextDueDate) {
  auto before = contact_log(*context_, teacher_, pupil());
  ASSERT_TRUE(before.ok()) << before.error().message;
  ASSERT_EQ(before->next_calls.size(), 1u);
  EXPECT_TRUE(before->can_write);
  EXPECT_FALSE(before->staff.empty());

  auto logged = log_contact(*context_, teacher_, call(pupil()));
  ASSERT_TRUE(logged.ok()) << logged.error().message;
  EXPECT_EQ(logged->summary, "Talked about the week");
  EXPECT_EQ(logged->staff_id, teacher_.user_id);  // 0 means the actor
  EXPECT_EQ(logged->organisation_id, teacher_.organisation_id);
  EXPECT_FALSE(logged->contact_name.empty());

  auto after = contact_log(*context_, teacher_, pupil());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->entries.front().id, logged->id);
  EXPECT_EQ(after->next_calls.front().last_call, kToday);
  EXPECT_EQ(after->next_calls.front().due.due_from, kToday.plus_days(14));
  EXPECT_EQ(after->next_calls.front().due.due_by, kToday.plus_days(21));
  EXPECT_EQ(after->next_calls.front().state, ContactState::NotDue);
  EXPECT_EQ(store_->connection().audit_of_pupil(pupil(), 5).front().entity, "contact_log");
}

TEST_F(ParentContactsTest, AMessageIsLoggedButDoesNotCountAsTheCall) {
  auto before = contact_log(*context_, teacher_, pupil());
  ContactLogEntry message = call(pupil());
  message.method = ContactMethod::Message;
  ASSERT_TRUE(log_contact(*context_, teacher_, message).ok());
  auto after = contact_log(*context_, teacher_, pupil());
  EXPECT_EQ(after->entries.size(), before->entries.size() + 1);
  EXPECT_EQ(after->next_calls.front().due, before->next_calls.front().due);
}

TEST_F(ParentContactsTest, ContactWithoutParentalResponsibilityIsCopiedIntoTheEntry) {
  auto& db = store_->connection();
  Pupil pupil_record = *db.pupil(pupil());
  Contact carer;
  carer.name = "Pat Carer";
  carer.relationship = "Foster carer";
  carer.parental_responsibility = false;
  carer.phone = "07700 900123";
  carer.priority = 2;
  pupil_record.contacts.push_back(carer);
  ASSERT_TRUE(db.update_pupil(pupil_record, contact_testing::kNow).ok());
  const Contact stored = db.pupil(pupil())->contacts.back();
  ContactLogEntry entry = call(pupil());
  entry.contact_id = stored.id;
  auto logged = log_contact(*context_, teacher_, entry);
  ASSERT_TRUE(logged.ok()) << logged.error().message;
  EXPECT_FALSE(logged->parental_responsibility);
  EXPECT_EQ(logged->contact_relationship, "Foster carer");
}

TEST_F(ParentContactsTest, EveryFieldProblemIsNamed) {
  ContactLogEntry entry = call(pupil());
  entry.contact_date = kToday.plus_days(1);
  entry.summary = "   ";
  entry.contact_id = store_->connection().pupil(pupil(1))->contacts.front().id;  // another pupil's
  entry.staff_id = bridges_.user_id;                                             // another org's
  auto result = log_contact(*context_, teacher_, entry);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Invalid);
  std::vector<std::string> fields;
  for (const FieldError& field : result.error().fields) fields.push_back(field.field);
  for (const char* expected : {"contact_date", "summary", "contact_id", "staff_id"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), expected), fields.end()) << expected;

  entry = call(pupil());
  entry.contact_id = 0;
  entry.summary = std::string(kMaxContactSummaryLength + 1, 'x');
  result = log_contact(*context_, teacher_, entry);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().fields.size(), 2u);
}

TEST_F(ParentContactsTest, WhoMayLogAndRead) {
  EXPECT_EQ(log_contact(*context_, bridges_, call(pupil())).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(log_contact(*context_, other_school_, call(pupil())).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(log_contact(*context_, school_, call(pupil())).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(log_contact(*context_, auditor_, call(pupil())).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(contact_log(*context_, other_school_, pupil()).error().kind, ErrorKind::NotFound);
  auto school_view = contact_log(*context_, school_, pupil());
  ASSERT_TRUE(school_view.ok());
  EXPECT_FALSE(school_view->can_write);
  EXPECT_TRUE(school_view->staff.empty());
  EXPECT_EQ(contact_log(*context_, teacher_, 999999).error().kind, ErrorKind::NotFound);
}

TEST_F(ParentContactsTest, TheIntervalIsTheProvidersAndOnlyItsAdminSetsIt) {
  EXPECT_EQ(get_contact_rule(*context_, teacher_)->min_days, 14);
  EXPECT_EQ(set_contact_rule(*context_, teacher_, {7, 10}).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(set_contact_rule(*context_, school_, {7, 10}).error().kind, ErrorKind::Forbidden);
  auto bad = set_contact_rule(*context_, admin_, {0, 100});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);
  ASSERT_TRUE(log_contact(*context_, teacher_, call(pupil())).ok());
  ASSERT_TRUE(set_contact_rule(*context_, admin_, {7, 10}).ok());
  auto view = contact_log(*context_, teacher_, pupil());
  EXPECT_EQ(view->next_calls.front().due.due_from, kToday.plus_days(7));
  EXPECT_EQ(view->next_calls.front().due.due_by, kToday.plus_days(10));
  EXPECT_EQ(get_contact_rule(*context_, bridges_)->max_days, 21);  // Bridges unchanged
}

TEST_F(ParentContactsTest, KeyWorkersDecideWhoseListACallIsOn) {
  const Id placement = placements_[0].id;
  EXPECT_EQ(set_key_worker(*context_, teacher_, placement, teacher_.user_id).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(set_key_worker(*context_, admin_, placement, bridges_.user_id).error().kind,
            ErrorKind::Invalid);
  EXPECT_EQ(set_key_worker(*context_, other_school_, placement, 0).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(set_key_worker(*context_, admin_, 999999, 0).error().kind, ErrorKind::NotFound);
  ASSERT_TRUE(set_key_worker(*context_, head_, placement, maths_.user_id).ok());
  EXPECT_EQ(store_->connection().contacts().key_worker(placement), maths_.user_id);

  auto& db = store_->connection();
  const auto everyone = calls_due_at_provider(db, admin_.organisation_id, kToday);
  ASSERT_FALSE(everyone.empty());
  for (std::size_t index = 1; index < everyone.size(); ++index) {
    const auto& previous = everyone[index - 1];
    const auto& current = everyone[index];
    EXPECT_FALSE(previous.state == ContactState::Due && current.state == ContactState::Overdue);
  }
  const auto mine = calls_due(*context_, maths_, CallScope::Mine);
  ASSERT_TRUE(mine.ok());
  for (const CallDue& due : *mine) EXPECT_EQ(due.key_worker_id, maths_.user_id);
  EXPECT_LE(mine->size(), everyone.size());
  EXPECT_EQ(calls_due(*context_, school_, CallScope::Everyone).error().kind, ErrorKind::Forbidden);
}

TEST_F(ParentContactsTest, ACallTakesAnOverduePupilOffTheList) {
  auto& db = store_->connection();
  const auto before = calls_due_at_provider(db, admin_.organisation_id, kToday);
  auto overdue = std::find_if(before.begin(), before.end(), [](const CallDue& due) {
    return due.state == ContactState::Overdue;
  });
  ASSERT_NE(overdue, before.end()) << "the demo leaves some calls overdue";
  EXPECT_GT(overdue->days_overdue, 0);
  ASSERT_TRUE(log_contact(*context_, teacher_, call(overdue->pupil_id)).ok());
  const auto after = calls_due_at_provider(db, admin_.organisation_id, kToday);
  EXPECT_EQ(std::count_if(after.begin(), after.end(),
                          [&](const CallDue& due) { return due.pupil_id == overdue->pupil_id; }),
            0);
}

TEST_F(ParentContactsTest, TheDemoHasAHalfTermOfContactsSomeOverdueOneWithoutResponsibility) {
  auto& db = store_->connection();
  int entries = 0, without_responsibility = 0;
  for (const Placement& placement : placements_)
    for (const ContactLogEntry& entry : db.contacts().contact_log_of(placement.pupil_id)) {
      ++entries;
      if (!entry.parental_responsibility) ++without_responsibility;
    }
  EXPECT_GT(entries, static_cast<int>(placements_.size()));
  const auto due = calls_due_at_provider(db, admin_.organisation_id, kToday);
  EXPECT_TRUE(std::any_of(due.begin(), due.end(),
                          [](const CallDue& call) { return call.state == ContactState::Overdue; }));
  // Every placed pupil at both providers, so look at Bridges too for the non-PR contact.
  for (const CallDue& call : calls_due_at_provider(db, bridges_.organisation_id, kToday))
    for (const ContactLogEntry& entry : db.contacts().contact_log_of(call.pupil_id))
      if (!entry.parental_responsibility) ++without_responsibility;
  EXPECT_GE(without_responsibility, 1);
}

TEST_F(ParentContactsTest, TheLogIsNeverDeleted) {
  ASSERT_TRUE(log_contact(*context_, teacher_, call(pupil())).ok());
  store::sqlite::Db raw(dir_.file("demo.db"));
  EXPECT_THROW(raw.execute_script("DELETE FROM contact_log"), store::StoreFault);
}

}  // namespace
}  // namespace waymark::app
