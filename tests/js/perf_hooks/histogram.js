// createHistogram (record, recordDelta, stats, HDR buckets, add, reset, errors) and
// monitorEventLoopDelay (enable/disable, samples recorded; no timing values asserted).
const {createHistogram,monitorEventLoopDelay}=require('perf_hooks');
const h=createHistogram(); console.log(h);
h.record(5);h.record(10); console.log(h.min,h.max,h.mean,h.stddev,h.count,h.percentiles,h.percentile(50),h.exceeds, h.minBigInt, h.countBigInt);
for (const v of [0,-1,1.5,'1',2n**64n, 0n]) try{h.record(v)}catch(e){console.log(String(v),e.name,e.code,e.message)}
for (const v of [0,-1,101,'1',NaN]) try{h.percentile(v)}catch(e){console.log(String(v),e.name,e.code,e.message)}
for (const v of [{lowest:0},{highest:1},{figures:6},{lowest:'1'},1]) try{createHistogram(v)}catch(e){console.log(JSON.stringify(v),e.name,e.code,e.message)}
const h2=createHistogram(); try{h2.add(1)}catch(e){console.log(e.name,e.code,e.message)}
h2.add(h); console.log(h2.count); h.reset(); console.log(h.min, h.max, h.mean, h.stddev, h.percentiles);
const e=monitorEventLoopDelay(); console.log(e.enable(), e.enable(), e.disable(), e.disable(), e.constructor.name);
for (const v of [{resolution:0},{resolution:'1'},1]) try{monitorEventLoopDelay(v)}catch(e){console.log(JSON.stringify(v),e.name,e.code,e.message)}
const b=createHistogram({lowest:1, highest:2**40, figures:3}); b.record(123456789); b.record(5000); b.record(7); console.log(b.max, b.min, b.percentile(100), b.toJSON());
const c=createHistogram({highest:100}); c.record(5); c.record(200); c.record(7n); console.log(c.count,c.exceeds,c.max, c.toJSON(), c.percentilesBigInt, c.percentileBigInt(50));
const d=createHistogram(); for (let i=1;i<=100;i++) d.record(i*i*1000); console.log(d.toJSON());
const eld=monitorEventLoopDelay({resolution:5}); eld.enable(); setTimeout(()=>{eld.disable(); console.log(eld.count > 0, eld.min >= 1e6, eld.max >= eld.min, eld.percentile(50) >= 1e6)}, 100);
const delta = createHistogram();
delta.recordDelta();
console.log('first delta', delta.count);
setTimeout(() => { delta.recordDelta(); console.log('second delta', delta.count, delta.min >= 1); }, 2);
for (const v of [null, false, {}]) {
  try { createHistogram({ lowest: v }); } catch (e) { console.log('lowest', String(v), e.code); }
}
console.log(require('util').inspect(createHistogram(), { depth: -1 }));
