import { describe, expect, it } from "vitest";
import { deviceName } from "./device-name";

describe("deviceName", () => {
  it("names the browser and the system", () => {
    const chrome =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";
    expect(deviceName(chrome)).toBe("Chrome on Linux");
    const iphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    expect(deviceName(iphone)).toBe("Safari on iOS");
    const firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    expect(deviceName(firefox)).toBe("Firefox on Windows");
  });

  it("gives null for agents that name nothing, so the caller shows its own words", () => {
    expect(deviceName("curl/8.0")).toBeNull();
    expect(deviceName("")).toBeNull();
    expect(deviceName(null)).toBeNull();
  });
});
