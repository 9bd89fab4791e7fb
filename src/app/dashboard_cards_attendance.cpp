// Attendance cards: the registers a provider has not taken today, and for a school or LA the
// attendance of its pupils this week with a chart of the last four weeks.
//
// A register becomes urgent once its session has begun: AM from 09:30, PM from 13:30. The clock
// is read as UTC, which is the time in England in the winter term; in British Summer Time the
// cards turn urgent an hour later than those local times, which is early enough to be useful and
// keeps the rule free of time-zone tables.
#include <fmt/format.h>

#include <cmath>

#include "app/attendance_daily.h"
#include "app/attendance_queries.h"
#include "app/attendance_registers.h"
#include "app/dashboard_cards.h"

namespace waymark::app::dashboard_cards {

namespace {

constexpr std::int64_t kAmBegins = (9 * 60 + 30) * 60;  // seconds after midnight
constexpr std::int64_t kPmBegins = (13 * 60 + 30) * 60;
constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;

bool session_begun(std::int64_t now_seconds, Session session) {
  const std::int64_t time_of_day =
      ((now_seconds % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
  return time_of_day >= (session == Session::Am ? kAmBegins : kPmBegins);
}

DashboardCard registers_card(Context& context, const Actor& actor) {
  const Date today = context.clock.today();
  DashboardCard card{.key = "registers_not_taken",
                     .title = "Registers not taken today",
                     .href = "/registers",
                     .empty_text = "Every register due today has been taken.",
                     .items = {}};
  const std::int64_t now = context.clock.now_seconds();
  for (const RegisterStatus& status :
       registers_not_taken(context.store.connection(), actor.organisation_id, today))
    card.items.push_back(
        {.text = fmt::format("{} register: {} of {} marked", to_string(status.session),
                             status.marked, status.expected),
         .href = fmt::format("/registers/{}/{}", status.date.iso(), to_string(status.session)),
         .detail = "Not taken",
         .date = status.date,
         .urgent = status.date == today && session_begun(now, status.session)});
  finish_card(card);
  return card;
}

std::string week_detail(const PupilWeekAttendance& pupil) {
  if (pupil.unexplained > 0)
    return fmt::format("{} unexplained absence{}", pupil.unexplained,
                       pupil.unexplained == 1 ? "" : "s");
  return fmt::format("Absent {} of {} sessions", pupil.summary.absent(), pupil.summary.possible);
}

DashboardCard week_card(Context& context, const Actor& actor) {
  DashboardCard card{.key = "attendance_this_week",
                     .title = "Attendance this week",
                     .href = "/attendance/daily",
                     .empty_text = "No attendance has been recorded for your pupils this week.",
                     .items = {}};
  auto week = commissioned_week_attendance(context, actor, context.clock.today());
  if (!week.ok()) return card;
  for (const PupilWeekAttendance& pupil : *week) {
    const std::string rate = pupil.summary.rate
                                 ? fmt::format("{}%", std::lround(*pupil.summary.rate * 100))
                                 : "no sessions";
    card.items.push_back(
        {.text = fmt::format("{}: {}", pupil.name, rate),
         .href = fmt::format("/pupils/{}/attendance", pupil.pupil_id),
         .detail = week_detail(pupil),
         .date = std::nullopt,
         .urgent = pupil.summary.persistent || pupil.summary.severe || pupil.unexplained > 0});
  }
  finish_card(card);
  return card;
}

}  // namespace

std::vector<DashboardCard> attendance(Context& context, const Actor& actor) {
  if (actor.organisation_kind == OrgKind::Provider) {
    if (!actor.can_edit_pupils()) return {};  // those who take registers
    return {registers_card(context, actor)};
  }
  return {week_card(context, actor)};
}

std::vector<DashboardSeries> attendance_series(Context& context, const Actor& actor) {
  if (actor.organisation_kind == OrgKind::Provider) return {};
  const Date today = context.clock.today();
  DashboardSeries series{.key = "attendance_by_day",
                         .title = "Attendance of your pupils by day, last four weeks",
                         .points = {}};
  // Marks commissioned by the actor's own organisation: exactly the pupils it placed.
  for (const DailyRate& day :
       commissioned_daily_rates(context.store.connection(), actor.organisation_id,
                                week_start(today).plus_days(-21), today))
    series.points.push_back({.date = day.date, .value = day.mean_rate * 100});
  return {series};
}

}  // namespace waymark::app::dashboard_cards
