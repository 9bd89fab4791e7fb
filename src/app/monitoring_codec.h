// JSON forms of the monitoring records (weekly RAGs, rules, updates, alerts, action plans): what
// the API returns and accepts and what the audit log keeps. Readers collect every field problem
// into an ErrorList, with field names as the API spells them.
#pragma once

#include "app/codec.h"
#include "core/action_plan.h"
#include "core/deterioration.h"
#include "core/weekly_rag.h"
#include "store/monitoring_store.h"

namespace waymark::app {

Json to_json(const WeekEvidence& evidence);
Json to_json(const store::WeeklyRagRecord& record);
Json to_json(const RagRules& rules);
Json to_json(const DeteriorationRule& rule);
Json to_json(const store::DeteriorationAlert& alert);
Json to_json(const ActionPlan& plan);
Json to_json(const store::WeeklyUpdate& update);

// Fields absent from `body` keep the values in `into`.
void read_rag_rules(const Json& body, RagRules& into, ErrorList& errors);
void read_deterioration_rule(const Json& body, DeteriorationRule& into, ErrorList& errors);
// summary, review_date, status, review_notes and actions (replacing the list when present:
// [{description, owner_id, due_date, done}]).
void read_action_plan(const Json& body, ActionPlan& into, ErrorList& errors);

}  // namespace waymark::app
