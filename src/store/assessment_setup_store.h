// FIXME: placeholder interface; the assessment setup area (issue 3) fills it in.
#pragma once

namespace waymark::store {

class AssessmentSetupStore {
 public:
  virtual ~AssessmentSetupStore() = default;
};

}  // namespace waymark::store
