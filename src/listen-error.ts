/**
 * A failure to listen that the user can fix (the port is taken, or needs privileges), in one sentence instead of
 * a stack trace; undefined for anything else.
 */
export function listenProblem(error: unknown, address: string, option: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "EADDRINUSE")
    return `${address} is already in use: stop what listens there, or choose another port with ${option}.`;
  if (code === "EACCES")
    return `Not allowed to listen on ${address}: choose a port above 1023 with ${option}.`;
  if (code === "EADDRNOTAVAIL")
    return `${address} is not an address of this machine: choose another with ${option}.`;
  return undefined;
}
