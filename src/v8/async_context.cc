// The C side of async context tracking (src/v8/async_context.rs declares these):
// the context's continuation-preserved embedder data, which V8 captures when a
// promise reaction is made and restores while that reaction runs (so a value set
// here follows await and .then with no work on our side), and the context's
// promise hooks, installed only while an async_hooks hook wants promise events.
// Handles cross as handles.h says: a Local<T> as T*, an empty one as null.
#include <v8.h>

#include "handles.h"

#include <cstring>

using namespace v8;

extern "C" {

// V8 12 moved the slot from the context to the isolate; 10.2 and 11.3 keep one per
// context. A reaction captures the slot of the context its code runs in (a vm
// context's, for code compiled there) and V8 restores it into the microtask's
// context: so the value is read from the entered (or microtask) context, and
// written there and into the caller's own context when they differ.
const Value* v8__AsyncContext__Get(Isolate* isolate) {
#if V8_MAJOR_VERSION >= 12
  return *isolate->GetContinuationPreservedEmbedderData();
#else
  return *isolate->GetEnteredOrMicrotaskContext()->GetContinuationPreservedEmbedderData();
#endif
}

void v8__AsyncContext__Set(Isolate* isolate, const Value* value) {
#if V8_MAJOR_VERSION >= 12
  isolate->SetContinuationPreservedEmbedderData(ptr_to_local(value));
#else
  Local<Context> entered = isolate->GetEnteredOrMicrotaskContext();
  entered->SetContinuationPreservedEmbedderData(ptr_to_local(value));
  Local<Context> current = isolate->GetCurrentContext();
  if (current != entered) current->SetContinuationPreservedEmbedderData(ptr_to_local(value));
#endif
}

// Each hook may be null (no hook for that event); all null removes them.
void v8__AsyncContext__SetPromiseHooks(Isolate* isolate, const Function* init,
                                       const Function* before, const Function* after,
                                       const Function* resolve) {
  isolate->GetCurrentContext()->SetPromiseHooks(ptr_to_local(init), ptr_to_local(before),
                                                ptr_to_local(after), ptr_to_local(resolve));
}

}  // extern "C"
