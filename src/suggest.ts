/** What a mistyped name most likely meant, for error messages: `" (did you mean a or b?)"`, or "". */
export function didYouMean(name: string, known: readonly string[]): string {
  const near = closest(name, known);
  return near.length > 0 ? ` (did you mean ${near.join(" or ")}?)` : "";
}

/** The known names a typo most likely meant: within a few edits, or containing it. */
export function closest(name: string, known: readonly string[]): string[] {
  const scored = known
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate) }))
    .filter(({ candidate, distance }) => distance <= 3 || candidate.includes(name.toLowerCase()))
    .sort((a, b) => a.distance - b.distance);
  return scored.slice(0, 3).map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
