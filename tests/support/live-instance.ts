/**
 * A real `sieve serve` process, set up the way a first user does it (the one-time setup
 * link from its log), with the owner's session cookie and an API token in hand. Used by
 * the suites that need the real process: throttling, body limits, kill -9, load.
 */
import { removeDir, startServer, tempDataDir, type ServerProcess } from "./server-process.js";
import { apiClient, type Api } from "./survey-api.js";

export type LiveInstance = {
  server: ServerProcess;
  url: string;
  dataDir: string;
  env: Record<string, string>;
  owner: { email: string; password: string; cookie: string };
  token: string;
  api: Api;
  /** Stop the process (SIGTERM) and delete its data directory. */
  dispose(): Promise<void>;
};

export const OWNER = { email: "owner@live.example", password: "the owner's password" };

/** Headers a same-origin browser request carries. */
export const sameOrigin = (url: string) => ({ origin: new URL(url).origin, "sec-fetch-site": "same-origin" });

export async function signIn(url: string, email: string, password: string): Promise<{ status: number; cookie: string | null; body: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { ...sameOrigin(url), "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /sieve_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? null;
  return { status: res.status, cookie, body: await res.text() };
}

/** Start a server on a fresh DATA_DIR (or the given env's database) and claim it with the setup link. */
export async function startInstance(env: Record<string, string> = {}): Promise<LiveInstance> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const fullEnv = { DATA_DIR: dataDir, SCRYPT_LOG_N: "12", LOG_LEVEL: "warn", ...env };
  const server = await startServer(fullEnv, { direct: true });
  try {
    if (!server.setupUrl) throw new Error(`no setup link in the log:\n${server.logs()}`);
    const setupToken = server.setupUrl.split("/setup/")[1]!;
    const setup = await fetch(`${server.url}/api/setup`, {
      method: "POST",
      headers: { ...sameOrigin(server.url), "content-type": "application/json" },
      body: JSON.stringify({ token: setupToken, name: "Olive Owner", email: OWNER.email, password: OWNER.password, workspaceName: "Live" }),
    });
    if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
    const cookie = /sieve_session=[^;]+/.exec(setup.headers.get("set-cookie") ?? "")![0];
    const tokenRes = await fetch(`${server.url}/api/tokens`, {
      method: "POST",
      headers: { ...sameOrigin(server.url), cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "tests" }),
    });
    const token = ((await tokenRes.json()) as { secret: string }).secret;
    return {
      server,
      url: server.url,
      dataDir,
      env: fullEnv,
      owner: { ...OWNER, cookie },
      token,
      api: apiClient(server.url, token),
      async dispose() {
        await server.stop();
        removeDir(dataDir);
      },
    };
  } catch (e) {
    await server.stop("SIGKILL");
    removeDir(dataDir);
    throw e;
  }
}
