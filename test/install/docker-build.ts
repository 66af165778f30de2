// Reads a Dockerfile and a .dockerignore the way `docker build` does, closely enough to assemble the build
// context and replay the build here, where no container engine runs.
import { readdirSync } from "node:fs";
import { join, posix } from "node:path";

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Stages in order, with line continuations joined and comments dropped. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const joined = text.replace(/\\\r?\n/g, " ");
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === "FROM") {
      const [image = "", as, name] = args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (stage === undefined) throw new Error(`${upper} before FROM`);
    stage.instructions.push({ keyword: upper, args });
  }
  return stages;
}

export interface Copy {
  from: string | undefined;
  sources: string[];
  dest: string;
}

/** `COPY [--from=stage] src... dest`, in shell or JSON form. */
export function parseCopy(args: string): Copy {
  const flags = [...args.matchAll(/--(\w+)=(\S+)\s+/g)];
  const rest = args.replace(/^(--\w+=\S+\s+)+/, "");
  const words = rest.startsWith("[") ? (JSON.parse(rest) as string[]) : rest.split(/\s+/);
  const dest = words.pop();
  if (dest === undefined || words.length === 0)
    throw new Error(`COPY needs a source and a destination: ${args}`);
  const from = flags.find(([, flag]) => flag === "from")?.[2];
  return { from, sources: words, dest };
}

interface IgnorePattern {
  exclude: boolean;
  /** The cleaned pattern text, relative to the context root. */
  text: string;
  regex: RegExp;
}

/** Docker's pattern syntax (moby/patternmatcher): `*`, `?`, `[...]`, and `**` for any number of directories. */
function patternToRegex(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") {
        i++;
        source += "(?:.*/)?";
      } else source += ".*";
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "[") {
      const end = pattern.indexOf("]", i);
      source += pattern.slice(i, end + 1).replace("[!", "[^");
      i = end;
    } else if (char === "\\") source += `\\${pattern[++i] ?? ""}`;
    else source += char.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export function parseDockerignore(text: string): IgnorePattern[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const exclude = !line.startsWith("!");
      const cleaned = posix.normalize(line.replace(/^!/, "").trim()).replace(/^\/+/, "").replace(/\/+$/, "");
      return { exclude, text: cleaned, regex: patternToRegex(cleaned) };
    });
}

/** Whether `path` (relative, with `/`) is left out: the last pattern matching it or a parent directory wins. */
export function isIgnored(patterns: IgnorePattern[], path: string): boolean {
  const parts = path.split("/");
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let ignored = false;
  for (const pattern of patterns) {
    if (candidates.some((candidate) => pattern.regex.test(candidate))) ignored = pattern.exclude;
  }
  return ignored;
}

/** Every file `docker build` would send from `root`, as relative `/` paths. */
export function contextFiles(root: string, patterns: IgnorePattern[]): string[] {
  const exceptions = patterns.filter((pattern) => !pattern.exclude).map((pattern) => pattern.text);
  // An ignored directory is still walked when an exception might re-include something inside it.
  const mayReinclude = (dir: string) =>
    exceptions.some((text) => text.startsWith(`${dir}/`) || /^[*?[]/.test(text));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!isIgnored(patterns, path) || mayReinclude(path)) walk(path);
      } else if (!isIgnored(patterns, path)) files.push(path);
    }
  };
  walk("");
  return files.sort();
}
