// Classwork use cases against a real SQLite store seeded with the demo: exit tickets (create,
// upsert, rename, patch, grades, summaries), who may write and read, marked work and evidence.
#include "app/exit_tickets.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "app/classwork_access.h"
#include "app/classwork_work.h"
#include "app/demo.h"
#include "app/evidence_files.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

using store::sqlite::testing::TempDir;

const Date kToday = Date::from_ymd(2025, 11, 5);
constexpr std::int64_t kNow = 1'762'300'000;

class ClassworkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("demo.db"));
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return kToday; }}, dir_.file("evidence")});
    ASSERT_TRUE(seed_demo(*context_, kToday).ok());
    auto& db = store_->connection();
    teacher_ = actor("teacher@balance.example");
    auditor_ = actor("auditor@balance.example");
    bridges_ = actor("admin@bridges.example");
    for (const Subject& subject : db.subjects_of(teacher_.organisation_id))
      if (subject.name == "Mathematics") maths_ = subject.id;
    // A pupil whose only placement is a current one at Balance, commissioned by a school, so that
    // Bridges and every other school cannot see them.
    for (const Pupil& pupil :
         db.pupils(store::Visibility{OrgKind::Provider, teacher_.organisation_id, false}, {})
             .pupils) {
      const std::vector<Placement> placements = db.placements_of(pupil.id);
      if (pupil_ != 0 || placements.size() != 1) continue;
      const Placement& only = placements.front();
      auto commissioner = db.organisation(only.commissioner_id);
      if (only.provider_id == teacher_.organisation_id && only.current_on(kToday) && commissioner &&
          commissioner->kind == OrgKind::School) {
        pupil_ = pupil.id;
        commissioner_id_ = only.commissioner_id;
      }
    }
    for (const Organisation& organisation : db.organisations())
      if (organisation.kind == OrgKind::School && organisation.id != commissioner_id_ &&
          !db.pupil_visible(pupil_, store::Visibility{OrgKind::School, organisation.id, false}))
        other_school_ = Actor{0, organisation.id, OrgKind::School, Roles{Role::Admin}, "x"};
    school_ = Actor{0, commissioner_id_, OrgKind::School, Roles{Role::Admin}, "s"};
  }

  Actor actor(const std::string& email) {
    auto record = store_->connection().user_by_email(email);
    auto organisation = store_->connection().organisation(record->user.organisation_id);
    return Actor{record->user.id, organisation->id, organisation->kind, record->user.roles, email};
  }

  ExitTicket ticket(const std::string& topic) {
    ExitTicket request;
    request.pupil_id = pupil_;
    request.subject_id = maths_;
    request.lesson_date = kToday;
    request.topic = topic;
    request.score = 3;
    request.max_score = 5;
    return request;
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Actor teacher_, auditor_, bridges_, school_, other_school_;
  Id maths_ = 0, pupil_ = 0, commissioner_id_ = 0;
};

TEST_F(ClassworkTest, CreateConflictUpsertAndRename) {
  ASSERT_NE(pupil_, 0);
  auto created = create_exit_ticket(*context_, teacher_, ticket("  Ratio "));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->topic, "Ratio");
  EXPECT_EQ(created->recorded_by, teacher_.user_id);
  auto clash = create_exit_ticket(*context_, teacher_, ticket("Ratio"));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().kind, ErrorKind::Conflict);

  ExitTicket again = ticket("Ratio");
  again.score = 5;
  auto saved = save_exit_ticket(*context_, teacher_, again);
  ASSERT_TRUE(saved.ok());
  EXPECT_FALSE(saved->created);
  EXPECT_EQ(saved->ticket.id, created->id);
  EXPECT_GT(saved->ticket.updated_at, created->updated_at);
  auto renamed = save_exit_ticket(*context_, teacher_, ticket("Proportion"), "Ratio");
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(renamed->ticket.id, created->id);
  EXPECT_EQ(store_->connection().audit_of_pupil(pupil_, 100).front().entity, "exit_ticket");
}

TEST_F(ClassworkTest, GradesAreCheckedOnTheirScale) {
  ExitTicket graded = ticket("Graded");
  graded.score.reset();
  graded.grade = "secure+";
  graded.grade_scale = "ks3";
  auto saved = save_exit_ticket(*context_, teacher_, graded);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->ticket.grade, "S+");
  graded.grade = "7++";
  graded.grade_scale = "";
  auto bad = save_exit_ticket(*context_, teacher_, graded);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.front().field, "grade");
  graded.grade = "5";
  graded.grade_scale = "nonsense";
  EXPECT_EQ(save_exit_ticket(*context_, teacher_, graded).error().fields.front().field,
            "grade_scale");
}

TEST_F(ClassworkTest, WhoMayWriteAndRead) {
  EXPECT_EQ(create_exit_ticket(*context_, school_, ticket("x")).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(create_exit_ticket(*context_, auditor_, ticket("x")).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(create_exit_ticket(*context_, bridges_, ticket("x")).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(list_exit_tickets(*context_, other_school_, pupil_, {}, {}).error().kind,
            ErrorKind::NotFound);
  auto seen = list_exit_tickets(*context_, school_, pupil_, {}, {});
  ASSERT_TRUE(seen.ok());
  EXPECT_FALSE(seen->empty()) << "the demo's half term of tickets";
  ExitTicket not_a_ticket_subject = ticket("x");
  for (const Subject& subject : store_->connection().subjects_of(teacher_.organisation_id))
    if (subject.name == "Art") not_a_ticket_subject.subject_id = subject.id;
  EXPECT_EQ(create_exit_ticket(*context_, teacher_, not_a_ticket_subject).error().fields[0].field,
            "subject_id");
}

TEST_F(ClassworkTest, PatchAndSummaries) {
  auto created = create_exit_ticket(*context_, teacher_, ticket("Patched"));
  ASSERT_TRUE(created.ok());
  auto patched = update_exit_ticket(
      *context_, teacher_, created->id,
      [](ExitTicket& t, ErrorList&) { t.pupil_response = "Fixed"; }, created->updated_at);
  ASSERT_TRUE(patched.ok());
  EXPECT_EQ(patched->pupil_response, "Fixed");
  auto stale = update_exit_ticket(
      *context_, teacher_, created->id, [](ExitTicket&, ErrorList&) {}, created->updated_at);
  EXPECT_EQ(stale.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(update_exit_ticket(*context_, teacher_, 999999, [](ExitTicket&, ErrorList&) {}, {})
                .error()
                .kind,
            ErrorKind::NotFound);
  auto summaries =
      exit_ticket_summaries(store_->connection(), pupil_, kToday.plus_days(-60), kToday);
  ASSERT_FALSE(summaries.empty());
  EXPECT_GT(summaries.front().count, 0);
}

TEST_F(ClassworkTest, SubjectsConfigurable) {
  EXPECT_EQ(exit_ticket_subjects(store_->connection(), teacher_.organisation_id).size(), 3u);
  EXPECT_EQ(set_exit_ticket_subjects(*context_, teacher_, {maths_}).error().kind,
            ErrorKind::Forbidden);
  Actor admin = actor("admin@balance.example");
  EXPECT_EQ(set_exit_ticket_subjects(*context_, admin, {}).error().kind, ErrorKind::Invalid);
  EXPECT_EQ(set_exit_ticket_subjects(*context_, admin, {999999}).error().kind, ErrorKind::Invalid);
  auto set = set_exit_ticket_subjects(*context_, admin, {maths_});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->size(), 1u);
}

// other_school_ must not see the pupil: a school that could (the pupil's roll) made
// download_evidence succeed, and .error() on an ok Result throws.
TEST_F(ClassworkTest, EvidenceCheckedFromContentAndKeptPrivately) {
  MarkedWork request;
  request.pupil_id = pupil_;
  request.subject_id = maths_;
  request.title = "Test";
  request.work_date = kToday;
  auto work = create_marked_work(*context_, teacher_, request);
  ASSERT_TRUE(work.ok()) << work.error().message;
  const std::string png("\x89PNG\r\n\x1a\n rest", 13);
  auto stored = upload_evidence(*context_, teacher_, work->id, png, "../essay.pdf");
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->type, EvidenceType::Png);
  EXPECT_EQ(stored->original_name, "essay.pdf");
  EXPECT_EQ(stored->sha256.size(), 64u);
  const auto folder = std::filesystem::status(context_->evidence_dir).permissions();
  EXPECT_EQ(folder & std::filesystem::perms::all, std::filesystem::perms::owner_all);
  EXPECT_TRUE(
      std::filesystem::exists(std::filesystem::path(context_->evidence_dir) / stored->stored_name));
  auto download = download_evidence(*context_, school_, stored->id);
  ASSERT_TRUE(download.ok());
  EXPECT_EQ(download->bytes, png);
  EXPECT_EQ(download_evidence(*context_, other_school_, stored->id).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(
      upload_evidence(*context_, teacher_, work->id, "<html>", "x.pdf").error().fields[0].field,
      "file");
  EXPECT_EQ(upload_evidence(*context_, school_, work->id, png, "x").error().kind,
            ErrorKind::Forbidden);
  context_->evidence_dir.clear();
  auto refused = upload_evidence(*context_, teacher_, work->id, png, "x.png");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("not set up"), std::string::npos);
  auto listed = list_marked_work(*context_, school_, pupil_);
  ASSERT_TRUE(listed.ok());
  EXPECT_FALSE(listed->empty());
}

}  // namespace
}  // namespace waymark::app
