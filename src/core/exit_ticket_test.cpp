#include "core/exit_ticket.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

const Date kToday = Date::from_ymd(2025, 11, 3);

ExitTicket valid_ticket() {
  ExitTicket ticket;
  ticket.pupil_id = 1;
  ticket.subject_id = 2;
  ticket.lesson_date = kToday;
  ticket.topic = "Fractions";
  ticket.score = 3;
  ticket.max_score = 5;
  return ticket;
}

std::vector<std::string> fields_of(const Status& status) {
  std::vector<std::string> fields;
  if (!status.ok())
    for (const auto& field : status.error().fields) fields.push_back(field.field);
  return fields;
}

TEST(ExitTicketValidation, AcceptsScoreGradeOrNeither) {
  EXPECT_TRUE(validate_exit_ticket(valid_ticket(), kToday).ok());
  ExitTicket graded = valid_ticket();
  graded.score.reset();
  graded.grade = "5+";
  graded.grade_scale = "gcse_fine";
  EXPECT_TRUE(validate_exit_ticket(graded, kToday).ok());
  ExitTicket unmarked = valid_ticket();
  unmarked.score.reset();
  EXPECT_TRUE(validate_exit_ticket(unmarked, kToday).ok());
}

TEST(ExitTicketValidation, RejectsEachProblemWithItsField) {
  struct Case {
    const char* name;
    void (*change)(ExitTicket&);
    std::string field;
  };
  const Case cases[] = {
      {"no pupil", [](ExitTicket& t) { t.pupil_id = 0; }, "pupil_id"},
      {"no subject", [](ExitTicket& t) { t.subject_id = 0; }, "subject_id"},
      {"future", [](ExitTicket& t) { t.lesson_date = kToday.plus_days(1); }, "lesson_date"},
      {"blank topic", [](ExitTicket& t) { t.topic = "  "; }, "topic"},
      {"long topic", [](ExitTicket& t) { t.topic = std::string(201, 'a'); }, "topic"},
      {"score without max", [](ExitTicket& t) { t.max_score.reset(); }, "max_score"},
      {"score above max", [](ExitTicket& t) { t.score = 6; }, "score"},
      {"negative score", [](ExitTicket& t) { t.score = -1; }, "score"},
      {"zero max", [](ExitTicket& t) { t.max_score = 0; }, "max_score"},
      {"both",
       [](ExitTicket& t) {
         t.grade = "5";
         t.grade_scale = "gcse";
       },
       "grade"},
      {"grade without scale",
       [](ExitTicket& t) {
         t.score.reset();
         t.grade = "5";
       },
       "grade_scale"},
      {"long mark", [](ExitTicket& t) { t.mark = std::string(41, 'x'); }, "mark"},
      {"long comment", [](ExitTicket& t) { t.comment = std::string(4001, 'x'); }, "comment"},
      {"long redraft", [](ExitTicket& t) { t.redraft = std::string(4001, 'x'); }, "redraft"},
  };
  for (const Case& test_case : cases) {
    ExitTicket ticket = valid_ticket();
    test_case.change(ticket);
    auto fields = fields_of(validate_exit_ticket(ticket, kToday));
    EXPECT_NE(std::find(fields.begin(), fields.end(), test_case.field), fields.end())
        << test_case.name;
  }
}

TEST(ExitTicketValidation, MarkedWork) {
  MarkedWork work;
  work.pupil_id = 1;
  work.subject_id = 2;
  work.title = "Essay";
  work.work_date = kToday;
  EXPECT_TRUE(validate_marked_work(work, kToday).ok());
  work.title = "";
  work.work_date = kToday.plus_days(3);
  work.feedback = std::string(4001, 'x');
  EXPECT_EQ(fields_of(validate_marked_work(work, kToday)),
            (std::vector<std::string>{"title", "work_date", "feedback"}));
}

TEST(ExitTicketSummary, TopicsInDateOrderAndMeanPercent) {
  auto ticket = [](Id subject, int day, const char* topic, std::optional<double> score) {
    ExitTicket t;
    t.subject_id = subject;
    t.lesson_date = Date::from_ymd(2025, 10, day);
    t.topic = topic;
    t.score = score;
    t.max_score = 10;
    return t;
  };
  auto summary =
      summarise_exit_tickets({ticket(2, 9, "Ratio", 5), ticket(2, 2, "Fractions", 10),
                              ticket(2, 10, "Fractions", std::nullopt), ticket(1, 3, "Poetry", 7)});
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[0].subject_id, 1);
  EXPECT_EQ(summary[1].topics, (std::vector<std::string>{"Fractions", "Ratio"}));
  EXPECT_EQ(summary[1].count, 3);
  EXPECT_EQ(summary[1].scored, 2);
  EXPECT_DOUBLE_EQ(*summary[1].mean_percent, 75.0);
  EXPECT_EQ(trimmed("  a b \n"), "a b");
}

}  // namespace
}  // namespace waymark
