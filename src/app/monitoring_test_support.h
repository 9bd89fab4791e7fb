// Test support for the monitoring use cases (included only by *_test.cpp): a small world on a real
// SQLite store: a provider with a calendar (the 2025 October half term a holiday), two schools,
// staff of each, and pupils placed with the provider by each school.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "app/context.h"
#include "core/user.h"
#include "store/classwork_store.h"
#include "store/sqlite/sqlite_test_support.h"

namespace waymark::app::monitoring_testing {

using store::sqlite::testing::TempDir;

// Friday of the second week after the October half term.
inline const Date kToday = Date::from_ymd(2025, 11, 14);
inline Date monday(int month, int day) {
  return Date::from_ymd(2025, month, day);
}

class MonitoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::open(dir_.file("monitoring.db"));
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    context_ = std::make_unique<Context>(
        Context{*store_, Clock{[this] { return now_; }, [this] { return today_; }}, ""});
    auto& db = store_->connection();
    provider_id_ = organisation(db, OrgKind::Provider, "Balance AP");
    school_id_ = organisation(db, OrgKind::School, "Ashfield Academy");
    other_school_id_ = organisation(db, OrgKind::School, "Kingsway School");
    head_ = user(db, provider_id_, OrgKind::Provider, "head@p.example", {Role::Head});
    teacher_ = user(db, provider_id_, OrgKind::Provider, "teacher@p.example", {Role::Teacher});
    auditor_ = user(db, provider_id_, OrgKind::Provider, "auditor@p.example", {Role::Auditor});
    school_ = user(db, school_id_, OrgKind::School, "senco@a.example", {Role::Commissioner});
    other_school_ =
        user(db, other_school_id_, OrgKind::School, "senco@k.example", {Role::Commissioner});
    Term autumn{
        0, provider_id_, 2025, "Autumn", Date::from_ymd(2025, 9, 1), Date::from_ymd(2025, 12, 19),
        0};
    autumn.id = db.insert_term(autumn);
    db.insert_term(Term{0, provider_id_, 2025, "Autumn 1", Date::from_ymd(2025, 9, 1),
                        Date::from_ymd(2025, 10, 24), autumn.id});
    db.insert_term(Term{0, provider_id_, 2025, "Autumn 2", Date::from_ymd(2025, 11, 3),
                        Date::from_ymd(2025, 12, 19), autumn.id});
    maths_ = *db.insert_subject(Subject{0, provider_id_, "Mathematics", "MA"});
    pupil_ = placed_pupil(db, "Sam", "Smith", school_id_);
    other_pupil_ = placed_pupil(db, "Kim", "Jones", other_school_id_);
  }

  static Id organisation(store::Connection& db, OrgKind kind, const std::string& name) {
    Organisation organisation;
    organisation.kind = kind;
    organisation.name = name;
    return db.insert_organisation(organisation);
  }

  static Actor user(store::Connection& db, Id organisation_id, OrgKind kind,
                    const std::string& email, Roles roles) {
    User record{
        .organisation_id = organisation_id, .email = email, .display_name = email, .roles = roles};
    const Id id = *db.insert_user(record, "not-a-hash");
    return Actor{id, organisation_id, kind, roles, email};
  }

  Id placed_pupil(store::Connection& db, const std::string& forename, const std::string& surname,
                  Id commissioner_id) {
    Pupil pupil =
        store::sqlite::testing::SqliteStoreTest::make_pupil(forename, surname, ++upn_serial_);
    const Id pupil_id = *db.insert_pupil(pupil, 1000);
    Enrolment enrolment;
    enrolment.pupil_id = pupil_id;
    enrolment.school_id = commissioner_id;
    enrolment.admission_date = Date::from_ymd(2022, 9, 1);
    db.insert_enrolment(enrolment);
    Placement placement;
    placement.pupil_id = pupil_id;
    placement.provider_id = provider_id_;
    placement.commissioner_id = commissioner_id;
    placement.referral_date = Date::from_ymd(2025, 8, 20);
    placement.start_date = Date::from_ymd(2025, 9, 1);
    placement.hours_per_week = 25;
    placement.status = PlacementStatus::Active;
    db.insert_placement(placement, 1000);
    return pupil_id;
  }

  void add_ticket(Id pupil_id, Date lesson_date, double score, const std::string& topic) {
    ExitTicket ticket;
    ticket.pupil_id = pupil_id;
    ticket.organisation_id = provider_id_;
    ticket.subject_id = maths_;
    ticket.lesson_date = lesson_date;
    ticket.topic = topic;
    ticket.score = score;
    ticket.max_score = 10;
    store_->connection().classwork().insert_exit_ticket(ticket, now_);
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Context> context_;
  std::int64_t now_ = 1'763'100'000;
  Date today_ = kToday;
  Id provider_id_ = 0, school_id_ = 0, other_school_id_ = 0, maths_ = 0;
  Id pupil_ = 0, other_pupil_ = 0;
  int upn_serial_ = 0;
  Actor head_, teacher_, auditor_, school_, other_school_;
};

}  // namespace waymark::app::monitoring_testing
