"use client";

// The same error page, inside the console shell so that the navigation stays in reach.
export { default } from "../error";
