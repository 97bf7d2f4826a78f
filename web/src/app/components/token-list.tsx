import { For, Show } from "solid-js";
import type { ApiToken } from "../lib/api-types";
import { DateOnly, TimeAgo } from "./time-ago";

export function TokenList(props: { tokens: ApiToken[]; busyId: string | null; onRevoke: (token: ApiToken) => void }) {
  return (
    <table class="table table-cards">
      <caption class="visually-hidden">Your API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.tokens}>
          {(token) => (
            <tr>
              <th scope="row" data-label="Name">
                {token.name}
              </th>
              <td data-label="Created">
                <DateOnly iso={token.createdAt} />
              </td>
              <td data-label="Last used">
                <Show when={token.lastUsedAt} fallback={<span class="muted">Never</span>}>
                  {(at) => <TimeAgo iso={at()} />}
                </Show>
              </td>
              <td class="row-actions">
                <button
                  type="button"
                  class="button button-danger-quiet button-small"
                  disabled={props.busyId !== null}
                  onClick={() => props.onRevoke(token)}
                >
                  Revoke<span class="visually-hidden"> {token.name}</span>
                </button>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
