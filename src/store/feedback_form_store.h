// FIXME: placeholder interface; the feedback form area (issue 3) fills it in.
#pragma once

namespace waymark::store {

class FeedbackFormStore {
 public:
  virtual ~FeedbackFormStore() = default;
};

}  // namespace waymark::store
