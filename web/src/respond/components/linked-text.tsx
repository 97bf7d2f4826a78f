import { For } from "solid-js";
import { linkify } from "../linkify";

/** Plain text with http(s) URLs as links. Never parses HTML: text stays text. */
export function LinkedText(props: { text: string; class?: string }) {
  return (
    <p class={props.class ?? "linked-text"}>
      <For each={linkify(props.text)}>
        {(part) =>
          part.kind === "link" ? (
            <a href={part.href} rel="noopener noreferrer" target="_blank">
              {part.text}
            </a>
          ) : (
            part.text
          )
        }
      </For>
    </p>
  );
}
