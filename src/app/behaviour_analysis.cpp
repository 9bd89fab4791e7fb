#include "app/behaviour_analysis.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/behaviour.h"
#include "store/behaviour_store.h"

namespace waymark::app {

namespace {

const char* weekday_name(unsigned weekday) {
  static const char* names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                "Friday", "Saturday", "Sunday"};
  return names[(weekday - 1) % 7];
}

void by_count_then_label(std::vector<AnalysisRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const AnalysisRow& a, const AnalysisRow& b) {
    if (a.incidents != b.incidents) return a.incidents > b.incidents;
    return a.label < b.label;
  });
}

void count(AnalysisRow& row, bool serious) {
  ++row.incidents;
  if (serious) ++row.serious;
}

}  // namespace

Result<BehaviourAnalysis> behaviour_analysis(Context& context, const Actor& actor, Date from,
                                             Date to) {
  if (actor.organisation_kind != OrgKind::Provider || !actor.can_read())
    return Error::forbidden("behaviour analysis is for the provider's own staff");
  if (to < from) return Error::invalid("to", "is before from");
  if (to.days() - from.days() > 400) return Error::invalid("from", "the period is over 400 days");
  auto& connection = context.store.connection();
  BehaviourAnalysis analysis;
  analysis.from = from;
  analysis.to = to;

  std::map<Id, AnalysisRow> pupils;
  std::map<std::string, AnalysisRow> types;
  std::map<Severity, AnalysisRow> severities;
  std::map<unsigned, AnalysisRow> weekdays;
  std::map<int, AnalysisRow> hours;
  for (Severity severity : all_severities())
    severities[severity] = AnalysisRow{to_string(severity), label(severity), 0, 0};
  for (unsigned weekday = 1; weekday <= 5; ++weekday)
    weekdays[weekday] = AnalysisRow{std::to_string(weekday), weekday_name(weekday), 0, 0};

  for (const BehaviourIncident& incident :
       connection.behaviour().incidents_at(actor.organisation_id, from, to)) {
    const bool serious = incident.severity == Severity::Serious;
    ++analysis.incidents;
    if (serious) ++analysis.serious;
    AnalysisRow& type = types[incident.type];
    type.key = type.label = incident.type;
    count(type, serious);
    count(severities[incident.severity], serious);
    const unsigned weekday = incident.incident_date.weekday();
    AnalysisRow& day = weekdays[weekday];
    day.key = std::to_string(weekday);
    day.label = weekday_name(weekday);
    count(day, serious);
    const int hour = incident.time_minutes / 60;
    AnalysisRow& slot = hours[hour];
    slot.key = fmt::format("{:02}", hour);
    slot.label = fmt::format("{:02}:00-{:02}:59", hour, hour);
    count(slot, serious);
    for (const Involvement& involvement : incident.pupils) {
      AnalysisRow& pupil = pupils[involvement.pupil_id];
      if (pupil.key.empty()) {
        pupil.key = std::to_string(involvement.pupil_id);
        auto record = connection.pupil(involvement.pupil_id);
        pupil.label = record ? record->sort_name() : "";
      }
      count(pupil, serious);
    }
  }
  for (const Reward& reward : connection.behaviour().rewards_at(actor.organisation_id, from, to))
    analysis.points += reward.points;

  for (auto& [id, row] : pupils) analysis.by_pupil.push_back(row);
  for (auto& [name, row] : types) analysis.by_type.push_back(row);
  by_count_then_label(analysis.by_pupil);
  by_count_then_label(analysis.by_type);
  for (auto& [severity, row] : severities) analysis.by_severity.push_back(row);
  for (auto& [weekday, row] : weekdays) analysis.by_weekday.push_back(row);
  for (auto& [hour, row] : hours) analysis.by_hour.push_back(row);
  return analysis;
}

}  // namespace waymark::app
