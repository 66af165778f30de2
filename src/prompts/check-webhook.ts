import { definePrompt } from "./define.js";

export default definePrompt({
  name: "check_webhook",
  title: "Check A Webhook",
  description:
    "Verify a pasted WorkOS webhook delivery (body and WorkOS-Signature header) and explain the event.",
  arguments: [
    { name: "payload", description: "The raw request body, exactly as received.", required: true },
    {
      name: "signature_header",
      description: "The WorkOS-Signature header's value (t=…, v1=…).",
      required: true,
    },
  ],
  uses: ["validate_webhook"],
  render: (arg) =>
    [
      "Check this WorkOS webhook delivery with validate_webhook, passing the body and header below exactly as given.",
      "Then tell me the verdict and why. If it is trusted, explain in plain words what the event means and what our app would typically do with it. If it is not, say what to fix (the secret, the clock, or a body reformatted on the way) and do not act on its content.",
      `Signature header: ${arg("signature_header")}`,
      "Body:",
      arg("payload"),
    ].join("\n"),
});
