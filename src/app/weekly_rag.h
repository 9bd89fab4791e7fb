// The weekly RAG (policy 002, issue 4 item 2): each week each pupil placed at a provider gets Red,
// Amber or Green, proposed by the provider's rules from the week's evidence and confirmed or
// overridden (with a reason) by its staff, with a one-line comment for the commissioner.
//
// Who: the provider's admins, heads and teachers confirm (Forbidden for anyone else; NotFound when
// the pupil is not visible, or not placed with the actor's provider that week). Anyone at the
// provider reads its weeks. Rules are set by its admins and heads. Every write is audited in its
// transaction (entities "weekly_rag", "rag_rules"), and each confirmation re-evaluates the
// deterioration rule (app/deterioration_alerts.h) in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "core/user.h"
#include "core/weekly_rag.h"
#include "store/monitoring_store.h"

namespace waymark::app {

inline constexpr std::size_t kMaxRagComment = 200;  // one line

// One pupil's row on the provider's week: what the rules propose now, and what was confirmed.
struct RagWeekRow {
  Id pupil_id = 0;
  std::string pupil_name;  // "Smith, Sam"
  Id placement_id = 0;
  Id commissioner_id = 0;
  std::string commissioner_name;
  WeekEvidence evidence;
  RagProposal proposal;
  std::optional<store::WeeklyRagRecord> confirmed;  // none until staff confirm
};

struct RagWeek {
  Date week_start;
  std::vector<RagWeekRow> rows;  // by pupil sort name
  bool can_confirm = false;
  int unconfirmed() const;
};

// The actor's provider's week containing `any_day` (Invalid on "week" for a week not yet begun).
Result<RagWeek> rag_week(Context& context, const Actor& actor, Date any_day);

struct RagConfirmation {
  std::optional<Rag> rag;       // none: confirm the proposal as it stands
  std::string override_reason;  // required when `rag` differs from the proposal
  std::string comment;          // at most 200 characters, one line
};

// Confirms (or overrides) the pupil's RAG for the week containing `any_day`. The proposal is made
// afresh from the evidence, never taken from the request. Confirming again replaces the week's
// record (the audit keeps the earlier one). Invalid on "override_reason" when overriding without
// a reason, on "comment" when too long or not one line, on "week" for a future week.
Result<store::WeeklyRagRecord> confirm_weekly_rag(Context& context, const Actor& actor, Id pupil_id,
                                                  Date any_day, const RagConfirmation& request);

// The week page's save: several pupils' confirmations for the week in one transaction, all or
// none, every row checked first. Errors name "pupils[<pupil id>].<field>" (or "pupils[<pupil
// id>]" for a pupil not visible or not placed with the actor's provider that week). Returns how
// many were saved.
struct PupilRagConfirmation {
  Id pupil_id = 0;
  RagConfirmation confirmation;
};
Result<int> confirm_weekly_rags(Context& context, const Actor& actor, Date any_day,
                                const std::vector<PupilRagConfirmation>& rows);

// Quick confirm: confirms every pupil of the actor's provider with no RAG yet for that week as
// proposed, with no comment. Returns how many were confirmed.
Result<int> confirm_unchanged_rags(Context& context, const Actor& actor, Date any_day);

// A pupil's RAG history, oldest week first. The pupil's provider's staff see every confirmed
// record of their own provider; everyone else who can see the pupil sees what was sent to
// commissioners in weekly updates (week, RAG, comment).
Result<std::vector<store::WeeklyRagRecord>> pupil_rag_history(Context& context, const Actor& actor,
                                                              Id pupil_id);

// The actor's provider's rules (any reader at a provider), and changing them (admins, heads;
// Invalid per core's validate_rag_rules).
Result<RagRules> get_rag_rules(Context& context, const Actor& actor);
Result<RagRules> set_rag_rules(Context& context, const Actor& actor, const RagRules& rules);

}  // namespace waymark::app
