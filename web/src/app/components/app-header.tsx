import { For, Show, createUniqueId, onCleanup, onMount, type JSX } from "solid-js";
import { useLocation } from "@solidjs/router";
import type { Me } from "../lib/api-types";
import { roleLabels } from "../lib/format";

export function AppHeader(props: {
  me: Me;
  switching: boolean;
  onSwitchWorkspace: (workspaceId: string) => void;
  onNewWorkspace: () => void;
  onSignOut: () => void;
}) {
  const switcherId = createUniqueId();
  const location = useLocation();
  // A survey's own pages still belong under "Surveys".
  const surveysActive = () => location.pathname === "/app" || location.pathname.startsWith("/app/surveys/");
  let menu: HTMLDetailsElement | undefined;
  const closeMenu = () => menu?.removeAttribute("open");
  onMount(() => {
    const onPointer = (event: PointerEvent) => {
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) closeMenu();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && menu?.open) {
        closeMenu();
        menu.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    onCleanup(() => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    });
  });

  return (
    <header class="app-header">
      <div class="app-header-inner">
        <a href="/app" class="brand">
          Sieve
        </a>
        <div class="workspace-switcher">
          <label for={switcherId} class="visually-hidden">
            Workspace
          </label>
          <select
            id={switcherId}
            value={props.me.workspace.id}
            disabled={props.switching || props.me.workspaces.length < 2}
            onChange={(event) => props.onSwitchWorkspace(event.currentTarget.value)}
          >
            <For each={props.me.workspaces}>
              {(workspace) => (
                <option value={workspace.id}>
                  {workspace.name} · {roleLabels[workspace.role]}
                </option>
              )}
            </For>
          </select>
        </div>
        <nav class="app-nav" aria-label="Main">
          <NavLink href="/app" active={surveysActive()}>
            Surveys
          </NavLink>
          <NavLink href="/app/people" active={location.pathname.startsWith("/app/people")}>
            People
          </NavLink>
          <NavLink href="/app/slots" active={location.pathname.startsWith("/app/slots")}>
            Slots
          </NavLink>
          <NavLink href="/app/outbox" active={location.pathname.startsWith("/app/outbox")}>
            Outbox
          </NavLink>
          <NavLink href="/app/members" active={location.pathname.startsWith("/app/members")}>
            Members
          </NavLink>
          <NavLink href="/app/settings/tokens" active={location.pathname.startsWith("/app/settings/tokens")}>
            API tokens
          </NavLink>
        </nav>
        <details class="user-menu" ref={menu}>
          <summary class="button button-quiet">
            <span class="avatar" aria-hidden="true">
              {initials(props.me.user.name || props.me.user.email)}
            </span>
            <span class="user-menu-name">{props.me.user.name || props.me.user.email}</span>
            <span class="visually-hidden">, account menu</span>
          </summary>
          <div class="user-menu-panel">
            <p class="user-menu-who">
              <strong>{props.me.user.name}</strong>
              <span class="muted">{props.me.user.email}</span>
            </p>
            <button
              type="button"
              class="menu-item"
              onClick={() => {
                closeMenu();
                props.onNewWorkspace();
              }}
            >
              New workspace…
            </button>
            <button
              type="button"
              class="menu-item"
              onClick={() => {
                closeMenu();
                props.onSignOut();
              }}
            >
              Sign out
            </button>
          </div>
        </details>
      </div>
      <Show when={props.switching}>
        <div class="progress-line" aria-hidden="true" />
      </Show>
    </header>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]?.[0], parts[parts.length - 1]?.[0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

function NavLink(props: { href: string; active: boolean; children: JSX.Element }) {
  return (
    <a href={props.href} classList={{ active: props.active }} aria-current={props.active ? "page" : undefined}>
      {props.children}
    </a>
  );
}
