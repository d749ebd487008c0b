// 'unhandledRejection' listeners take over; a late handler emits 'rejectionHandled'.
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled', reason.message, promise instanceof Promise);
});
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p === late));
const late = Promise.reject(new Error('late'));
setTimeout(() => late.catch(() => console.log('caught late')), 5);
