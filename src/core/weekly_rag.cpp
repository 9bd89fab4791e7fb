#include "core/weekly_rag.h"

#include <cctype>

#include <fmt/format.h>

namespace waymark {

const char* to_string(Rag rag) {
  switch (rag) {
    case Rag::Red:
      return "red";
    case Rag::Amber:
      return "amber";
    case Rag::Green:
      return "green";
  }
  return "amber";
}

const char* label(Rag rag) {
  switch (rag) {
    case Rag::Red:
      return "Red";
    case Rag::Amber:
      return "Amber";
    case Rag::Green:
      return "Green";
  }
  return "Amber";
}

Result<Rag> parse_rag(std::string_view text, const std::string& field) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "red" || lower == "r") return Rag::Red;
  if (lower == "amber" || lower == "a") return Rag::Amber;
  if (lower == "green" || lower == "g") return Rag::Green;
  return Error::invalid(field, fmt::format("'{}' is not red, amber or green", text));
}

namespace {

// Guards the thresholds against binary rounding: 75.3 - 65.3 is a drop of 10 points.
constexpr double kTolerance = 1e-9;

bool in_range(double value, double low, double high) {
  return value >= low && value <= high;
}

}  // namespace

Status validate_week_evidence(const WeekEvidence& evidence) {
  ErrorList errors;
  if (evidence.exit_ticket_mean_percent && !in_range(*evidence.exit_ticket_mean_percent, 0, 100))
    errors.add("exit_ticket_mean_percent", "must be between 0 and 100");
  if (evidence.previous_mean_percent && !in_range(*evidence.previous_mean_percent, 0, 100))
    errors.add("previous_mean_percent", "must be between 0 and 100");
  if (evidence.attendance_rate && !in_range(*evidence.attendance_rate, 0, 1))
    errors.add("attendance_rate", "must be between 0 and 1");
  if (evidence.behaviour_incidents < 0) errors.add("behaviour_incidents", "must not be negative");
  if (evidence.serious_incidents < 0) errors.add("serious_incidents", "must not be negative");
  if (evidence.serious_incidents > evidence.behaviour_incidents)
    errors.add("serious_incidents",
               "must not exceed behaviour_incidents, which counts every incident");
  if (!errors.empty()) return errors.to_error();
  return {};
}

Status validate_rag_rules(const RagRules& rules) {
  ErrorList errors;
  if (!in_range(rules.attendance_red_below, 0, 1))
    errors.add("attendance_red_below", "must be between 0 and 1");
  if (!in_range(rules.attendance_amber_below, 0, 1))
    errors.add("attendance_amber_below", "must be between 0 and 1");
  else if (rules.attendance_amber_below < rules.attendance_red_below)
    errors.add("attendance_amber_below", "must not be below attendance_red_below");
  if (!(rules.exit_ticket_drop_amber > 0 && rules.exit_ticket_drop_amber <= 100))
    errors.add("exit_ticket_drop_amber", "must be more than 0 and at most 100 points");
  if (!(rules.exit_ticket_drop_red > 0 && rules.exit_ticket_drop_red <= 100))
    errors.add("exit_ticket_drop_red", "must be more than 0 and at most 100 points");
  else if (rules.exit_ticket_drop_red < rules.exit_ticket_drop_amber)
    errors.add("exit_ticket_drop_red", "must not be below exit_ticket_drop_amber");
  if (rules.serious_incidents_red < 1) errors.add("serious_incidents_red", "must be at least 1");
  if (rules.incidents_amber < 1) errors.add("incidents_amber", "must be at least 1");
  if (!errors.empty()) return errors.to_error();
  return {};
}

namespace {

class Proposer {
 public:
  void raise(Rag rag, std::string reason) {
    if (worse_than(rag, proposal_.rag)) proposal_.rag = rag;
    proposal_.reasons.push_back(std::move(reason));
  }
  RagProposal finish() && { return std::move(proposal_); }

 private:
  RagProposal proposal_;
};

// A number to at most one decimal place: "80", "82.5".
std::string number(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

std::string plural(int count, const char* noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace

RagProposal propose_rag(const WeekEvidence& evidence, const RagRules& rules) {
  if (!evidence.exit_ticket_mean_percent && !evidence.attendance_rate &&
      evidence.behaviour_incidents <= 0 && evidence.serious_incidents <= 0)
    return RagProposal{Rag::Amber, {"no data this week"}};

  Proposer proposer;
  if (evidence.attendance_rate) {
    const double rate = *evidence.attendance_rate;
    if (rate < rules.attendance_red_below - kTolerance)
      proposer.raise(Rag::Red, fmt::format("attendance {}% is below {}%", number(rate * 100),
                                           number(rules.attendance_red_below * 100)));
    else if (rate < rules.attendance_amber_below - kTolerance)
      proposer.raise(Rag::Amber, fmt::format("attendance {}% is below {}%", number(rate * 100),
                                             number(rules.attendance_amber_below * 100)));
  }
  if (evidence.exit_ticket_mean_percent && evidence.previous_mean_percent) {
    const double drop = *evidence.previous_mean_percent - *evidence.exit_ticket_mean_percent;
    const std::string reason =
        fmt::format("exit tickets averaged {}% against {}% before (down {} points)",
                    number(*evidence.exit_ticket_mean_percent),
                    number(*evidence.previous_mean_percent), number(drop));
    if (drop >= rules.exit_ticket_drop_red - kTolerance)
      proposer.raise(Rag::Red, reason);
    else if (drop >= rules.exit_ticket_drop_amber - kTolerance)
      proposer.raise(Rag::Amber, reason);
  }
  if (evidence.serious_incidents >= rules.serious_incidents_red)
    proposer.raise(Rag::Red, plural(evidence.serious_incidents, "serious incident"));
  else if (evidence.behaviour_incidents >= rules.incidents_amber)
    proposer.raise(Rag::Amber, plural(evidence.behaviour_incidents, "behaviour incident"));

  RagProposal proposal = std::move(proposer).finish();
  if (proposal.reasons.empty()) proposal.reasons.push_back("no concerns");
  return proposal;
}

Status validate_rag_decision(const RagDecision& decision) {
  bool blank = true;
  for (char c : decision.override_reason)
    if (!std::isspace(static_cast<unsigned char>(c))) blank = false;
  if (decision.confirmed != decision.proposed && blank)
    return Error::invalid("override_reason",
                          fmt::format("is required when changing the proposed {} to {}",
                                      label(decision.proposed), label(decision.confirmed)));
  if (decision.override_reason.size() > 1000)
    return Error::invalid("override_reason", "must be at most 1000 characters");
  return {};
}

}  // namespace waymark
