import { useState, type ChangeEvent } from "react";
import { slugFromName } from "~/tenancy/slug";

/**
 * A slug field that follows the name field as it is typed, until someone edits the slug
 * itself (or it arrived filled, after a failed submission). Without JavaScript the slug field
 * stays empty and the server makes the slug from the name the same way.
 */
export function useDerivedSlug(initialSlug: string | undefined, maxLength: number) {
  const [slug, setSlug] = useState(initialSlug ?? "");
  const [edited, setEdited] = useState(Boolean(initialSlug));
  return {
    nameProps: {
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        if (!edited) setSlug(slugFromName(event.target.value, maxLength));
      },
    },
    slugProps: {
      value: slug,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setSlug(event.target.value);
        setEdited(event.target.value !== "");
      },
    },
  };
}
