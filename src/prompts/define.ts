import { isIdOf, ORGANIZATION_ID_PREFIX } from "../workos/id.js";

/** An argument of a prompt, as prompts/list shows it. */
export interface PromptArgument {
  name: string;
  description: string;
  required: boolean;
  /** Completed from WorkOS as the user types: organization names matching a fragment. */
  completes?: "organization";
}

/**
 * A prompt: a task the user starts by name (a slash command in Claude Code), written as the user's request
 * with the steps and tools that do it well.
 */
export interface PromptDefinition {
  name: string;
  title: string;
  description: string;
  arguments: readonly PromptArgument[];
  /** The tools its steps call: it is listed only where all of them are enabled. */
  uses: readonly string[];
  /** The user message; `arg` gives each argument, already checked to be present. */
  render(arg: (name: string) => string): string;
}

export function definePrompt(prompt: PromptDefinition): PromptDefinition {
  return prompt;
}

/** An organization named by id, or by name to look up first. */
export function organizationRef(value: string): string {
  return isIdOf(ORGANIZATION_ID_PREFIX, value)
    ? `the organization ${value}`
    : `the organization named "${value}" (find its id with list_organizations, search "${value}"; if several match, ask me which)`;
}
