/** What a form or a button says when its server action could not be reached at all. */
export const UNREACHABLE = "The server could not be reached. Nothing was changed; try again.";
