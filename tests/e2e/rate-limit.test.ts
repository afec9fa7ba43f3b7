/**
 * Password guessing from one client IP is throttled by better-auth's sign-in rule (a few
 * attempts per 10 s); another client is not affected. The exact allowance is better-auth's
 * to choose, so the test only requires that it runs out within a handful of attempts.
 */
import { expect, PASSWORD, randomClientIp, test } from "./fixtures";

const MAX_ATTEMPTS = 10;

test("repeated wrong passwords from one IP are throttled, other IPs are not", async ({
  page,
  request,
  apiSignUp,
  uniqueEmail,
}) => {
  const email = uniqueEmail("guessed");
  await apiSignUp("demo", { name: "Guessed At", email });

  const statuses: number[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && !statuses.includes(429); attempt++) {
    const response = await request.post("/t/demo/api/auth/sign-in/email", {
      data: { email, password: `wrong-guess-${attempt}` },
    });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()["x-retry-after"])).toBeGreaterThan(0);
    } else {
      expect(response.status()).toBe(401);
    }
  }
  expect(statuses, `statuses: ${statuses.join(", ")}`).toContain(429);
  // Some honest mistakes are allowed before the limit.
  expect(statuses[0]).toBe(401);

  // Still throttled on the next try, even with the right password ...
  const right = await request.post("/t/demo/api/auth/sign-in/email", { data: { email, password: PASSWORD } });
  expect(right.status()).toBe(429);

  // ... and the hosted page from the same IP says so.
  await page.goto("/t/demo/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("another-wrong-guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Too many attempts. Wait a minute, then try again.");

  // Another client is not limited by this one's attempts.
  const elsewhere = await request.post("/t/demo/api/auth/sign-in/email", {
    data: { email, password: "wrong-from-elsewhere" },
    headers: { "x-forwarded-for": randomClientIp() },
  });
  expect(elsewhere.status()).toBe(401);
});
