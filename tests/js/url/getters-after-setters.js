// URL getters read after every kind of change give the new value (coil keeps the
// pathname, search and host it sliced once per parsed URL; each setter or
// searchParams change must leave none of the old ones behind).
'use strict';
const u = new URL('https://user:pw@example.com:8080/a/b?x=1#frag');
const show = (what) => console.log(what.padEnd(22), u.host, u.pathname, u.search, u.href);
show('parsed');
show('read twice');
u.pathname = '/c d';
show('pathname =');
u.search = '?y=2';
show('search =');
u.host = 'other.org:81';
show('host =');
u.hostname = 'third.net';
show('hostname =');
u.port = '';
show('port =');
u.searchParams.append('z', '3 4');
show('searchParams.append');
u.searchParams.delete('y');
show('searchParams.delete');
u.hash = '#h';
show('hash =');
u.protocol = 'http';
show('protocol =');
u.href = 'ftp://f.example/dir/?q';
show('href =');
u.search = '';
show('search = ""');
u.pathname = '';
show('pathname = ""');
u.host = 'bad host';
show('refused host');
const v = new URL('../x?', 'http://h/a/b/c');
console.log(v.pathname, JSON.stringify(v.search), v.host, v.href);
console.log(JSON.stringify(new URL('file:///tmp/a')), new URL('blob:http://h/x').pathname);
