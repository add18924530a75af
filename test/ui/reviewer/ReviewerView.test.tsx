import { act, fireEvent, screen } from "@testing-library/react";
import { REVIEW_TEXT } from "../../../src/i18n";
import { ReviewerView } from "../../../src/ui/reviewer/ReviewerView";
import { TOKEN_KEY } from "../../../src/ui/use-signed-in-user";
import { draftOf } from "../../support/drafts";
import { FakeReviewApi } from "../../support/fake-review-api";
import { renderUi } from "../../support/render";
import { reviewFor } from "../../support/reviews";

const ja = REVIEW_TEXT.ja;
const review = reviewFor(draftOf({ subject: "見積書（A社・B社）", to: ["a@acme.co.jp", "b@globex.co.jp"] }));

beforeEach(() => {
  window.sessionStorage.clear();
  window.location.hash = "";
});

function setup(api = new FakeReviewApi([review])) {
  const view = renderUi(<ReviewerView api={api} language="ja" title="Send Guard" />);
  return { api, view };
}

async function signInAsKacho() {
  const user = await screen.findByTestId("demo-user");
  await act(async () => fireEvent.click(user));
  await screen.findByTestId("signed-in-as");
}

test("signed out, the view asks who you are; after signing in it shows who, and the queue", async () => {
  setup();
  expect(await screen.findByTestId("sign-in")).toBeInTheDocument();
  await signInAsKacho();
  expect(screen.getByTestId("signed-in-as")).toHaveTextContent(ja.signedInAs("kacho@mirai-shoji.co.jp"));
  expect(await screen.findByTestId("queue")).toBeInTheDocument();
  expect(screen.getByText("見積書（A社・B社）")).toBeInTheDocument();
});

test("the token is kept for this tab: a reload signs in again without asking", async () => {
  const first = setup();
  await signInAsKacho();
  expect(window.sessionStorage.getItem(TOKEN_KEY)).toBe("token:kacho@mirai-shoji.co.jp");
  first.view.unmount();
  const api = new FakeReviewApi([review]);
  setup(api);
  expect(await screen.findByTestId("signed-in-as")).toHaveTextContent("kacho@mirai-shoji.co.jp");
  expect(api.callsOf("devSignIn")).toEqual([]);
});

test("a kept token the server no longer accepts is forgotten and the sign-in shown", async () => {
  window.sessionStorage.setItem(TOKEN_KEY, "expired-token");
  const api = new FakeReviewApi([review]);
  setup(api);
  expect(await screen.findByTestId("sign-in")).toBeInTheDocument();
  await act(async () => undefined);
  expect(window.sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  expect(api.currentToken).toBeUndefined();
});

test("Sign out forgets the token and returns to the sign-in", async () => {
  const { api } = setup();
  await signInAsKacho();
  fireEvent.click(screen.getByTestId("sign-out"));
  expect(await screen.findByTestId("sign-in")).toBeInTheDocument();
  expect(window.sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  expect(api.currentToken).toBeUndefined();
});

test("Open shows the request at #/requests/<id>; Back returns to the queue", async () => {
  setup();
  await signInAsKacho();
  const open = await screen.findByRole("button", { name: `${ja.open}: 見積書（A社・B社）` });
  await act(async () => fireEvent.click(open));
  expect(window.location.hash).toBe(`#/requests/${review.id}`);
  expect(await screen.findByTestId("request-detail")).toBeInTheDocument();
  await act(async () => fireEvent.click(screen.getByTestId("back")));
  expect(window.location.hash).toBe("#/");
  expect(await screen.findByTestId("queue")).toBeInTheDocument();
});

test("a link to one request (from the notification mail) opens it once signed in", async () => {
  window.location.hash = `#/requests/${review.id}`;
  setup();
  await signInAsKacho();
  expect(await screen.findByTestId("detail-subject")).toHaveTextContent("見積書（A社・B社）");
});

test("a hash that is not a request id shows the queue", async () => {
  window.location.hash = "#/requests/../../admin";
  setup();
  await signInAsKacho();
  expect(await screen.findByTestId("queue")).toBeInTheDocument();
});
