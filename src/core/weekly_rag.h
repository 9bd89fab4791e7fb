// Weekly Red/Amber/Green progress ratings (policy 002: "weekly updates ... graded on a
// Red/Amber/Green process"). Each week each pupil gets a RAG proposed by rules from the week's
// evidence; staff confirm it or override it with a reason.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace waymark {

enum class Rag { Red, Amber, Green };
const char* to_string(Rag rag);  // "red", "amber", "green"
const char* label(Rag rag);      // "Red", "Amber", "Green"
// Accepts "red", "Red", "RED" and "R" (and so on). Fails with Invalid on `field`.
Result<Rag> parse_rag(std::string_view text, const std::string& field = "rag");

// Red is worse than Amber, which is worse than Green.
constexpr bool worse_than(Rag left, Rag right) {
  return static_cast<int>(left) < static_cast<int>(right);
}

// What is known about one pupil's week. Optional values are absent when nothing was recorded.
struct WeekEvidence {
  std::optional<double> exit_ticket_mean_percent;  // 0-100, this week's exit tickets
  // The pupil's own earlier results, e.g. the mean of the previous three weeks (0-100).
  std::optional<double> previous_mean_percent;
  std::optional<double> attendance_rate;  // 0-1 over the week's possible sessions
  int behaviour_incidents = 0;            // every incident this week, serious ones included
  int serious_incidents = 0;              // of which serious
};

// Percentages 0-100, attendance 0-1, counts not negative, serious_incidents no more than
// behaviour_incidents. Reports every problem at once.
Status validate_week_evidence(const WeekEvidence& evidence);

// The thresholds, as data so that a provider can tune them. A value exactly at a threshold is
// not "below" it; a drop exactly at a threshold meets it.
struct RagRules {
  double attendance_red_below = 0.80;    // attendance rate below this: Red
  double attendance_amber_below = 0.90;  // attendance rate below this: Amber
  double exit_ticket_drop_amber = 10;    // points below the pupil's own previous mean: Amber
  double exit_ticket_drop_red = 20;      // points below the pupil's own previous mean: Red
  int serious_incidents_red = 1;         // this many serious incidents or more: Red
  int incidents_amber = 2;               // this many incidents of any kind or more: Amber
};

// 0 <= attendance_red_below <= attendance_amber_below <= 1; 0 < exit_ticket_drop_amber <=
// exit_ticket_drop_red <= 100; both incident counts at least 1. Fields are the member names.
Status validate_rag_rules(const RagRules& rules);

struct RagProposal {
  Rag rag = Rag::Green;
  std::vector<std::string> reasons;  // one sentence per rule that fired, in rule order
};

// The worst RAG over the rules that fire, with a reason for each. When none fires: Green, "no
// concerns". When there is no evidence at all (no exit tickets, no attendance and no incidents):
// Amber, "no data this week", because a pupil about whom nothing was recorded is one whom staff
// should look at, not one to report as on track. Exit tickets are compared only when both this
// week's and the previous mean are known. Expects validated evidence and rules; never fails.
RagProposal propose_rag(const WeekEvidence& evidence, const RagRules& rules);

// Staff's decision on a proposal.
struct RagDecision {
  Rag proposed = Rag::Green;
  Rag confirmed = Rag::Green;
  std::string override_reason;  // required when confirmed differs from proposed
};

// An override needs a reason (field "override_reason", at most 1000 characters).
Status validate_rag_decision(const RagDecision& decision);

}  // namespace waymark
