import { useEffect, useState } from "react";

/**
 * The average colour of an image's opaque pixels as #rrggbb, read from a small canvas in the
 * browser (the editor's logos are the tenant's own uploads, served from this origin); null
 * without an image, or when it cannot be read (a cross-origin URL not yet copied, say).
 */
export function useImageColor(url: string | null): string | null {
  const [color, setColor] = useState<string | null>(null);
  useEffect(() => {
    setColor(null);
    if (!url) return;
    let cancelled = false;
    const image = new Image();
    image.crossOrigin = "anonymous";
    image.onload = () => {
      if (!cancelled) setColor(averageColor(image));
    };
    image.src = url;
    return () => {
      cancelled = true;
    };
  }, [url]);
  return color;
}

const SIZE = 32;

function averageColor(image: HTMLImageElement): string | null {
  const canvas = document.createElement("canvas");
  canvas.width = SIZE;
  canvas.height = SIZE;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  try {
    context.drawImage(image, 0, 0, SIZE, SIZE);
    const { data } = context.getImageData(0, 0, SIZE, SIZE);
    const sum = [0, 0, 0];
    let weight = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]! / 255;
      // Anti-aliased edges and transparent padding say nothing about the mark's colour.
      if (alpha < 0.5) continue;
      for (let c = 0; c < 3; c++) sum[c]! += data[i + c]! * alpha;
      weight += alpha;
    }
    if (weight === 0) return null;
    return `#${sum
      .map((total) =>
        Math.round(total / weight)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;
  } catch {
    // A tainted canvas (an image from another origin).
    return null;
  }
}
