// The fixture of the CSV import tests (import_*_test.cpp): a real SQLite database in a temporary
// directory with an LA, two schools and a provider, a user at each, and rows as interop makes them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/import.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app::import_testing {

using store::sqlite::testing::TempDir;
using store::sqlite::testing::test_upn;

inline const Date kToday = Date::from_ymd(2025, 11, 3);
inline constexpr std::int64_t kNow = 1'762'160'000;

// A row as interop's reader makes it: the required columns, plus whatever a test adds.
inline PupilImportRow pupil_row(int row, std::optional<int> upn_serial, const std::string& forename,
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

inline PlacementImportRow placement_row(int row, int upn_serial, const std::string& provider_urn,
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
  int count(const char* table) { return store::sqlite::testing::count_rows(path_, table); }

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

inline void expect_summary(const ImportSummary& summary, int created, int updated, int unchanged) {
  EXPECT_EQ(summary.created, created);
  EXPECT_EQ(summary.updated, updated);
  EXPECT_EQ(summary.unchanged, unchanged);
  EXPECT_EQ(summary.rows, created + updated + unchanged);
}

// ---- Pupils: creating ----------------------------------------------------------------------

}  // namespace waymark::app::import_testing
