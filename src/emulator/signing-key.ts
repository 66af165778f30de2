import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/**
 * The emulator's AuthKit signing key: an RSA key pair made once per process, on first use (so start-up stays
 * fast), that signs access tokens (RS256) and is published as the JWKS the official SDK verifies them with.
 * WorkOS's JWKS also carries the key's X.509 certificate (`x5c`, `x5t#S256`), so the emulator makes a
 * self-signed one.
 */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The key as the JWKS lists it. */
  readonly jwk: Record<string, unknown>;
}

let key: SigningKey | undefined;

export function signingKey(): SigningKey {
  key ??= makeKey();
  return key;
}

/** A compact JWS (RS256) of these claims; `kid` names another key in the header, for tests of unknown keys. */
export function signJwt(claims: Record<string, unknown>, kid: string = signingKey().kid): string {
  const { privateKey } = signingKey();
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${signature.toString("base64url")}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

function makeKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  const certificate = selfSignedCertificate(publicKey, privateKey);
  const kid = `sso_oidc_key_pair_${createHash("sha256").update(n).digest("hex").slice(0, 26).toUpperCase()}`;
  return {
    kid,
    privateKey,
    jwk: {
      alg: "RS256",
      kty: "RSA",
      use: "sig",
      x5c: [certificate.toString("base64")],
      n,
      e,
      kid,
      "x5t#S256": createHash("sha256").update(certificate).digest("base64url"),
    },
  };
}

// A minimal DER writer: just what one self-signed X.509 v3 certificate needs.
function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const length =
    body.length < 0x80
      ? Buffer.from([body.length])
      : body.length < 0x100
        ? Buffer.from([0x81, body.length])
        : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
const SHA256_WITH_RSA = sequence(
  der(0x06, Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b])),
  der(0x05),
);

function utcTime(date: Date): Buffer {
  const text = `${date.toISOString().slice(2, 19).replace(/[-:T]/g, "")}Z`;
  return der(0x17, Buffer.from(text));
}

/** CN=<name> */
function distinguishedName(name: string): Buffer {
  const commonName = der(0x06, Buffer.from([0x55, 0x04, 0x03]));
  return sequence(der(0x31, sequence(commonName, der(0x0c, Buffer.from(name)))));
}

/** Exported for the test that parses many of them (a random serial must always encode as strict DER). */
export function selfSignedCertificate(publicKey: KeyObject, privateKey: KeyObject): Buffer {
  const serial = randomBytes(16);
  // DER wants a positive INTEGER in its shortest form: a clear top bit (positive) and a non-zero first byte
  // (a leading 0x00 before a byte under 0x80 is not minimal, and OpenSSL refuses the certificate).
  serial[0] = 0x40 | ((serial[0] ?? 0) & 0x3f);
  const now = Date.now();
  const name = distinguishedName("WorkOS emulator");
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // version 3
    der(0x02, serial),
    SHA256_WITH_RSA,
    name,
    sequence(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 365 * 86_400_000))),
    name,
    publicKey.export({ type: "spki", format: "der" }),
  );
  const signature = sign("sha256", tbs, privateKey);
  return sequence(tbs, SHA256_WITH_RSA, der(0x03, Buffer.from([0]), signature));
}
