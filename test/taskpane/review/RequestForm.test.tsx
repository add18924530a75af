import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { REVIEW_TEXT } from "../../../src/i18n";
import { RequestForm, type RequestDraft } from "../../../src/taskpane/review/RequestForm";
import { ReviewAccess } from "../../../src/taskpane/review/ReviewAccess";
import { renderUi } from "../../support/render";

const ja = REVIEW_TEXT.ja;
const REVIEWERS = [
  { address: "kacho@mirai-shoji.co.jp", name: "山田 課長" },
  { address: "bucho@mirai-shoji.co.jp" },
];

function Form(props: { reviewers: typeof REVIEWERS; busy?: boolean; onRequest: (draft: RequestDraft) => void }) {
  const [value, setValue] = useState<RequestDraft>({ reviewer: "", note: "" });
  return <RequestForm reviewers={props.reviewers} value={value} onChange={setValue} busy={props.busy ?? false} text={ja} onRequest={() => props.onRequest(value)} />;
}

describe("the request form", () => {
  test("offers the policy's reviewers by name and address, the first chosen; sends the choice and the note", () => {
    const sent: RequestDraft[] = [];
    renderUi(<Form reviewers={REVIEWERS} onRequest={(d) => sent.push(d)} />);
    const picker = screen.getByTestId("reviewer") as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(["山田 課長 (kacho@mirai-shoji.co.jp)", "bucho@mirai-shoji.co.jp"]);
    expect(picker.value).toBe("kacho@mirai-shoji.co.jp");
    fireEvent.change(picker, { target: { value: "bucho@mirai-shoji.co.jp" } });
    fireEvent.change(screen.getByTestId("note"), { target: { value: "至急お願いします" } });
    fireEvent.click(screen.getByTestId("request"));
    expect(sent).toEqual([{ reviewer: "bucho@mirai-shoji.co.jp", note: "至急お願いします" }]);
  });

  test("while the request is sent the button says so and cannot be pressed again", () => {
    renderUi(<Form reviewers={REVIEWERS} busy onRequest={() => undefined} />);
    expect(screen.getByTestId("request")).toBeDisabled();
    expect(screen.getByTestId("request")).toHaveTextContent(ja.requesting);
  });

  test("no reviewer for this sender: says whom to ask, and offers no button", () => {
    renderUi(<Form reviewers={[]} onRequest={() => undefined} />);
    expect(screen.getByTestId("no-reviewer")).toHaveTextContent(ja.noReviewer);
    expect(screen.queryByTestId("request")).not.toBeInTheDocument();
  });
});

describe("getting to the review service", () => {
  const state = (phase: "connecting" | "sign-in" | "unavailable" | "ready", problem?: string) => ({ phase, problem, reviewers: [], listed: phase === "ready", busy: false });

  test("connecting: a spinner that says what is happening", () => {
    renderUi(<ReviewAccess state={state("connecting")} text={ja} onSignIn={() => undefined} />);
    expect(screen.getByText(ja.signingIn)).toBeInTheDocument();
  });

  test("a server without sign-in for the pane, and an unreachable server, each say so", () => {
    const view = renderUi(<ReviewAccess state={state("unavailable", "no-sign-in")} text={ja} onSignIn={() => undefined} />);
    expect(screen.getByTestId("review-unavailable")).toHaveTextContent(ja.signInUnavailable);
    view.unmount();
    renderUi(<ReviewAccess state={state("unavailable", "Failed to fetch")} text={ja} onSignIn={() => undefined} />);
    expect(screen.getByTestId("review-unavailable")).toHaveTextContent(ja.serviceUnavailable("Failed to fetch"));
  });

  test("the provider needs the sender: a Sign in button", () => {
    let clicks = 0;
    renderUi(<ReviewAccess state={state("sign-in", "interaction_required")} text={ja} onSignIn={() => (clicks += 1)} />);
    expect(screen.getByTestId("review-sign-in")).toHaveTextContent(ja.signInNeeded);
    fireEvent.click(screen.getByTestId("sign-in-button"));
    expect(clicks).toBe(1);
  });

  test("ready: nothing to show", () => {
    const view = renderUi(<ReviewAccess state={state("ready")} text={ja} onSignIn={() => undefined} />);
    expect(view.container.textContent).toBe("");
  });
});
