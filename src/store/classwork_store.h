// FIXME: placeholder interface; the classwork area (issue 3) fills it in.
#pragma once

namespace waymark::store {

class ClassworkStore {
 public:
  virtual ~ClassworkStore() = default;
};

}  // namespace waymark::store
