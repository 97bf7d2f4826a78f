// How a pasted link will look in a feed or chat: the card image the server renders
// for the survey, the host, and the link-preview title and description.
import { Show, createSignal } from "solid-js";

export function LinkUnfurl(props: { url: string; title: string; description: string; image: string }) {
  const [failed, setFailed] = createSignal(false);
  const host = () => {
    try {
      return new URL(props.url).host;
    } catch {
      return props.url;
    }
  };
  return (
    <figure class="unfurl">
      <Show
        when={!failed()}
        fallback={
          <div class="unfurl-fallback" aria-hidden="true">
            <span class="unfurl-fallback-mark" />
            <span>{host()}</span>
          </div>
        }
      >
        <img class="unfurl-image" src={props.image} alt="" loading="lazy" onError={() => setFailed(true)} />
      </Show>
      <figcaption class="unfurl-text">
        <span class="unfurl-host">{host()}</span>
        <strong class="unfurl-title">{props.title}</strong>
        <Show when={props.description}>
          <span class="unfurl-description">{props.description}</span>
        </Show>
      </figcaption>
    </figure>
  );
}
