// Renders children into a same-origin <iframe> with its own stylesheet, so the
// respondent page's CSS (and its phone-width media queries) apply untouched and never
// leak into the app. Nothing is loaded into the frame: it stays about:blank, inherits
// our Content-Security-Policy, and gets a <link> to our own stylesheet.
import { DelegatedEvents, Portal, clearDelegatedEvents, delegateEvents } from "solid-js/web";
import { Show, createEffect, createSignal, onCleanup, onMount, type JSX } from "solid-js";

export function IsolatedFrame(props: {
  title: string;
  stylesheet: string;
  lang: string;
  class?: string;
  children: JSX.Element;
}) {
  let frame: HTMLIFrameElement | undefined;
  const [mount, setMount] = createSignal<HTMLElement>();
  createEffect(() => {
    const root = mount();
    if (root) root.ownerDocument.documentElement.lang = props.lang;
  });

  onMount(() => {
    const doc = frame?.contentDocument;
    if (!doc) return;
    const title = doc.createElement("title");
    title.textContent = props.title;
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = props.stylesheet;
    doc.head.append(title, link);
    const root = doc.createElement("div");
    root.id = "root";
    doc.body.append(root);
    // Solid delegates events to the document that its listeners were added to; the
    // frame is a document of its own.
    delegateEvents([...DelegatedEvents], doc);
    onCleanup(() => clearDelegatedEvents(doc));
    setMount(root);
  });

  return (
    <>
      <iframe ref={frame} class={props.class} title={props.title} />
      <Show when={mount()}>{(root) => <Portal mount={root()}>{props.children}</Portal>}</Show>
    </>
  );
}
