#include "core/weekly_rag.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

struct ProposalCase {
  const char* name;
  WeekEvidence evidence;
  Rag rag;
  std::vector<std::string> reasons;
};

WeekEvidence attending(double rate) {
  WeekEvidence evidence;
  evidence.attendance_rate = rate;
  return evidence;
}

WeekEvidence tickets(double now, std::optional<double> before) {
  WeekEvidence evidence = attending(1.0);
  evidence.exit_ticket_mean_percent = now;
  evidence.previous_mean_percent = before;
  return evidence;
}

WeekEvidence incidents(int all, int serious) {
  WeekEvidence evidence = attending(1.0);
  evidence.behaviour_incidents = all;
  evidence.serious_incidents = serious;
  return evidence;
}

TEST(WeeklyRagTest, ProposesTheWorstRuleWithEveryReason) {
  WeekEvidence everything = tickets(50, 75);
  everything.attendance_rate = 0.85;
  everything.behaviour_incidents = 3;
  everything.serious_incidents = 1;
  WeekEvidence incidents_only;
  incidents_only.behaviour_incidents = 2;

  const ProposalCase cases[] = {
      {"all well", tickets(80, 78), Rag::Green, {"no concerns"}},
      {"nothing recorded", WeekEvidence{}, Rag::Amber, {"no data this week"}},
      {"first week of tickets: nothing to compare",
       tickets(40, std::nullopt),
       Rag::Green,
       {"no concerns"}},
      {"attendance exactly 90%", attending(0.9), Rag::Green, {"no concerns"}},
      {"attendance below 90%", attending(0.85), Rag::Amber, {"attendance 85% is below 90%"}},
      {"attendance exactly 80%", attending(0.8), Rag::Amber, {"attendance 80% is below 90%"}},
      {"attendance below 80%", attending(0.7), Rag::Red, {"attendance 70% is below 80%"}},
      {"attendance 7 of 9 sessions",
       attending(7.0 / 9.0),
       Rag::Red,
       {"attendance 77.8% is below 80%"}},
      {"tickets down 9.9 points", tickets(65.1, 75), Rag::Green, {"no concerns"}},
      {"tickets down exactly 10 points",
       tickets(65.3, 75.3),
       Rag::Amber,
       {"exit tickets averaged 65.3% against 75.3% before (down 10 points)"}},
      {"tickets down 20 points",
       tickets(55, 75),
       Rag::Red,
       {"exit tickets averaged 55% against 75% before (down 20 points)"}},
      {"tickets up", tickets(90, 60), Rag::Green, {"no concerns"}},
      {"one minor incident", incidents(1, 0), Rag::Green, {"no concerns"}},
      {"two incidents", incidents(2, 0), Rag::Amber, {"2 behaviour incidents"}},
      {"one serious incident", incidents(1, 1), Rag::Red, {"1 serious incident"}},
      {"incidents are evidence enough", incidents_only, Rag::Amber, {"2 behaviour incidents"}},
      {"several rules",
       everything,
       Rag::Red,
       {"attendance 85% is below 90%",
        "exit tickets averaged 50% against 75% before (down 25 points)", "1 serious incident"}},
  };
  const RagRules rules;
  for (const auto& test : cases) {
    ASSERT_TRUE(validate_week_evidence(test.evidence).ok()) << test.name;
    const RagProposal proposal = propose_rag(test.evidence, rules);
    EXPECT_EQ(proposal.rag, test.rag) << test.name;
    EXPECT_EQ(proposal.reasons, test.reasons) << test.name;
  }
}

TEST(WeeklyRagTest, ThresholdsAreData) {
  RagRules strict;
  strict.attendance_amber_below = 0.95;
  strict.incidents_amber = 1;
  EXPECT_EQ(propose_rag(attending(0.92), strict).rag, Rag::Amber);
  EXPECT_EQ(propose_rag(attending(0.92), strict).reasons,
            std::vector<std::string>{"attendance 92% is below 95%"});
  EXPECT_EQ(propose_rag(incidents(1, 0), strict).rag, Rag::Amber);
}

struct InvalidCase {
  const char* name;
  void (*change)(RagRules&);
  const char* field;
};

TEST(WeeklyRagTest, RejectsInconsistentRules) {
  EXPECT_TRUE(validate_rag_rules(RagRules{}).ok());
  const InvalidCase cases[] = {
      {"red above 1", [](RagRules& r) { r.attendance_red_below = 1.2; }, "attendance_red_below"},
      {"amber below red", [](RagRules& r) { r.attendance_amber_below = 0.7; },
       "attendance_amber_below"},
      {"no amber drop", [](RagRules& r) { r.exit_ticket_drop_amber = 0; },
       "exit_ticket_drop_amber"},
      {"red drop below amber", [](RagRules& r) { r.exit_ticket_drop_red = 5; },
       "exit_ticket_drop_red"},
      {"zero serious", [](RagRules& r) { r.serious_incidents_red = 0; }, "serious_incidents_red"},
      {"zero incidents", [](RagRules& r) { r.incidents_amber = 0; }, "incidents_amber"},
  };
  for (const auto& test : cases) {
    RagRules rules;
    test.change(rules);
    const Status status = validate_rag_rules(rules);
    ASSERT_FALSE(status.ok()) << test.name;
    EXPECT_EQ(status.error().fields[0].field, test.field) << test.name;
  }
}

TEST(WeeklyRagTest, RejectsImpossibleEvidence) {
  WeekEvidence evidence = tickets(120, -1);
  evidence.attendance_rate = 1.5;
  evidence.behaviour_incidents = 1;
  evidence.serious_incidents = 2;
  const Status status = validate_week_evidence(evidence);
  ASSERT_FALSE(status.ok());
  std::vector<std::string> fields;
  for (const auto& error : status.error().fields) fields.push_back(error.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"exit_ticket_mean_percent", "previous_mean_percent",
                                              "attendance_rate", "serious_incidents"}));
}

TEST(WeeklyRagTest, OverridesNeedAReason) {
  EXPECT_TRUE(validate_rag_decision(RagDecision{Rag::Amber, Rag::Amber, ""}).ok());
  EXPECT_TRUE(validate_rag_decision(RagDecision{Rag::Amber, Rag::Green, "ill on ticket day"}).ok());
  const Status missing = validate_rag_decision(RagDecision{Rag::Amber, Rag::Green, "  "});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields[0].field, "override_reason");
  EXPECT_EQ(missing.error().fields[0].reason,
            "is required when changing the proposed Amber to Green");
  EXPECT_FALSE(validate_rag_decision(RagDecision{Rag::Red, Rag::Red, std::string(1001, 'x')}).ok());
}

struct ParseCase {
  const char* text;
  Rag rag;
};

TEST(WeeklyRagTest, ParsesAndPrints) {
  const ParseCase cases[] = {{"red", Rag::Red}, {"Amber", Rag::Amber}, {"GREEN", Rag::Green},
                             {"r", Rag::Red},   {"A", Rag::Amber},     {"g", Rag::Green}};
  for (const auto& test : cases) EXPECT_EQ(parse_rag(test.text).value(), test.rag) << test.text;
  for (Rag rag : {Rag::Red, Rag::Amber, Rag::Green})
    EXPECT_EQ(parse_rag(to_string(rag)).value(), rag);
  const auto bad = parse_rag("blue", "weeks[2].rag");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "weeks[2].rag: 'blue' is not red, amber or green");
  EXPECT_TRUE(worse_than(Rag::Red, Rag::Amber));
  EXPECT_TRUE(worse_than(Rag::Amber, Rag::Green));
  EXPECT_FALSE(worse_than(Rag::Green, Rag::Green));
}

}  // namespace
}  // namespace waymark
