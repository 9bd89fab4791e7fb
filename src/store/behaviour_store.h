// Behaviour persistence: incident types, incidents with the pupils involved, rewards, and what
// each placement's agreement shares with the home school. Reached as Connection::behaviour(),
// sharing the connection's transaction. Reads return nullopt / empty when nothing matches; faults
// of the database throw StoreFault. Authorisation is app/'s: these methods trust their caller.
// Incidents are never deleted (the schema refuses).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/behaviour.h"
#include "core/date.h"
#include "core/ids.h"

namespace waymark::store {

struct IncidentCounts {
  int incidents = 0;
  int serious = 0;
};

class BehaviourStore {
 public:
  virtual ~BehaviourStore() = default;

  // The provider's configured incident types in their order; empty when it uses the default.
  virtual std::vector<std::string> incident_types(Id organisation_id) = 0;
  // Replaces the list.
  virtual void set_incident_types(Id organisation_id, const std::vector<std::string>& types) = 0;

  // Inserts the incident and its involvements with recorded_at = updated_at = `now`; returns the
  // new id. The caller has validated it.
  virtual Id insert_incident(const BehaviourIncident& incident, std::int64_t now) = 0;
  // With its involvements (ordered by pupil id).
  virtual std::optional<BehaviourIncident> incident(Id id) = 0;
  // Updates the type, severity, texts, date and time and each involvement's home-school fields
  // (the pupils involved stay as they are); updated_at = `now`.
  virtual void update_incident(const BehaviourIncident& incident, std::int64_t now) = 0;
  // Incidents involving the pupil with dates in [from, to] (either end open when nullopt), newest
  // first, each with all its involvements.
  virtual std::vector<BehaviourIncident> incidents_of_pupil(Id pupil_id, std::optional<Date> from,
                                                            std::optional<Date> to) = 0;
  // A provider's incidents in [from, to], newest first, with involvements.
  virtual std::vector<BehaviourIncident> incidents_at(Id organisation_id, std::optional<Date> from,
                                                      std::optional<Date> to) = 0;
  // Incidents involving the pupil in [from, to] at any provider, and how many were serious.
  virtual IncidentCounts incident_counts(Id pupil_id, Date from, Date to) = 0;

  // Rewards. Inserting a second Student of the Week for one provider and week throws StoreFault:
  // the caller checks first.
  virtual Id insert_reward(const Reward& reward, std::int64_t now) = 0;
  // Newest award first.
  virtual std::vector<Reward> rewards_of_pupil(Id pupil_id) = 0;
  // A provider's rewards in [from, to], newest first.
  virtual std::vector<Reward> rewards_at(Id organisation_id, Date from, Date to) = 0;
  virtual std::optional<Reward> student_of_the_week(Id organisation_id, Date week_start) = 0;

  // The placement's agreed sharing; nullopt when none is recorded.
  virtual std::optional<SharingLevel> sharing(Id placement_id) = 0;
  virtual void set_sharing(Id placement_id, SharingLevel level, std::int64_t now) = 0;
};

}  // namespace waymark::store
