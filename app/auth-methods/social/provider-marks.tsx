import type { SocialProviderId } from "~/auth-methods/social/catalog";
import { providerMarkShapes } from "./provider-mark-shapes";

/** A provider's mark on the hosted pages' "Continue with …" button (shapes shared with the widgets). */
export function ProviderMark({ id }: { id: SocialProviderId }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="shrink-0" data-mark={id}>
      {providerMarkShapes(id).map((shape) => (
        <path key={shape.d} fill={shape.fill} d={shape.d} />
      ))}
    </svg>
  );
}
