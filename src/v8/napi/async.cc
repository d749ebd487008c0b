// Node-API asynchrony: promises, async work (execute on coil's work pool, complete
// on the loop), thread-safe functions (other threads queue calls; the loop is woken
// and makes them on its own thread, the only one that touches V8), and the
// callback scopes and async contexts of napi_make_callback.
#include "env.h"

#include <condition_variable>
#include <deque>
#include <mutex>

using namespace v8;

extern "C" {

napi_status NAPI_CDECL napi_create_promise(napi_env env, napi_deferred* deferred,
                                           napi_value* promise) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, deferred);
  NAPI_CHECK_ARG(env, promise);
  Local<Promise::Resolver> resolver;
  bool ok = Promise::Resolver::New(env->ctx()).ToLocal(&resolver);
  if (!ok) return napi_set_last(env, napi_pending_exception);
  *deferred = reinterpret_cast<napi_deferred>(new Global<Promise::Resolver>(env->isolate, resolver));
  *promise = to_napi(resolver->GetPromise());
  return NAPI_OK(env);
}

static napi_status settle(napi_env env, napi_deferred deferred, napi_value value, bool resolve) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, deferred);
  NAPI_CHECK_ARG(env, value);
  auto* global = reinterpret_cast<Global<Promise::Resolver>*>(deferred);
  Local<Promise::Resolver> resolver = global->Get(env->isolate);
  delete global;
  Maybe<bool> done = resolve ? resolver->Resolve(env->ctx(), to_v8(value))
                             : resolver->Reject(env->ctx(), to_v8(value));
  return NAPI_JS_STATUS(env, done.IsJust(), napi_ok);
}
napi_status NAPI_CDECL napi_resolve_deferred(napi_env env, napi_deferred deferred,
                                             napi_value resolution) {
  return settle(env, deferred, resolution, true);
}
napi_status NAPI_CDECL napi_reject_deferred(napi_env env, napi_deferred deferred,
                                            napi_value rejection) {
  return settle(env, deferred, rejection, false);
}
napi_status NAPI_CDECL napi_is_promise(napi_env env, napi_value value, bool* is_promise) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, is_promise);
  *is_promise = to_v8(value)->IsPromise();
  return NAPI_OK(env);
}

}  // extern "C"

// ---- async work ----------------------------------------------------------------
struct napi_async_work__ {
  napi_env env;
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void* data;
  uint64_t key = 0;
  bool queued = false;
};

extern "C" {

// On a pool thread (no V8 here).
void coil_napi_work_execute(void* w) {
  auto* work = static_cast<napi_async_work>(w);
  work->execute(work->env, work->data);
}

// On the loop thread, in the runtime's scope; the runtime drains ticks after.
void coil_napi_work_complete(void* w, bool cancelled) {
  auto* work = static_cast<napi_async_work>(w);
  work->queued = false;
  if (work->complete == nullptr) return;
  napi_env env = work->env;
  HandleScope scope(env->isolate);
  Context::Scope cs(env->ctx());
  napi_clear_last(env);
  work->complete(env, cancelled ? napi_cancelled : napi_ok, work->data);
  napi_report_pending(env);
}

napi_status NAPI_CDECL napi_create_async_work(napi_env env, napi_value async_resource,
                                              napi_value async_resource_name,
                                              napi_async_execute_callback execute,
                                              napi_async_complete_callback complete, void* data,
                                              napi_async_work* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, execute);
  NAPI_CHECK_ARG(env, result);
  *result = new napi_async_work__{env, execute, complete, data};
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_delete_async_work(napi_env env, napi_async_work work) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  delete work;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_queue_async_work(napi_env env, napi_async_work work) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  work->queued = true;
  work->key = coil_napi_rs_queue_work(work);
  return NAPI_OK(env);
}

// A job no pool thread has taken completes with napi_cancelled; a running one
// finishes (its complete callback still comes).
napi_status NAPI_CDECL napi_cancel_async_work(napi_env env, napi_async_work work) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  NAPI_RETURN_IF(env, !work->queued, napi_generic_failure);
  coil_napi_rs_cancel_work(work->key);
  return NAPI_OK(env);
}

}  // extern "C"

// ---- thread-safe functions -----------------------------------------------------
struct napi_threadsafe_function__ {
  napi_env env;
  Global<Function> func;
  void* context;
  napi_threadsafe_function_call_js call_js;
  napi_finalize finalize_cb;
  void* finalize_data;
  size_t max_queue;
  void* waker = nullptr;

  std::mutex mu;
  std::condition_variable space;
  std::deque<void*> queue;
  size_t threads;
  bool closing = false;
  bool aborted = false;
  bool finalized = false;
};

// Runs on the loop thread with the lock not held.
static void tsfn_call(napi_threadsafe_function t, void* data) {
  napi_env env = t->env;
  HandleScope scope(env->isolate);
  Context::Scope cs(env->ctx());
  napi_value fn = t->func.IsEmpty() ? nullptr : to_napi(t->func.Get(env->isolate));
  napi_clear_last(env);
  if (t->call_js != nullptr) {
    t->call_js(env, fn, t->context, data);
  } else if (fn != nullptr) {
    napi_value undefined;
    napi_get_undefined(env, &undefined);
    napi_call_function(env, undefined, fn, 0, nullptr, nullptr);
  }
  napi_report_pending(env);
}

static void tsfn_forget(napi_threadsafe_function t) {
  auto& list = t->env->tsfns;
  for (auto it = list.begin(); it != list.end(); ++it) {
    if (*it == t) {
      list.erase(it);
      break;
    }
  }
}

static void tsfn_finalize(napi_threadsafe_function t) {
  t->finalized = true;
  tsfn_forget(t);
  coil_napi_rs_wake_close(t->waker);
  napi_env env = t->env;
  if (t->finalize_cb != nullptr) {
    HandleScope scope(env->isolate);
    Context::Scope cs(env->ctx());
    t->finalize_cb(env, t->finalize_data, t->context);
    napi_report_pending(env);
  }
  t->func.Reset();
  delete t;
}

void napi_tsfn_teardown(napi_threadsafe_function t) {
  {
    std::lock_guard<std::mutex> lock(t->mu);
    t->closing = true;
    t->aborted = true;
  }
  t->space.notify_all();
  t->finalized = true;
  if (t->finalize_cb != nullptr) t->finalize_cb(t->env, t->finalize_data, t->context);
}

extern "C" {

// The loop was woken for `t`: make the queued calls (a bounded batch, so other
// work is not starved), then finalize it if no thread holds it any more.
void coil_napi_tsfn_dispatch(void* p) {
  auto* t = static_cast<napi_threadsafe_function>(p);
  for (int n = 0; n < 1000; n++) {
    void* data;
    {
      std::lock_guard<std::mutex> lock(t->mu);
      if (t->queue.empty() || t->aborted) break;
      data = t->queue.front();
      t->queue.pop_front();
    }
    t->space.notify_one();
    tsfn_call(t, data);
  }
  bool done, more;
  {
    std::lock_guard<std::mutex> lock(t->mu);
    more = !t->queue.empty() && !t->aborted;
    done = (t->closing || t->threads == 0) && (t->queue.empty() || t->aborted);
    if (done) t->closing = true;
  }
  if (done) {
    t->space.notify_all();
    tsfn_finalize(t);
  } else if (more) {
    coil_napi_rs_wake_send(t->waker);
  }
}

napi_status NAPI_CDECL napi_create_threadsafe_function(
    napi_env env, napi_value func, napi_value async_resource, napi_value async_resource_name,
    size_t max_queue_size, size_t initial_thread_count, void* thread_finalize_data,
    napi_finalize thread_finalize_cb, void* context, napi_threadsafe_function_call_js call_js_cb,
    napi_threadsafe_function* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_resource_name);
  NAPI_RETURN_IF(env, initial_thread_count == 0, napi_invalid_arg);
  NAPI_CHECK_ARG(env, result);
  if (func == nullptr) {
    NAPI_CHECK_ARG(env, call_js_cb);
  } else {
    NAPI_RETURN_IF(env, !to_v8(func)->IsFunction(), napi_function_expected);
  }
  auto* t = new napi_threadsafe_function__();
  t->env = env;
  if (func != nullptr) t->func.Reset(env->isolate, to_v8(func).As<Function>());
  t->context = context;
  t->call_js = call_js_cb;
  t->finalize_cb = thread_finalize_cb;
  t->finalize_data = thread_finalize_data;
  t->max_queue = max_queue_size;
  t->threads = initial_thread_count;
  t->waker = coil_napi_rs_wake_open(t);
  env->tsfns.push_back(t);
  *result = t;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_get_threadsafe_function_context(napi_threadsafe_function func,
                                                            void** result) {
  if (func == nullptr || result == nullptr) return napi_invalid_arg;
  *result = func->context;
  return napi_ok;
}

// Any thread.
napi_status NAPI_CDECL napi_call_threadsafe_function(napi_threadsafe_function func, void* data,
                                                     napi_threadsafe_function_call_mode mode) {
  if (func == nullptr) return napi_invalid_arg;
  std::unique_lock<std::mutex> lock(func->mu);
  while (!func->closing && func->max_queue > 0 && func->queue.size() >= func->max_queue) {
    if (mode == napi_tsfn_nonblocking) return napi_queue_full;
    func->space.wait(lock);
  }
  if (func->closing) {
    if (func->threads > 0) func->threads--;
    return napi_closing;
  }
  bool first = func->queue.empty();
  func->queue.push_back(data);
  lock.unlock();
  if (first) coil_napi_rs_wake_send(func->waker);
  return napi_ok;
}

napi_status NAPI_CDECL napi_acquire_threadsafe_function(napi_threadsafe_function func) {
  if (func == nullptr) return napi_invalid_arg;
  std::lock_guard<std::mutex> lock(func->mu);
  if (func->closing) return napi_closing;
  func->threads++;
  return napi_ok;
}

napi_status NAPI_CDECL napi_release_threadsafe_function(napi_threadsafe_function func,
                                                        napi_threadsafe_function_release_mode mode) {
  if (func == nullptr) return napi_invalid_arg;
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(func->mu);
    if (func->threads == 0) return napi_invalid_arg;
    func->threads--;
    if (func->threads == 0 || mode == napi_tsfn_abort) {
      if (!func->closing) {
        func->closing = true;
        func->aborted = mode == napi_tsfn_abort;
        wake = true;
      }
    }
  }
  func->space.notify_all();
  if (wake) coil_napi_rs_wake_send(func->waker);
  return napi_ok;
}

// Loop thread only (they change whether the loop waits for this function).
napi_status NAPI_CDECL napi_unref_threadsafe_function(napi_env env,
                                                      napi_threadsafe_function func) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, func);
  coil_napi_rs_wake_ref(func->waker, false);
  return NAPI_OK(env);
}
napi_status NAPI_CDECL napi_ref_threadsafe_function(napi_env env, napi_threadsafe_function func) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, func);
  coil_napi_rs_wake_ref(func->waker, true);
  return NAPI_OK(env);
}

// ---- callback scopes and async contexts ----------------------------------------
// coil has no async_hooks resources for addons: a context is a token, and a
// callback scope's close drains the tick queue when it is the outermost one.
struct napi_async_context__ {
  napi_env env;
};
struct napi_callback_scope__ {
  napi_env env;
};

napi_status NAPI_CDECL napi_async_init(napi_env env, napi_value async_resource,
                                       napi_value async_resource_name,
                                       napi_async_context* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_resource_name);
  NAPI_CHECK_ARG(env, result);
  *result = new napi_async_context__{env};
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_async_destroy(napi_env env, napi_async_context async_context) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_context);
  delete async_context;
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_make_callback(napi_env env, napi_async_context async_context,
                                          napi_value recv, napi_value func, size_t argc,
                                          const napi_value* argv, napi_value* result) {
  NAPI_PREAMBLE(env);
  // As node: the receiver is made an object (undefined throws a TypeError).
  Local<Context> ctx = env->ctx();
  NAPI_TO_OBJECT(env, ctx, receiver, recv);
  napi_status s = napi_call_function(env, to_napi(receiver), func, argc, argv, result);
  if (s == napi_ok && env->depth == 0 && env->open_callback_scopes == 0) {
    coil_napi_rs_drain_ticks(env->isolate);
  }
  return s;
}

napi_status NAPI_CDECL napi_open_callback_scope(napi_env env, napi_value resource_object,
                                                napi_async_context context,
                                                napi_callback_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  env->open_callback_scopes++;
  *result = new napi_callback_scope__{env};
  return NAPI_OK(env);
}

napi_status NAPI_CDECL napi_close_callback_scope(napi_env env, napi_callback_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_RETURN_IF(env, env->open_callback_scopes == 0, napi_callback_scope_mismatch);
  env->open_callback_scopes--;
  delete scope;
  if (env->open_callback_scopes == 0 && env->depth == 0 && env->pending.IsEmpty()) {
    coil_napi_rs_drain_ticks(env->isolate);
  }
  return NAPI_OK(env);
}

}  // extern "C"
