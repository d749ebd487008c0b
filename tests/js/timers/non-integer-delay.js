// Fractional delays are truncated to whole milliseconds when a timer is listed,
// as Node does: 1.8 ms and 1.1 ms timers share the 1 ms list and fire in the
// order they were set. The timer keeps the delay it was given.
const order = [];
setTimeout(() => order.push('1 ms (a)'), 1);
setTimeout(() => order.push('1.8 ms'), 1.8);
setTimeout(() => order.push('1.1 ms'), 1.1);
setTimeout(() => order.push('1 ms (b)'), 1);
const t = setTimeout(() => order.push('2.9 ms'), 2.9);
console.log('kept delay', t._idleTimeout);
setTimeout(() => {
  console.log(order.join(', '));
  let n = 0;
  const iv = setInterval(() => {
    if (++n === 5) {
      clearInterval(iv);
      console.log('interval of 1.5 ms ran', n, 'times');
    }
  }, 1.5);
}, 2);
