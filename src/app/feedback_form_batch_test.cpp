// The due-forms batch (`waymark report feedback-forms --due`) against a real SQLite store seeded
// with the demo: what it writes and where, the drafts it starts, and every refusal.
#include "app/feedback_form_batch.h"

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include <regex>

#include "app/demo.h"
#include "app/feedback_form_codec.h"
#include "app/feedback_form_document.h"
#include "reports/feedback_form_pdf.h"
#include "store/feedback_form_store.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app {
namespace {

namespace fs = std::filesystem;
using store::sqlite::testing::TempDir;

// A Wednesday in the demo's Autumn 2 half term, weeks after most placements began.
const Date kToday = Date::from_ymd(2025, 11, 26);
constexpr std::int64_t kNow = 1'764'160'000;

Result<std::string> fake_pdf(const reports::FeedbackFormDocument& document) {
  return "%PDF-fake " + document.pupil_name;
}

class FeedbackFormBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("demo.db"));
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return kToday; }}, ""});
    ASSERT_TRUE(seed_demo(*context_, kToday).ok());
  }

  store::Connection& db() { return store_->connection(); }
  std::string out() const { return dir_.file("out"); }
  std::size_t form_count() { return db().feedback_forms().all_forms().size(); }

  std::set<std::string> written_files() {
    std::set<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(out()))
      if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), out()).string());
    return files;
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
};

TEST_F(FeedbackFormBatchTest, WritesEveryDueFormAtEveryProviderUnderIdsOnly) {
  const std::vector<DueFormAt> due = due_forms_everywhere(db(), kToday);
  ASSERT_FALSE(due.empty());
  std::set<Id> providers;
  std::set<std::string> expected;
  for (const DueFormAt& item : due) {
    providers.insert(item.provider_id);
    expected.insert(due_form_path(item.provider_id, item.form.pupil_id, item.form.period.number));
  }
  EXPECT_EQ(providers.size(), 2u) << "the demo has forms due at Balance and at Bridges";

  auto batch = write_due_feedback_forms(*context_, out(), fake_pdf);
  ASSERT_TRUE(batch.ok()) << batch.error().message;
  EXPECT_EQ(batch->due, due.size());
  EXPECT_EQ(batch->written, due.size());
  EXPECT_TRUE(batch->failures.empty());
  EXPECT_EQ(written_files(), expected);
  // File names carry ids only: no pupil's name or UPN.
  for (const DueFormAt& item : due) {
    const auto pupil = db().pupil(item.form.pupil_id);
    ASSERT_TRUE(pupil);
    const std::string file =
        due_form_path(item.provider_id, item.form.pupil_id, item.form.period.number);
    EXPECT_EQ(file.find(pupil->legal_surname), std::string::npos);
    if (pupil->upn) {
      EXPECT_EQ(file.find(pupil->upn->str()), std::string::npos);
    }
  }
  // The file holds what the renderer drew for that pupil's form.
  const DueFormAt& first = due.front();
  std::ifstream file(fs::path(out()) / due_form_path(first.provider_id, first.form.pupil_id,
                                                     first.form.period.number));
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes, "%PDF-fake " + first.form.pupil_name);
}

TEST_F(FeedbackFormBatchTest, StartsDraftsForFormsNotStartedAuditedWithNoUserAndReusesThemAfter) {
  const std::vector<DueFormAt> due = due_forms_everywhere(db(), kToday);
  std::size_t not_started = 0;
  for (const DueFormAt& item : due)
    if (item.form.form_id == 0) ++not_started;
  ASSERT_GT(not_started, 0u) << "the demo leaves some due forms not started";
  ASSERT_LT(not_started, due.size()) << "and some started as drafts";
  const std::size_t before = form_count();

  auto batch = write_due_feedback_forms(*context_, out(), fake_pdf);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(batch->created, not_started);
  EXPECT_EQ(form_count(), before + not_started);
  for (const DueFormAt& item : due_forms_everywhere(db(), kToday)) {
    ASSERT_NE(item.form.form_id, 0) << "every due form now has a draft";
    if (std::find_if(due.begin(), due.end(), [&](const DueFormAt& old) {
          return old.form.placement_id == item.form.placement_id &&
                 old.form.period.number == item.form.period.number && old.form.form_id == 0;
        }) == due.end())
      continue;
    auto form = db().feedback_forms().form(item.form.form_id);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->status, FeedbackFormStatus::Draft);
    EXPECT_EQ(form->created_by, 0);
    EXPECT_EQ(form->period_end, item.form.period.end);
    bool audited = false;
    for (const store::AuditEntry& entry : db().audit_of_pupil(item.form.pupil_id, 500))
      if (entry.entity == "feedback_form" && entry.entity_id == form->id &&
          entry.action == "create") {
        audited = true;
        EXPECT_EQ(entry.user_id, 0);
        EXPECT_EQ(entry.organisation_id, item.provider_id);
      }
    EXPECT_TRUE(audited) << "form " << form->id;
  }

  auto again = write_due_feedback_forms(*context_, out(), fake_pdf);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, 0u);
  EXPECT_EQ(again->written, due.size());
  EXPECT_EQ(form_count(), before + not_started);
}

TEST_F(FeedbackFormBatchTest, ReportsProgressAfterEachForm) {
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  auto batch = write_due_feedback_forms(
      *context_, out(), fake_pdf,
      [&calls](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(calls.size(), batch->due);
  for (std::size_t index = 0; index < calls.size(); ++index)
    EXPECT_EQ(calls[index], std::make_pair(index + 1, batch->due));
}

TEST_F(FeedbackFormBatchTest, AFormThatCannotBeDrawnIsListedAndTheRestStillGoOut) {
  int drawn = 0;
  auto failing_first =
      [&drawn](const reports::FeedbackFormDocument& document) -> Result<std::string> {
    if (drawn++ == 0) return Error::invalid("pupil_name", "the pupil's name is blank");
    return fake_pdf(document);
  };
  auto batch = write_due_feedback_forms(*context_, out(), failing_first);
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(batch->failures.size(), 1u);
  EXPECT_EQ(batch->written, batch->due - 1);
  const DueFormAt first = due_forms_everywhere(db(), kToday).front();
  EXPECT_EQ(batch->failures[0],
            due_form_path(first.provider_id, first.form.pupil_id, first.form.period.number) +
                ": pupil_name: the pupil's name is blank");
}

TEST_F(FeedbackFormBatchTest, RefusesAnOutputFolderItCannotWriteBeforeStartingAnyDraft) {
  const std::size_t before = form_count();
  const std::string file = dir_.file("a-file");
  std::ofstream(file) << "not a folder";
  for (const std::string& bad : {std::string(), file, file + "/below"}) {
    SCOPED_TRACE(bad);
    auto batch = write_due_feedback_forms(*context_, bad, fake_pdf);
    ASSERT_FALSE(batch.ok());
    EXPECT_EQ(batch.error().kind, ErrorKind::Invalid);
    ASSERT_EQ(batch.error().fields.size(), 1u);
    EXPECT_EQ(batch.error().fields[0].field, "out_dir");
  }
  EXPECT_EQ(form_count(), before);
}

TEST_F(FeedbackFormBatchTest, CreatesAMissingOutputFolder) {
  const std::string nested = dir_.file("reports/2025/autumn");
  auto batch = write_due_feedback_forms(*context_, nested, fake_pdf);
  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(fs::is_directory(nested));
  EXPECT_FALSE(fs::exists(fs::path(nested) / ".waymark-write-check"));
}

TEST_F(FeedbackFormBatchTest, RealPdfsPrintAttendanceOnce) {
  const DueFormAt first = due_forms_everywhere(db(), kToday).front();
  auto batch = write_due_feedback_forms(*context_, out(), reports::render_feedback_form_pdf);
  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(batch->failures.empty());
  std::ifstream file(fs::path(out()) / due_form_path(first.provider_id, first.form.pupil_id,
                                                     first.form.period.number));
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.rfind("%PDF-", 0), 0u);
  // The PDF prints "Attendance in this period: " before the value, so the value has no label.
  const auto form =
      db().feedback_forms().form(due_forms_everywhere(db(), kToday).front().form.form_id);
  ASSERT_TRUE(form);
  const reports::FeedbackFormDocument document = build_feedback_form_document(db(), *form);
  // The demo's registers give every due period a rate: a percentage, once, with no label.
  ASSERT_TRUE(document.attendance);
  EXPECT_TRUE(std::regex_match(*document.attendance, std::regex(R"(\d{1,3}%)")))
      << *document.attendance;
}

TEST(FeedbackFormBatchPath, IsProviderFolderThenPupilAndPeriod) {
  EXPECT_EQ(due_form_path(3, 41, 2), "3/41-2.pdf");
}

}  // namespace
}  // namespace waymark::app
