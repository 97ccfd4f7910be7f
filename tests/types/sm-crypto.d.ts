// The independent SM2 implementation the tests check our record signatures with (no types shipped).
declare module "sm-crypto" {
  const smCrypto: { sm2: { doVerifySignature(msg: string, signHex: string, publicKey: string, options?: { hash?: boolean; der?: boolean; userId?: string }): boolean } };
  export default smCrypto;
}
