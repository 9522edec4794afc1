import { refuse } from "./refusal";

/** Where a direct link may send the person: the workspace, nowhere else. */
export const DEFAULT_WORKSPACE_PATH = "/workspace";
const MAX_PATH_LENGTH = 2_000;
const BASE = "http://workspace.invalid";

/**
 * The in-workspace path of a direct link, as a same-origin path under `/workspace` (no open redirect): absolute
 * URLs, `//host`, backslashes and `..` that climbs out are refused, not silently rewritten.
 */
export function workspacePath(input: string | null): string {
  if (input === null || input === "") return DEFAULT_WORKSPACE_PATH;
  const outside = `The path "${input.slice(0, 200)}" is not inside the workspace: send a path that starts with /workspace, such as /workspace/recipes.`;
  if (input.length > MAX_PATH_LENGTH) refuse(`The path is longer than ${MAX_PATH_LENGTH} characters.`);
  // `\` is `/` to browsers, and control characters are dropped by the URL parser: either could smuggle a host in.
  if (!input.startsWith("/") || input.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(input)) refuse(outside);
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return refuse(outside);
  }
  if (url.origin !== BASE) refuse(outside);
  if (url.pathname !== "/workspace" && !url.pathname.startsWith("/workspace/")) refuse(outside);
  return `${url.pathname}${url.search}${url.hash}`;
}
