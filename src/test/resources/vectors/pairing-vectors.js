// Computes the fixed vectors of LinkCodeCipherTest and CompanionFinishTest independently with Node's crypto
// (no project code involved). Run: node src/test/resources/vectors/pairing-vectors.js
const c = require('crypto');
const seq = (start, n) => Buffer.from(Array.from({length: n}, (_, i) => (start + i) & 0xff));
const code = '2W4KQ7ZR';
const salt = seq(1, 32), iv = seq(0xa0, 16), pub = seq(0x40, 32);
const key = c.pbkdf2Sync(code, salt, 2 << 16, 32, 'sha256');
const ci = c.createCipheriv('aes-256-ctr', key, iv);
const wrapped = Buffer.concat([salt, iv, ci.update(pub), ci.final()]);
console.log('codeKey', key.toString('hex'));
console.log('wrapped', wrapped.toString('hex'));
// companion finish
const priv = raw => c.createPrivateKey({key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420','hex'), raw]), format:'der', type:'pkcs8'});
const pubOf = raw => c.createPublicKey(priv(raw)).export({format:'der', type:'spki'}).subarray(12);
const pubKey = raw => c.createPublicKey({key: Buffer.concat([Buffer.from('302a300506032b656e032100','hex'), raw]), format:'der', type:'spki'});
const clamp = b => { b = Buffer.from(b); b[0] &= 248; b[31] &= 127; b[31] |= 64; return b; };
const eC = clamp(seq(0x11, 32)), iC = clamp(seq(0x31, 32)), eP = clamp(seq(0x51, 32)), aP = clamp(seq(0x71, 32));
const ePpub = pubOf(eP), aPub = pubOf(aP), iPub = pubOf(iC);
const eph = c.diffieHellman({privateKey: priv(eC), publicKey: pubKey(ePpub)});
const ident = c.diffieHellman({privateKey: priv(iC), publicKey: pubKey(aPub)});
const bSalt = seq(0x81, 32), bIv = seq(0xc1, 12), advRandom = seq(0xd1, 32);
const bKey = Buffer.from(c.hkdfSync('sha256', eph, bSalt, Buffer.from('link_code_pairing_key_bundle_encryption_key'), 32));
const g = c.createCipheriv('aes-256-gcm', bKey, bIv);
const ct = Buffer.concat([g.update(Buffer.concat([iPub, aPub, advRandom])), g.final(), g.getAuthTag()]);
const adv = Buffer.from(c.hkdfSync('sha256', Buffer.concat([eph, ident, advRandom]), Buffer.alloc(32), Buffer.from('adv_secret'), 32));
console.log('bundle', Buffer.concat([bSalt, bIv, ct]).toString('hex'));
console.log('advSecret', adv.toString('hex'));
console.log('md5', c.createHash('md5').update('2.3000.1045649367').digest('hex'));
