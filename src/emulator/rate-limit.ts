/** A fixed-window request counter; off unless the emulator is started with a rateLimit option. */
export class RateLimiter {
  private windowStart = 0;
  private count = 0;

  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
  ) {}

  /** Returns 0 when allowed, otherwise the milliseconds until the window resets. */
  check(now: number): number {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    return this.count > this.requests ? this.windowStart + this.windowMs - now : 0;
  }

  reset(): void {
    this.windowStart = 0;
    this.count = 0;
  }
}
