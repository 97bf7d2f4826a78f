// One tracked link: its short URL with a copy button and QR code, how it unfurls when
// pasted, and a ready-to-paste post for its kind of community.
import { Show, createMemo, createUniqueId } from "solid-js";
import { postText } from "@sieve/core";
import type { Channel } from "../../lib/api-types";
import { channelKindLabels } from "../../editor/labels";
import { CopyField } from "../copy-field";
import { CopyButton } from "./copy-button";
import { LinkUnfurl } from "./link-unfurl";
import { QrCode } from "./qr-code";

/** The survey's words that posts and previews are made of. */
export type ShareCopy = {
  title: string;
  description: string;
  estimatedMinutes: number;
  previewTitle: string;
  previewDescription: string;
  cardImage: string;
  asksForEmail: boolean;
};

export function ChannelCard(props: { channel: Channel; copy: ShareCopy; deleting: boolean; onDelete: () => void }) {
  const headingId = createUniqueId();
  const bodyId = createUniqueId();
  let body: HTMLTextAreaElement | undefined;
  const post = createMemo(() =>
    postText({
      kind: props.channel.kind,
      url: props.channel.url,
      title: props.copy.title,
      description: props.copy.description,
      estimatedMinutes: props.copy.estimatedMinutes,
      asksForEmail: props.copy.asksForEmail,
    }),
  );
  const subjectLabel = () => (props.channel.kind === "reddit" ? "Post title" : "Subject");
  return (
    <article class="card channel-card" aria-labelledby={headingId} data-channel-code={props.channel.code}>
      <header class="channel-head">
        <h3 id={headingId}>{props.channel.name}</h3>
        <span class="chip">{channelKindLabels[props.channel.kind]}</span>
        <button
          type="button"
          class="button button-small button-danger-quiet channel-delete"
          disabled={props.deleting}
          onClick={() => props.onDelete()}
        >
          {props.deleting ? "Deleting…" : "Delete"}
          <span class="visually-hidden"> link “{props.channel.name}”</span>
        </button>
      </header>
      <div class="channel-grid">
        <div class="stack">
          <CopyField
            label={`Short link for ${props.channel.name}`}
            value={props.channel.url}
            hint="Responses through this link are counted for this channel."
          />
          <figure class="qr">
            <QrCode value={props.channel.url} label={`QR code for ${props.channel.url}`} />
            <figcaption class="hint">Scan to open the survey (for posters and slides).</figcaption>
          </figure>
        </div>
        <div class="stack">
          <h4 class="subheading">When the link is pasted</h4>
          <LinkUnfurl
            url={props.channel.url}
            title={props.copy.previewTitle}
            description={props.copy.previewDescription}
            image={props.copy.cardImage}
          />
        </div>
      </div>
      <section class="post-text stack" aria-label={`Post text for ${channelKindLabels[props.channel.kind]}`}>
        <h4 class="subheading">
          Post text for {channelKindLabels[props.channel.kind]}
          <Show when={post().format === "markdown"}>
            <span class="chip">Markdown</span>
          </Show>
        </h4>
        <p class="hint">{post().tip}</p>
        <Show when={post().subject}>{(subject) => <CopyField label={subjectLabel()} value={subject()} />}</Show>
        <div class="field">
          <label for={bodyId}>{post().subject ? "Body" : "Post"}</label>
          <textarea id={bodyId} ref={body} class="post-body" readOnly rows={10} value={post().body} />
        </div>
        <div>
          <CopyButton text={post().body} label={post().subject ? "Copy body" : "Copy post"} copiedLabel="Copied." fallbackTarget={() => body} />
        </div>
      </section>
    </article>
  );
}
