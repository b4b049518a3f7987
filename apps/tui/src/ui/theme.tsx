import { createContext, useContext } from "react";
import type { Tone } from "../model/result-rows.js";

/** NO_COLOR (https://no-color.org): present and not empty disables colour. */
export const colorFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean => !env.NO_COLOR;

export const ColorContext = createContext(true);

const TONE_COLORS: Record<Tone, string | undefined> = {
  normal: undefined,
  ok: "green",
  warn: "yellow",
  error: "red",
  muted: "gray",
  heading: "cyan",
};

/** Text props for a tone; without colour, tones fall back to bold/dim attributes only. */
export function useTone(): (tone: Tone) => { color?: string; bold?: boolean; dimColor?: boolean } {
  const color = useContext(ColorContext);
  return (tone) => ({
    ...(color && TONE_COLORS[tone] ? { color: TONE_COLORS[tone] } : {}),
    ...(tone === "heading" || tone === "error" ? { bold: true } : {}),
    ...(tone === "muted" ? { dimColor: true } : {}),
  });
}

export function useAccent(): string | undefined {
  return useContext(ColorContext) ? "cyan" : undefined;
}
