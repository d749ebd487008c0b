/* Asynchrony: promises, async work (execute off the main thread, complete on
 * it; one cancelled while queued), thread-safe functions called from a thread of
 * the addon's own (blocking on a full queue), napi_make_callback. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "common.h"

static pthread_t main_thread;

static napi_deferred later = NULL;

static napi_value promise_now(napi_env env, napi_callback_info info) {
  napi_value argv[2], promise;
  napi_deferred d;
  bool ok;
  args(env, info, 2, argv);
  CHECK(napi_get_value_bool(env, argv[1], &ok));
  CHECK(napi_create_promise(env, &d, &promise));
  if (ok) CHECK(napi_resolve_deferred(env, d, argv[0]));
  else CHECK(napi_reject_deferred(env, d, argv[0]));
  return promise;
}

static napi_value promise_later(napi_env env, napi_callback_info info) {
  napi_value promise;
  CHECK(napi_create_promise(env, &later, &promise));
  return promise;
}

static napi_value settle_later(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  args(env, info, 1, argv);
  CHECK(napi_resolve_deferred(env, later, argv[0]));
  later = NULL;
  return NULL;
}

typedef struct {
  napi_async_work work;
  napi_ref callback;
  int n, sleep_ms;
  double sum;
  int off_main;
} Job;

static void job_execute(napi_env env, void* data) {
  Job* job = data;
  if (job->sleep_ms) usleep(job->sleep_ms * 1000);
  job->off_main = !pthread_equal(pthread_self(), main_thread);
  for (int i = 1; i <= job->n; i++) job->sum += i;
}

static void job_complete(napi_env env, napi_status status, void* data) {
  Job* job = data;
  napi_value cb, undefined, argv[3];
  napi_get_reference_value(env, job->callback, &cb);
  napi_get_undefined(env, &undefined);
  argv[0] = num(env, status);
  argv[1] = num(env, job->sum);
  argv[2] = boolean(env, job->off_main);
  napi_async_context ctx;
  napi_value resource;
  napi_create_object(env, &resource);
  napi_async_init(env, resource, str(env, "coil-test-job"), &ctx);
  napi_make_callback(env, ctx, resource, cb, 3, argv, NULL);
  napi_async_destroy(env, ctx);
  napi_delete_reference(env, job->callback);
  napi_delete_async_work(env, job->work);
  free(job);
}

/* work(n, sleepMs, cb) -> cb(status, 1 + ... + n, ran off the main thread);
 * returns a function that cancels it. */
static napi_value cancel_job(napi_env env, napi_callback_info info) {
  Job* job;
  size_t argc = 0;
  CHECK(napi_get_cb_info(env, info, &argc, NULL, NULL, (void**)&job));
  return num(env, napi_cancel_async_work(env, job->work));
}

static napi_value work(napi_env env, napi_callback_info info) {
  napi_value argv[3], cancel;
  args(env, info, 3, argv);
  Job* job = calloc(1, sizeof(Job));
  CHECK(napi_get_value_int32(env, argv[0], &job->n));
  CHECK(napi_get_value_int32(env, argv[1], &job->sleep_ms));
  CHECK(napi_create_reference(env, argv[2], 1, &job->callback));
  napi_value resource;
  CHECK(napi_create_object(env, &resource));
  CHECK(napi_create_async_work(env, resource, str(env, "coil-test-job"), job_execute, job_complete,
                               job, &job->work));
  CHECK(napi_queue_async_work(env, job->work));
  CHECK(napi_create_function(env, "cancel", NAPI_AUTO_LENGTH, cancel_job, job, &cancel));
  return cancel;
}

typedef struct {
  napi_threadsafe_function tsfn;
  int count;
  pthread_t thread;
} Caller;

static void* caller_main(void* arg) {
  Caller* c = arg;
  for (int i = 0; i < c->count; i++) {
    int* v = malloc(sizeof(int));
    *v = i;
    napi_call_threadsafe_function(c->tsfn, v, napi_tsfn_blocking);
  }
  napi_release_threadsafe_function(c->tsfn, napi_tsfn_release);
  return NULL;
}

static void tsfn_call_js(napi_env env, napi_value cb, void* context, void* data) {
  int* v = data;
  if (env != NULL && cb != NULL) {
    napi_value undefined, argv[2];
    napi_get_undefined(env, &undefined);
    argv[0] = str(env, "call");
    argv[1] = num(env, *v);
    napi_call_function(env, undefined, cb, 2, argv, NULL);
  }
  free(v);
}

static void tsfn_finalize(napi_env env, void* data, void* context) {
  Caller* c = data;
  pthread_join(c->thread, NULL);
  napi_value cb, undefined, argv[2];
  napi_get_undefined(env, &undefined);
  cb = context;
  napi_ref ref = context;
  napi_get_reference_value(env, ref, &cb);
  argv[0] = str(env, "finalized");
  argv[1] = num(env, c->count);
  napi_call_function(env, undefined, cb, 2, argv, NULL);
  napi_delete_reference(env, ref);
  free(c);
}

/* threadsafe(cb, count): a thread calls cb('call', i) count times through a
 * queue of 2, then releases; cb('finalized', count) at the end. */
static napi_value threadsafe(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  napi_ref ref;
  args(env, info, 2, argv);
  Caller* c = calloc(1, sizeof(Caller));
  CHECK(napi_get_value_int32(env, argv[1], &c->count));
  CHECK(napi_create_reference(env, argv[0], 1, &ref));
  CHECK(napi_create_threadsafe_function(env, argv[0], NULL, str(env, "coil-test-tsfn"), 2, 1, c,
                                        tsfn_finalize, ref, tsfn_call_js, &c->tsfn));
  void* got;
  CHECK(napi_get_threadsafe_function_context(c->tsfn, &got));
  if (got != ref) napi_throw_error(env, NULL, "wrong context");
  pthread_create(&c->thread, NULL, caller_main, c);
  return NULL;
}

static void idle_finalize(napi_env env, void* data, void* context) {
  printf("idle thread-safe function finalized at the end\n");
  fflush(stdout);
}

/* A thread-safe function nobody calls, unreferenced: the process does not wait
 * for it, and finalizes it as the program ends. */
static napi_value idle_tsfn(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_threadsafe_function t;
  args(env, info, 1, argv);
  CHECK(napi_create_threadsafe_function(env, argv[0], NULL, str(env, "idle"), 0, 1, NULL,
                                        idle_finalize, NULL, NULL, &t));
  CHECK(napi_unref_threadsafe_function(env, t));
  return NULL;
}

static napi_value in_callback_scope(napi_env env, napi_callback_info info) {
  napi_value argv[1], undefined, resource, result;
  napi_async_context ctx;
  napi_callback_scope scope;
  args(env, info, 1, argv);
  CHECK(napi_get_undefined(env, &undefined));
  CHECK(napi_create_object(env, &resource));
  CHECK(napi_async_init(env, resource, str(env, "scope"), &ctx));
  CHECK(napi_open_callback_scope(env, resource, ctx, &scope));
  CHECK(napi_call_function(env, undefined, argv[0], 0, NULL, &result));
  CHECK(napi_close_callback_scope(env, scope));
  CHECK(napi_async_destroy(env, ctx));
  return result;
}

void add_async(napi_env env, napi_value exports) {
  main_thread = pthread_self();
  export_fn(env, exports, "promiseNow", promise_now);
  export_fn(env, exports, "promiseLater", promise_later);
  export_fn(env, exports, "settleLater", settle_later);
  export_fn(env, exports, "work", work);
  export_fn(env, exports, "threadsafe", threadsafe);
  export_fn(env, exports, "idleTsfn", idle_tsfn);
  export_fn(env, exports, "inCallbackScope", in_callback_scope);
}
