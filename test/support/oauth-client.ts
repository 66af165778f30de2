import type {
  FetchLike,
  OAuthClientMetadata,
  OAuthClientProvider,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from "@modelcontextprotocol/client";

/** One HTTP exchange as the client saw it: what a sign-in transcript is made of. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  /** The request's form or JSON body, the response's WWW-Authenticate and Location, the response body. */
  detail: Record<string, unknown>;
}

/**
 * The v2 SDK client's OAuth provider as a script plays it: it keeps everything in memory, and instead of
 * opening a browser it remembers the authorization URL with `login_hint` added, which the emulator answers
 * with a redirect straight to the callback. With `clientId` (a URL) it registers by Client ID Metadata
 * Document; without, by dynamic client registration.
 */
export class ScriptedOAuthProvider implements OAuthClientProvider {
  readonly #loginHint: string;
  readonly #redirectUrl: string;
  #client: StoredOAuthClientInformation | undefined;
  #tokens: StoredOAuthTokens | undefined;
  #verifier = "";
  /** Where the SDK sent the person to sign in, last time. */
  authorizationUrl: URL | undefined;

  constructor(options: { loginHint: string; redirectUrl: string; clientId?: string }) {
    this.#loginHint = options.loginHint;
    this.#redirectUrl = options.redirectUrl;
    // The SDK takes a metadata URL only over https (clientMetadataUrl); a URL client id it already holds, it
    // uses as is: on loopback that is how a CIMD client reaches the emulator.
    this.#client = options.clientId === undefined ? undefined : { client_id: options.clientId };
  }

  get redirectUrl(): string {
    return this.#redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "workos-mcp sign-in test",
      redirect_uris: [this.#redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation(): StoredOAuthClientInformation | undefined {
    return this.#client;
  }

  saveClientInformation(information: StoredOAuthClientInformation): void {
    this.#client = information;
  }

  tokens(): StoredOAuthTokens | undefined {
    return this.#tokens;
  }

  saveTokens(tokens: StoredOAuthTokens): void {
    this.#tokens = tokens;
  }

  redirectToAuthorization(authorizationUrl: URL): void {
    authorizationUrl.searchParams.set("login_hint", this.#loginHint);
    this.authorizationUrl = authorizationUrl;
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.#verifier = codeVerifier;
  }

  codeVerifier(): string {
    return this.#verifier;
  }
}

/** A fetch that records every exchange (bodies of JSON and form requests and answers, the auth headers). */
export function recordingFetch(transcript: Exchange[]): FetchLike {
  return async (input, init) => {
    const request = new Request(input, init);
    const sent = request.body === null ? undefined : await request.clone().text();
    const response = await fetch(request);
    const received = await response.clone().text();
    const detail: Record<string, unknown> = {};
    if (sent !== undefined && sent !== "") detail.sent = parseBody(sent);
    for (const header of ["www-authenticate", "location"]) {
      const value = response.headers.get(header);
      if (value !== null) detail[header] = value;
    }
    if (received !== "") detail.received = parseBody(received);
    transcript.push({ method: request.method, url: request.url, status: response.status, detail });
    return response;
  };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.includes("=") && !text.includes(" ") ? Object.fromEntries(new URLSearchParams(text)) : text;
  }
}
