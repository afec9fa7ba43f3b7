import { describe, expect, it } from "vitest";
import { tracesUrl } from "./tracing.server";

describe("tracesUrl", () => {
  it("sends to <endpoint>/v1/traces, or to the traces endpoint exactly as given", () => {
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toBe(
      "http://collector:4318/v1/traces",
    );
    expect(
      tracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://traces.example.com/otlp",
      }),
    ).toBe("https://traces.example.com/otlp");
  });

  it("is off when unset, empty, malformed or disabled by OTEL_SDK_DISABLED", () => {
    expect(tracesUrl({})).toBeNull();
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: " " })).toBeNull();
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toBeNull();
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" })).toBeNull();
  });
});
