// exit: 1
// A rejection with a non-error reason becomes ERR_UNHANDLED_REJECTION.
Promise.reject(42);
