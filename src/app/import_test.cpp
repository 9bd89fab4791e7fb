// import_pupils and import_placements against a real SQLite database in a temporary directory.
#include "app/import.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"

namespace waymark::app {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 3);
constexpr std::int64_t kNow = 1'762'160'000;

// A valid UPN issued by LA 801, establishment 2000, in 2001, with serial `serial`.
Upn test_upn(int serial) {
  std::string last12 = fmt::format("801200001{:03}", serial);
  return *Upn::parse(upn_check_letter(last12) + last12);
}

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "waymark-import-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A row as interop's reader makes it: the required columns, plus whatever a test adds.
PupilImportRow pupil_row(int row, std::optional<int> upn_serial, const std::string& forename,
                         const std::string& surname) {
  PupilImportRow import_row;
  import_row.row = row;
  if (upn_serial) import_row.pupil.upn = test_upn(*upn_serial);
  import_row.pupil.legal_forename = forename;
  import_row.pupil.legal_surname = surname;
  import_row.pupil.dob = Date::from_ymd(2012, 9, 1);  // Year 8 in 2025/26
  import_row.pupil.sex = Sex::Female;
  import_row.column_of_field = {{"upn", "upn"},
                                {"legal_forename", "forename"},
                                {"legal_surname", "surname"},
                                {"dob", "dob"},
                                {"sex", "sex"}};
  return import_row;
}

PlacementImportRow placement_row(int row, int upn_serial, const std::string& provider_urn,
                                 const std::string& commissioner_urn) {
  PlacementImportRow import_row;
  import_row.row = row;
  import_row.upn = test_upn(upn_serial).str();
  import_row.provider_urn = provider_urn;
  import_row.commissioner_urn = commissioner_urn;
  import_row.placement.referral_date = Date::from_ymd(2025, 9, 8);
  import_row.column_of_field = {{"referral_date", "referral_date"}};
  return import_row;
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("waymark.db");
    auto opened = store::sqlite::open(path_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[] { return kNow; }, [] { return kToday; }}});

    la_id_ = add_organisation(OrgKind::LocalAuthority, "Leeds City Council", "100000");
    school_id_ = add_organisation(OrgKind::School, "Hill Top Academy", "100001", la_id_);
    provider_id_ = add_organisation(OrgKind::Provider, "Fresh Start", "100002", la_id_);
    other_school_id_ = add_organisation(OrgKind::School, "Dale Primary", "100003", la_id_);
    school_ = add_user(school_id_, OrgKind::School, "teacher@hilltop.example", {Role::Teacher});
    provider_ = add_user(provider_id_, OrgKind::Provider, "staff@fresh.example", {Role::Teacher});
    la_ = add_user(la_id_, OrgKind::LocalAuthority, "officer@leeds.example", {Role::Admin});
    other_school_ = add_user(other_school_id_, OrgKind::School, "head@dale.example", {Role::Head});
  }

  store::Connection& db() { return store_->connection(); }

  Id add_organisation(OrgKind kind, const std::string& name, const std::string& urn,
                      Id local_authority_id = 0) {
    Organisation organisation;
    organisation.kind = kind;
    organisation.name = name;
    organisation.urn = urn;
    organisation.local_authority_id = local_authority_id;
    return db().insert_organisation(organisation);
  }

  Actor add_user(Id organisation_id, OrgKind kind, const std::string& email, Roles roles) {
    User user;
    user.organisation_id = organisation_id;
    user.email = email;
    user.display_name = email;
    user.roles = roles;
    auto id = db().insert_user(user, "not a real hash");
    EXPECT_TRUE(id.ok());
    return Actor{id.ok() ? *id : 0, organisation_id, kind, roles, email};
  }

  // Every row of a table, whoever may see it: what "nothing was written" is measured against.
  int count(const char* table) {
    sqlite3* handle = nullptr;
    int rows = -1;
    if (sqlite3_open_v2(path_.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* statement = nullptr;
      std::string sql = fmt::format("SELECT COUNT(*) FROM {}", table);  // table names from tests
      if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
          sqlite3_step(statement) == SQLITE_ROW)
        rows = sqlite3_column_int(statement, 0);
      sqlite3_finalize(statement);
    }
    sqlite3_close(handle);
    return rows;
  }

  std::vector<Pupil> visible_pupils(const Actor& actor) {
    store::PupilFilter filter;
    filter.limit = 500;
    return db()
        .pupils(store::Visibility{actor.organisation_kind, actor.organisation_id, false}, filter)
        .pupils;
  }

  Result<ImportSummary> import(const Actor& actor, const std::vector<PupilImportRow>& rows,
                               DryRun dry_run = DryRun::No) {
    return import_pupils(*context_, actor, rows, dry_run);
  }

  Result<ImportSummary> import(const Actor& actor, const std::vector<PlacementImportRow>& rows,
                               DryRun dry_run = DryRun::No) {
    return import_placements(*context_, actor, rows, dry_run);
  }

  ImportSummary import_ok(const Actor& actor, const std::vector<PupilImportRow>& rows) {
    auto summary = import(actor, rows);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? *summary : ImportSummary{};
  }

  ImportSummary import_ok(const Actor& actor, const std::vector<PlacementImportRow>& rows) {
    auto summary = import(actor, rows);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? *summary : ImportSummary{};
  }

  Id pupil_id(int upn_serial) {
    return db().pupil_id_by_upn(test_upn(upn_serial).str()).value_or(0);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  Id la_id_ = 0, school_id_ = 0, provider_id_ = 0, other_school_id_ = 0;
  Actor school_, provider_, la_, other_school_;
};

void expect_summary(const ImportSummary& summary, int created, int updated, int unchanged) {
  EXPECT_EQ(summary.created, created);
  EXPECT_EQ(summary.updated, updated);
  EXPECT_EQ(summary.unchanged, unchanged);
  EXPECT_EQ(summary.rows, created + updated + unchanged);
}

// ---- Pupils: creating ----------------------------------------------------------------------

TEST_F(ImportTest, ASchoolsNewPupilsJoinItsRoll) {
  PupilImportRow with_date = pupil_row(1, 1, "Ann", "Smith");
  with_date.admission_date = Date::from_ymd(2025, 9, 3);
  ImportSummary summary =
      import_ok(school_, {with_date, pupil_row(2, std::nullopt, "Bo", "Jones")});
  expect_summary(summary, 2, 0, 0);
  EXPECT_FALSE(summary.dry_run);
  ASSERT_EQ(visible_pupils(school_).size(), 2u);

  auto ann = db().enrolments_of(pupil_id(1));
  ASSERT_EQ(ann.size(), 1u);
  EXPECT_EQ(ann[0].school_id, school_id_);
  EXPECT_EQ(ann[0].admission_date, Date::from_ymd(2025, 9, 3));
  auto bo_ids =
      db().pupil_ids_by_name_and_dob(store::Visibility{OrgKind::School, school_id_, false}, "Bo",
                                     "Jones", Date::from_ymd(2012, 9, 1));
  ASSERT_EQ(bo_ids.size(), 1u);
  auto bo = db().enrolments_of(bo_ids[0]);
  ASSERT_EQ(bo.size(), 1u);
  EXPECT_EQ(bo[0].admission_date, kToday);
  EXPECT_EQ(count("placements"), 0);
  EXPECT_TRUE(visible_pupils(other_school_).empty());
}

TEST_F(ImportTest, AProviderNamesTheReferringSchoolOrLa) {
  PupilImportRow from_school = pupil_row(1, 1, "Ann", "Smith");
  from_school.commissioner_urn = "100001";
  PupilImportRow from_la = pupil_row(2, 2, "Bo", "Jones");
  from_la.commissioner_urn = "100000";
  expect_summary(import_ok(provider_, {from_school, from_la}), 2, 0, 0);

  auto placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].provider_id, provider_id_);
  EXPECT_EQ(placements[0].commissioner_id, school_id_);
  EXPECT_EQ(placements[0].referral_date, kToday);
  EXPECT_EQ(placements[0].status, PlacementStatus::Referred);
  EXPECT_EQ(db().placements_of(pupil_id(2)).at(0).commissioner_id, la_id_);
  EXPECT_EQ(count("enrolments"), 0);
  EXPECT_EQ(visible_pupils(provider_).size(), 2u);
}

TEST_F(ImportTest, AProviderMustGiveARealCommissioner) {
  PupilImportRow missing = pupil_row(1, 1, "Ann", "Smith");
  PupilImportRow unknown = pupil_row(2, 2, "Bo", "Jones");
  unknown.commissioner_urn = "999999";
  PupilImportRow a_provider = pupil_row(3, 3, "Cy", "Evans");
  a_provider.commissioner_urn = "100002";
  auto summary = import(provider_, {missing, unknown, a_provider});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(
      summary.error().fields,
      (std::vector<FieldError>{
          {"row 1, column commissioner_urn",
           "is required for a new pupil: the URN of the school or local authority that "
           "referred them"},
          {"row 2, column commissioner_urn", "no school or local authority has URN '999999'"},
          {"row 3, column commissioner_urn", "no school or local authority has URN '100002'"}}));
  EXPECT_EQ(count("pupils"), 0);
}

TEST_F(ImportTest, AnLaNamesTheProvider) {
  PupilImportRow placed = pupil_row(1, 1, "Ann", "Smith");
  placed.provider_urn = "100002";
  PupilImportRow missing = pupil_row(2, 2, "Bo", "Jones");
  PupilImportRow a_school = pupil_row(3, 3, "Cy", "Evans");
  a_school.provider_urn = "100001";
  auto summary = import(la_, {placed, missing, a_school});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 2, column provider_urn",
                 "is required for a new pupil: the URN of the provider they are referred to"},
                {"row 3, column provider_urn", "no provider has URN '100001'"}}));
  EXPECT_EQ(count("pupils"), 0);

  expect_summary(import_ok(la_, {placed}), 1, 0, 0);
  auto placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].provider_id, provider_id_);
  EXPECT_EQ(placements[0].commissioner_id, la_id_);
}

TEST_F(ImportTest, OnlyPupilEditorsMayImport) {
  Actor auditor = add_user(school_id_, OrgKind::School, "auditor@hilltop.example", {Role::Auditor});
  auto summary = import(auditor, {pupil_row(1, 1, "Ann", "Smith")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(count("pupils"), 0);
}

// ---- Pupils: all or nothing ----------------------------------------------------------------

TEST_F(ImportTest, OneBadRowMeansNothingIsWritten) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")});
  const int pupils_before = count("pupils");
  const int audit_before = count("audit_log");

  PupilImportRow changed = pupil_row(1, 1, "Ann", "Smith-Jones");
  PupilImportRow blank_name = pupil_row(2, 2, "", "Jones");
  auto summary = import(school_, {changed, blank_name, pupil_row(3, 3, "Cy", "Evans")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{{"row 2, column forename", "is required"}}));
  EXPECT_EQ(summary.error().message, "row 2, column forename: is required");
  EXPECT_EQ(count("pupils"), pupils_before);
  EXPECT_EQ(count("audit_log"), audit_before);
  EXPECT_EQ(db().pupil(pupil_id(1))->legal_surname, "Smith");
}

TEST_F(ImportTest, ReportsEveryProblemOfEveryRowByCsvColumn) {
  PupilImportRow too_old = pupil_row(2, 2, "Bo", "Jones");
  too_old.pupil.dob = Date::from_ymd(2000, 1, 1);
  PupilImportRow bad_override = pupil_row(4, 4, "Di", "Khan");
  bad_override.pupil.nc_year_override = 15;
  bad_override.column_of_field["nc_year_override"] = "nc_year";
  PupilImportRow far_ahead = pupil_row(5, 5, "Ed", "Lee");
  far_ahead.admission_date = Date::from_ymd(2027, 1, 1);
  auto summary = import(school_, {
                                     pupil_row(1, 1, "Ann", "Smith"),
                                     too_old,
                                     pupil_row(3, 1, "Ann", "Smyth"),
                                     bad_override,
                                     far_ahead,
                                     pupil_row(6, std::nullopt, "Fay", "Moss"),
                                     pupil_row(7, std::nullopt, "FAY", "moss"),
                                 });
  ASSERT_FALSE(summary.ok());
  const auto& fields = summary.error().fields;
  ASSERT_EQ(fields.size(), 5u) << summary.error().message;
  EXPECT_EQ(fields[0].field, "row 2, column dob");
  EXPECT_TRUE(fields[0].reason.starts_with("date of birth puts the pupil outside school age"))
      << fields[0].reason;
  EXPECT_EQ(fields[1], (FieldError{"row 3, column upn", "the same UPN is on row 1"}));
  EXPECT_EQ(fields[2], (FieldError{"row 4, column nc_year", "must be Reception (0) to Year 14"}));
  EXPECT_EQ(fields[3], (FieldError{"row 5, column admission_date", "is more than a year ahead"}));
  EXPECT_EQ(fields[4], (FieldError{"row 7, column upn",
                                   "is blank, and row 6 has the same names and date of birth; "
                                   "give each pupil's UPN, or remove one of the rows"}));
  EXPECT_EQ(count("pupils"), 0);
}

TEST_F(ImportTest, ADryRunCountsButWritesNothing) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")});
  const int pupils_before = count("pupils");
  const int audit_before = count("audit_log");
  auto summary = import(school_,
                        {pupil_row(1, 1, "Ann", "Smith"), pupil_row(2, 2, "Bo", "Jones"),
                         pupil_row(3, 3, "Cy", "Evans")},
                        DryRun::Yes);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  expect_summary(*summary, 2, 0, 1);
  EXPECT_TRUE(summary->dry_run);
  EXPECT_EQ(count("pupils"), pupils_before);
  EXPECT_EQ(count("enrolments"), 1);
  EXPECT_EQ(count("audit_log"), audit_before);

  // A dry run reports the same problems a real import would.
  auto invalid = import(school_, {pupil_row(1, 1, "", "Smith")}, DryRun::Yes);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().fields,
            (std::vector<FieldError>{{"row 1, column forename", "is required"}}));
}

// ---- Pupils: importing again ---------------------------------------------------------------

TEST_F(ImportTest, ImportingTheSameFileAgainChangesNothing) {
  std::vector<PupilImportRow> rows = {pupil_row(1, 1, "Ann", "Smith"),
                                      pupil_row(2, std::nullopt, "Bo", "Jones")};
  expect_summary(import_ok(school_, rows), 2, 0, 0);
  const int audit_after_first = count("audit_log");
  expect_summary(import_ok(school_, rows), 0, 0, 2);
  EXPECT_EQ(count("pupils"), 2);
  EXPECT_EQ(count("enrolments"), 2);
  EXPECT_EQ(count("audit_log"), audit_after_first);
}

TEST_F(ImportTest, ImportingAChangedFileUpdatesByUpnOrByNamesAndDateOfBirth) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith"), pupil_row(2, std::nullopt, "Bo", "Jones")});
  PupilImportRow renamed = pupil_row(1, 1, "Anne", "Smith");
  PupilImportRow flagged = pupil_row(2, std::nullopt, "bo", "JONES");  // names match ignoring case
  flagged.pupil.flags.fsm = true;
  flagged.column_of_field["fsm"] = "fsm";
  expect_summary(import_ok(school_, {renamed, flagged}), 0, 2, 0);
  EXPECT_EQ(count("pupils"), 2);
  EXPECT_EQ(count("enrolments"), 2);
  EXPECT_EQ(db().pupil(pupil_id(1))->legal_forename, "Anne");
  auto bo_ids =
      db().pupil_ids_by_name_and_dob(store::Visibility{OrgKind::School, school_id_, false}, "Bo",
                                     "Jones", Date::from_ymd(2012, 9, 1));
  ASSERT_EQ(bo_ids.size(), 1u);
  EXPECT_TRUE(db().pupil(bo_ids[0])->flags.fsm);
}

TEST_F(ImportTest, AUpnLearntLaterIsAddedToThePupilRecordedWithoutOne) {
  import_ok(school_, {pupil_row(1, std::nullopt, "Ann", "Smith")});
  expect_summary(import_ok(school_, {pupil_row(1, 7, "Ann", "Smith")}), 0, 1, 0);
  EXPECT_EQ(count("pupils"), 1);
  ASSERT_NE(pupil_id(7), 0);
  // And from then on the UPN is the key.
  expect_summary(import_ok(school_, {pupil_row(1, 7, "Ann", "Smith")}), 0, 0, 1);
}

TEST_F(ImportTest, AnUpdateKeepsWhatTheFileDoesNotSay) {
  PupilImportRow first = pupil_row(1, 1, "Ann", "Smith");
  first.pupil.medical_needs = "Asthma";
  first.pupil.flags.eal = true;
  first.pupil.sen = SenStatus::Support;
  first.pupil.preferred_forename = "Annie";
  for (const char* field : {"medical_needs", "eal", "sen", "preferred_forename"})
    first.column_of_field[field] = field;
  import_ok(school_, {first});
  Pupil stored = *db().pupil(pupil_id(1));
  Contact mother;
  mother.name = "Jo Smith";
  mother.relationship = "Mother";
  mother.phone = "0113 496 0000";
  stored.contacts.push_back(mother);
  stored.barriers.push_back(BarrierNote{Barrier::Attendance, "Below 80%"});
  ASSERT_TRUE(db().update_pupil(stored, kNow).ok());

  // Only the required columns: everything else stays.
  expect_summary(import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")}), 0, 0, 1);
  Pupil kept = *db().pupil(pupil_id(1));
  EXPECT_EQ(kept.medical_needs, "Asthma");
  EXPECT_TRUE(kept.flags.eal);
  EXPECT_EQ(kept.sen, SenStatus::Support);
  EXPECT_EQ(kept.preferred_forename, "Annie");
  EXPECT_EQ(kept.contacts.size(), 1u);
  EXPECT_EQ(kept.barriers.size(), 1u);

  // A medical_needs column, even empty, says what the needs now are; contacts stay regardless.
  PupilImportRow cleared = pupil_row(1, 1, "Ann", "Smith");
  cleared.column_of_field["medical_needs"] = "medical_needs";
  expect_summary(import_ok(school_, {cleared}), 0, 1, 0);
  Pupil after = *db().pupil(pupil_id(1));
  EXPECT_EQ(after.medical_needs, "");
  EXPECT_EQ(after.contacts.size(), 1u);
  EXPECT_EQ(after.barriers.size(), 1u);
}

TEST_F(ImportTest, AnEhcpColumnSetsAndClearsOnlyTheEhcp) {
  PupilImportRow support = pupil_row(1, 1, "Ann", "Smith");
  support.pupil.sen = SenStatus::Support;
  support.column_of_field["sen"] = "sen";
  PupilImportRow plan = pupil_row(2, 2, "Bo", "Jones");
  plan.pupil.sen = SenStatus::Ehcp;
  plan.column_of_field["sen"] = "sen";
  import_ok(school_, {support, plan});

  PupilImportRow no_plan_a = pupil_row(1, 1, "Ann", "Smith");
  no_plan_a.ehcp = false;
  PupilImportRow no_plan_b = pupil_row(2, 2, "Bo", "Jones");
  no_plan_b.ehcp = false;
  expect_summary(import_ok(school_, {no_plan_a, no_plan_b}), 0, 1, 1);
  EXPECT_EQ(db().pupil(pupil_id(1))->sen, SenStatus::Support);
  EXPECT_EQ(db().pupil(pupil_id(2))->sen, SenStatus::None);

  PupilImportRow now_plan = pupil_row(1, 1, "Ann", "Smith");
  now_plan.ehcp = true;
  import_ok(school_, {now_plan});
  EXPECT_EQ(db().pupil(pupil_id(1))->sen, SenStatus::Ehcp);
}

// ---- Pupils: other organisations' pupils ---------------------------------------------------

TEST_F(ImportTest, AUpnRecordedByAnotherOrganisationIsRefused) {
  import_ok(other_school_, {pupil_row(1, 1, "Ann", "Smith")});
  const int pupils_before = count("pupils");
  auto summary = import(school_, {pupil_row(4, 1, "Ann", "Smith"), pupil_row(5, 2, "Bo", "Jones")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 4, column upn",
                 "a pupil with this UPN is recorded by another organisation; ask them to share "
                 "the placement"}}));
  EXPECT_EQ(count("pupils"), pupils_before);
  EXPECT_EQ(db().pupil(pupil_id(1))->legal_surname, "Smith");
}

TEST_F(ImportTest, AnotherOrganisationsPupilWithoutUpnIsNotMatchedByName) {
  import_ok(other_school_, {pupil_row(1, std::nullopt, "Ann", "Smith")});
  expect_summary(import_ok(school_, {pupil_row(1, std::nullopt, "Ann", "Smith")}), 1, 0, 0);
  EXPECT_EQ(count("pupils"), 2);
}

TEST_F(ImportTest, SeveralPupilsWithTheSameNamesNeedAUpn) {
  for (int copy = 0; copy < 2; ++copy) {
    Pupil pupil = pupil_row(0, std::nullopt, "Ann", "Smith").pupil;
    auto id = db().insert_pupil(pupil, kNow);
    ASSERT_TRUE(id.ok());
    Enrolment enrolment;
    enrolment.pupil_id = *id;
    enrolment.school_id = school_id_;
    enrolment.admission_date = Date::from_ymd(2024, 9, 1);
    db().insert_enrolment(enrolment);
  }
  auto summary = import(school_, {pupil_row(3, std::nullopt, "Ann", "Smith")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 3, column upn",
                 "2 of your pupils without a UPN have these names and this date of birth; give "
                 "the UPN so that the import can tell which one this is"}}));
  EXPECT_EQ(count("pupils"), 2);
}

TEST_F(ImportTest, TwoRowsCannotBeTheSamePupil) {
  import_ok(school_, {pupil_row(1, std::nullopt, "Ann", "Smith")});
  // Row 2 gives the UPN, row 3 does not: both mean the pupil already recorded.
  auto summary = import(
      school_, {pupil_row(2, 7, "Ann", "Smith"), pupil_row(3, std::nullopt, "Ann", "Smith")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 3, column upn", "is the same pupil as row 2 (by names and date of birth)"}}));
}

// ---- Pupils: audit -------------------------------------------------------------------------

TEST_F(ImportTest, EveryRecordWrittenIsAuditedAsAnImport) {
  import_ok(school_, {pupil_row(1, 1, "Ann", "Smith")});
  import_ok(school_, {pupil_row(1, 1, "Anne", "Smith")});
  auto entries = db().audit_of_pupil(pupil_id(1), 10);  // newest first
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].entity, "pupil");
  EXPECT_EQ(entries[0].user_id, school_.user_id);
  EXPECT_EQ(entries[0].organisation_id, school_id_);
  EXPECT_EQ(entries[0].at, kNow);
  EXPECT_NE(entries[0].before_json.find("\"Ann\""), std::string::npos);
  EXPECT_NE(entries[0].after_json.find("\"Anne\""), std::string::npos);
  std::vector<std::string> created;
  for (std::size_t entry_idx = 1; entry_idx < entries.size(); ++entry_idx) {
    EXPECT_EQ(entries[entry_idx].action, "import");
    EXPECT_EQ(entries[entry_idx].before_json, "");
    created.push_back(entries[entry_idx].entity);
  }
  std::sort(created.begin(), created.end());
  EXPECT_EQ(created, (std::vector<std::string>{"enrolment", "pupil"}));
}

// ---- Placements ----------------------------------------------------------------------------

class PlacementImportTest : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    if (HasFatalFailure()) return;
    import_ok(school_, {pupil_row(1, 1, "Ann", "Smith"), pupil_row(2, 2, "Bo", "Jones")});
    import_ok(other_school_, {pupil_row(1, 9, "Cy", "Evans")});
  }
};

TEST_F(PlacementImportTest, CreatesThenUpdatesTheSamePlacement) {
  PlacementImportRow row = placement_row(1, 1, "100002", "100001");
  row.placement.hours_per_week = 10;
  row.column_of_field["hours_per_week"] = "hours_per_week";
  expect_summary(import_ok(school_, {row, placement_row(2, 2, "100002", "100001")}), 2, 0, 0);
  auto placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].provider_id, provider_id_);
  EXPECT_EQ(placements[0].commissioner_id, school_id_);
  EXPECT_EQ(placements[0].status, PlacementStatus::Referred);
  EXPECT_EQ(placements[0].hours_per_week, 10);

  expect_summary(import_ok(school_, {row}), 0, 0, 1);

  // The provider moves it on; the key (pupil, provider, commissioner, referral date) is unchanged.
  row.placement.status = PlacementStatus::Active;
  row.placement.start_date = Date::from_ymd(2025, 9, 15);
  row.placement.timetable = {{1, Session::Am}, {3, Session::Pm}};
  for (const char* field : {"status", "start_date", "timetable"})
    row.column_of_field[field] = field;
  expect_summary(import_ok(provider_, {row}), 0, 1, 0);
  placements = db().placements_of(pupil_id(1));
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_EQ(placements[0].status, PlacementStatus::Active);
  EXPECT_EQ(placements[0].hours_per_week, 10);  // not in the second file: kept
  EXPECT_EQ(placements[0].timetable.size(), 2u);
  EXPECT_EQ(count("placements"), 2);

  auto entries = db().audit_of_pupil(pupil_id(1), 10);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].entity, "placement");
  EXPECT_EQ(entries[0].user_id, provider_.user_id);
  EXPECT_NE(entries[0].before_json, "");
}

TEST_F(PlacementImportTest, ReportsEveryProblemAndWritesNothing) {
  PlacementImportRow start_too_early = placement_row(5, 1, "100002", "100001");
  start_too_early.placement.start_date = Date::from_ymd(2025, 9, 1);
  start_too_early.column_of_field["start_date"] = "start_date";
  PlacementImportRow active_without_start = placement_row(6, 2, "100002", "100001");
  active_without_start.placement.status = PlacementStatus::Active;
  active_without_start.column_of_field["status"] = "status";
  PlacementImportRow no_such_upn = placement_row(1, 42, "100002", "100001");
  no_such_upn.upn = test_upn(42).str();
  const int audit_before = count("audit_log");
  auto summary = import(
      school_, {
                   no_such_upn, placement_row(2, 9, "100002", "100001"),  // another school's
                   placement_row(3, 1, "100001", "100001"), placement_row(4, 1, "100002", "100002"),
                   start_too_early, active_without_start,
                   placement_row(7, 1, "100002", "100003"),  // not ours
               });
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 1, column upn", "no pupil with this UPN among your pupils"},
                {"row 2, column upn", "no pupil with this UPN among your pupils"},
                {"row 3, column provider_urn", "no provider has URN '100001'"},
                {"row 4, column commissioner_urn", "no school or local authority has URN '100002'"},
                {"row 5, column start_date", "must not be before the referral date"},
                {"row 6, column start_date", "is required once the placement is active"},
                {"row 7, column commissioner_urn",
                 "your organisation must be the provider or the commissioner of the placement"},
            }));
  EXPECT_EQ(count("placements"), 0);
  EXPECT_EQ(count("audit_log"), audit_before);
}

TEST_F(PlacementImportTest, TheSamePlacementTwiceInAFileIsAnError) {
  auto summary = import(
      school_, {placement_row(3, 1, "100002", "100001"), placement_row(8, 1, "100002", "100001")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().fields,
            (std::vector<FieldError>{
                {"row 8, column referral_date",
                 "the same placement (pupil, provider, commissioner and referral date) is on "
                 "row 3"}}));
}

TEST_F(PlacementImportTest, AnEndedPlacementCannotBeReopened) {
  PlacementImportRow ended = placement_row(1, 1, "100002", "100001");
  ended.placement.status = PlacementStatus::Ended;
  ended.placement.start_date = Date::from_ymd(2025, 9, 15);
  ended.placement.actual_end_date = Date::from_ymd(2025, 10, 17);
  ended.placement.end_reason = EndReason::Reintegrated;
  for (const char* field : {"status", "start_date", "actual_end_date", "end_reason"})
    ended.column_of_field[field] = field;
  import_ok(school_, {ended});

  PlacementImportRow reopened = ended;
  reopened.placement.status = PlacementStatus::Active;
  reopened.placement.actual_end_date.reset();
  reopened.placement.end_reason.reset();
  auto summary = import(school_, {reopened});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(
      summary.error().fields,
      (std::vector<FieldError>{{"row 1, column status",
                                "an ended placement cannot be reopened; record a new placement"}}));
}

TEST_F(PlacementImportTest, ADryRunWritesNothing) {
  auto summary = import(school_, {placement_row(1, 1, "100002", "100001")}, DryRun::Yes);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  expect_summary(*summary, 1, 0, 0);
  EXPECT_TRUE(summary->dry_run);
  EXPECT_EQ(count("placements"), 0);
}

TEST_F(PlacementImportTest, ReadOnlyRolesMayNotImport) {
  Actor auditor = add_user(school_id_, OrgKind::School, "auditor@hilltop.example", {Role::Auditor});
  auto summary = import(auditor, {placement_row(1, 1, "100002", "100001")});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::Forbidden);
}

}  // namespace
}  // namespace waymark::app
