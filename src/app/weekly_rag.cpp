#include "app/weekly_rag.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/deterioration_alerts.h"
#include "app/monitoring_access.h"
#include "app/monitoring_codec.h"
#include "app/visibility.h"
#include "app/weekly_rag_evidence.h"

namespace waymark::app {

namespace {

constexpr const char* kEntity = "weekly_rag";

Status check_comment(const std::string& comment) {
  if (comment.size() > kMaxRagComment)
    return Error::invalid("comment", "keep the comment to one line of at most 200 characters");
  if (comment.find_first_of("\r\n") != std::string::npos)
    return Error::invalid("comment", "keep the comment to one line");
  return {};
}

// Confirms one pupil's week inside the caller's transaction: proposal afresh, the decision
// checked by core, the record stored and audited, then the deterioration rule re-evaluated.
Result<store::WeeklyRagRecord> confirm_in(store::Connection& tx, const Actor& actor,
                                          std::int64_t now, Date today, const Placement& placement,
                                          Date monday, const RagConfirmation& request) {
  WAYMARK_TRY_STATUS(check_comment(request.comment));
  const WeekEvidence evidence =
      WAYMARK_TRY(gather_week_evidence(tx, placement.pupil_id, placement.provider_id, monday));
  const RagProposal proposal = propose_rag(evidence, rag_rules_of(tx, placement.provider_id));
  RagDecision decision{.proposed = proposal.rag,
                       .confirmed = request.rag.value_or(proposal.rag),
                       .override_reason = request.override_reason};
  WAYMARK_TRY_STATUS(validate_rag_decision(decision));
  std::optional<store::WeeklyRagRecord> before = tx.monitoring().weekly_rag(placement.id, monday);
  store::WeeklyRagRecord record{
      .id = 0,
      .pupil_id = placement.pupil_id,
      .placement_id = placement.id,
      .provider_id = placement.provider_id,
      .commissioner_id = placement.commissioner_id,
      .week_start = monday,
      .proposed = proposal.rag,
      .reasons = proposal.reasons,
      .confirmed = decision.confirmed,
      // A reason given for a confirmation that matches the proposal is not an override.
      .override_reason = decision.confirmed == proposal.rag ? "" : decision.override_reason,
      .comment = request.comment,
      .confirmed_by = actor.user_id,
      .confirmed_at = now};
  record.id = tx.monitoring().put_weekly_rag(record);
  record_audit(tx, actor, now, before ? "update" : "confirm", kEntity, record.id, record.pupil_id,
               before ? to_json(*before) : Json(nullptr), to_json(record));
  WAYMARK_TRY(evaluate_deterioration_for(tx, actor, now, today, placement));
  return record;
}

}  // namespace

int RagWeek::unconfirmed() const {
  return static_cast<int>(std::count_if(rows.begin(), rows.end(),
                                        [](const RagWeekRow& row) { return !row.confirmed; }));
}

Result<RagWeek> rag_week(Context& context, const Actor& actor, Date any_day) {
  WAYMARK_TRY_STATUS(require_provider_reader(actor));
  const Date monday = WAYMARK_TRY(started_week(any_day, context.clock.today()));
  auto& connection = context.store.connection();
  RagWeek week;
  week.week_start = monday;
  week.can_confirm = require_monitoring_writer(actor, "weekly RAGs").ok();
  const RagRules rules = rag_rules_of(connection, actor.organisation_id);
  std::map<Id, store::WeeklyRagRecord> confirmed;
  for (store::WeeklyRagRecord& record :
       connection.monitoring().weekly_rags_of_provider(actor.organisation_id, monday))
    confirmed[record.placement_id] = std::move(record);
  std::map<Id, std::string> commissioner_names;
  for (const PlacedPupil& placed :
       placed_pupils_in_week(connection, actor.organisation_id, monday)) {
    RagWeekRow row;
    row.pupil_id = placed.placement.pupil_id;
    row.pupil_name = placed.name;
    row.placement_id = placed.placement.id;
    row.commissioner_id = placed.placement.commissioner_id;
    auto [name, inserted] = commissioner_names.try_emplace(row.commissioner_id);
    if (inserted)
      if (auto organisation = connection.organisation(row.commissioner_id))
        name->second = organisation->name;
    row.commissioner_name = name->second;
    row.evidence =
        WAYMARK_TRY(gather_week_evidence(connection, row.pupil_id, actor.organisation_id, monday));
    row.proposal = propose_rag(row.evidence, rules);
    if (auto found = confirmed.find(row.placement_id); found != confirmed.end())
      row.confirmed = found->second;
    week.rows.push_back(std::move(row));
  }
  return week;
}

Result<store::WeeklyRagRecord> confirm_weekly_rag(Context& context, const Actor& actor, Id pupil_id,
                                                  Date any_day, const RagConfirmation& request) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  WAYMARK_TRY_STATUS(require_monitoring_writer(actor, "weekly RAGs"));
  const Date today = context.clock.today();
  const Date monday = WAYMARK_TRY(started_week(any_day, today));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<store::WeeklyRagRecord> {
    auto placement = placement_for_week(tx, pupil_id, actor.organisation_id, monday);
    if (!placement) return Error::not_found("placement for that week");
    return confirm_in(tx, actor, now, today, *placement, monday, request);
  });
}

Result<int> confirm_weekly_rags(Context& context, const Actor& actor, Date any_day,
                                const std::vector<PupilRagConfirmation>& rows) {
  WAYMARK_TRY_STATUS(require_monitoring_writer(actor, "weekly RAGs"));
  const Date today = context.clock.today();
  const Date monday = WAYMARK_TRY(started_week(any_day, today));
  const std::int64_t now = context.clock.now_seconds();
  const store::Visibility visibility = visibility_of(actor);
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<int> {
    ErrorList errors;
    for (const PupilRagConfirmation& row : rows) {
      const std::string prefix = fmt::format("pupils[{}]", row.pupil_id);
      auto placement = tx.pupil_visible(row.pupil_id, visibility)
                           ? placement_for_week(tx, row.pupil_id, actor.organisation_id, monday)
                           : std::nullopt;
      if (!placement) {
        errors.add(prefix, "is not placed with you that week");
        continue;
      }
      auto saved = confirm_in(tx, actor, now, today, *placement, monday, row.confirmation);
      if (!saved.ok()) errors.add_all(saved.error(), prefix + ".");
    }
    // Any error rolls back the rows already written in this transaction.
    if (!errors.empty()) return errors.to_error();
    return static_cast<int>(rows.size());
  });
}

Result<int> confirm_unchanged_rags(Context& context, const Actor& actor, Date any_day) {
  WAYMARK_TRY_STATUS(require_monitoring_writer(actor, "weekly RAGs"));
  const Date today = context.clock.today();
  const Date monday = WAYMARK_TRY(started_week(any_day, today));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<int> {
    int count = 0;
    for (const PlacedPupil& placed : placed_pupils_in_week(tx, actor.organisation_id, monday)) {
      if (tx.monitoring().weekly_rag(placed.placement.id, monday)) continue;
      WAYMARK_TRY(confirm_in(tx, actor, now, today, placed.placement, monday, RagConfirmation{}));
      ++count;
    }
    return count;
  });
}

Result<std::vector<store::WeeklyRagRecord>> pupil_rag_history(Context& context, const Actor& actor,
                                                              Id pupil_id) {
  auto& connection = context.store.connection();
  WAYMARK_TRY_STATUS(require_visible_pupil(connection, actor, pupil_id));
  if (actor.organisation_kind == OrgKind::Provider) {
    std::vector<store::WeeklyRagRecord> records =
        connection.monitoring().weekly_rags_of_pupil(pupil_id);
    std::erase_if(records, [&](const store::WeeklyRagRecord& record) {
      return record.provider_id != actor.organisation_id;
    });
    return records;
  }
  return connection.monitoring().sent_rags_of_pupil(pupil_id);
}

Result<RagRules> get_rag_rules(Context& context, const Actor& actor) {
  WAYMARK_TRY_STATUS(require_provider_reader(actor));
  return rag_rules_of(context.store.connection(), actor.organisation_id);
}

Result<RagRules> set_rag_rules(Context& context, const Actor& actor, const RagRules& rules) {
  WAYMARK_TRY_STATUS(require_rule_setter(actor));
  WAYMARK_TRY_STATUS(validate_rag_rules(rules));
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(context.store.connection(), [&](store::Connection& tx) -> Result<RagRules> {
    const RagRules before = rag_rules_of(tx, actor.organisation_id);
    tx.monitoring().set_rag_rules(actor.organisation_id, rules);
    record_audit(tx, actor, now, "update", "rag_rules", actor.organisation_id, 0, to_json(before),
                 to_json(rules));
    return rules;
  });
}

}  // namespace waymark::app
