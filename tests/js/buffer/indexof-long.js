// Buffer indexOf/lastIndexOf/includes over long haystacks: a needle whose first byte
// keeps matching in vain (the search switches strategy), matches at the ends, offsets.
const hay = Buffer.alloc(5000, 'aab');
hay.write('aaaz', 4000);
const cases = [['aaaz', 0], ['aaaz', 4001], ['aab', 4990], ['aaaz', -1000], ['b', 4999], ['zz', 0], ['aab', 0]];
for (const [n, off] of cases) {
  console.log(n, off, hay.indexOf(n, off), hay.lastIndexOf(n, off), hay.includes(Buffer.from(n), off),
    hay.indexOf(Buffer.from(n), off));
}
const big = Buffer.alloc(1 << 16, 'abcdefghij');
console.log(big.indexOf('xyz'), big.indexOf('hij', 65530), big.lastIndexOf('abc'), big.lastIndexOf('abc', 100),
  big.indexOf('jab'), big.indexOf(0x6a, 100), big.indexOf('abcdefghijabcdefghijk'));
