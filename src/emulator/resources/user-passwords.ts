import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { Resource } from "../resource.js";
import type { EmulatorStore } from "../store.js";

/**
 * A user's password, kept apart from the user so it is never served: a salted scrypt hash, keyed by the user's
 * id. Set by POST/PUT /user_management/users, a password reset and the seed (`password` on a user); deleted with
 * its user.
 */
export interface UserPassword {
  id: string;
  user_id: string;
  salt: string;
  hash: string;
}

// A light scrypt cost: these are test passwords, and the seed hashes them on every reset.
const COST = { N: 1024, r: 8, p: 1 };
const KEY_LENGTH = 32;

function hashOf(password: string, salt: string): Buffer {
  return scryptSync(password, salt, KEY_LENGTH, COST);
}

export function setPassword(store: EmulatorStore, userId: string, password: string): void {
  const salt = randomBytes(16).toString("base64url");
  const entry = { id: userId, user_id: userId, salt, hash: hashOf(password, salt).toString("base64url") };
  const all = store.of(userPasswords);
  if (all.has(userId)) all.replace(entry);
  else all.insert(entry);
}

export function passwordMatches(store: EmulatorStore, userId: string, password: string): boolean {
  const entry = store.of(userPasswords).get(userId);
  if (!entry) return false;
  return timingSafeEqual(hashOf(password, entry.salt), Buffer.from(entry.hash, "base64url"));
}

export const userPasswords: Resource<UserPassword, never, "user_passwords"> = {
  name: "user_passwords",
  label: "Password",
  parents: { user_id: "users" },
};
