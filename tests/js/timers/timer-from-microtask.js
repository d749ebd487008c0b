// A timer started from a microtask that runs right after the last due timer
// must still fire (the loop timer is re-armed, not left stopped).
(async () => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => {
      const t = setTimeout(() => { console.log('long timer', i); resolve(); }, 2000);
      setTimeout(() => { clearTimeout(t); setTimeout(resolve, 5); }, 5);
    });
    console.log('round', i);
  }
})();
