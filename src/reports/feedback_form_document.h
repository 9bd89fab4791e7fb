// The data of one 3-weekly feedback form, ready to draw: every field is already the text to show.
// The app gathers it from the store (who may see the form is decided there); the reports layer
// only lays it out (feedback_form_pdf.h). Plain data: no I/O, no ids, no scales.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace waymark::reports {

// One subject's row block on the form.
struct FeedbackFormSubject {
  std::string name;                 // "Maths"
  std::vector<std::string> topics;  // topics learnt in the period, one per entry
  std::optional<int> atl;           // attitude to learning, 1-4; nullopt: not given
  std::string atl_label;            // "Good"; blank: derived from `atl` by core atl_label()
  std::string working_at;           // the working-at grade as shown: "5+", "Secure-"; may be blank
  std::string proposed_indicator;   // what Waymark proposed: "Meeting"; blank when no proposal
  std::string indicator;            // the teacher's choice: "Exceeding", "Meeting", ...
  std::string override_reason;      // why the choice differs from the proposal; blank otherwise
};

struct FeedbackFormDocument {
  std::string provider_name;  // "Northfield Learning Centre"
  std::string pupil_name;     // "Zoë O'Brien" (UTF-8)
  std::string upn;            // the UPN, or "no UPN"
  std::string nc_year;        // "Year 10"
  int period_number = 0;      // 1 for the placement's first period
  Date period_start;
  Date period_end;
  std::vector<FeedbackFormSubject> subjects;
  std::optional<std::string> attendance;  // "92% (23 of 25 sessions)"; nullopt: not shown
  std::string comment;                    // the teacher's short comment; may be blank
  std::string status;                     // "Draft", "Ready", "Sent"
  int version = 1;                        // 2 and later are corrections of a sent form
  std::optional<Date> sent_on;            // when it was sent; nullopt until then
};

}  // namespace waymark::reports
