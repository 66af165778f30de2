import type {
  Connection,
  Directory,
  DirectoryGroup,
  DirectoryUser,
  Organization,
  WebhookEndpoint,
  WorkOSEvent,
} from "./models.js";
import { Collection, SeqClock } from "./store.js";

export interface PortalLink {
  organization: string;
  intent: string | null;
  expiresAt: number;
}

/** Everything the API serves; rebuilt from the seed on reset. */
export class EmulatorStore {
  readonly clock = new SeqClock();
  readonly organizations = new Collection<Organization>(this.clock);
  readonly connections = new Collection<Connection>(this.clock);
  readonly directories = new Collection<Directory>(this.clock);
  readonly directoryGroups = new Collection<DirectoryGroup>(this.clock);
  readonly directoryUsers = new Collection<DirectoryUser>(this.clock);
  readonly events = new Collection<WorkOSEvent>(this.clock);
  readonly portalLinks = new Map<string, PortalLink>();
  webhookEndpoints: WebhookEndpoint[] = [];
}

/** What route handlers get besides the request. */
export interface EmulatorContext {
  readonly store: EmulatorStore;
  now(): number;
  /** The emulator's own base URL, e.g. http://127.0.0.1:4010. */
  baseUrl(): string;
  emit(type: string, data: Record<string, unknown>, organizationId: string | null): void;
}
