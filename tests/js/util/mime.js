// util.MIMEType / util.MIMEParams: parsing, serialization, setters, parameter
// handling and ERR_INVALID_MIME_SYNTAX messages (with and without an index).
const {MIMEType, MIMEParams, inspect}=require('util');
const t=(s)=>{try{const m=new MIMEType(s);console.log(JSON.stringify(s),'->',JSON.stringify(String(m)),m.type,m.subtype,m.essence,JSON.stringify([...m.params]))}catch(e){console.log(JSON.stringify(s),'ERR',e.name,e.code,e.message)}};
for (const s of ['text/html','TEXT/HTML; Charset="UTF-8"',' text/plain ;charset=utf-8 ','x','/x','x/','x/ ','x/y z','te xt/plain','text/plain;a=b;a=c','text/plain;A=B','text/plain;a="b\\"c";d=e','text/plain;a="unterminated','text/plain;a="x\\','text/plain;;;a=1','text/plain;a','text/plain;a=','text/plain;=x','text/plain;a= b ','text/plain;a=""','text/plain;a="" junk;b=2','text/plain;a=b c','text/plain;a=é','text/plain;a=\u0100','\u0100/x','text/pl\u00e9in','text/plain ; a=b','text/plain;\ta=b','text/plain;a =b','', 'a/b;c="d;e";f=g', 'text/javascript;charset="utf-8 "']) t(s);
const m=new MIMEType('text/javascript;key=value');
console.log(inspect(m), JSON.stringify(m), m.toJSON(), `${m.params}`, inspect(m.params));
m.type='Application'; console.log(String(m));
for (const v of ['', 'a b', 'x/y', 'é']) { try{m.type=v; console.log('type ok', String(m))}catch(e){console.log('type',JSON.stringify(v),e.code,e.message)} }
for (const v of ['', 'a b', 'X', 'a;b']) { try{m.subtype=v; console.log('subtype ok', String(m))}catch(e){console.log('subtype',JSON.stringify(v),e.code,e.message)} }
const p=m.params;
console.log(p.get('key'), p.get('nope'), p.has('key'), p.has('KEY'));
p.set('New','Val ue'); console.log(String(m), p.get('new'), p.get('New'));
p.set('e',''); console.log(String(m));
p.set('q','a"b\\c'); console.log(String(m));
for (const [n,v] of [['a b','x'],['','x'],['ok','\u0100'],['ok','\n'], ['é','x']]) { try{p.set(n,v);console.log('set ok',String(m))}catch(e){console.log('set',JSON.stringify(n),JSON.stringify(v),e.code,e.message)} }
p.delete('key'); console.log(String(m), [...p.keys()], [...p.values()], [...p.entries()], [...p]);
console.log(typeof MIMEParams, new MIMEParams().toString(), inspect(new MIMEParams()), Object.getOwnPropertyNames(MIMEParams.prototype), Object.getOwnPropertyNames(MIMEType.prototype));
const mp=new MIMEParams(); mp.set('a','1'); console.log(inspect(mp), JSON.stringify(mp), mp.toJSON && mp.toJSON());
console.log(String(new MIMEType({toString(){return 'a/b'}})), MIMEType.length, MIMEParams.length);
try{ new MIMEType() }catch(e){console.log(e.code,e.message)}
console.log(inspect(new MIMEType('a/b;c=d'),{depth:0}), inspect({m:new MIMEType('a/b')},{depth:0}));
console.log(m.params===m.params, p.get(undefined), p.has(), [...new MIMEType('a/b;x=1;y=2').params.entries()]);
const m2=new MIMEType('a/b;x=1'); const it=m2.params.keys(); console.log(inspect(it), Object.prototype.toString.call(it));
console.log(m2.params.set('x','2'), m2.params.delete('zz'), String(m2));
for (const s of [' x ',' a b/c ', ' x/ ', '\tx/y z ', ' a b/c', 'a/b c ', ' \u0100/x', ' a/\u00e9 ', 'a/b;c="d" ', 'a/b;c=d \t', ' a/b ;c=d']) { try { console.log(String(new MIMEType(s))) } catch(e) { console.log(JSON.stringify(e.message)) } }
