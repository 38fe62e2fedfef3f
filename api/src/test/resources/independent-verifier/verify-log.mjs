// An independent verifier of the festival ledger's transparency log, written from RFC 9162 §2.1 and the C2SP
// signed-note and tlog-checkpoint specifications only (it shares no code with the application, and uses nothing
// but Node's built-in crypto and fetch).
//
//   node verify-log.mjs <base URL> <auditor user:password> [<verifier key pinned out of band>]
//
// It checks, against a running ledger: every checkpoint's Ed25519 signature, every signed root recomputed from the
// auditor's export, inclusion proofs of random positions, and consistency proofs between checkpoints. Exit 0 when
// everything holds, 1 when something does not.
import crypto from 'node:crypto';

const [base, credentials, pinnedKey] = process.argv.slice(2);
const failures = [];
const fail = (message) => { failures.push(message); console.log('FAIL ' + message); };

async function get(path, authenticated) {
  const headers = authenticated ? { authorization: 'Basic ' + Buffer.from(credentials).toString('base64') } : {};
  const response = await fetch(base + path, { headers });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response;
}

// RFC 9162 §2.1.1
const sha256 = (...parts) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();
const hashLeaf = (data) => sha256(Buffer.from([0x00]), data);
const hashChildren = (left, right) => sha256(Buffer.from([0x01]), left, right);
const splitPoint = (n) => { let k = 1; while (k * 2 < n) k *= 2; return k; };

function mth(leaves, from, to) { // leaves are leaf DATA; D[from:to]
  const n = to - from;
  if (n === 0) return sha256(Buffer.alloc(0));
  if (n === 1) return hashLeaf(leaves[from]);
  const k = splitPoint(n);
  return hashChildren(mth(leaves, from, from + k), mth(leaves, from + k, to));
}

// RFC 9162 §2.1.3.1: PATH(m, D[n])
function path(m, leaves, from, to) {
  const n = to - from;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(m, leaves, from, from + k), mth(leaves, from + k, to)]
    : [...path(m - k, leaves, from + k, to), mth(leaves, from, from + k)];
}

// RFC 9162 §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true)
function subproof(m, leaves, from, to, b) {
  const n = to - from;
  if (m === n) return b ? [] : [mth(leaves, from, to)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, leaves, from, from + k, b), mth(leaves, from + k, to)]
    : [...subproof(m - k, leaves, from + k, to, false), mth(leaves, from, from + k)];
}

// RFC 9162 §2.1.3.2
function verifyInclusion(leafIndex, treeSize, leafHash, proof, root) {
  if (leafIndex >= treeSize) return false;
  let fn = BigInt(leafIndex), sn = BigInt(treeSize - 1), r = leafHash;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      if ((fn & 1n) === 0n) { while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; } }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

// RFC 9162 §2.1.4.2
function verifyConsistency(first, second, proof, firstHash, secondHash) {
  if (proof.length === 0) return first === second && firstHash.equals(secondHash);
  const path = (first & (first - 1)) === 0 ? [firstHash, ...proof] : [...proof];
  let fn = BigInt(first - 1), sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) { fn >>= 1n; sn >>= 1n; }
  let fr = path[0], sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(c, fr); sr = hashChildren(c, sr);
      if ((fn & 1n) === 0n) { while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; } }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0n;
}

// C2SP signed-note: verifier key "<name>+<hex key id>+<base64(0x01 || 32-byte Ed25519 key)>"
function parseVerifierKey(text) {
  const first = text.indexOf('+'), second = text.indexOf('+', first + 1);
  const name = text.slice(0, first), id = text.slice(first + 1, second);
  const data = Buffer.from(text.slice(second + 1), 'base64');
  if (data.length !== 33 || data[0] !== 0x01) throw new Error('not an Ed25519 verifier key');
  const expectedId = sha256(Buffer.from(name + '\n', 'utf8'), data).subarray(0, 4).toString('hex');
  if (expectedId !== id) throw new Error(`key id ${id} is not SHA-256(name, \\n, key)[:4] = ${expectedId}`);
  const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: data.subarray(1).toString('base64url') },
    format: 'jwk' });
  return { name, id: Buffer.from(id, 'hex'), key };
}

// C2SP signed-note verification, then C2SP tlog-checkpoint parsing of the text
function openCheckpoint(note, verifier) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note');
  const text = note.slice(0, split + 1);
  const signed = note.slice(split + 2, -1).split('\n').some((line) => {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match || match[1] !== verifier.name) return false;
    const signature = Buffer.from(match[2], 'base64');
    return signature.length === 68 && signature.subarray(0, 4).equals(verifier.id)
      && crypto.verify(null, Buffer.from(text, 'utf8'), verifier.key, signature.subarray(4));
  });
  if (!signed) throw new Error('no valid signature by ' + verifier.name);
  const lines = text.split('\n');
  if (!/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new Error('bad tree size');
  return { origin: lines[0], size: Number(lines[1]), root: Buffer.from(lines[2], 'base64') };
}

const keyText = (await (await get('/api/public/log/key')).text()).trim();
if (pinnedKey && pinnedKey !== keyText) fail(`the log publishes key ${keyText}, not the pinned ${pinnedKey}`);
const verifier = parseVerifierKey(pinnedKey || keyText);
const latestNote = await (await get('/api/public/log/checkpoint')).text();
const kept = await (await get('/api/public/log/checkpoints')).json();
const exported = (await (await get('/api/audit/export', true)).text()).split('\n').filter((line) => line.trim());
const leaves = exported.map((line, i) => {
  const event = JSON.parse(line);
  if (event.position !== i + 1) fail(`export line ${i + 1} holds position ${event.position}`);
  return Buffer.from(event.hash, 'hex');
});
console.log(`key ${verifier.name}, ${kept.length} checkpoints, ${leaves.length} events exported`);

const checkpoints = [];
for (const entry of [...kept, { note: latestNote }]) {
  try {
    const checkpoint = openCheckpoint(entry.note, verifier);
    if (checkpoint.origin !== verifier.name) fail(`checkpoint origin ${checkpoint.origin} is not the key's name`);
    if (entry.treeSize !== undefined && (entry.treeSize !== checkpoint.size
        || entry.rootHash !== checkpoint.root.toString('base64'))) fail(`list entry ${entry.treeSize} disagrees with its note`);
    if (checkpoint.size > leaves.length) { fail(`checkpoint ${checkpoint.size} is beyond the export`); continue; }
    if (!mth(leaves, 0, checkpoint.size).equals(checkpoint.root)) fail(`root at ${checkpoint.size} is not the export's`);
    checkpoints.push(checkpoint);
  } catch (e) {
    fail(`checkpoint: ${e.message}`);
  }
}
console.log(`${checkpoints.length} signatures verified, every root recomputed from the export`);

const latest = checkpoints[checkpoints.length - 1];
const positions = new Set([1, latest.size]);
while (positions.size < Math.min(25, latest.size)) positions.add(1 + crypto.randomInt(latest.size));
for (const position of positions) {
  const proof = await (await get(`/api/public/log/proof/inclusion?position=${position}&treeSize=${latest.size}`)).json();
  const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
  const leafHash = Buffer.from(proof.leafHash, 'base64');
  if (proof.leafIndex !== position - 1) fail(`inclusion of ${position}: leafIndex ${proof.leafIndex}`);
  if (!leafHash.equals(hashLeaf(leaves[position - 1]))) fail(`inclusion of ${position}: leaf hash is not the export's`);
  if (!verifyInclusion(position - 1, latest.size, leafHash, hashes, latest.root)) fail(`inclusion of ${position} does not verify`);
  const expected = path(position - 1, leaves, 0, latest.size);
  if (expected.length !== hashes.length || expected.some((h, i) => !h.equals(hashes[i]))) fail(`inclusion of ${position} is not PATH`);
}
console.log(`${positions.size} inclusion proofs verified`);

const sizes = [...new Set(checkpoints.map((c) => c.size))].sort((a, b) => a - b);
const roots = new Map(checkpoints.map((c) => [c.size, c.root]));
let pairs = 0;
for (let i = 0; i + 1 < sizes.length && pairs < 40; i++, pairs++) {
  for (const [from, to] of [[sizes[i], sizes[i + 1]], [sizes[i], latest.size]]) {
    const proof = await (await get(`/api/public/log/proof/consistency?from=${from}&to=${to}`)).json();
    const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
    if (!verifyConsistency(from, to, hashes, roots.get(from), roots.get(to))) fail(`consistency ${from} → ${to} does not verify`);
    const expected = from === to ? [] : subproof(from, leaves, 0, to, true);
    if (expected.length !== hashes.length || expected.some((h, i) => !h.equals(hashes[i]))) fail(`consistency ${from} → ${to} is not PROOF`);
  }
}
console.log(`${pairs * 2} consistency proofs verified`);

if (failures.length) {
  console.log(`FAILED: ${failures.length} problems`);
  process.exit(1);
}
console.log('OK: the log is consistent with its signed checkpoints');
