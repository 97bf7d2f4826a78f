#!/usr/bin/env node
// The browser journeys drive Debian's Chromium with playwright-core (Playwright's own
// browser download is not possible on these machines). Make sure it is installed:
// as root on Debian/Ubuntu we install it; elsewhere we say exactly what to do.
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log("Installing Chromium for the browser tests (apt-get install chromium)…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", { stdio: "inherit", shell: "/bin/bash" });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `Chromium is needed for the browser tests and was not found at ${path}.\n` +
    `Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
);
process.exit(1);
