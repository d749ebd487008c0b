// StringDecoder('utf8') with every character split at every byte boundary, including
// ill-formed sequences completed across writes (overlong, surrogate, past U+10FFFF).
const { StringDecoder } = require('string_decoder');
const seqs = [[0xc3, 0xa9], [0xe2, 0x98, 0x83], [0xf0, 0x9f, 0x98, 0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xef, 0xbf, 0xbf]];
for (const seq of seqs) {
  const out = [];
  for (let cut = 1; cut < seq.length; cut++) {
    for (let cut2 = cut; cut2 <= seq.length; cut2++) {
      const d = new StringDecoder('utf8');
      const parts = [d.write(Buffer.from([0x61, ...seq.slice(0, cut)])), d.write(Buffer.from(seq.slice(cut, cut2))),
        d.write(Buffer.from([...seq.slice(cut2), 0x62])), d.end()];
      out.push(parts.map((p) => [...p].map((c) => c.codePointAt(0).toString(16)).join('.')).join('|'));
    }
  }
  console.log(seq.map((b) => b.toString(16)).join(' '), out.join(' / '));
}
