import { useEffect, useRef, useState } from "react";
import { useTranslate } from "~/i18n/use-translate";

const LEVELS = ["strength.0", "strength.1", "strength.2", "strength.3", "strength.4"] as const;

/** zxcvbn-ts with its common dictionary, fetched the first time someone types a password. */
let estimator: Promise<(password: string) => number> | undefined;
function loadEstimator() {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([{ ZxcvbnFactory }, { dictionary, adjacencyGraphs }]) => {
      const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
      return (password: string) => zxcvbn.check(password.slice(0, 128)).score;
    },
  );
  return estimator;
}

/**
 * A live strength estimate under a new-password field, the same estimator the server applies
 * (app/auth-methods/policies.server.ts), so "too weak" here means the server refuses it too.
 * It reads the form's `name` field; nothing shows until the user types.
 */
export function PasswordStrength({ name = "password", minStrength }: { name?: string; minStrength: number }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [score, setScore] = useState<number | null>(null);
  const t = useTranslate();
  useEffect(() => {
    const field = anchor.current?.closest("form")?.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement)) return;
    let latest = 0;
    const update = () => {
      const run = ++latest;
      const value = field.value;
      if (!value) return setScore(null);
      void loadEstimator().then((estimate) => {
        if (run === latest) setScore(estimate(value));
      });
    };
    field.addEventListener("input", update);
    return () => field.removeEventListener("input", update);
  }, [name]);
  const enough = score !== null && score >= minStrength;
  return (
    // Hidden (no gap in the form) until there is something to show.
    <div
      ref={anchor}
      className={score === null ? "hidden" : "-mt-2 flex items-center gap-2 text-xs text-muted"}
      aria-live="polite"
    >
      {score === null ? null : (
        <>
          <meter min={0} max={4} low={Math.max(minStrength, 1)} high={3} optimum={4} value={score} aria-hidden="true" />
          <span data-testid="password-strength" data-enough={enough}>
            {t("strength.label", { level: t(LEVELS[score]!) })}
          </span>
        </>
      )}
    </div>
  );
}
