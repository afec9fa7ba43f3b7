import { metricsText } from "~/ops/metrics.server";
import { builtinModules } from "node:module";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENVIRONMENT_VARIABLES } from "~/config/env.server";

/**
 * The container image, compose file and Helm chart cannot be built or run here (no container
 * engine, no cluster), so these tests check what a typo would break: every environment variable
 * they set is one Portico reads, the image starts with a command and files that exist, nothing
 * it loads at run time is a dev dependency, and probes use the health endpoints.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const chart = "deploy/helm/portico";
const templateFiles = readdirSync(path.join(root, chart, "templates")).filter((name) => name.endsWith(".yaml"));
const templates = Object.fromEntries(templateFiles.map((name) => [name, read(`${chart}/templates/${name}`)]));
const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

type ComposeService = {
  build?: unknown;
  image?: string;
  environment?: Record<string, string> | string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  depends_on?: Record<string, unknown>;
};
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, ComposeService> };

function environmentNames(environment: ComposeService["environment"]): string[] {
  if (!environment) return [];
  return Array.isArray(environment) ? environment.map((entry) => entry.split("=")[0]!) : Object.keys(environment);
}

const porticoServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

/** `ENV A=1 B=2` instructions of the Dockerfile's last stage (with `\` continuations joined). */
function dockerfileInstructions(): string[] {
  return read("Dockerfile")
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
}

function runtimeStage(): string[] {
  const lines = dockerfileInstructions();
  const from = lines.findLastIndex((line) => line.startsWith("FROM "));
  return lines.slice(from);
}

function instruction(keyword: string): string {
  const line = runtimeStage().findLast((entry) => entry.startsWith(`${keyword} `));
  if (!line) throw new Error(`The Dockerfile's runtime stage has no ${keyword}`);
  return line.slice(keyword.length + 1).trim();
}

describe("the list of environment variables Portico reads", () => {
  it("names each variable some server code reads, and the validated ones", () => {
    const sources = [
      read("server.ts"),
      read("app/sms/config.server.ts"),
      read("app/bot-protection/deployment.server.ts"),
      read("app/webhooks/ssrf.server.ts"),
      read("app/sso/domains.server.ts"),
      read("app/ops/log.server.ts"),
      read("app/ops/tenant-labels.server.ts"),
      read("app/ops/tracing.server.ts"),
      read("app/config/env.server.ts").split("export const ENVIRONMENT_VARIABLES")[0]!,
    ].join("\n");
    for (const name of ENVIRONMENT_VARIABLES) expect(sources, name).toContain(name);
    expect(ENVIRONMENT_VARIABLES).toEqual(expect.arrayContaining(["PORTICO_SECRET", "DATABASE_URL", "PUBLIC_URL"]));
  });
});

describe("docker-compose.yml", () => {
  it("runs two Portico instances behind a load balancer, with PostgreSQL, Redis and Mailpit", () => {
    expect(porticoServices.map(([name]) => name)).toEqual(["portico-1", "portico-2"]);
    const images = Object.values(compose.services).map((service) => service.image ?? "");
    for (const image of ["nginx", "postgres", "redis", "mailpit"]) {
      expect(images.some((name) => name.includes(image))).toBe(true);
    }
  });

  it("sets only variables Portico reads on its instances", () => {
    for (const [name, service] of porticoServices) {
      const names = environmentNames(service.environment);
      expect(names, name).toEqual(expect.arrayContaining(["PUBLIC_URL", "PORTICO_SECRET", "DATABASE_URL", "SMTP_URL"]));
      for (const variable of names) expect(ENVIRONMENT_VARIABLES, `${name}: ${variable}`).toContain(variable);
    }
  });

  it("uses only ${VAR} interpolation, which compose understands (a shell's $(…) is an error there)", () => {
    const lines = read("docker-compose.yml")
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("#"));
    for (const line of lines) expect(line).not.toMatch(/\$(?![{$])/);
  });

  it("points the instances at the compose file's own PostgreSQL, Redis and Mailpit", () => {
    const environment = porticoServices[0]![1].environment as Record<string, string>;
    expect(new URL(environment.DATABASE_URL!).host).toBe("postgres:5432");
    expect(new URL(environment.REDIS_URL!).host).toBe("redis:6379");
    expect(new URL(environment.SMTP_URL!).host).toBe("mailpit:1025");
    const postgres = compose.services.postgres!.environment as Record<string, string>;
    expect(environment.DATABASE_URL).toBe(
      `postgres://${postgres.POSTGRES_USER}:${postgres.POSTGRES_PASSWORD}@postgres:5432/${postgres.POSTGRES_DB}`,
    );
  });

  it("checks readiness with /readyz and gives shutdown more than 25 seconds", () => {
    for (const [name, service] of porticoServices) {
      // Each argument a string: an unquoted `a ? b : c` in YAML would silently become a mapping.
      expect(
        service.healthcheck?.test.every((part) => typeof part === "string"),
        name,
      ).toBe(true);
      expect(service.healthcheck?.test.join(" "), name).toContain("/readyz");
      expect(Number.parseInt(service.stop_grace_period ?? "0", 10), name).toBeGreaterThan(25);
    }
  });

  it("balances over both instances in the nginx configuration it mounts", () => {
    const lb = Object.values(compose.services).find((service) => service.image?.startsWith("nginx"))!;
    const mount = (lb as { volumes: string[] }).volumes[0]!.split(":")[0]!;
    const config = read(mount);
    for (const [name] of porticoServices) expect(config).toContain(`server ${name}:3000`);
    expect(config).toContain("proxy_set_header X-Forwarded-For");
  });
});

describe("Dockerfile", () => {
  it("builds in one stage and runs as a non-root user with data in /data", () => {
    const froms = dockerfileInstructions().filter((line) => line.startsWith("FROM "));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(instruction("USER")).not.toMatch(/^(root|0)$/);
    expect(instruction("VOLUME")).toContain("/data");
    expect(runtimeStage().join("\n")).toContain("PORTICO_DATA_DIR=/data");
    expect(read("Dockerfile")).toContain("npm prune --omit=dev");
  });

  it("sets only variables Portico reads", () => {
    const env = runtimeStage()
      .filter((line) => line.startsWith("ENV "))
      .flatMap((line) => [...line.matchAll(/([A-Z][A-Z0-9_]*)=/g)].map((match) => match[1]!));
    expect(env).toContain("PORTICO_DATA_DIR");
    for (const variable of env) expect(ENVIRONMENT_VARIABLES, variable).toContain(variable);
  });

  it("starts the compiled server the way npm start does, with no loader or transpiler", () => {
    const command = JSON.parse(instruction("CMD")) as string[];
    expect(command).toEqual(["node", "build/server.js"]);
    expect(packageJson.scripts.build).toContain("npm run build:server");
    expect(packageJson.scripts["build:server"]).toContain("--outfile=${PORTICO_BUILD_DIR:-build}/server.js");
    expect(read("scripts/start.ts")).toContain("spawn(process.execPath, [compiledServer]");
  });

  it("checks health at /healthz, a route that exists", () => {
    expect(instruction("HEALTHCHECK")).toContain("/healthz");
    expect(existsSync(path.join(root, "app/routes/healthz.ts"))).toBe(true);
  });

  it("leaves dependencies, builds, data and .env files out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", "build", "data", ".env", "app/generated"]) expect(ignored).toContain(entry);
  });
});

/** Packages imported (not type-only) by a module and the project modules it imports, transitively. */
function runtimePackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^import\s+(?!type\s)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith(".") || specifier.startsWith("~/")) {
        const base = specifier.startsWith("~/")
          ? path.join(root, "app", specifier.slice(2))
          : path.resolve(path.dirname(file), specifier);
        const resolved = [".ts", ".tsx", "/index.ts", ""].map((ext) => base + ext).find((f) => existsSync(f));
        if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
        visit(resolved);
      } else if (!specifier.startsWith("node:") && !builtinModules.includes(specifier)) {
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
      }
    }
  };
  visit(path.join(root, entry));
  return packages;
}

describe("what the image loads at run time", () => {
  it("needs no dev dependency for server.ts and the modules it imports through tsx", () => {
    const packages = runtimePackages("server.ts");
    expect(packages).toContain("express");
    for (const name of packages) expect(Object.keys(packageJson.dependencies), name).toContain(name);
  });
});

describe("Helm chart", () => {
  const values = parse(read(`${chart}/values.yaml`)) as Record<string, unknown> & {
    config: Record<string, string>;
  };
  const deployment = templates["deployment.yaml"]!;

  it("has every required object", () => {
    const kinds = Object.values(templates).flatMap((text) => [...text.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]));
    expect(kinds.sort()).toEqual(
      [
        "ConfigMap",
        "Deployment",
        "HorizontalPodAutoscaler",
        "Ingress",
        "PersistentVolumeClaim",
        "PodDisruptionBudget",
        "Secret",
        "Service",
        "ServiceMonitor",
      ].sort(),
    );
    expect(existsSync(path.join(root, chart, "Chart.yaml"))).toBe(true);
    expect(existsSync(path.join(root, chart, "README.md"))).toBe(true);
  });

  it("sets only variables Portico reads, from values.yaml and the templates", () => {
    const fromValues = Object.keys(values.config);
    // Literal keys of the ConfigMap's and Secret's data: every variable the chart sets itself.
    const fromTemplates = ["configmap.yaml", "secret.yaml"].flatMap((name) =>
      [...templates[name]!.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!),
    );
    expect(fromTemplates).toEqual(expect.arrayContaining(["PORTICO_SECRET", "DATABASE_URL", "PORTICO_DATA_DIR"]));
    expect(fromValues).toContain("PUBLIC_URL");
    for (const variable of [...fromValues, ...fromTemplates]) {
      expect(ENVIRONMENT_VARIABLES, variable).toContain(variable);
    }
    // The deployment takes its environment only from those two objects.
    expect(deployment).not.toMatch(/^\s+env:/m);
    expect(deployment).toContain("configMapRef:");
    expect(deployment).toContain("secretRef:");
  });

  it("refers only to values that values.yaml defines", () => {
    const has = (keyPath: string[]) => {
      let node: unknown = values;
      for (const key of keyPath) {
        if (typeof node !== "object" || node === null || !(key in node)) return false;
        node = (node as Record<string, unknown>)[key];
      }
      return true;
    };
    const helpers = read(`${chart}/templates/_helpers.tpl`);
    const files: [string, string][] = [...Object.entries(templates), ["_helpers.tpl", helpers]];
    for (const [name, text] of files) {
      for (const match of text.matchAll(/\.Values((?:\.\w+)+)/g)) {
        expect(has(match[1]!.slice(1).split(".")), `${name}: .Values${match[1]}`).toBe(true);
      }
    }
  });

  it("balances its template blocks", () => {
    for (const [name, text] of Object.entries(templates)) {
      const actions = [...text.matchAll(/\{\{-?\s*(\w+)/g)].map((m) => m[1]);
      const opened = actions.filter((action) => ["if", "range", "with", "define"].includes(action!)).length;
      expect(actions.filter((action) => action === "end").length, name).toBe(opened);
      expect(text.split("{{").length, name).toBe(text.split("}}").length);
    }
  });

  it("probes /healthz for startup and liveness and /readyz for readiness, and drains for over 25 s", () => {
    const probe = (kind: string) => deployment.match(new RegExp(`${kind}:\\s+httpGet:\\s+path: (\\S+)`))?.[1];
    expect(probe("startupProbe")).toBe("/healthz");
    expect(probe("livenessProbe")).toBe("/healthz");
    expect(probe("readinessProbe")).toBe("/readyz");
    expect(deployment).toContain("terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}");
    expect(values.terminationGracePeriodSeconds).toBeGreaterThan(25);
  });

  it("runs as non-root with a read-only root filesystem, resources set and data in /data", () => {
    const pod = values.podSecurityContext as Record<string, unknown>;
    const container = values.securityContext as Record<string, unknown>;
    expect(pod.runAsNonRoot).toBe(true);
    expect(pod.runAsUser).not.toBe(0);
    expect(container.readOnlyRootFilesystem).toBe(true);
    expect(container.allowPrivilegeEscalation).toBe(false);
    expect(values.resources).toMatchObject({ requests: { cpu: expect.any(String), memory: expect.any(String) } });
    expect(deployment).toContain("mountPath: /data");
    expect(deployment).toContain("mountPath: /tmp");
    expect(templates["configmap.yaml"]).toContain("PORTICO_DATA_DIR: /data");
  });
});

describe("the Grafana dashboard", () => {
  it("queries only metrics Portico exports", async () => {
    const dashboard = JSON.parse(read("deploy/grafana/portico-dashboard.json")) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exported = new Set([...(await metricsText()).matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]!));
    const queried = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) =>
        [...target.expr.matchAll(/\b((?:portico|http|nodejs|process)_[a-z0-9_]+)\b/g)].map((match) =>
          match[1]!.replace(/_(bucket|count|sum)$/, ""),
        ),
      ),
    );
    expect(queried.length).toBeGreaterThan(10);
    for (const name of queried) expect(exported, name).toContain(name);
    expect(dashboard.panels.map((panel) => panel.title)).toEqual(
      expect.arrayContaining(["Sign-in attempts by outcome", "Outbox depth", "Event-loop lag p99"]),
    );
  });
});
