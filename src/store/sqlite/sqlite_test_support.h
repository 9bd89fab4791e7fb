// Test support for the SQLite backend's tests (included only by *_test.cpp): a fresh database in
// a temporary directory, and short ways to add the records most tests need.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/upn.h"
#include "store/sqlite/db.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace waymark::store::sqlite::testing {

// A directory under the system temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "waymark-store-XXXXXX").string();
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

// Every row of `table` in the database at `path`, read on a connection of its own and whoever may
// see them: what "nothing was written" is measured against. -1 when it has no rows to count.
// `table` comes from the test's own code, never from input.
inline int count_rows(const std::string& path, const std::string& table) {
  Db db(path, JournalMode::Unchanged);
  Statement statement = db.prepare(fmt::format("SELECT COUNT(*) FROM {}", table));
  return statement.next_row() ? statement.integer(0) : -1;
}

// A valid UPN issued by LA 801, establishment 2000, in 2001, with serial `serial` (0..999).
inline Upn test_upn(int serial) {
  std::string last12 = fmt::format("801200001{:03}", serial);
  return *Upn::parse(upn_check_letter(last12) + last12);
}

class SqliteStoreTest : public ::testing::Test {
 public:
  static Pupil make_pupil(const std::string& forename, const std::string& surname,
                          std::optional<int> upn_serial, Date dob = Date::from_ymd(2011, 3, 4)) {
    Pupil pupil;
    if (upn_serial) pupil.upn = test_upn(*upn_serial);
    pupil.legal_forename = forename;
    pupil.legal_surname = surname;
    pupil.dob = dob;
    pupil.sex = Sex::Female;
    return pupil;
  }

 protected:
  void SetUp() override {
    path_ = dir_.file("waymark.db");
    auto opened = open(path_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

  Connection& db() { return store_->connection(); }

  Id add_organisation(OrgKind kind, const std::string& name, Id local_authority_id = 0) {
    Organisation organisation;
    organisation.kind = kind;
    organisation.name = name;
    organisation.local_authority_id = local_authority_id;
    return db().insert_organisation(organisation);
  }

  Id add_pupil(const Pupil& pupil) {
    auto id = db().insert_pupil(pupil, 1000);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  Id add_pupil(const std::string& forename, const std::string& surname,
               std::optional<int> upn_serial = std::nullopt) {
    return add_pupil(make_pupil(forename, surname, upn_serial));
  }

  Id enrol(Id pupil_id, Id school_id, std::optional<Date> leaving = std::nullopt) {
    Enrolment enrolment;
    enrolment.pupil_id = pupil_id;
    enrolment.school_id = school_id;
    enrolment.admission_date = Date::from_ymd(2022, 9, 1);
    enrolment.leaving_date = leaving;
    return db().insert_enrolment(enrolment);
  }

  Id place(Id pupil_id, Id provider_id, Id commissioner_id,
           PlacementStatus status = PlacementStatus::Referred) {
    Placement placement;
    placement.pupil_id = pupil_id;
    placement.provider_id = provider_id;
    placement.commissioner_id = commissioner_id;
    placement.referral_date = Date::from_ymd(2025, 9, 8);
    placement.status = status;
    if (status == PlacementStatus::Active || status == PlacementStatus::Ended)
      placement.start_date = Date::from_ymd(2025, 9, 15);
    if (status == PlacementStatus::Ended) {
      placement.actual_end_date = Date::from_ymd(2025, 12, 19);
      placement.end_reason = EndReason::Reintegrated;
    }
    return db().insert_placement(placement, 2000);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

}  // namespace waymark::store::sqlite::testing
