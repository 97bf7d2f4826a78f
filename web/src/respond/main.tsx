// Entry of the respondent page (respond.html, served at /s/:slug). Self-contained on
// purpose: no router, no researcher-app code, no charts — it must stay tiny.
import { render } from "solid-js/web";
import { RespondentApp } from "./respondent-app";
import "./respond.css";

const root = document.getElementById("root");
if (root) render(() => <RespondentApp />, root);
