import type { Resource } from "./resource.js";

export interface Entry<T> {
  readonly seq: number;
  value: T;
}

/** Creation order shared by all collections; deleted ids keep their position so old cursors stay usable. */
export class SeqClock {
  private counter = 0;
  private readonly positions = new Map<string, number>();

  next(id: string): number {
    this.counter += 1;
    this.positions.set(id, this.counter);
    return this.counter;
  }

  positionOf(id: string): number | undefined {
    return this.positions.get(id);
  }
}

/** Objects kept in creation order with O(1) lookup by id. */
export class Collection<T extends { id: string }> {
  private readonly list: Entry<T>[] = [];
  private readonly byId = new Map<string, Entry<T>>();

  constructor(private readonly clock: SeqClock) {}

  insert(value: T): T {
    if (this.byId.has(value.id)) throw new Error(`Duplicate id ${value.id}`);
    const entry: Entry<T> = { seq: this.clock.next(value.id), value };
    this.list.push(entry);
    this.byId.set(value.id, entry);
    return value;
  }

  get(id: string): T | undefined {
    return this.byId.get(id)?.value;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  replace(value: T): void {
    const entry = this.byId.get(value.id);
    if (entry) entry.value = value;
  }

  delete(id: string): T | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    this.byId.delete(id);
    const index = lowerBound(this.list, entry.seq);
    if (this.list[index] === entry) this.list.splice(index, 1);
    return entry.value;
  }

  entries(): readonly Entry<T>[] {
    return this.list;
  }

  values(): T[] {
    return this.list.map((e) => e.value);
  }

  get size(): number {
    return this.list.length;
  }
}

/** First index whose seq is >= the given seq (entries are sorted by seq). */
export function lowerBound<T>(entries: readonly Entry<T>[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid]?.seq ?? 0) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Everything the API serves, one collection per resource of the list; rebuilt from the seed on reset. */
export class EmulatorStore {
  readonly clock = new SeqClock();
  private readonly collections = new Map<string, Collection<{ id: string }>>();

  constructor(readonly resources: readonly Resource[]) {
    for (const resource of resources) this.collections.set(resource.name, new Collection(this.clock));
    for (const resource of resources) {
      for (const parent of Object.values(resource.parents ?? {})) {
        if (!this.collections.has(parent))
          throw new Error(`${resource.name} names an unknown parent ${parent}`);
      }
    }
  }

  of<T extends { id: string }>(resource: Resource<T>): Collection<T> {
    const collection = this.collections.get(resource.name);
    if (!collection) throw new Error(`${resource.name} is not in the emulator's list of resources`);
    return collection as Collection<T>;
  }
}
