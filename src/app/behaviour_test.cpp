// Behaviour use cases against a real SQLite store seeded with the demo: incidents for several
// pupils, every validation and permission path, sharing levels as the home school sees them,
// rewards and Student of the Week, the analysis and the cross-area counts.
#include <algorithm>

#include "app/behaviour_analysis.h"
#include "app/behaviour_incidents.h"
#include "app/behaviour_pupil.h"
#include "app/behaviour_queries.h"
#include "app/contact_behaviour_fixture.h"
#include "store/behaviour_store.h"
#include "store/sqlite/db.h"

namespace waymark::app {
namespace {

using contact_testing::kToday;

std::vector<std::string> fields_of(const Error& error) {
  std::vector<std::string> fields;
  for (const FieldError& field : error.fields) fields.push_back(field.field);
  return fields;
}

bool has(const std::vector<std::string>& fields, const std::string& field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

class BehaviourTest : public contact_testing::ContactBehaviourTest {
 protected:
  BehaviourIncident incident(std::vector<Id> pupils, Severity severity = Severity::Medium) {
    BehaviourIncident request;
    request.incident_date = kToday;
    request.time_minutes = 10 * 60 + 30;
    request.type = "Verbal abuse";
    request.severity = severity;
    request.description = " Argument at break ";
    for (Id pupil_id : pupils) request.pupils.push_back(Involvement{pupil_id, std::nullopt, 0});
    return request;
  }
};

TEST_F(BehaviourTest, AnIncidentForTwoPupilsIsAuditedOncePerPupilWithoutTheOther) {
  auto recorded = record_incident(*context_, teacher_, incident({pupil(0), pupil(1)}));
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ(recorded->description, "Argument at break");
  EXPECT_EQ(recorded->organisation_id, teacher_.organisation_id);
  for (std::size_t index : {0u, 1u}) {
    const auto audit = store_->connection().audit_of_pupil(pupil(index), 1).front();
    EXPECT_EQ(audit.entity, "behaviour_incident");
    EXPECT_NE(audit.after_json.find(std::to_string(pupil(index))), std::string::npos);
    EXPECT_EQ(audit.after_json.find("\"pupil_id\":" + std::to_string(pupil(1 - index))),
              std::string::npos);
  }
  auto view = get_incident(*context_, admin_, recorded->id);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->pupils.size(), 2u);
  EXPECT_FALSE(view->pupils[0].name.empty());
  EXPECT_EQ(get_incident(*context_, bridges_, recorded->id).error().kind, ErrorKind::NotFound);
  auto listed = list_incidents(*context_, teacher_, kToday, kToday);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(std::any_of(listed->begin(), listed->end(), [&](const IncidentView& item) {
    return item.incident.id == recorded->id;
  }));
}

TEST_F(BehaviourTest, EveryFieldProblemIsNamed) {
  BehaviourIncident bad = incident({pupil(0), pupil(0)});
  bad.incident_date = kToday.plus_days(1);
  bad.type = "Juggling";
  bad.description = "";
  bad.pupils[0].home_school_informed_on = kToday;
  bad.pupils[0].home_school_informed_by = bridges_.user_id;
  auto result = record_incident(*context_, teacher_, bad);
  ASSERT_FALSE(result.ok());
  const auto fields = fields_of(result.error());
  for (const char* field : {"incident_date", "type", "description", "pupils[1].pupil_id",
                            "pupils[0].home_school_informed_by"})
    EXPECT_TRUE(has(fields, field)) << field;

  BehaviourIncident none = incident({});
  none.time_minutes = 24 * 60;
  none.pupils.push_back(Involvement{pupil(0), std::nullopt, teacher_.user_id});
  const auto more = fields_of(record_incident(*context_, teacher_, none).error());
  EXPECT_TRUE(has(more, "time"));
  EXPECT_TRUE(has(more, "pupils[0].home_school_informed_on"));
}

TEST_F(BehaviourTest, WhoMayRecord) {
  EXPECT_EQ(record_incident(*context_, school_, incident({pupil()})).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(record_incident(*context_, auditor_, incident({pupil()})).error().kind,
            ErrorKind::Forbidden);
  const Id elsewhere = bridges_pupil();
  ASSERT_NE(elsewhere, 0);
  EXPECT_EQ(record_incident(*context_, teacher_, incident({pupil(), elsewhere})).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(list_incidents(*context_, school_, std::nullopt, std::nullopt).error().kind,
            ErrorKind::Forbidden);
}

TEST_F(BehaviourTest, FollowUpAndHomeSchoolInformed) {
  auto recorded = record_incident(*context_, teacher_, incident({pupil(0), pupil(1)}));
  ASSERT_TRUE(recorded.ok());
  auto updated =
      update_incident(*context_, head_, recorded->id, [&](BehaviourIncident& changed, ErrorList&) {
        changed.follow_up = "Restorative meeting";
        changed.pupils = {Involvement{pupil(1), kToday, head_.user_id},
                          Involvement{pupil(2), kToday, 0}};
      });
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->follow_up, "Restorative meeting");
  ASSERT_EQ(updated->pupils.size(), 2u);  // pupils involved do not change
  auto stored = store_->connection().behaviour().incident(recorded->id);
  for (const Involvement& involvement : stored->pupils)
    EXPECT_EQ(involvement.home_school_informed_on.has_value(), involvement.pupil_id == pupil(1));
  EXPECT_EQ(
      update_incident(*context_, bridges_, recorded->id, [](BehaviourIncident&, ErrorList&) {})
          .error()
          .kind,
      ErrorKind::NotFound);
  EXPECT_EQ(
      update_incident(*context_, auditor_, recorded->id, [](BehaviourIncident&, ErrorList&) {})
          .error()
          .kind,
      ErrorKind::Forbidden);
  auto bad =
      update_incident(*context_, head_, recorded->id, [](BehaviourIncident& changed, ErrorList&) {
        changed.severity = Severity::High;
        changed.description.clear();
      });
  EXPECT_TRUE(has(fields_of(bad.error()), "description"));
}

TEST_F(BehaviourTest, TheHomeSchoolSeesWhatThePlacementShares) {
  ASSERT_TRUE(
      record_incident(*context_, teacher_, incident({pupil(0), pupil(1)}, Severity::Serious)).ok());
  const Id placement = placements_[0].id;
  EXPECT_EQ(set_placement_sharing(*context_, teacher_, placement, SharingLevel::Full).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(set_placement_sharing(*context_, school_, placement, SharingLevel::Full).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(
      set_placement_sharing(*context_, other_school_, placement, SharingLevel::Full).error().kind,
      ErrorKind::NotFound);

  ASSERT_TRUE(set_placement_sharing(*context_, admin_, placement, SharingLevel::None).ok());
  auto nothing = pupil_behaviour(*context_, school_, pupil(0), std::nullopt, std::nullopt);
  ASSERT_TRUE(nothing.ok());
  EXPECT_EQ(nothing->incident_total, 0);
  EXPECT_TRUE(nothing->incidents.empty());
  EXPECT_EQ(nothing->points_total, 0);

  ASSERT_TRUE(set_placement_sharing(*context_, admin_, placement, SharingLevel::Summary).ok());
  auto summary = pupil_behaviour(*context_, school_, pupil(0), std::nullopt, std::nullopt);
  EXPECT_GE(summary->incident_total, 1);
  EXPECT_TRUE(summary->incidents.empty());
  EXPECT_TRUE(summary->shared_summary_only);
  EXPECT_GE(summary->by_severity.back().count, 1);  // serious

  ASSERT_TRUE(set_placement_sharing(*context_, admin_, placement, SharingLevel::Full).ok());
  auto full = pupil_behaviour(*context_, school_, pupil(0), std::nullopt, std::nullopt);
  ASSERT_FALSE(full->incidents.empty());
  for (const IncidentView& item : full->incidents) {
    EXPECT_TRUE(item.pupils.empty());  // no names
    ASSERT_EQ(item.incident.pupils.size(), 1u);
    EXPECT_EQ(item.incident.pupils[0].pupil_id, pupil(0));
  }
  EXPECT_EQ(get_placement_sharing(*context_, school_, placement)->level, SharingLevel::Full);

  auto own = pupil_behaviour(*context_, teacher_, pupil(0), kToday, kToday);
  ASSERT_FALSE(own->incidents.empty());
  EXPECT_EQ(own->incidents.front().pupils.size(), 2u);  // the provider sees both names
  EXPECT_FALSE(own->can_set_sharing);
  EXPECT_TRUE(pupil_behaviour(*context_, admin_, pupil(0), {}, {})->can_set_sharing);
  EXPECT_EQ(pupil_behaviour(*context_, other_school_, pupil(0), {}, {}).error().kind,
            ErrorKind::NotFound);
}

TEST_F(BehaviourTest, RewardsAndOneStudentOfTheWeek) {
  Reward points{.id = 0,
                .pupil_id = pupil(0),
                .organisation_id = 0,
                .kind = RewardKind::Points,
                .award_date = kToday,
                .points = 5,
                .reason = "Great redraft",
                .recorded_by = 0,
                .recorded_at = 0};
  auto given = add_reward(*context_, teacher_, points);
  ASSERT_TRUE(given.ok()) << given.error().message;
  points.points = 0;
  EXPECT_TRUE(has(fields_of(add_reward(*context_, teacher_, points).error()), "points"));
  points.points = 5;
  EXPECT_EQ(add_reward(*context_, school_, points).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(add_reward(*context_, other_school_, points).error().kind, ErrorKind::NotFound);

  Reward star = points;
  star.kind = RewardKind::StudentOfTheWeek;
  star.points = 0;
  ASSERT_TRUE(add_reward(*context_, teacher_, star).ok());
  star.pupil_id = pupil(1);
  star.award_date = kToday.plus_days(-1);  // same week
  auto second = add_reward(*context_, teacher_, star);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::Conflict);
  auto record = pupil_behaviour(*context_, teacher_, pupil(0), kToday, kToday);
  EXPECT_EQ(record->points_total, 5);
  EXPECT_EQ(record->student_of_the_week, 1);
}

TEST_F(BehaviourTest, CountsForTheWeeklyRag) {
  const Date monday = kToday.plus_days(1 - static_cast<int>(kToday.weekday()));
  auto& db = store_->connection();
  const auto before = pupil_behaviour_counts(db, pupil(2), monday, kToday);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(record_incident(*context_, teacher_, incident({pupil(2)}, Severity::Serious)).ok());
  ASSERT_TRUE(record_incident(*context_, teacher_, incident({pupil(2)}, Severity::Low)).ok());
  const auto after = pupil_behaviour_counts(db, pupil(2), monday, kToday);
  EXPECT_EQ(after->incidents, before->incidents + 2);
  EXPECT_EQ(after->serious, before->serious + 1);
  EXPECT_EQ(
      pupil_behaviour_counts(db, pupil(2), kToday.plus_days(1), kToday.plus_days(7))->incidents, 0);
  EXPECT_EQ(
      pupil_behaviour_counts(db, pupil(2), kToday, monday.plus_days(-1)).error().fields[0].field,
      "to");
  EXPECT_EQ(pupil_behaviour_counts(db, 999999, monday, kToday).error().kind, ErrorKind::NotFound);
}

TEST_F(BehaviourTest, AnalysisByPupilTypeDayAndTime) {
  auto recorded = record_incident(*context_, teacher_, incident({pupil(0), pupil(1)}));
  ASSERT_TRUE(recorded.ok());
  auto analysis = behaviour_analysis(*context_, teacher_, kToday, kToday);
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  EXPECT_GE(analysis->incidents, 1);
  EXPECT_EQ(analysis->by_weekday.size(), 5u);
  EXPECT_GE(analysis->by_weekday[2].incidents, 1);  // a Wednesday
  EXPECT_TRUE(std::any_of(analysis->by_hour.begin(), analysis->by_hour.end(),
                          [](const AnalysisRow& row) { return row.key == "10"; }));
  EXPECT_TRUE(std::any_of(analysis->by_type.begin(), analysis->by_type.end(),
                          [](const AnalysisRow& row) { return row.key == "Verbal abuse"; }));
  int by_pupil = 0;
  for (const AnalysisRow& row : analysis->by_pupil) by_pupil += row.incidents;
  EXPECT_GE(by_pupil, analysis->incidents + 1);  // the shared incident counts for both pupils
  EXPECT_EQ(behaviour_analysis(*context_, school_, kToday, kToday).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(behaviour_analysis(*context_, teacher_, kToday, kToday.plus_days(-1)).error().kind,
            ErrorKind::Invalid);
}

TEST_F(BehaviourTest, IncidentTypesAreTheProvidersOwn) {
  EXPECT_EQ(list_incident_types(*context_, teacher_)->size(), default_incident_types().size());
  EXPECT_EQ(set_incident_types(*context_, teacher_, {"Lateness"}).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(set_incident_types(*context_, admin_, {" ", ""}).error().fields[0].field, "types");
  auto saved = set_incident_types(*context_, admin_, {" Lateness ", "Lateness", "Verbal abuse"});
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(*saved, (std::vector<std::string>{"Lateness", "Verbal abuse"}));
  BehaviourIncident late = incident({pupil()});
  late.type = "Lateness";
  EXPECT_TRUE(record_incident(*context_, teacher_, late).ok());
  late.type = "Bullying or intimidation";
  EXPECT_TRUE(has(fields_of(record_incident(*context_, teacher_, late).error()), "type"));
  EXPECT_EQ(list_incident_types(*context_, bridges_)->size(), default_incident_types().size());
}

TEST_F(BehaviourTest, TheDemoHasIncidentsRewardsAndAStudentOfTheWeekEachWeek) {
  auto& behaviour = store_->connection().behaviour();
  const auto incidents =
      behaviour.incidents_at(admin_.organisation_id, kToday.plus_days(-49), kToday);
  EXPECT_GT(incidents.size(), 5u);
  EXPECT_TRUE(std::any_of(incidents.begin(), incidents.end(),
                          [](const BehaviourIncident& i) { return i.pupils.size() == 2; }));
  EXPECT_TRUE(std::any_of(incidents.begin(), incidents.end(), [](const BehaviourIncident& i) {
    return i.severity == Severity::Serious && i.pupils[0].home_school_informed_on.has_value();
  }));
  // kToday's week is not yet complete; the week before it was the half-term holiday.
  const Date this_monday = kToday.plus_days(1 - static_cast<int>(kToday.weekday()));
  EXPECT_TRUE(behaviour.student_of_the_week(admin_.organisation_id, this_monday.plus_days(-14)));
  EXPECT_FALSE(behaviour.student_of_the_week(admin_.organisation_id, this_monday.plus_days(-7)));
  EXPECT_FALSE(behaviour.student_of_the_week(admin_.organisation_id, this_monday));
  EXPECT_FALSE(behaviour.rewards_at(admin_.organisation_id, kToday.plus_days(-49), kToday).empty());
}

TEST_F(BehaviourTest, IncidentsAreNeverDeleted) {
  ASSERT_TRUE(record_incident(*context_, teacher_, incident({pupil()})).ok());
  store::sqlite::Db raw(dir_.file("demo.db"));
  EXPECT_THROW(raw.execute_script("DELETE FROM behaviour_incidents"), store::StoreFault);
}

}  // namespace
}  // namespace waymark::app
