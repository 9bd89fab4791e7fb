// JSON forms of behaviour incidents and rewards (API bodies and audit before/after), in the style
// of app/codec.h: each shape written once; readers leave absent fields as they are and collect
// every problem.
#pragma once

#include "app/codec.h"
#include "core/behaviour.h"

namespace waymark::app {

// An incident; its "pupils" array holds the involvements given (callers pass only the pupils the
// reader may see named).
void write_json(JsonOut& out, const BehaviourIncident& incident);
void write_json(JsonOut& out, const Involvement& involvement);
void write_json(JsonOut& out, const Reward& reward);
Json to_json(const BehaviourIncident& incident);
Json to_json(const Reward& reward);

// Fields: incident_date, time ("HH:MM"), type, severity, description, action_taken, follow_up,
// pupils (an array of pupil ids, or of objects {pupil_id, home_school_informed_on,
// home_school_informed_by}). A body "home_school_informed_on" / "home_school_informed_by" at the
// top level applies to every pupil listed.
void read_incident(const Json& body, BehaviourIncident& into, ErrorList& errors);
// Fields: kind, award_date, points, reason.
void read_reward(const Json& body, Reward& into, ErrorList& errors);

}  // namespace waymark::app
