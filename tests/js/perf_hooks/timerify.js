// performance.timerify: name/length, constructors, node's errors, the histogram option,
// 'function' entries to observers (promise-returning functions once settled).
const {performance,PerformanceObserver,createHistogram}=require('perf_hooks');
function f(a){return a+1}
const t=performance.timerify(f); console.log(t===performance.timerify(f), t.name, t.length, typeof t, t(1));
class C{constructor(x){this.x=x}}
const tc=performance.timerify(C); const c = new tc(3); console.log(c, c instanceof C, tc.name);
try{performance.timerify(1)}catch(e){console.log(e.code,e.message)}
try{performance.timerify(f,1)}catch(e){console.log(e.code,e.message)}
try{performance.timerify(f,{histogram:1})}catch(e){console.log(e.code,e.message)}
const h = createHistogram();
const th = performance.timerify(f, { histogram: h }); th(1); th(2); console.log('histogram count', h.count, h.min >= 1);
const seen = [];
const o=new PerformanceObserver((l)=>{for(const e of l.getEntries()) seen.push(`${e.name} ${e[0]} ${e.entryType} ${typeof e.startTime} ${typeof e.duration} ${JSON.stringify(e.detail)} ${e.constructor.name}`); if (seen.length===3) { console.log(seen.join('\n')); o.disconnect(); }});
o.observe({entryTypes:['function']}); t(5); new tc(4);
const ta = performance.timerify(async function slow(x) { await new Promise((r) => setTimeout(r, 1)); return x * 2; });
ta(21).then((v) => console.log('async result', v));
