// Which module answers which command. A new capability (connect to the simulator, pair, post a status,
// send receipts) is a new module here plus its lines in this table.
export const commandModules = {
  ping: 'meta.mjs',
  version: 'meta.mjs',
  encode: 'binary.mjs',
  decode: 'binary.mjs',
  curveKeyPair: 'curve.mjs',
  curvePublicKey: 'curve.mjs',
  curveSign: 'curve.mjs',
  curveVerify: 'curve.mjs',
  curveAgree: 'curve.mjs',
  connect: 'socket.mjs',
  disconnect: 'socket.mjs',
  requestPairingCode: 'socket.mjs',
  creds: 'socket.mjs',
  forkAuthWithNewNoiseKey: 'socket.mjs',
}
