// Entry of the researcher app (index.html). Routes own data loading; components take props.
import { lazy } from "solid-js";
import { render } from "solid-js/web";
import { Navigate, Route, Router } from "@solidjs/router";
import { AppShell } from "./routes/app-shell";
import { JoinPage } from "./routes/join";
import { LoginPage } from "./routes/login";
import { MembersPage } from "./routes/members";
import { AppNotFoundPage, NotFoundPage } from "./routes/not-found";
import { SetupPage } from "./routes/setup";
import { SurveyEditorPage } from "./routes/survey-editor";
import { SurveysPage } from "./routes/surveys";
import { TokensPage } from "./routes/tokens";
// The results pages carry chart.js: loaded only when opened.
const SurveyResultsPage = lazy(() => import("./routes/survey-results"));
const SharedResultsPage = lazy(() => import("./routes/shared-results"));
// Interviews: people, slots and outbox, also loaded when opened.
const SurveyPeoplePage = lazy(() => import("./routes/survey-people"));
const PeoplePage = lazy(() => import("./routes/people"));
const SlotsPage = lazy(() => import("./routes/slots"));
const OutboxPage = lazy(() => import("./routes/outbox"));
import "./app.css";
import "./builder.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

render(
  () => (
    <Router>
      <Route path="/" component={() => <Navigate href="/app" />} />
      <Route path="/setup/:token" component={SetupPage} />
      <Route path="/login" component={LoginPage} />
      <Route path="/join/:token" component={JoinPage} />
      <Route path="/r/:token" component={SharedResultsPage} />
      <Route path="/app" component={AppShell}>
        <Route path="/" component={SurveysPage} />
        <Route path="/surveys/:id/results" component={SurveyResultsPage} />
        <Route path="/surveys/:id/people" component={SurveyPeoplePage} />
        <Route path="/surveys/:id/:tab?" component={SurveyEditorPage} />
        <Route path="/people" component={PeoplePage} />
        <Route path="/slots" component={SlotsPage} />
        <Route path="/outbox" component={OutboxPage} />
        <Route path="/members" component={MembersPage} />
        <Route path="/settings/tokens" component={TokensPage} />
        <Route path="*rest" component={AppNotFoundPage} />
      </Route>
      <Route path="*rest" component={NotFoundPage} />
    </Router>
  ),
  root,
);
