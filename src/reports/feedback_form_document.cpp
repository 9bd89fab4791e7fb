#include "reports/feedback_form_document.h"

namespace waymark::reports {

const char* atl_label(int atl) {
  switch (atl) {
    case 4:
      return "Exceptional";
    case 3:
      return "Good";
    case 2:
      return "Requires Improvement";
    case 1:
      return "Poor";
    default:
      return "";
  }
}

}  // namespace waymark::reports
