import type { z } from "zod";
import type { WorkOSClient } from "../client/client.js";
import type { Config, Toolset } from "../config.js";
import type { DeletionTarget } from "../confirm.js";

/** The four MCP hints, always all set: clients treat a missing hint as the riskiest value. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolContext {
  client: WorkOSClient;
  config: Config;
  /** Aborted when the MCP client cancels the call; passed down to the socket. */
  signal: AbortSignal;
}

export interface ToolDefinition<
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
> {
  name: string;
  title: string;
  description: string;
  toolset: Toolset;
  input: Input;
  output: Output;
  annotations: ToolAnnotations;
  /**
   * Set on tools that destroy: looks up what the call would destroy, so the server can have the user
   * confirm it first (see --destructive).
   */
  target?(input: z.output<Input>, context: ToolContext): Promise<DeletionTarget>;
  /** Optional first line of the text content, e.g. a verdict, before the compact data. */
  headline?(output: z.input<Output>): string;
  // Method syntax keeps tools assignable to AnyTool (parameters are checked bivariantly).
  handler(input: z.output<Input>, context: ToolContext): Promise<z.input<Output>>;
}

/** Identity with inference: keeps each tool module a single typed literal. */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  tool: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return tool;
}

export type AnyTool = ToolDefinition<z.ZodObject, z.ZodObject>;

/** Annotations for a call that only reads WorkOS. */
export const READ: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};
